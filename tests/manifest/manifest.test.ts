/**
 * The add-in manifest, checked offline against the build output (the online validator, `npm run validate`,
 * cannot run in CI). Needs dist/: `npm test` builds it before jest runs.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import {
  checkManifest,
  DEV_BASE_URL,
  parseManifest,
  walk,
  type ManifestCheck,
  type ManifestProblem,
  type XmlElement,
} from '../../scripts/check-manifest';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
const MANIFEST = readFileSync(join(ROOT, 'manifest.xml'), 'utf8');

function requireBuild(): void {
  if (!existsSync(join(DIST, 'manifest.xml'))) {
    throw new Error('dist/ is missing or incomplete: run `npm run build` before this test (npm test does).');
  }
}

/** A copy of dist/ that a test may damage; removed after each test. */
let scratch: string | undefined;
function copyOfDist(): string {
  scratch = mkdtempSync(join(tmpdir(), 'kpi-sheet-dist-'));
  cpSync(DIST, scratch, { recursive: true });
  return scratch;
}
afterEach(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
  scratch = undefined;
});

function check(xml: string, distDir = DIST): Promise<ManifestProblem[]> {
  return checkManifest(xml, { distDir, baseUrl: DEV_BASE_URL });
}

function messages(problems: readonly ManifestProblem[], kind: ManifestCheck): string[] {
  return problems.filter((problem) => problem.check === kind).map((problem) => problem.message);
}

/** The manifest text with one exact piece replaced; fails loudly if the piece is not there. */
function mutate(from: string, to: string): string {
  expect(MANIFEST).toContain(from);
  return MANIFEST.replace(from, to);
}

function elements(root: XmlElement, local: string): XmlElement[] {
  return [...walk(root)].map(([element]) => element).filter((element) => element.local === local);
}

beforeAll(requireBuild);

describe('the manifest describes the KPI評価 task pane add-in for Excel', () => {
  let root: XmlElement;
  beforeAll(async () => {
    root = await parseManifest(MANIFEST);
  });
  const child = (parent: XmlElement, local: string) => parent.children.find((c) => c.local === local);

  it('is a TaskPaneApp for the Workbook host with its own GUID', () => {
    expect(root.type).toBe('TaskPaneApp');
    expect(child(root, 'Hosts')?.children.map((host) => host.attributes.Name)).toEqual(['Workbook']);
    expect(child(root, 'Id')?.text).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
  });

  it('speaks Japanese by default and English in en-US Office', () => {
    expect(child(root, 'DefaultLocale')?.text).toBe('ja-JP');
    const name = child(root, 'DisplayName');
    expect(name?.attributes.DefaultValue).toBe('KPI評価');
    expect(name?.children[0]?.attributes).toEqual({ Locale: 'en-US', Value: 'KPI Evaluation' });
    const strings = [...elements(root, 'ShortStrings'), ...elements(root, 'LongStrings')].flatMap(
      (s) => s.children,
    );
    expect(strings.length).toBeGreaterThan(0);
    for (const string of strings) {
      expect(string.children.map((override) => override.attributes.Locale)).toEqual(['en-US']);
    }
  });

  it('names a support page the add-in serves (SupportUrl)', () => {
    expect(child(root, 'SupportUrl')?.attributes.DefaultValue).toBe(`${DEV_BASE_URL}support.html`);
    expect(existsSync(join(DIST, 'support.html'))).toBe(true);
  });

  it('asks for ReadWriteDocument and ExcelApi 1.7 (conditional formats 1.6, worksheet onChanged 1.7)', () => {
    expect(child(root, 'Permissions')?.text).toBe('ReadWriteDocument');
    expect(elements(root, 'Set').map((set) => set.attributes)).toEqual([
      { Name: 'ExcelApi', MinVersion: '1.7' },
    ]);
  });

  it('adds a Home tab group that opens the pane and one that runs the evaluation without it', () => {
    const tab = elements(root, 'OfficeTab');
    expect(tab.map((t) => t.attributes.id)).toEqual(['TabHome']);
    const actions = elements(root, 'Action').map((action) => action.type);
    expect(actions).toEqual(['ShowTaskpane', 'ExecuteFunction']);
    expect(elements(root, 'FunctionName').map((f) => f.text)).toEqual(['runEvaluation']);
    /** The default value of the resource that an element's resid names. */
    const resource = (element: XmlElement | undefined) =>
      [...walk(root)]
        .map(([e]) => e)
        .find((e) => e.attributes.id !== undefined && e.attributes.id === element?.attributes.resid)
        ?.attributes.DefaultValue;
    expect(resource(elements(root, 'FunctionFile')[0])).toBe(`${DEV_BASE_URL}commands.html`);
    expect(resource(elements(root, 'SourceLocation').find((e) => e.attributes.resid))).toBe(
      `${DEV_BASE_URL}taskpane.html`,
    );
    const buttonLabels = elements(root, 'Control').map((control) => resource(child(control, 'Label')));
    expect(buttonLabels).toEqual(['KPI評価を開く', '評価を更新']);
  });
});

describe('the manifest and the build pass every check', () => {
  it('reports no problem for manifest.xml against dist/', async () => {
    expect(await check(MANIFEST)).toEqual([]);
  });

  it('reports no problem for the copy of the manifest in dist/', async () => {
    expect(await check(readFileSync(join(DIST, 'manifest.xml'), 'utf8'))).toEqual([]);
  });
});

describe('the XML parses', () => {
  it('reports a manifest cut short', async () => {
    const problems = await check(MANIFEST.slice(0, MANIFEST.indexOf('</VersionOverrides>')));
    expect(messages(problems, 'xml')).toEqual([expect.stringContaining('not well-formed XML')]);
  });

  it('reports a mismatched closing tag', async () => {
    const problems = await check(mutate('</Permissions>', '</Permission>'));
    expect(messages(problems, 'xml')).toHaveLength(1);
  });
});

describe('elements are in schema order', () => {
  it('reports <Permissions> placed before <DefaultSettings>', async () => {
    const permissions = '  <Permissions>ReadWriteDocument</Permissions>\n';
    const swapped = mutate(permissions, '').replace(
      '  <DefaultSettings>',
      `${permissions}  <DefaultSettings>`,
    );
    expect(messages(await check(swapped), 'schema-order')).toEqual([
      expect.stringContaining('<DefaultSettings> in OfficeApp is out of schema order'),
    ]);
  });

  it('reports <Requirements> placed after <DefaultSettings>', async () => {
    const start = MANIFEST.indexOf('  <Requirements>');
    const end = MANIFEST.indexOf('</Requirements>\n') + '</Requirements>\n'.length;
    const requirements = MANIFEST.slice(start, end);
    const moved = (MANIFEST.slice(0, start) + MANIFEST.slice(end)).replace(
      '  <Permissions>',
      `${requirements}  <Permissions>`,
    );
    expect(messages(await check(moved), 'schema-order')).toEqual([
      expect.stringContaining(
        '<Requirements> in OfficeApp is out of schema order: it must come before <DefaultSettings>',
      ),
    ]);
  });

  it('reports an element that does not belong where it is', async () => {
    const problems = await check(
      mutate('<Hosts>\n    <Host Name="Workbook" />', '<Hosts>\n    <Hots Name="Workbook" />'),
    );
    expect(messages(problems, 'schema-order')).toContainEqual(
      expect.stringContaining('<Hots> is not a valid child of OfficeApp/Hosts'),
    );
  });

  it('reports a missing required element', async () => {
    const problems = await check(mutate('<Permissions>ReadWriteDocument</Permissions>', ''));
    expect(messages(problems, 'schema-order')).toEqual(['OfficeApp lacks the required <Permissions>']);
  });
});

describe('every resid names a resource', () => {
  it('reports a misspelled resid', async () => {
    const problems = await check(mutate('<Label resid="Group.Label" />', '<Label resid="Group.Lable" />'));
    expect(messages(problems, 'resid')).toEqual([
      expect.stringMatching(
        /resid "Group.Lable" on .*Group\/Label does not name any entry of bt:ShortStrings/,
      ),
    ]);
  });

  it('reports a resid that names a resource of the wrong kind', async () => {
    const problems = await check(
      mutate('<Title resid="RunEvaluation.Label" />', '<Title resid="RunEvaluation.Tooltip" />'),
    );
    expect(messages(problems, 'resid')).toEqual([expect.stringContaining('"RunEvaluation.Tooltip"')]);
  });

  it('reports a resource id defined twice', async () => {
    const problems = await check(mutate('<bt:Url id="Taskpane.Url"', '<bt:Url id="Commands.Url"'));
    expect(messages(problems, 'resid')).toContainEqual('resource id "Commands.Url" is defined twice in Urls');
  });
});

describe('every URL is https', () => {
  it('reports an http icon URL', async () => {
    const problems = await check(
      mutate(
        'DefaultValue="https://localhost:3000/assets/icon-64.png"',
        'DefaultValue="http://localhost:3000/assets/icon-64.png"',
      ),
    );
    expect(messages(problems, 'https')).toEqual([
      'OfficeApp/HighResolutionIconUrl: "http://localhost:3000/assets/icon-64.png" is not https',
    ]);
  });

  it('reports a relative page URL', async () => {
    const problems = await check(
      mutate(
        '<bt:Url id="Commands.Url" DefaultValue="https://localhost:3000/commands.html"',
        '<bt:Url id="Commands.Url" DefaultValue="commands.html"',
      ),
    );
    expect(messages(problems, 'https')).toEqual([
      expect.stringContaining('"commands.html" is not an absolute URL'),
    ]);
  });
});

describe('every icon and page the manifest names is in the build output', () => {
  it('reports an icon removed from dist/', async () => {
    const dist = copyOfDist();
    unlinkSync(join(dist, 'assets', 'run-32.png'));
    const problems = await check(MANIFEST, dist);
    expect(messages(problems, 'build-output')).toEqual([
      expect.stringContaining('https://localhost:3000/assets/run-32.png is missing from the build'),
    ]);
  });

  it('reports the command page removed from dist/', async () => {
    const dist = copyOfDist();
    unlinkSync(join(dist, 'commands.html'));
    const problems = await check(MANIFEST, dist);
    expect(messages(problems, 'build-output')).toEqual([
      expect.stringContaining('https://localhost:3000/commands.html is missing from the build'),
    ]);
  });

  it('reports an icon whose pixel size is not the size the manifest declares', async () => {
    const dist = copyOfDist();
    cpSync(join(dist, 'assets', 'icon-16.png'), join(dist, 'assets', 'icon-80.png'));
    const problems = await check(MANIFEST, dist);
    expect(messages(problems, 'icon-size')).toEqual([
      expect.stringContaining('icon-80.png is 16×16, expected 80×80'),
    ]);
  });

  it('reports a URL that the add-in does not serve', async () => {
    const problems = await check(
      mutate(
        'https://localhost:3000/assets/icon-32.png" />\n  <High',
        'https://example.com/icon-32.png" />\n  <High',
      ),
    );
    expect(messages(problems, 'build-output')).toEqual([
      expect.stringContaining('https://example.com/icon-32.png is not served by the add-in'),
    ]);
  });
});

describe('the pages load office.js and their scripts from the add-in itself', () => {
  it('reports a page that loads office.js from the public CDN', async () => {
    const dist = copyOfDist();
    const page = join(dist, 'taskpane.html');
    const html = readFileSync(page, 'utf8');
    writeFileSync(
      page,
      html.replace(
        /src="?office-js\/office\.js"?/,
        'src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"',
      ),
    );
    const problems = messages(await check(MANIFEST, dist), 'page');
    expect(problems).toContainEqual(
      expect.stringContaining(
        'loads https://appsforoffice.microsoft.com/lib/1/hosted/office.js from another site',
      ),
    );
    expect(problems).toContainEqual(expect.stringContaining('mentions appsforoffice.microsoft.com'));
  });

  it('reports a page whose script is missing from dist/', async () => {
    const dist = copyOfDist();
    unlinkSync(join(dist, 'office-js', 'office.js'));
    const problems = messages(await check(MANIFEST, dist), 'page');
    expect(problems).toEqual([
      expect.stringContaining('taskpane.html loads office-js/office.js, which is not in the build output'),
      expect.stringContaining('commands.html loads office-js/office.js, which is not in the build output'),
    ]);
  });

  it('ships office.js with the Excel host scripts and the ja-jp / en-us strings, not the whole package', () => {
    for (const file of [
      'office.js',
      'o15apptofilemappingtable.js',
      'excel-win32-16.01.js',
      'excel-web-16.00.js',
      'excel-mac-16.00.js',
      'telemetry/oteljs_agave.js',
      'ja-jp/office_strings.js',
      'en-us/office_strings.js',
    ]) {
      expect(existsSync(join(DIST, 'office-js', file))).toBe(true);
    }
    for (const file of ['word-win32-16.01.js', 'office.debug.js', 'de-de/office_strings.js']) {
      expect(existsSync(join(DIST, 'office-js', file))).toBe(false);
    }
  });
});
