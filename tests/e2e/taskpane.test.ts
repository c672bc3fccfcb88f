/**
 * The built task pane in Debian's Chromium, in demo mode (a plain browser: no Office host), on the bundled
 * sample workbook. Needs `npm run build` first (`npm run test:e2e` does both). Screenshots go to out/.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DIST, OUT, openPane, openPaneTab, paneIdle } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(30_000);

let session: PaneSession;
let page: Page;
let dialogs: string[];
let pageErrors: string[];

beforeAll(async () => {
  session = await openPane();
  ({ page, dialogs, pageErrors } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const text = async (testId: string): Promise<string> =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

/** The per-goal counts table as { goal row label: { grade: count } }. */
async function counts(): Promise<Record<string, Record<string, number>>> {
  return page.$$eval('[data-testid=counts] tbody tr', (rows) =>
    Object.fromEntries(
      rows.map((row) => [
        row.querySelector('th')?.textContent ?? '',
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

const openTab = (id: string): Promise<void> => openPaneTab(page, id);

const idle = (): Promise<void> => paneIdle(page);

/** The sheet address of the cell in the KPI's row that shows `text`. */
async function addressIn(kpiName: string, text: string): Promise<string> {
  const address = await page.$$eval(
    '[data-testid=demo-sheet] tr',
    (trs, [name, shown]) => {
      const tr = trs.find((r) => (r.textContent ?? '').includes(name));
      const cell = [...(tr?.querySelectorAll('td') ?? [])].find((td) => td.textContent === shown);
      return cell?.getAttribute('data-address') ?? null;
    },
    [kpiName, text] as const,
  );
  if (address === null) throw new Error(`no cell showing ${text} in the row of ${kpiName}`);
  return address;
}

/** Types into a cell of the demo sheet through its formula bar, as a user would. */
async function typeInto(address: string, value: string): Promise<void> {
  await page.click(`[data-testid=demo-sheet] td[data-address="${address}"]`);
  await page.getByTestId('demo-input').fill(value);
  await page.getByTestId('demo-input').press('Enter');
}

const SOGYO = '創業支援事業による創業者数';

describe('the task pane in demo mode', () => {
  it('says it is a demo and shows what it found on the sample sheet', async () => {
    await page.getByTestId('goal-count').waitFor({ timeout: 20_000 });
    await idle();
    expect(await text('demo-banner')).toContain('デモ');
    expect(await text('goal-count')).toBe('4つ');
    expect(await text('kpi-count')).toBe('46件');
    expect(await text('years')).toBe('H30 – R6');
    expect(await text('evaluation-year')).toBe('R6');
    expect(await page.locator('[data-testid=goals] li').count()).toBe(4);
    expect(Number((await text('issue-count')).replace('件', ''))).toBeGreaterThan(0);
    // The pane sits beside the sheet at task-pane width.
    const box = await page.locator('main.pane').boundingBox();
    expect(box?.width).toBe(350);
    expect(await page.locator('[data-testid=demo-sheet] td').count()).toBeGreaterThan(300);
    await page.screenshot({ path: join(OUT, 'taskpane-found.png') });
  });

  it('filters the clerk view by a department', async () => {
    await openTab('tab-clerk');
    await page.getByTestId('department').selectOption('産業振興課');
    const departments = await page.$$eval('[data-testid=dept-kpis] li', (items) =>
      items.map((li) => li.getAttribute('data-department')),
    );
    expect(departments.length).toBeGreaterThan(5);
    expect(new Set(departments)).toEqual(new Set(['産業振興課']));
    await page.screenshot({ path: join(OUT, 'taskpane-clerk.png') });
  });

  it('goes to the cell of a data issue when it is clicked', async () => {
    await openTab('tab-evaluate');
    const issue = page.locator('[data-testid=issues] button.link').first();
    const cell = await issue.getAttribute('data-cell');
    expect(cell).toMatch(/^[A-Z]+\d+$/);
    await issue.click();
    await expect(
      page.locator('[data-testid=demo-sheet] td.is-selected').getAttribute('data-address'),
    ).resolves.toBe(cell);
    expect(await text('demo-address')).toBe(cell);
    await page.screenshot({ path: join(OUT, 'taskpane-issue.png') });
  });

  it('shows HTML typed into a cell as characters, in the sheet and in the pane', async () => {
    const payload = '<img src=x onerror=alert(1)>';
    const address = await addressIn(SOGYO, '14人');
    await typeInto(address, payload);
    const td = page.locator(`[data-testid=demo-sheet] td[data-address="${address}"]`);
    await expect(td.textContent()).resolves.toBe(payload);
    // The clerk's list reports the value as unreadable, and shows it as text.
    await openTab('tab-clerk');
    await page.waitForFunction(
      (p) =>
        [...document.querySelectorAll('[data-testid=missing] .link__note')].some((n) =>
          (n.textContent ?? '').includes(p),
        ),
      payload,
    );
    expect(await page.locator('img').count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: join(OUT, 'taskpane-html-cell.png') });
    await typeInto(address, '14人');
    await page.waitForFunction(
      (p) =>
        ![...document.querySelectorAll('[data-testid=missing] .link__note')].some((n) =>
          (n.textContent ?? '').includes(p),
        ),
      payload,
    );
  });

  it('prepares printing alone and says which sheets are ready', async () => {
    await openTab('tab-print');
    await page.getByTestId('print').click();
    await page.waitForSelector('[data-testid=print-ready] li[data-sheet]');
    await idle();
    const ready = await page.$$eval('[data-testid=print-ready] li[data-sheet]', (items) =>
      items.map((li) => li.getAttribute('data-sheet')),
    );
    expect(ready).toEqual(['KPI一覧']);
    expect(await text('print-ready')).toContain('A4');
    // Print setup alone: no grade was written.
    expect(await page.locator('[data-testid=demo-sheet] td', { hasText: /^D 遅れ$/ }).count()).toBe(0);
    await page.screenshot({ path: join(OUT, 'taskpane-print.png') });
  });

  it('evaluates and shows counts per grade per goal, with the flags in the sheet', async () => {
    await openTab('tab-evaluate');
    await page.getByTestId('evaluate').click();
    await page.waitForSelector('[data-testid=counts]');
    await idle();
    const table = await counts();
    const rows = Object.keys(table);
    expect(rows).toHaveLength(5);
    expect(rows[4]).toBe('全体');
    const total = table['全体'];
    const sum = (grades: Record<string, number>): number =>
      grades.A + grades.B + grades.C + grades.D + grades.X;
    expect(sum(total)).toBe(rows.slice(0, 4).reduce((n, goal) => n + sum(table[goal]), 0));
    // 判定数 is A to X, as the summary sheet counts it; 廃止 is counted apart.
    expect(total.judged).toBe(sum(total));
    const abolished = Number(/廃止 (\d+) 件/.exec(await text('overall'))?.[1]);
    // Every KPI of the sheet once (the 数値目標 headlines are not in the counts).
    expect(sum(total) + abolished).toBe(46);
    expect(total.D).toBeGreaterThan(0);
    expect(await text('error')).toBe('');
    // The sheet now has the 判定 column with grade codes, and a summary sheet tab.
    const gradeCells = await page.$$eval(
      '[data-testid=demo-sheet] td',
      (tds) => tds.filter((td) => /^(A|B|C|D|X) /.test(td.textContent ?? '')).length,
    );
    expect(gradeCells).toBeGreaterThan(40);
    expect(await page.locator('.sheet__tab').count()).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: join(OUT, 'taskpane-results.png') });
  });

  it('gives other counts after the evaluation year changes', async () => {
    const before = JSON.stringify(await counts());
    await openTab('tab-settings');
    await page.getByTestId('year').selectOption('2020');
    await page.screenshot({ path: join(OUT, 'taskpane-settings.png') });
    await openTab('tab-evaluate');
    await page.waitForSelector('[data-testid=stale]');
    expect(await page.locator('#results-title').textContent()).toContain('R2');
    expect(JSON.stringify(await counts())).not.toBe(before);
    await page.screenshot({ path: join(OUT, 'taskpane-year-r2.png') });
    await openTab('tab-settings');
    await page.getByTestId('year').selectOption('auto');
    await openTab('tab-evaluate');
    expect(JSON.stringify(await counts())).toBe(before);
  });

  it('writes again on 評価する after a change, and flags follow values a clerk types', async () => {
    await page.getByTestId('evaluate').click();
    await idle();
    expect(await text('error')).toBe('');
    expect(await page.locator('[data-testid=stale]').count()).toBe(0);
    await openTab('tab-clerk');
    const row = page.locator('[data-testid=dept-kpis] li', { hasText: SOGYO });
    expect(await row.locator('.badge').getAttribute('data-grade')).toBe('D');
    await typeInto(await addressIn(SOGYO, '14人'), '40人');
    await page.waitForFunction((name) => {
      const li = [...document.querySelectorAll('[data-testid=dept-kpis] li')].find((l) =>
        (l.textContent ?? '').includes(name),
      );
      return li?.querySelector('.badge')?.getAttribute('data-grade') === 'A';
    }, SOGYO);
    expect(await text('live')).toContain('1 行');
    await page.screenshot({ path: join(OUT, 'taskpane-live.png') });
  });

  it('raised no script error on the page', () => {
    expect(pageErrors).toEqual([]);
  });
});

describe('the task pane bundle', () => {
  // 300 KB (issue 8). The planner (Evaluation → WritePlan) comes in its own chunk, loaded at the first write
  // (src/excel/live.ts loadPlanner): the first script only reads and judges.
  it('stays under 300 KB minified (office.js aside), without the planner, and never carries ExcelJS', () => {
    const scripts = readdirSync(DIST).filter((f) => /^taskpane\.[0-9a-f]+\.js$/.test(f));
    expect(scripts).toHaveLength(1);
    // Bytes, as the browser downloads them (the Japanese texts are three bytes each in UTF-8).
    const first = readFileSync(join(DIST, scripts[0]), 'utf8');
    expect(Buffer.byteLength(first)).toBeLessThan(300 * 1024);
    // The summary sheet's tables are the planner's (core/plan/summary-year-before.ts): not in the first script.
    expect(first).not.toContain('前年度との比較');
    for (const file of readdirSync(DIST).filter((f) => f.endsWith('.js'))) {
      expect(readFileSync(join(DIST, file), 'utf8')).not.toMatch(/exceljs|ExcelJS/);
    }
  });
});
