/**
 * The departments' comments in the built pane, on the demo workbook: the setting adds the
 * comment columns, and the 担当課 view lists the department's KPIs that still lack a comment and goes to the
 * cell. Needs `npm run build` first.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, openPaneTab, paneIdle, readPaneForTests } from './harness';

jest.setTimeout(30_000);

let page: Page;
readPaneForTests((session) => ({ page } = session));

const openTab = (id: string): Promise<void> => openPaneTab(page, id);

const cellText = (address: string) =>
  page.locator(`[data-testid=demo-sheet] td[data-address="${address}"]`).textContent();

describe('comment columns from the pane', () => {
  it('are added beside the flags when the setting is ticked and the sheet evaluated', async () => {
    await openTab('tab-settings');
    await page.click('[data-testid=comment-columns]');
    await openTab('tab-evaluate');
    await page.getByTestId('evaluate').click();
    await paneIdle(page);
    await expect(cellText('S8')).resolves.toBe('要因・分析');
    await expect(cellText('T8')).resolves.toBe('今後の方向性');
  });

  it('shows the department’s KPIs without comments and goes to the cell to write in', async () => {
    await openTab('tab-clerk');
    await page.getByTestId('department').selectOption('産業振興課');
    await page.getByTestId('comments-missing').waitFor();
    const before = await page.locator('[data-testid=comments-missing] button').count();
    expect(before).toBeGreaterThan(5);
    const first = page.locator('[data-testid=comments-missing] button').first();
    const cell = await first.getAttribute('data-cell');
    expect(cell).toMatch(/^S\d+$/);
    await first.click();
    await expect(page.getByTestId('demo-address').textContent()).resolves.toBe(cell);
    await page.screenshot({ path: join(OUT, 'taskpane-comments.png') });

    // The clerk writes both comments; the row leaves the list.
    await page.getByTestId('demo-input').fill('相談は増えたが開業は減った');
    await page.getByTestId('demo-input').press('Enter');
    const row = Number(cell!.slice(1));
    await page.click(`[data-testid=demo-sheet] td[data-address="T${row}"]`);
    await page.getByTestId('demo-input').fill('創業塾で資金相談を案内する');
    await page.getByTestId('demo-input').press('Enter');
    await page.waitForFunction(
      (n) => document.querySelectorAll('[data-testid=comments-missing] button').length === n,
      before - 1,
      { timeout: 10_000 },
    );
    await expect(cellText(`S${row}`)).resolves.toBe('相談は増えたが開業は減った');
  });
});
