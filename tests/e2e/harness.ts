/**
 * What every Chromium end-to-end test shares: the built pages served from dist/, Debian's Chromium started
 * headless with the flags this workplace needs, and a page on the task pane in demo mode.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import axe from 'axe-core';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';
import { serveDirectory } from '../../scripts/static-server';
import type { StaticServer } from '../../scripts/static-server';

export const ROOT = resolve(__dirname, '..', '..');
export const DIST = join(ROOT, 'dist');
export const OUT = join(ROOT, 'out');
export const CHROMIUM = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface PaneSession {
  readonly server: StaticServer;
  readonly browser: Browser;
  readonly page: Page;
  /** Messages of alert/confirm dialogs the page opened (each dismissed). */
  readonly dialogs: string[];
  /** Uncaught errors in the page. */
  readonly pageErrors: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  readonly width?: number;
  readonly height?: number;
  /** `ja-JP` (default) or `en-US`: the browser's language, which the demo takes as Office's display language. */
  readonly locale?: string;
  /** Query string for taskpane.html, without `?`. */
  readonly query?: string;
}

export async function openPane(options: PaneOptions = {}): Promise<PaneSession> {
  if (!existsSync(join(DIST, 'taskpane.html'))) {
    throw new Error(
      'dist/taskpane.html がありません。先に `npm run build` を実行してください (`npm run test:e2e` は両方を行います)。',
    );
  }
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} がありません: apt-get install chromium`);
  mkdirSync(OUT, { recursive: true });
  const server = await serveDirectory(DIST);
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  // An explicit context: @axe-core/playwright opens its own page in it to collect results.
  const context = await browser.newContext({
    viewport: { width: options.width ?? 1366, height: options.height ?? 820 },
    locale: options.locale ?? 'ja-JP',
  });
  const page = await context.newPage();
  const dialogs: string[] = [];
  const pageErrors: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(`${server.url}taskpane.html${options.query ? `?${options.query}` : ''}`);
  return {
    server,
    browser,
    page,
    dialogs,
    pageErrors,
    close: async () => {
      await browser.close();
      await server.close();
    },
  };
}

/** Waits until the pane is done with what it was doing: its main element is no longer busy. */
export async function paneIdle(page: Page): Promise<void> {
  await page.waitForSelector('main.pane[aria-busy=false]');
}

/** A pane that has read the demo sheet: the 基本目標 count is shown and nothing is under way. */
export async function openReadPane(options: PaneOptions = {}): Promise<PaneSession> {
  const session = await openPane(options);
  await session.page.getByTestId('goal-count').waitFor({ timeout: 20_000 });
  await paneIdle(session.page);
  return session;
}

/**
 * Opens the read pane (openReadPane) before the test file's tests and closes it after them; `opened` is
 * given the session, so the file can keep its page.
 */
export function readPaneForTests(opened: (session: PaneSession) => void, options: PaneOptions = {}): void {
  let session: PaneSession | undefined;
  beforeAll(async () => {
    session = await openReadPane(options);
    opened(session);
  }, 60_000);
  afterAll(async () => {
    await session?.close();
  });
}

/** Clicks the pane's tab `tab-<name>` and waits until its panel `panel-<name>` shows. */
export async function openPaneTab(page: Page, id: string): Promise<void> {
  await page.click(`fluent-tab#${id}`);
  await page.waitForSelector(`fluent-tab-panel#${id.replace('tab-', 'panel-')}:not([hidden])`);
}

/**
 * Every axe-core rule, the experimental ones (label-content-name-mismatch, …) and those off by default
 * (target-size, …) too, but the AAA contrast rule color-contrast-enhanced (7:1): the grade chips and legend
 * wear the sheet's own Excel fills (core/plan/palette.ts, 4.9–6.2:1), which pass AA's 4.5:1.
 */
const AXE_RULES = Object.fromEntries(
  axe.getRules().map(({ ruleId }) => [ruleId, { enabled: ruleId !== 'color-contrast-enhanced' }]),
);

/** axe-core's serious and critical findings inside `selector`, each as `rule: targets`; [] when none. */
export async function seriousAxeFindings(page: Page, selector = 'main.pane'): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(selector).options({ rules: AXE_RULES }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
