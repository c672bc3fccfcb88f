/**
 * The task pane tells the truth and explains itself: the built pane in Debian's Chromium, in demo
 * mode, as planning staff, clerks and reviewers drive it, at task-pane widths 320, 350 and 500 px, in Japanese
 * and in English. Each width and language gets its own browser and goes through the same story in order:
 * open → thresholds out of order → 評価する → counts against the summary sheet → 印刷 → 読み直す → the clerk's
 * list → a live edit → 評価する again. axe-core checks every tab (no serious or critical violation).
 * Needs `npm run build` first. Screenshots: out/trust-<width>-<lang>-<step>.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, openPane, seriousAxeFindings } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(60_000);

const SOGYO = '創業支援事業による創業者数';
const SUMMARY_SHEET = 'KPI評価サマリー';

/** What each language must say; the numbers come from the sample sheet, never from here. */
const WORDS = {
  'ja-JP': {
    judgedStatus: /R6 の KPI (\d+) 件を判定し（廃止 (\d+) 件は数えません）/,
    printedStatus: /印刷の設定をしました: (\d+) シート/,
    // core/settings validateScale's words for C (level 3) at 90 % above B (level 2) at 80 %.
    held: ['評価できません', '3段目: しきい値 90% は2段目より小さくしてください'],
    editedStale: ['1 行の値が変わりました', 'サマリーシート'],
    chipName: 'D 遅れ',
    legend: ['A 達成', 'B 概ね順調', 'C 要努力', 'D 遅れ', 'X 評価不能', '廃止'],
    presets: [
      '標準（達成率 100・80・60）',
      '進捗重視（進捗率 100・80・50）',
      '◎○△×（達成率 100・80・60）',
      'S/A/B/C（達成率 120・100・80）',
      '達成/未達成（目標に届いたかどうか）',
      'カスタム',
    ],
    abolished: '廃止',
    overall: /全体: 判定 (\d+) 件（廃止 (\d+) 件は数えません）、達成割合 ([\d.]+)%/,
    help: {
      basis: ['達成率 = 実績 ÷ 目標', '進捗率 = (実績 − 基準値) ÷ (目標 − 基準値)'],
      preset: ['プリセットは基準としきい値の組'],
      'grade-scale': ['上の段階から順に', 'X (評価不能) と廃止'],
      thresholds: ['「率が次以上」', '達成率または進捗率'],
      'interim-path': ['按分目標 = '],
      'col-trend': ['傾向: ', '↗', '↘'],
      'col-direction': ['方向: ', '▼'],
      'col-latest': ['(R5)'],
    },
    resultsHelp: {
      'grade-x': ['X 評価不能'],
      'achieved-share': ['達成割合 = 判定数のうち A の割合'],
    },
    value: '値 14人',
    target: '目標 39人',
    rate: '達成率 35.9%',
    typeHere: 'R6 の値を入れるセルに移動します',
  },
  'en-US': {
    judgedStatus: /judged (\d+) KPIs for FY2024 \((\d+) abolished not counted\)/,
    printedStatus: /Set up printing for (\d+) sheet\(s\)/,
    held: ['Cannot evaluate', "Level 3: threshold 90% must be below Level 2's"],
    editedStale: ['Values changed in 1 row(s) after the last evaluation', 'summary sheet'],
    chipName: 'D behind',
    legend: ['A achieved', 'B on track', 'C needs effort', 'D behind', 'X not judged', 'Abolished'],
    presets: [
      'Standard (achievement 100 / 80 / 60)',
      'Progress-focused (progress 100 / 80 / 50)',
      '◎○△× (achievement 100 / 80 / 60)',
      'S/A/B/C (achievement 120 / 100 / 80)',
      'Achieved / not achieved (target reached or not)',
      'Custom',
    ],
    abolished: 'Abolished',
    overall: /Total: (\d+) judged \((\d+) abolished not counted\), share achieved ([\d.]+)%/,
    help: {
      basis: [
        'Achievement rate = actual ÷ target',
        'Progress rate = (actual − baseline) ÷ (target − baseline)',
      ],
      preset: ['A preset sets the basis and thresholds'],
      'grade-scale': ['the first level, from the top', 'X (not judged)'],
      thresholds: ['“Rate at least”', 'achievement or progress'],
      'interim-path': ['Interim target = '],
      'col-trend': ['(trend)', '↗', '↘'],
      'col-direction': ['(direction)', '▼'],
      'col-latest': ['(R5)'],
    },
    resultsHelp: {
      'grade-x': ['X not judged'],
      'achieved-share': ['Share achieved = judged KPIs graded A'],
    },
    value: 'value 14人',
    target: 'target 39人',
    rate: 'achievement 35.9%',
    typeHere: 'go to the cell for its FY2024 value',
  },
} as const;

type Locale = keyof typeof WORDS;

const CASES: [number, Locale][] = [320, 350, 500].flatMap((width) =>
  (['ja-JP', 'en-US'] as const).map((locale): [number, Locale] => [width, locale]),
);

describe.each(CASES)('the task pane at %i px in %s', (width, locale) => {
  const words = WORDS[locale];
  let session: PaneSession;
  let page: Page;
  const shot = (step: string): Promise<Buffer> =>
    page.screenshot({ path: join(OUT, `trust-${width}-${locale.slice(0, 2)}-${step}.png`), fullPage: false });

  beforeAll(async () => {
    session = await openPane({ width, height: 900, locale });
    page = session.page;
    await page.getByTestId('goal-count').waitFor({ timeout: 20_000 });
    await idle();
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  async function idle(): Promise<void> {
    await page.waitForSelector('main.pane[aria-busy=false]');
  }

  async function openTab(id: string): Promise<void> {
    await page.click(`fluent-tab#tab-${id}`);
    await page.waitForSelector(`fluent-tab-panel#panel-${id}:not([hidden])`);
  }

  const text = async (testId: string): Promise<string> =>
    ((await page.getByTestId(testId).first().textContent()) ?? '').trim();

  /** axe-core on the pane, every rule on (the demo's sheet stand-in is not the add-in's UI). */
  async function expectAccessible(): Promise<void> {
    expect(await seriousAxeFindings(page)).toEqual([]);
  }

  /** Visible text in the pane set below 14 px, with its size. */
  async function smallText(): Promise<string[]> {
    return page.$$eval('main.pane', ([pane]) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || (node.textContent ?? '').trim() === '') continue;
        if (parent.closest('.sr-only')) continue;
        const style = getComputedStyle(parent);
        const box = parent.getBoundingClientRect();
        if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
        if (parseFloat(style.fontSize) < 14) found.push(`${style.fontSize} ${node.textContent}`);
      }
      return found;
    });
  }

  /** Text of the pane outside elements marked lang="ja" (the workbook's own words). */
  async function japaneseOutsideSheetText(): Promise<string[]> {
    return page.$$eval('main.pane', ([pane]) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('[lang=ja]') || parent.closest('[hidden]')) continue;
        if (/[\u3040-\u30ff\u3400-\u9fff]/u.test(node.textContent ?? '')) found.push(node.textContent ?? '');
      }
      return found;
    });
  }

  /** The pane's counts: { row: { judged, A, B, C, D, X } }. */
  async function paneCounts(): Promise<Record<string, Record<string, number>>> {
    return page.$$eval('[data-testid=counts] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((row, i) => [
          i === rows.length - 1 ? 'overall' : String(i),
          Object.fromEntries(
            [...row.querySelectorAll('td')].map((td) => [
              td.getAttribute('data-grade'),
              Number(td.textContent),
            ]),
          ),
        ]),
      ),
    );
  }

  /** The summary sheet's 全体 row of 基本目標別, as the demo shows the sheet: 判定数, A … 廃止. */
  async function summaryOverall(): Promise<Record<string, number>> {
    await page.click(`.sheet__tab:text-is("${SUMMARY_SHEET}")`);
    const cells = await page.$$eval('[data-testid=demo-sheet] tr', (trs) => {
      const row = trs.find((tr) => tr.querySelector('td')?.textContent === '全体');
      return [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent ?? '');
    });
    await page.click('.sheet__tab >> nth=0');
    const [, judged, a, b, c, d, x, abolished] = cells.map(Number);
    return { judged, A: a, B: b, C: c, D: d, X: x, abolished };
  }

  async function sheetDCellColour(): Promise<string> {
    return page.$$eval('[data-testid=demo-sheet] td', (tds) => {
      const td = tds.find((cell) => /^D /.test(cell.textContent ?? ''));
      return td ? getComputedStyle(td).backgroundColor : 'none';
    });
  }

  async function typeInto(address: string, value: string): Promise<void> {
    await page.click(`[data-testid=demo-sheet] td[data-address="${address}"]`);
    await page.getByTestId('demo-input').fill(value);
    await page.getByTestId('demo-input').press('Enter');
  }

  it('fills the width, in 14 px text, and passes axe on opening', async () => {
    const box = await page.locator('main.pane').boundingBox();
    expect(box?.width).toBe(width);
    // No part of the pane is wider than the pane.
    const overflow = await page.$eval('main.pane', (pane) => pane.scrollWidth - pane.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await smallText()).toEqual([]);
    await expectAccessible();
    await shot('1-open');
  });

  it('gives every control of 評価 and 設定 a line of help tied to it', async () => {
    await openTab('settings');
    expect(await smallText()).toEqual([]);
    const undescribed = await page.$$eval(
      // Native controls are the grade-scale editor's (a fieldset); the issue list's cell links are not controls.
      'main.pane select, main.pane input, main.pane fieldset button, main.pane fluent-text-field, main.pane fluent-checkbox, main.pane fluent-button',
      (controls) =>
        controls
          .filter((c) => {
            const ids = (c.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
            return !ids.some((id) => (document.getElementById(id)?.textContent ?? '').trim().length > 10);
          })
          .map((c) => c.id || c.getAttribute('data-testid') || c.tagName),
    );
    expect(undescribed).toEqual([]);
    for (const [id, parts] of Object.entries(words.help)) {
      const line = ((await page.locator(`[data-help="${id}"]`).textContent()) ?? '').trim();
      for (const part of parts) expect(line).toContain(part);
    }
    // 按分目標 has a switch, with its line of help.
    expect(await page.getByTestId('interim-path').getAttribute('aria-describedby')).toBe('interim-path-help');
    expect(await page.getByTestId('interim-path').getAttribute('aria-checked')).toBe('true');
    // Presets are named for what they set, not like a basis.
    const presets = await page.$$eval('#preset option', (options) => options.map((o) => o.textContent));
    expect(presets).toEqual(words.presets);
    await expectAccessible();
    await shot('2-settings');
  });

  it('holds 評価する on thresholds out of order and says why on every tab', async () => {
    // C is the scale's third level; B above it starts at 80 %.
    expect(await page.getByTestId('scale-level-1-min').inputValue()).toBe('80');
    const c = page.getByTestId('scale-level-2-min');
    await c.fill('90');
    await c.press('Tab');
    // The field keeps what was typed; the editor says which level is wrong.
    expect(await c.inputValue()).toBe('90');
    const errors = page.getByTestId('scale-errors');
    await errors.waitFor({ state: 'visible' });
    expect(await text('scale-errors')).toContain(words.held[1]);
    for (const tab of ['settings', 'evaluate', 'clerk', 'print']) {
      await openTab(tab);
      const held = await text('held');
      for (const part of words.held) expect(held).toContain(part);
    }
    await openTab('evaluate');
    expect(await page.getByTestId('evaluate').getAttribute('disabled')).not.toBeNull();
    await page.getByTestId('evaluate').dispatchEvent('click');
    await idle();
    expect(await page.locator('[data-testid=demo-sheet] td', { hasText: /^[ABCDX] / }).count()).toBe(0);
    await expectAccessible();
    await shot('3-held');
    await openTab('settings');
    // Still as typed after the round of the tabs: the fields and the warning agree.
    expect(await c.inputValue()).toBe('90');
    await c.fill('60');
    await c.press('Tab');
    await page.getByTestId('held').waitFor({ state: 'detached' });
    await errors.waitFor({ state: 'hidden' });
    await openTab('evaluate');
    expect(await page.getByTestId('evaluate').getAttribute('disabled')).toBeNull();
  });

  it('evaluates from the keyboard, counts KPIs judged and keeps focus on the counts', async () => {
    await page.getByTestId('evaluate').focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=counts]');
    await idle();
    await page.waitForFunction(() => document.activeElement?.id === 'results-title');
    const status = await text('status');
    const [, judged, abolished] = words.judgedStatus.exec(status)?.map(Number) ?? [];
    expect(status).not.toMatch(/writes|書き込み。/);
    const summary = await summaryOverall();
    // The same numbers as the summary sheet: 判定数 without 廃止.
    expect({ judged, abolished }).toEqual({ judged: summary.judged, abolished: summary.abolished });
    const counts = (await paneCounts()).overall;
    expect(counts).toEqual({
      judged: summary.judged,
      A: summary.A,
      B: summary.B,
      C: summary.C,
      D: summary.D,
      X: summary.X,
    });
    const overall = words.overall.exec(await text('overall'));
    expect(Number(overall?.[1])).toBe(summary.judged);
    expect(Number(overall?.[2])).toBe(summary.abolished);
    expect(Number(overall?.[3])).toBeCloseTo((summary.A / summary.judged) * 100, 1);
    for (const [id, parts] of Object.entries(words.resultsHelp)) {
      const line = ((await page.locator(`[data-help="${id}"]`).textContent()) ?? '').trim();
      for (const part of parts) expect(line).toContain(part);
    }
    await shot('4-results');
  });

  it('says the sheet is behind when the 按分目標 switch changes, until 評価する', async () => {
    await openTab('settings');
    await page.getByTestId('interim-path').click();
    expect(await page.getByTestId('interim-path').getAttribute('aria-checked')).toBe('false');
    await page.getByTestId('stale').waitFor();
    await page.getByTestId('interim-path').click();
    await openTab('evaluate');
    expect(await page.getByTestId('stale').count()).toBe(1);
    await page.getByTestId('evaluate').click();
    await idle();
    expect(await page.getByTestId('stale').count()).toBe(0);
  });

  it('shows grades in the sheet’s colours, with chips and legend that speak their label', async () => {
    const paneD = await page.$eval(
      '[data-testid=counts] thead th[data-grade="D"]',
      (th) => getComputedStyle(th).backgroundColor,
    );
    expect(paneD).toBe(await sheetDCellColour());
    expect(paneD).toBe('rgb(255, 199, 206)');
    const header = await page.getByTestId('counts').locator('thead').ariaSnapshot();
    expect(header).toContain(words.chipName);
    const legend = await page.$$eval('[data-testid=legend] span', (items) => items.map((i) => i.textContent));
    expect(legend).toEqual(words.legend);
    await expectAccessible();
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
    expect(session.pageErrors).toEqual([]);
  });
});
