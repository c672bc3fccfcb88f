/**
 * The task pane tells the truth to reviewers and clerks, after an evaluation: at task-pane widths 320, 350 and
 * 500 px, in Japanese and in English, each in its own browser, in order: 評価する → 印刷 → 読み直す → the clerk's
 * list → look-alike departments → a live edit → 評価する again → the pane's language. axe-core checks the pane at
 * each step (no serious or critical finding, every rule on).
 * Needs `npm run build` first. The words and the steps' readers: ./trust-pane.ts.
 */
import { describeTrustStory, SOGYO, SUMMARY_SHEET } from './trust-pane';

jest.setTimeout(60_000);

describeTrustStory(
  'printing and the clerk',
  ({ pane, words, locale }) => {
    it('lists the sheets 評価する laid out on the 印刷 tab, then counts sheets when printing', async () => {
      await pane.openTab('print');
      const ready = await pane.page.$$eval('[data-testid=print-ready] li[data-sheet]', (items) =>
        items.map((li) => li.getAttribute('data-sheet')),
      );
      expect(ready).toEqual(expect.arrayContaining(['KPI一覧', SUMMARY_SHEET]));
      await pane.page.getByTestId('print').click();
      await pane.idle();
      await pane.page.waitForFunction(() => document.activeElement?.id === 'print-done');
      const printed = words.printedStatus.exec(await pane.text('status'));
      expect(Number(printed?.[1])).toBe(ready.length);
      await pane.expectAccessible();
      await pane.shot('5-print');
    });

    it('clears the old messages on 読み直す', async () => {
      await pane.openTab('evaluate');
      await pane.page.getByTestId('reload').click();
      await pane.idle();
      expect(await pane.text('status')).toBe('');
      await pane.page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reload');
      await pane.openTab('print');
      expect(await pane.page.locator('[data-testid=print-ready] li[data-sheet]').count()).toBe(0);
    });

    it('shows a clerk each KPI with value, target and rate, and every item goes to its cell', async () => {
      await pane.openTab('clerk');
      const help = await pane.page.locator('[data-help=clerk]').textContent();
      expect(help).toContain(words.typeHere);
      await pane.page.getByTestId('department').selectOption('産業振興課');
      const items = pane.page.locator('[data-testid=dept-kpis] li');
      const count = await items.count();
      expect(count).toBeGreaterThan(5);
      // Every item is a button to a cell.
      expect(await pane.page.locator('[data-testid=dept-kpis] li button[data-cell]').count()).toBe(count);
      const sogyo = items.filter({ hasText: SOGYO }).locator('button');
      const shown = (await sogyo.textContent()) ?? '';
      for (const part of [words.value, words.target, words.rate]) expect(shown).toContain(part);
      // Named by what it shows, the grade chip speaking its label (axe's label-content-name-mismatch).
      expect(await sogyo.getAttribute('aria-label')).toBeNull();
      expect(await sogyo.ariaSnapshot()).toContain(words.chipName);
      const cell = await sogyo.getAttribute('data-cell');
      await sogyo.click();
      expect(await pane.text('demo-address')).toBe(cell);
      // An item with its value filled in (not only the missing ones) jumps too.
      const last = items.last().locator('button');
      await last.click();
      expect(await pane.text('demo-address')).toBe(await last.getAttribute('data-cell'));
      await pane.expectAccessible();
      await pane.shot('6-clerk');
    });

    it('lists all 50 KPIs with no inner scroll box, and flags look-alike department names', async () => {
      await pane.page.getByTestId('department').selectOption('');
      const list = pane.page.getByTestId('dept-kpis');
      expect(await list.locator('li').count()).toBe(50);
      const boxes = await list.evaluate((ul) => {
        const scrolling: string[] = [];
        for (let el: Element | null = ul; el && !el.matches('main.pane'); el = el.parentElement) {
          const style = getComputedStyle(el);
          if (/(auto|scroll)/.test(style.overflowY) || el.scrollHeight > el.clientHeight + 1)
            scrolling.push(el.className || el.tagName);
        }
        return scrolling;
      });
      expect(boxes).toEqual([]);
      const notice = await pane.text('look-alike');
      expect(notice).toContain('ひとつづくり推進課');
      expect(notice).toContain('ひとづくり推進課');
      const show = pane.page.getByTestId('look-alike').locator('button');
      const odd = await show.getAttribute('data-department');
      await show.click();
      expect(await pane.page.getByTestId('department').inputValue()).toBe(odd);
      const departments = await pane.page.$$eval('[data-testid=dept-kpis] li', (lis) =>
        lis.map((li) => li.getAttribute('data-department')),
      );
      expect(new Set(departments)).toEqual(new Set([odd]));
      await pane.shot('7-look-alike');
    });

    it('shows a real focus ring on the drop-down', async () => {
      const select = pane.page.getByTestId('department');
      await select.focus();
      await pane.page.keyboard.press('Shift+Tab');
      await pane.page.keyboard.press('Tab');
      expect(await pane.page.evaluate(() => document.activeElement?.id)).toBe('department');
      const ring = await select.evaluate((s) => {
        const style = getComputedStyle(s);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(ring).toBe('solid 2px');
      await pane.shot('8-focus');
    });

    it('says the summary sheet is behind after a live edit, until 評価する', async () => {
      await pane.page.getByTestId('department').selectOption('産業振興課');
      const sogyo = pane.page.locator('[data-testid=dept-kpis] li', { hasText: SOGYO });
      const address = (await sogyo.locator('button').getAttribute('data-cell')) ?? '';
      const before = await pane.summaryOverall();
      await pane.typeInto(address, '40人');
      await pane.page.waitForFunction((name) => {
        const li = [...document.querySelectorAll('[data-testid=dept-kpis] li')].find((l) =>
          (l.textContent ?? '').includes(name),
        );
        return li?.querySelector('.badge')?.getAttribute('data-grade') === 'A';
      }, SOGYO);
      for (const tab of ['clerk', 'evaluate']) {
        await pane.openTab(tab);
        const stale = await pane.text('edited-stale');
        for (const part of words.editedStale) expect(stale).toContain(part);
      }
      // The pane's counts moved; the summary sheet's did not: exactly what the notice says.
      const moved = (await pane.paneCounts()).overall;
      const sheet = await pane.summaryOverall();
      expect(sheet).toEqual(before);
      expect(moved.A).toBe(sheet.A + 1);
      expect(moved.D).toBe(sheet.D - 1);
      await pane.expectAccessible();
      await pane.shot('9-stale');
      await pane.page.getByTestId('evaluate').click();
      await pane.idle();
      expect(await pane.page.getByTestId('edited-stale').count()).toBe(0);
      const after = await pane.summaryOverall();
      expect((await pane.paneCounts()).overall).toEqual({
        judged: after.judged,
        A: after.A,
        B: after.B,
        C: after.C,
        D: after.D,
        X: after.X,
      });
    });

    it('speaks the pane’s language throughout', async () => {
      for (const tab of ['evaluate', 'settings', 'clerk', 'print']) {
        await pane.openTab(tab);
        if (locale === 'en-US') expect(await pane.japaneseOutsideSheetText()).toEqual([]);
      }
      await pane.openTab('clerk');
      const chips = await pane.page.$$eval(
        '[data-testid=dept-kpis] .badge[data-grade="廃止"] [aria-hidden]',
        (c) => c.map((e) => e.textContent),
      );
      await pane.page.getByTestId('department').selectOption('');
      const all = await pane.page.$$eval(
        '[data-testid=dept-kpis] .badge[data-grade="廃止"] [aria-hidden]',
        (c) => c.map((e) => e.textContent),
      );
      expect(all.length).toBeGreaterThan(0);
      expect(new Set([...chips, ...all])).toEqual(new Set([words.abolished]));
      expect(pane.pageErrors()).toEqual([]);
    });
  },
  // The evaluation the first part of the story ends with (taskpane-trust-settings.test.ts).
  async (pane) => {
    await pane.page.getByTestId('evaluate').click();
    await pane.page.waitForSelector('[data-testid=counts]');
    await pane.idle();
  },
);
