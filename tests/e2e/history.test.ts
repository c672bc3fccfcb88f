/**
 * The history chart in the built task pane, in Debian's Chromium on the demo workbook: selecting
 * a KPI row in the sheet draws its values by year, and the chart's points are the row's own cells. Needs
 * `npm run build` first (`npm run test:e2e` does both). A screenshot goes to out/.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, paneIdle, readPaneForTests } from './harness';

jest.setTimeout(30_000);

let page: Page;
readPaneForTests((session) => ({ page } = session));

const SOGYO = '創業支援事業による創業者数 (年間)';

/** The texts of one sheet row of the demo table, by column. */
async function rowTexts(row: number): Promise<Map<number, string>> {
  const cells = await page.$$eval(`[data-testid=demo-sheet] td[data-row="${row}"]`, (tds) =>
    tds.map((td) => [Number(td.getAttribute('data-col')), td.textContent ?? ''] as const),
  );
  return new Map(cells);
}

async function rowOf(name: string): Promise<number> {
  const row = await page.$$eval(
    '[data-testid=demo-sheet] td[data-row]',
    (tds, wanted) => tds.find((td) => td.textContent === wanted)?.getAttribute('data-row') ?? null,
    name,
  );
  if (row === null) throw new Error(`no row for ${name}`);
  return Number(row);
}

/** `R2` → 2020, `H30` → 2018: how the sheet's headers name fiscal years. */
function headerYear(header: string): number | null {
  const match = /^(R|H)(\d+)/.exec(header);
  if (!match) return null;
  return (match[1] === 'R' ? 2018 : 1988) + Number(match[2]);
}

/** `1,159m` → 1159, `△15人` → -15. */
function cellNumber(text: string): number {
  return Number(
    text
      .replace(/,/g, '')
      .replace(/^[△▲]/, '-')
      .replace(/[^\d.-]/g, ''),
  );
}

/** What the sheet says the chart must show: actuals by year, the baseline and the target. */
async function expectedFromSheet(name: string) {
  const row = await rowOf(name);
  let header = row - 1;
  while (!(await rowTexts(header)).get(3)?.includes('KPI')) header--;
  const headers = await rowTexts(header);
  const values = await rowTexts(row);
  const actuals: [number, number][] = [];
  let baseline: [number, number] | null = null;
  let target: [number, number] | null = null;
  for (const [col, text] of headers) {
    const year = headerYear(text);
    const value = values.get(col) ?? '';
    if (year === null || !/\d/.test(value)) continue;
    if (text.includes('現状値')) baseline = [year, cellNumber(value)];
    else if (text.includes('目標値')) target = [year, cellNumber(value)];
    else actuals.push([year, cellNumber(value)]);
  }
  return { row, actuals, baseline, target };
}

async function chartMarks(role: string): Promise<{ year: number; value: number; x: number; y: number }[]> {
  return page.$$eval(`[data-testid=history-chart] [data-role=${role}]`, (marks) =>
    marks.map((m) => ({
      year: Number(m.getAttribute('data-year')),
      value: Number(m.getAttribute('data-value')),
      x: Number(m.getAttribute('data-x')),
      y: Number(m.getAttribute('data-y')),
    })),
  );
}

async function selectRow(name: string): Promise<void> {
  const row = await rowOf(name);
  await page.click(`[data-testid=demo-sheet] td[data-row="${row}"][data-col="3"]`);
  await page.waitForSelector(`[data-testid=history-chart][data-kpi="R${row}"]`);
}

describe('selecting a KPI row shows its history in the pane', () => {
  it('asks for a selection before one is made', async () => {
    expect(await page.getByTestId('history').textContent()).toContain('KPI の行を選ぶと');
  });

  it('draws the row’s values by year, its baseline and its target, as the sheet has them', async () => {
    await page.getByTestId('evaluate').click();
    await paneIdle(page);
    await selectRow(SOGYO);
    const sheet = await expectedFromSheet(SOGYO);
    expect(sheet.actuals).toEqual([
      [2020, 8],
      [2021, 18],
      [2022, 25],
      [2023, 25],
      [2024, 14],
    ]);
    const points = await chartMarks('actual');
    expect(points.map((p) => [p.year, p.value])).toEqual(sheet.actuals);
    expect((await chartMarks('baseline')).map((p) => [p.year, p.value])).toEqual([sheet.baseline]);
    expect((await chartMarks('target')).map((p) => [p.year, p.value])).toEqual([sheet.target]);
    expect(await page.getByTestId('history-name').textContent()).toBe(SOGYO);

    // Later years further right; higher values higher up (SVG y grows downwards).
    for (let i = 1; i < points.length; i++) {
      expect(points[i].x).toBeGreaterThan(points[i - 1].x);
      const dv = points[i].value - points[i - 1].value;
      if (dv > 0) expect(points[i].y).toBeLessThan(points[i - 1].y);
      if (dv < 0) expect(points[i].y).toBeGreaterThan(points[i - 1].y);
      if (dv === 0) expect(points[i].y).toBe(points[i - 1].y);
    }
    // The drawn circles sit where their data says.
    const circles = await page.$$eval('[data-testid=history-chart] circle[data-role=actual]', (cs) =>
      cs.map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]),
    );
    expect(circles).toEqual(points.map((p) => [p.x, p.y]));
  });

  it('is in the colour of the row’s 判定 cell, and draws the interim path', async () => {
    const row = await rowOf(SOGYO);
    const grade = await page.$$eval(`[data-testid=demo-sheet] td[data-row="${row}"]`, (tds) => {
      const td = tds.find((t) => /^[A-DX] /.test(t.textContent ?? ''));
      return td ? { text: td.textContent, color: getComputedStyle(td).color } : null;
    });
    expect(grade?.text).toBe('D 遅れ');
    const fill = await page.$eval('[data-testid=history-chart] circle[data-role=actual]', (c) => {
      const probe = document.createElement('span');
      probe.style.color = c.getAttribute('fill') ?? '';
      document.body.append(probe);
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    expect(fill).toBe(grade?.color);
    expect(await page.getAttribute('[data-testid=history-chart]', 'data-grade')).toBe('D');
    const path = await page.getAttribute('[data-testid=history-chart] [data-role=path]', 'points');
    expect(path?.split(' ')).toHaveLength(7); // H30 … R6
    await page.getByTestId('history').scrollIntoViewIfNeeded();
    await page.getByTestId('history').screenshot({ path: join(OUT, 'taskpane-history.png') });
  });

  it('follows the selection to another KPI', async () => {
    const name = '消防団員数';
    const full = await page.$$eval(
      '[data-testid=demo-sheet] td[data-col="3"]',
      (tds, n) => tds.find((td) => (td.textContent ?? '').startsWith(n))?.textContent ?? '',
      name,
    );
    await selectRow(full);
    const sheet = await expectedFromSheet(full);
    expect((await chartMarks('actual')).map((p) => [p.year, p.value])).toEqual(sheet.actuals);
    expect(sheet.actuals.length).toBeGreaterThan(2);
  });

  it('redraws when a value is typed into the row (live re-judging)', async () => {
    const row = await rowOf(SOGYO);
    await selectRow(SOGYO);
    const r6 = (await rowTexts(row)).get(10);
    expect(r6).toBe('14人');
    await page.click(`[data-testid=demo-sheet] td[data-row="${row}"][data-col="10"]`);
    await page.getByTestId('demo-input').fill('30人');
    await page.getByTestId('demo-input').press('Enter');
    await page.waitForFunction(
      () =>
        document
          .querySelector('[data-testid=history-chart] circle[data-role=actual][data-year="2024"]')
          ?.getAttribute('data-value') === '30',
      undefined,
      { timeout: 10_000 },
    );
    const last = (await chartMarks('actual')).at(-1);
    expect([last?.year, last?.value]).toEqual([2024, 30]);
  });
});
