/**
 * 「列の割り当て」 in the built task pane (Chromium, demo mode) on a sheet the reader cannot place
 * (taskpane.html?sample=unplaceable): the pane says no table was found and offers the mapping; the user sets
 * the roles and years, the sheet is read with them, and 評価する writes the flags and saves the mapping.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, openPane, paneIdle } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(30_000);

let session: PaneSession;
let page: Page;

beforeAll(async () => {
  session = await openPane({ query: 'sample=unplaceable' });
  ({ page } = session);
}, 60_000);

afterAll(async () => {
  await session?.close();
});

const text = async (testId: string): Promise<string> =>
  ((await page.getByTestId(testId).textContent()) ?? '').trim();

const idle = (): Promise<void> => paneIdle(page);

async function setRole(letter: string, role: string, year?: string): Promise<void> {
  await page.getByTestId(`mapping-role-${letter}`).selectOption(role);
  if (year !== undefined) {
    const field = page.getByTestId(`mapping-year-${letter}`);
    await field.fill(year);
    await field.press('Tab');
  }
}

describe('a sheet the reader cannot place, mapped in the pane', () => {
  it('says no KPI table was found and offers 列の割り当て with the header row and a first guess', async () => {
    await page.getByTestId('failure').waitFor({ timeout: 20_000 });
    await idle();
    await page.getByTestId('mapping-table').waitFor();
    const panel = page.locator('[data-testid=found] [data-testid=column-mapping]');
    expect(await panel.count()).toBe(1);
    expect(await page.getByTestId('mapping-header-row').inputValue()).toBe('3');
    const headers = await page.$$eval('[data-testid=mapping-table] tbody tr', (rows) =>
      rows.map((r) => [r.getAttribute('data-column'), r.querySelector('.mapping__header')?.textContent]),
    );
    expect(headers).toEqual([
      ['A', 'ものさし'],
      ['B', '担当'],
      ['C', '出発点'],
      ['D', '令和4年度の姿'],
      ['E', 'ゴール'],
      ['F', '課の所見'],
    ]);
    expect(await page.getByTestId('mapping-role-A').inputValue()).toBe('name');
    expect(await page.getByTestId('mapping-role-B').inputValue()).toBe('department');
    expect(await text('failure')).toContain('列の割り当て');
    await page.screenshot({ path: join(OUT, 'column-mapping-offered.png') });
  });

  it('refuses a year it cannot read, in Japanese', async () => {
    await setRole('C', 'baseline', 'きょねん');
    expect(await text('mapping-problem')).toContain('年度「きょねん」が読めません');
  });

  it('reads the sheet with the roles and years the user set', async () => {
    await setRole('C', 'baseline', 'R1');
    await setRole('D', 'actual', 'R4');
    await setRole('E', 'target', 'R6');
    await setRole('F', 'ignore');
    await page.getByTestId('mapping-apply').click();
    await page.getByTestId('kpi-count').waitFor({ timeout: 10_000 });
    await idle();
    expect(await text('kpi-count')).toBe('3件');
    expect(await text('years')).toBe('R元 – R6');
    expect(await page.getByTestId('evaluate').getAttribute('disabled')).toBeNull();
  });

  it('評価する writes the grades with the mapping and saves it with the settings', async () => {
    await page.getByTestId('evaluate').click();
    await page.getByTestId('counts').waitFor({ timeout: 10_000 });
    await idle();
    const total = await page.$$eval('[data-testid=counts] tbody tr.counts__total td', (tds) =>
      Object.fromEntries(tds.map((td) => [td.getAttribute('data-grade'), Number(td.textContent)])),
    );
    expect(total).toMatchObject({ A: 0, B: 3, C: 0, D: 0, X: 0 });
    // The flags are in the sheet beside the table.
    const flags = await page.$$eval('[data-testid=demo-sheet] td', (tds) =>
      tds.map((td) => td.textContent ?? '').filter((t) => /^B\b/u.test(t)),
    );
    expect(flags.length).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(OUT, 'column-mapping-evaluated.png') });
  });

  it('the saved mapping is used again after 読み直す, and shown on the 設定 tab', async () => {
    await page.getByTestId('reload').click();
    await idle();
    await page.getByTestId('kpi-count').waitFor();
    expect(await text('kpi-count')).toBe('3件');
    await page.click('fluent-tab#tab-settings');
    await page.waitForSelector('fluent-tab-panel#panel-settings:not([hidden]) [data-testid=column-mapping]');
    await page.getByTestId('mapping-source').waitFor();
    expect(await text('mapping-source')).toBe('保存された割り当て');
    expect(await page.getByTestId('mapping-role-E').inputValue()).toBe('target');
    expect(await page.getByTestId('mapping-year-E').inputValue()).toBe('R6');
  });
});
