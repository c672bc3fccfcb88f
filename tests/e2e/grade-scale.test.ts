/**
 * The grade-scale editor in the pane's 設定, in Chromium on the demo sheet: an invalid scale is
 * refused with the reason, a changed colour and label re-colour the 判定 cells on 評価する, and a preset
 * (◎○△×) replaces the symbols in the sheet and in the counts. Needs `npm run build` first.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, openPaneTab, paneIdle, readPaneForTests } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(60_000);

let session: PaneSession;
let page: Page;
readPaneForTests((opened) => {
  session = opened;
  page = opened.page;
});

const idle = (): Promise<void> => paneIdle(page);

const openTab = (id: string): Promise<void> => openPaneTab(page, id);

async function evaluateSheet(): Promise<void> {
  await openTab('tab-evaluate');
  await page.getByTestId('evaluate').click();
  await page.waitForSelector('[data-testid=counts]');
  await idle();
  expect(((await page.getByTestId('error').textContent()) ?? '').trim()).toBe('');
}

/** Every 判定 cell of the demo sheet whose text starts with `prefix`, with its painted background. */
async function gradeCells(prefix: string): Promise<{ text: string; background: string }[]> {
  return page.$$eval(
    '[data-testid=demo-sheet] td',
    (tds, p) =>
      tds
        .filter((td) => (td.textContent ?? '').startsWith(p))
        .map((td) => ({ text: td.textContent ?? '', background: getComputedStyle(td).backgroundColor })),
    prefix,
  );
}

async function setLevel(index: number, part: 'symbol' | 'label' | 'color', value: string): Promise<void> {
  const field = page.getByTestId(`scale-level-${index}-${part}`);
  await field.fill(value);
  await field.dispatchEvent('change');
}

/** The counts table's columns after the goal: 判定数, then one per grade (its header shows the symbol). */
async function countHeaders(): Promise<(string | null)[]> {
  return page.$$eval('[data-testid=counts] thead th', (ths) =>
    ths.slice(1).map((th) => th.getAttribute('data-grade')),
  );
}

describe('changing the grade scale in the pane', () => {
  it('starts on 標準: A 達成 cells painted Excel’s green', async () => {
    await evaluateSheet();
    const achieved = await gradeCells('A 達成');
    expect(achieved.length).toBeGreaterThan(10);
    expect(new Set(achieved.map((c) => c.background))).toEqual(new Set(['rgb(198, 239, 206)']));
    // 廃止 is counted apart (as the summary's 判定数 leaves it out): no column of its own.
    expect(await countHeaders()).toEqual(['judged', 'A', 'B', 'C', 'D', 'X']);
  });

  it('counts the 数値目標 headlines apart from the KPI rows', async () => {
    const headlines = await page.$$eval('[data-testid=headline-counts] [data-grade]', (spans) =>
      Object.fromEntries(
        spans.map((s) => [s.getAttribute('data-grade'), Number((s.textContent ?? '').split(' ')[1])]),
      ),
    );
    // The sample's four headlines: 従業者数 B, 移動数 D, 出生率 B, 自主防災組織率 B.
    expect(headlines).toEqual({ A: 0, B: 3, C: 0, D: 1, X: 0, 廃止: 0 });
    expect(await page.getByTestId('headline-counts').textContent()).toMatch(/^数値目標: /);
  });

  it('refuses an empty symbol and says why; nothing changes', async () => {
    await openTab('tab-settings');
    await setLevel(1, 'symbol', '');
    const errors = page.getByTestId('scale-errors');
    await errors.waitFor({ state: 'visible' });
    expect(await errors.textContent()).toContain('2段目: 記号が空です');
    expect(await page.getByTestId('preset').inputValue()).toBe('標準');
    await setLevel(1, 'symbol', 'B');
    await errors.waitFor({ state: 'hidden' });
  });

  it('refuses thresholds out of order', async () => {
    const min = page.getByTestId('scale-level-2-min');
    await min.fill('90');
    await min.dispatchEvent('change');
    expect(await page.getByTestId('scale-errors').textContent()).toContain(
      '3段目: しきい値 90% は2段目より小さくしてください',
    );
    await min.fill('60');
    await min.dispatchEvent('change');
    await page.getByTestId('scale-errors').waitFor({ state: 'hidden' });
  });

  it('a level added above the last is refused until it has a symbol and a label; removing it restores 標準', async () => {
    await page.getByTestId('scale-add').click();
    const errors = page.getByTestId('scale-errors');
    await errors.waitFor({ state: 'visible' });
    expect(await errors.textContent()).toContain('4段目: 記号が空です');
    expect(await page.getByTestId('scale-level-4-symbol').inputValue()).toBe('D');
    await setLevel(3, 'symbol', 'E');
    await setLevel(3, 'label', 'やや遅れ');
    await errors.waitFor({ state: 'hidden' });
    expect(await page.getByTestId('preset').inputValue()).toBe('カスタム');
    await page.getByTestId('scale-level-3-remove').click();
    expect(await page.getByTestId('scale-level-4-symbol').count()).toBe(0);
    expect(await page.getByTestId('preset').inputValue()).toBe('標準');
  });

  it('a new colour and label for the first level re-colour the sheet on 評価する', async () => {
    await setLevel(0, 'color', '#00b0f0');
    await setLevel(0, 'label', '目標達成');
    expect(await page.getByTestId('preset').inputValue()).toBe('カスタム');
    await page.screenshot({ path: join(OUT, 'grade-scale-editor.png') });
    await evaluateSheet();
    expect(await gradeCells('A 達成')).toEqual([]);
    const recoloured = await gradeCells('A 目標達成');
    expect(recoloured.length).toBeGreaterThan(10);
    expect(new Set(recoloured.map((c) => c.background))).toEqual(new Set(['rgb(0, 176, 240)']));
    // The other levels keep their colours.
    const behind = await gradeCells('D 遅れ');
    expect(new Set(behind.map((c) => c.background))).toEqual(new Set(['rgb(255, 199, 206)']));
  });

  it('the ◎○△× preset puts its symbols in the sheet and the counts', async () => {
    await openTab('tab-settings');
    await page.getByTestId('preset').selectOption('◎○△×');
    expect(await page.getByTestId('scale-level-0-symbol').inputValue()).toBe('◎');
    await evaluateSheet();
    expect(await gradeCells('A ')).toEqual([]);
    const circles = await gradeCells('◎ 達成');
    expect(circles.length).toBeGreaterThan(10);
    expect(new Set(circles.map((c) => c.background))).toEqual(new Set(['rgb(198, 239, 206)']));
    expect((await gradeCells('× 遅れ')).length).toBeGreaterThan(0);
    expect(await countHeaders()).toEqual(['judged', '◎', '○', '△', '×', 'X']);
    // What the headers show (their screen-reader label aside) is the scale's own symbols.
    const shown = await page.$$eval('[data-testid=counts] thead th [aria-hidden=true]', (spans) =>
      spans.map((span) => span.textContent),
    );
    expect(shown).toEqual(['◎', '○', '△', '×', 'X']);
    await page.screenshot({ path: join(OUT, 'grade-scale-circles.png') });
  });

  it('raised no script error on the page', () => {
    expect(session.pageErrors).toEqual([]);
  });
});
