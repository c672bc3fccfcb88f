/**
 * The task pane tells the truth to reviewers and clerks, after an evaluation: at task-pane widths 320, 350 and
 * 500 px, in Japanese and in English, each in its own browser, in order: 評価する → 印刷 → 読み直す → the clerk's
 * list → look-alike departments → a live edit → 評価する again → the pane's language. axe-core checks the pane at
 * each step (no serious or critical finding, every rule on).
 * Needs `npm run build` first. The words and the steps' readers: ./trust-pane.ts.
 */
import type { Page } from 'playwright-core';
import { CASES, SOGYO, SUMMARY_SHEET, trustPane, WORDS } from './trust-pane';

jest.setTimeout(60_000);

describe.each(CASES)('the task pane at %i px in %s: printing and the clerk', (width, locale) => {
  const words = WORDS[locale];
  const pane = trustPane(width, locale);
  const {
    shot,
    idle,
    openTab,
    text,
    expectAccessible,
    japaneseOutsideSheetText,
    paneCounts,
    summaryOverall,
    typeInto,
  } = pane;
  let page: Page;

  beforeAll(async () => {
    page = await pane.open();
    // The evaluation the first half of the story ends with (taskpane-trust-settings.test.ts).
    await page.getByTestId('evaluate').click();
    await page.waitForSelector('[data-testid=counts]');
    await idle();
  }, 60_000);

  afterAll(async () => {
    await pane.close();
  });

  it('lists the sheets 評価する laid out on the 印刷 tab, then counts sheets when printing', async () => {
    await openTab('print');
    const ready = await page.$$eval('[data-testid=print-ready] li[data-sheet]', (items) =>
      items.map((li) => li.getAttribute('data-sheet')),
    );
    expect(ready).toEqual(expect.arrayContaining(['KPI一覧', SUMMARY_SHEET]));
    await page.getByTestId('print').click();
    await idle();
    await page.waitForFunction(() => document.activeElement?.id === 'print-done');
    const printed = words.printedStatus.exec(await text('status'));
    expect(Number(printed?.[1])).toBe(ready.length);
    await expectAccessible();
    await shot('5-print');
  });

  it('clears the old messages on 読み直す', async () => {
    await openTab('evaluate');
    await page.getByTestId('reload').click();
    await idle();
    expect(await text('status')).toBe('');
    await page.waitForFunction(() => document.activeElement?.getAttribute('data-testid') === 'reload');
    await openTab('print');
    expect(await page.locator('[data-testid=print-ready] li[data-sheet]').count()).toBe(0);
  });

  it('shows a clerk each KPI with value, target and rate, and every item goes to its cell', async () => {
    await openTab('clerk');
    const help = await page.locator('[data-help=clerk]').textContent();
    expect(help).toContain(words.typeHere);
    await page.getByTestId('department').selectOption('産業振興課');
    const items = page.locator('[data-testid=dept-kpis] li');
    const count = await items.count();
    expect(count).toBeGreaterThan(5);
    // Every item is a button to a cell.
    expect(await page.locator('[data-testid=dept-kpis] li button[data-cell]').count()).toBe(count);
    const sogyo = items.filter({ hasText: SOGYO }).locator('button');
    const shown = (await sogyo.textContent()) ?? '';
    for (const part of [words.value, words.target, words.rate]) expect(shown).toContain(part);
    // Named by what it shows, the grade chip speaking its label (axe's label-content-name-mismatch).
    expect(await sogyo.getAttribute('aria-label')).toBeNull();
    expect(await sogyo.ariaSnapshot()).toContain(words.chipName);
    const cell = await sogyo.getAttribute('data-cell');
    await sogyo.click();
    expect(await text('demo-address')).toBe(cell);
    // An item with its value filled in (not only the missing ones) jumps too.
    const last = items.last().locator('button');
    await last.click();
    expect(await text('demo-address')).toBe(await last.getAttribute('data-cell'));
    await expectAccessible();
    await shot('6-clerk');
  });

  it('lists all 50 KPIs with no inner scroll box, and flags look-alike department names', async () => {
    await page.getByTestId('department').selectOption('');
    const list = page.getByTestId('dept-kpis');
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
    const notice = await text('look-alike');
    expect(notice).toContain('ひとつづくり推進課');
    expect(notice).toContain('ひとづくり推進課');
    const show = page.getByTestId('look-alike').locator('button');
    const odd = await show.getAttribute('data-department');
    await show.click();
    expect(await page.getByTestId('department').inputValue()).toBe(odd);
    const departments = await page.$$eval('[data-testid=dept-kpis] li', (lis) =>
      lis.map((li) => li.getAttribute('data-department')),
    );
    expect(new Set(departments)).toEqual(new Set([odd]));
    await shot('7-look-alike');
  });

  it('shows a real focus ring on the drop-down', async () => {
    const select = page.getByTestId('department');
    await select.focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('department');
    const ring = await select.evaluate((s) => {
      const style = getComputedStyle(s);
      return `${style.outlineStyle} ${style.outlineWidth}`;
    });
    expect(ring).toBe('solid 2px');
    await shot('8-focus');
  });

  it('says the summary sheet is behind after a live edit, until 評価する', async () => {
    await page.getByTestId('department').selectOption('産業振興課');
    const sogyo = page.locator('[data-testid=dept-kpis] li', { hasText: SOGYO });
    const address = (await sogyo.locator('button').getAttribute('data-cell')) ?? '';
    const before = await summaryOverall();
    await typeInto(address, '40人');
    await page.waitForFunction((name) => {
      const li = [...document.querySelectorAll('[data-testid=dept-kpis] li')].find((l) =>
        (l.textContent ?? '').includes(name),
      );
      return li?.querySelector('.badge')?.getAttribute('data-grade') === 'A';
    }, SOGYO);
    for (const tab of ['clerk', 'evaluate']) {
      await openTab(tab);
      const stale = await text('edited-stale');
      for (const part of words.editedStale) expect(stale).toContain(part);
    }
    // The pane's counts moved; the summary sheet's did not: exactly what the notice says.
    const moved = (await paneCounts()).overall;
    const sheet = await summaryOverall();
    expect(sheet).toEqual(before);
    expect(moved.A).toBe(sheet.A + 1);
    expect(moved.D).toBe(sheet.D - 1);
    await expectAccessible();
    await shot('9-stale');
    await page.getByTestId('evaluate').click();
    await idle();
    expect(await page.getByTestId('edited-stale').count()).toBe(0);
    const after = await summaryOverall();
    expect((await paneCounts()).overall).toEqual({
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
      await openTab(tab);
      if (locale === 'en-US') expect(await japaneseOutsideSheetText()).toEqual([]);
    }
    await openTab('clerk');
    const chips = await page.$$eval('[data-testid=dept-kpis] .badge[data-grade="廃止"] [aria-hidden]', (c) =>
      c.map((e) => e.textContent),
    );
    await page.getByTestId('department').selectOption('');
    const all = await page.$$eval('[data-testid=dept-kpis] .badge[data-grade="廃止"] [aria-hidden]', (c) =>
      c.map((e) => e.textContent),
    );
    expect(all.length).toBeGreaterThan(0);
    expect(new Set([...chips, ...all])).toEqual(new Set([words.abolished]));
    expect(pane.pageErrors()).toEqual([]);
  });
});
