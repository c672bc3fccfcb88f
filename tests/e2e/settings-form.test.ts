/**
 * The pane's settings form against the settings registry (src/core/settings/registry.ts): every setting the
 * registry offers in the pane has its control on its tab (設定, or 担当課 for the clerk's), named with the
 * registry's label in the pane's language and with a line of help tied to it. A setting added to the
 * registry without a control fails here. Then the trend's tolerance, the one the form gained from the
 * registry, changes the judgement as the saved setting does. Needs `npm run build` first.
 */
import type { Locator, Page } from 'playwright-core';
import { PANE_SETTINGS } from '../../src/core/settings/registry';
import { openPaneTab, openReadPane, paneIdle } from './harness';
import type { PaneSession } from './harness';

jest.setTimeout(60_000);

const LOCALES = [
  ['ja-JP', 'ja'],
  ['en-US', 'en'],
] as const;

/** The accessible name of the control, as the browser's accessibility tree gives it. */
async function accessibleName(control: Locator): Promise<string> {
  const snapshot = await control.ariaSnapshot();
  const first = snapshot.split('\n')[0];
  return /^- [\w-]+ "((?:[^"\\]|\\.)*)"/.exec(first)?.[1] ?? '';
}

/** The text of the elements that describe the control (aria-describedby). */
async function description(control: Locator): Promise<string> {
  return control.evaluate((element) =>
    (element.getAttribute('aria-describedby') ?? '')
      .split(' ')
      .filter(Boolean)
      .map((id) => document.getElementById(id)?.textContent ?? '')
      .join(' ')
      .trim(),
  );
}

describe.each(LOCALES)('the settings form in %s', (locale, language) => {
  let session: PaneSession;
  let page: Page;

  beforeAll(async () => {
    session = await openReadPane({ width: 350, height: 900, locale });
    page = session.page;
  }, 60_000);

  afterAll(async () => {
    await session?.close();
  });

  const tabs = ['settings', 'clerk'] as const;
  describe.each(tabs)('on the %s tab', (tab) => {
    const settings = PANE_SETTINGS.filter((d) => d.pane.tab === tab);

    beforeAll(async () => {
      await openPaneTab(page, `tab-${tab}`);
    });

    test.each(settings.map((d) => [d.key, d] as const))('%s has its control', async (_key, d) => {
      const control = page.locator(`#panel-${tab}`).getByTestId(d.pane.testId);
      await control.first().waitFor({ timeout: 10_000 });
      expect(await control.count()).toBe(1);
      expect(await accessibleName(control)).toContain(d.label[language]);
      // Its line of help: the one tied to the control, or (the column mapping, a section) inside it.
      const help =
        (await description(control)) || ((await control.locator('.hint').first().textContent()) ?? '').trim();
      expect(help.length).toBeGreaterThan(10);
    });
  });

  it('judges the trend with the tolerance typed in percent', async () => {
    await openPaneTab(page, 'tab-settings');
    const field = page.getByTestId('trend-tolerance');
    expect(await field.inputValue()).toBe('0');
    const trends = (): Promise<number> =>
      page.$$eval('[data-testid=demo-sheet] td', (tds) => tds.filter((td) => td.textContent === '→').length);
    await openPaneTab(page, 'tab-evaluate');
    await page.getByTestId('evaluate').click();
    await paneIdle(page);
    const exact = await trends();
    await openPaneTab(page, 'tab-settings');
    await field.fill('50');
    await field.press('Tab');
    await openPaneTab(page, 'tab-evaluate');
    await page.getByTestId('stale').waitFor();
    await page.getByTestId('evaluate').click();
    await paneIdle(page);
    // Within ±50 % of the baseline more KPIs show no change.
    expect(await trends()).toBeGreaterThan(exact);
    // Out of range: the field says so and the setting stays.
    await openPaneTab(page, 'tab-settings');
    await field.fill('120');
    await field.press('Tab');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByTestId('stale').count()).toBe(0);
    // A preset resets the judging settings, the tolerance with them (to the preset's 0).
    await field.fill('50');
    await field.press('Tab');
    expect(await field.getAttribute('aria-invalid')).toBeNull();
    await page.getByTestId('preset').selectOption('進捗率');
    expect(await field.inputValue()).toBe('0');
    expect(session.pageErrors).toEqual([]);
  });
});
