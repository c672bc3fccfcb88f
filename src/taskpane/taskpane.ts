/**
 * Task pane entry: inside Excel the pane works on the open workbook through Office.js; in a plain
 * browser it runs as a demo on the bundled sample (loaded on demand, in its own chunk).
 */
import type { WorkbookHost } from '../core/host';
import { registerFluent, useDarkLayer } from './fluent';
import { languageFor, setLanguage, t } from './i18n';
import { applyTheme, detectOffice } from './office-env';
import { Session } from './session';
import { mountPane } from './ui/pane';

async function start(): Promise<void> {
  const office = await detectOffice();
  const language = languageFor(office.displayLanguage);
  setLanguage(language);
  document.documentElement.lang = language;
  document.title = t('appTitle');
  useDarkLayer(applyTheme(office.theme, document.body));
  registerFluent();

  let host: WorkbookHost;
  let paneRoot: HTMLElement;
  if (office.inExcel) {
    const { ExcelWorkbookHost } = await import(/* webpackMode: "eager" */ '../excel/excel-host');
    host = new ExcelWorkbookHost();
    paneRoot = document.querySelector<HTMLElement>('main.pane') ?? document.body;
  } else {
    document.body.classList.add('is-demo');
    const { startDemo } = await import(/* webpackChunkName: "demo" */ './demo/demo-page');
    const demo = await startDemo(document.body);
    host = demo.host;
    paneRoot = demo.paneRoot;
  }
  const session = new Session(host);
  mountPane(paneRoot, { session, host });
  await session.load();
}

start().catch((error: unknown) => {
  const status = document.querySelector('.pane__status') ?? document.body;
  status.textContent = `${t('errorPrefix')}${error instanceof Error ? error.message : String(error)}`;
});
