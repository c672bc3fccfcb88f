/**
 * 「策定時の表と比べる」 in the built task pane, in Debian's Chromium, on the demo workbook with the strategy
 * table on a second sheet (`?sample=compare`): the sheet picker offers it, the button writes the 比較 sheet
 * and the pane lists the counts and the pairs to confirm. English where the display language is English.
 * Needs `npm run build` first (`npm run test:e2e` does both).
 */
import { openPaneTab, openReadPane, seriousAxeFindings } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(60_000);

describe('the compare card on the 印刷 tab', () => {
  let session: PaneSession;
  afterEach(async () => {
    await session?.close();
  });

  it('compares the open sheet with the sheet picked and writes the 比較 sheet', async () => {
    session = await openReadPane({ query: 'sample=compare' });
    const { page } = session;
    await openPaneTab(page, 'tab-print');
    const card = page.getByTestId('compare-card');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('策定時の表と比べる');
    expect(
      await page.$$eval('[data-testid=compare-sheet] option', (os) => os.map((o) => o.textContent)),
    ).toEqual(['総合戦略KPI']);
    await page.getByTestId('compare').click();
    const result = page.getByTestId('compare-result');
    await result.getByText('「比較」シートに書きました。').waitFor({ timeout: 20_000 });
    const counts = await result.locator('.compare-counts li').allTextContents();
    expect(counts).toEqual(['変更なし 34', '目標変更 5', '基準値変更 2', '単位変更 0', '追加 9', '削除 15']);
    expect(await page.getByTestId('compare-uncertain').locator('li').count()).toBe(9);
    expect(await page.locator('.sheet__tab').allTextContents()).toEqual(['KPI一覧', '総合戦略KPI', '比較']);
    // The 比較 sheet is the add-in's own: not offered as a table to compare with.
    expect(
      await page.$$eval('[data-testid=compare-sheet] option', (os) => os.map((o) => o.textContent)),
    ).toEqual(['総合戦略KPI']);
    expect(session.pageErrors).toEqual([]);
    // axe-core on the card with its results shown: nothing serious or critical.
    expect(await seriousAxeFindings(page, '[data-testid=compare-card]')).toEqual([]);
  });

  it('speaks English where Office does, and says when the workbook has no other sheet', async () => {
    session = await openReadPane({ locale: 'en-US' });
    const { page } = session;
    await openPaneTab(page, 'tab-print');
    const card = page.getByTestId('compare-card');
    await card.waitFor();
    expect(await card.locator('h2').textContent()).toBe('Compare with the adopted table');
    await page
      .getByTestId('compare-result')
      .getByText('This workbook has no other sheet to compare with.', { exact: false })
      .waitFor();
    expect(await page.getByTestId('compare').getAttribute('disabled')).not.toBeNull();
  });
});
