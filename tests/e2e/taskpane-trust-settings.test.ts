/**
 * The task pane tells the truth and explains itself, as planning staff set it up and evaluate: at task-pane
 * widths 320, 350 and 500 px, in Japanese and in English, each in its own browser, in order: open → every
 * control's line of help → thresholds out of order → 評価する → counts against the summary sheet → the 按分目標
 * switch → grade colours. axe-core checks the pane at each step (no serious or critical finding, every rule on).
 * Needs `npm run build` first. The words and the steps' readers: ./trust-pane.ts.
 */
import { describeTrustStory } from './trust-pane';

jest.setTimeout(60_000);

describeTrustStory('settings and the evaluation', ({ pane, words, width }) => {
  it('fills the width, in 14 px text, and passes axe on opening', async () => {
    const box = await pane.page.locator('main.pane').boundingBox();
    expect(box?.width).toBe(width);
    // No part of the pane is wider than the pane.
    const overflow = await pane.page.$eval('main.pane', (pane) => pane.scrollWidth - pane.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    expect(await pane.smallText()).toEqual([]);
    await pane.expectAccessible();
    await pane.shot('1-open');
  });

  it('gives every control of 評価 and 設定 a line of help tied to it', async () => {
    await pane.openTab('settings');
    expect(await pane.smallText()).toEqual([]);
    const undescribed = await pane.page.$$eval(
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
      const line = ((await pane.page.locator(`[data-help="${id}"]`).textContent()) ?? '').trim();
      for (const part of parts) expect(line).toContain(part);
    }
    // 按分目標 has a switch, with its line of help.
    expect(await pane.page.getByTestId('interim-path').getAttribute('aria-describedby')).toBe(
      'interim-path-help',
    );
    expect(await pane.page.getByTestId('interim-path').getAttribute('aria-checked')).toBe('true');
    // Presets are named for what they set, not like a basis.
    const presets = await pane.page.$$eval('#preset option', (options) => options.map((o) => o.textContent));
    expect(presets).toEqual(words.presets);
    await pane.expectAccessible();
    await pane.shot('2-settings');
  });

  it('holds 評価する on thresholds out of order and says why on every tab', async () => {
    // C is the scale's third level; B above it starts at 80 %.
    expect(await pane.page.getByTestId('scale-level-1-min').inputValue()).toBe('80');
    const c = pane.page.getByTestId('scale-level-2-min');
    await c.fill('90');
    await c.press('Tab');
    // The field keeps what was typed; the editor says which level is wrong.
    expect(await c.inputValue()).toBe('90');
    const errors = pane.page.getByTestId('scale-errors');
    await errors.waitFor({ state: 'visible' });
    expect(await pane.text('scale-errors')).toContain(words.held[1]);
    for (const tab of ['settings', 'evaluate', 'clerk', 'print']) {
      await pane.openTab(tab);
      const held = await pane.text('held');
      for (const part of words.held) expect(held).toContain(part);
    }
    await pane.openTab('evaluate');
    expect(await pane.page.getByTestId('evaluate').getAttribute('disabled')).not.toBeNull();
    await pane.page.getByTestId('evaluate').dispatchEvent('click');
    await pane.idle();
    expect(await pane.page.locator('[data-testid=demo-sheet] td', { hasText: /^[ABCDX] / }).count()).toBe(0);
    await pane.expectAccessible();
    await pane.shot('3-held');
    await pane.openTab('settings');
    // Still as typed after the round of the tabs: the fields and the warning agree.
    expect(await c.inputValue()).toBe('90');
    await c.fill('60');
    await c.press('Tab');
    await pane.page.getByTestId('held').waitFor({ state: 'detached' });
    await errors.waitFor({ state: 'hidden' });
    await pane.openTab('evaluate');
    expect(await pane.page.getByTestId('evaluate').getAttribute('disabled')).toBeNull();
  });

  it('evaluates from the keyboard, counts KPIs judged and keeps focus on the counts', async () => {
    await pane.page.getByTestId('evaluate').focus();
    await pane.page.keyboard.press('Enter');
    await pane.page.waitForSelector('[data-testid=counts]');
    await pane.idle();
    await pane.page.waitForFunction(() => document.activeElement?.id === 'results-title');
    const status = await pane.text('status');
    const [, judged, abolished] = words.judgedStatus.exec(status)?.map(Number) ?? [];
    expect(status).not.toMatch(/writes|書き込み。/);
    const summary = await pane.summaryOverall();
    // The same numbers as the summary sheet: 判定数 without 廃止.
    expect({ judged, abolished }).toEqual({ judged: summary.judged, abolished: summary.abolished });
    const counts = (await pane.paneCounts()).overall;
    expect(counts).toEqual({
      judged: summary.judged,
      A: summary.A,
      B: summary.B,
      C: summary.C,
      D: summary.D,
      X: summary.X,
    });
    const overall = words.overall.exec(await pane.text('overall'));
    expect(Number(overall?.[1])).toBe(summary.judged);
    expect(Number(overall?.[2])).toBe(summary.abolished);
    expect(Number(overall?.[3])).toBeCloseTo((summary.A / summary.judged) * 100, 1);
    for (const [id, parts] of Object.entries(words.resultsHelp)) {
      const line = ((await pane.page.locator(`[data-help="${id}"]`).textContent()) ?? '').trim();
      for (const part of parts) expect(line).toContain(part);
    }
    await pane.shot('4-results');
  });

  it('says the sheet is behind when the 按分目標 switch changes, until 評価する', async () => {
    await pane.openTab('settings');
    await pane.page.getByTestId('interim-path').click();
    expect(await pane.page.getByTestId('interim-path').getAttribute('aria-checked')).toBe('false');
    await pane.page.getByTestId('stale').waitFor();
    await pane.page.getByTestId('interim-path').click();
    await pane.openTab('evaluate');
    expect(await pane.page.getByTestId('stale').count()).toBe(1);
    await pane.page.getByTestId('evaluate').click();
    await pane.idle();
    expect(await pane.page.getByTestId('stale').count()).toBe(0);
  });

  it('shows grades in the sheet’s colours, with chips and legend that speak their label', async () => {
    const paneD = await pane.page.$eval(
      '[data-testid=counts] thead th[data-grade="D"]',
      (th) => getComputedStyle(th).backgroundColor,
    );
    expect(paneD).toBe(await pane.sheetDCellColour());
    expect(paneD).toBe('rgb(255, 199, 206)');
    const header = await pane.page.getByTestId('counts').locator('thead').ariaSnapshot();
    expect(header).toContain(words.chipName);
    const legend = await pane.page.$$eval('[data-testid=legend] span', (items) =>
      items.map((i) => i.textContent),
    );
    expect(legend).toEqual(words.legend);
    await pane.expectAccessible();
  });
});
