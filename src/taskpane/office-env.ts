/**
 * Where the pane runs: inside Excel (Office.js says so) or in a plain browser (demo mode). Office's
 * theme colours and display language, where Office gives them.
 */
export interface OfficeEnvironment {
  readonly inExcel: boolean;
  readonly displayLanguage: string | undefined;
  readonly theme: Office.OfficeTheme | undefined;
}

/** office.js outside Office may never call back; after this long the page runs as a demo. */
const READY_TIMEOUT_MS = 4000;

export async function detectOffice(): Promise<OfficeEnvironment> {
  const browserLanguage = typeof navigator === 'undefined' ? undefined : navigator.language;
  if (typeof Office === 'undefined' || typeof Office.onReady !== 'function') {
    return { inExcel: false, displayLanguage: browserLanguage, theme: undefined };
  }
  const info = await Promise.race([
    Office.onReady().catch(() => null),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), READY_TIMEOUT_MS)),
  ]);
  const inExcel = info?.host === Office.HostType.Excel;
  if (!inExcel) return { inExcel: false, displayLanguage: browserLanguage, theme: undefined };
  const context = Office.context;
  return {
    inExcel: true,
    displayLanguage: context?.displayLanguage ?? browserLanguage,
    theme: context?.officeTheme ?? undefined,
  };
}

/** Office's theme colours as CSS variables on the page; true when the theme is dark. */
export function applyTheme(theme: Office.OfficeTheme | undefined, root: HTMLElement): boolean {
  if (!theme) return false;
  const set = (name: string, value: string | undefined): void => {
    if (value) root.style.setProperty(name, value);
  };
  set('--pane-bg', theme.bodyBackgroundColor);
  set('--pane-fg', theme.bodyForegroundColor);
  set('--control-bg', theme.controlBackgroundColor);
  set('--control-fg', theme.controlForegroundColor);
  return isDark(theme.bodyBackgroundColor);
}

function isDark(color: string | undefined): boolean {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(color ?? '');
  if (!match) return false;
  const [r, g, b] = match.slice(1).map((x) => parseInt(x, 16) / 255);
  return 0.2126 * r + 0.7152 * g + 0.0722 * b < 0.5;
}
