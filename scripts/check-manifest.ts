/**
 * Offline check of the add-in manifest against the built dist/: what the online validator
 * (`npm run validate`, which needs the internet) would reject, plus what only the build output can tell.
 *
 *   npx tsx scripts/check-manifest.ts [dist/manifest.xml] [--dist dist] [--base https://localhost:3000/]
 *
 * Checks: the XML parses; children appear in the order of the Office add-in manifest schema 1.1
 * (TaskPaneApp, VersionOverrides 1.0); every `resid` names a resource of the right kind; every URL is
 * https; every icon and page the manifest names is in the build output at the matching path, icons have
 * the pixel size they are declared with, and the pages load their scripts from the add-in's own origin, and
 * office.js as the build says: its own copy (the default build) or Microsoft's CDN (`--office-js cdn`, for
 * a build made with `--env officeJs=cdn`).
 *
 *   npx tsx scripts/check-manifest.ts dist/manifest.xml --office-js cdn
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve, sep } from 'node:path';
import { parseStringPromise } from 'xml2js';

export type ManifestCheck =
  'xml' | 'schema-order' | 'resid' | 'https' | 'build-output' | 'icon-size' | 'page';

export interface ManifestProblem {
  readonly check: ManifestCheck;
  readonly message: string;
}

/** Where a build's pages load office.js from (webpack.config.js `--env officeJs=…`). */
export type OfficeJsSource = 'local' | 'cdn';

export interface ManifestCheckOptions {
  /** The folder the add-in is served from (dist/). */
  readonly distDir: string;
  /** The https URL that serves distDir, ending in `/`. */
  readonly baseUrl: string;
  /** Which office.js the build references (default: its own copy). */
  readonly officeJs?: OfficeJsSource;
}

export const DEV_BASE_URL = 'https://localhost:3000/';

/** Microsoft's office.js CDN, required for Marketplace add-ins. */
export const OFFICE_JS_CDN = 'https://appsforoffice.microsoft.com/lib/1/hosted/office.js';

export interface XmlElement {
  /** Qualified name as written, `bt:Image`. */
  readonly name: string;
  /** Name without prefix, `Image`. */
  readonly local: string;
  /** The xsi:type attribute's value, `Button`. */
  readonly type: string | undefined;
  readonly attributes: Readonly<Record<string, string>>;
  readonly text: string;
  readonly children: readonly XmlElement[];
  /** Where it is, for messages: `OfficeApp/VersionOverrides/Hosts/Host`. */
  readonly path: string;
}

interface ChildRule {
  /** Allowed children in schema order; any other child is invalid. */
  readonly sequence: readonly string[];
  readonly required?: readonly string[];
}

/**
 * Child order per element, from OfficeAppManifestV1_1.xsd (OfficeApp, extended by TaskPaneApp) and
 * TaskPaneAppVersionOverridesV1_0.xsd. Keys: `Parent>Child` where the same name means different things in
 * different places, `Name[xsi:type]` for typed elements, otherwise the name.
 */
const SCHEMA: Readonly<Record<string, ChildRule>> = {
  'OfficeApp[TaskPaneApp]': {
    sequence: [
      'Id',
      'AlternateId',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'IconUrl',
      'HighResolutionIconUrl',
      'SupportUrl',
      'AppDomains',
      'Hosts',
      'Requirements',
      'DefaultSettings',
      'Permissions',
      'Dictionary',
      'VersionOverrides',
      'Signature',
    ],
    required: [
      'Id',
      'Version',
      'ProviderName',
      'DefaultLocale',
      'DisplayName',
      'Description',
      'DefaultSettings',
      'Permissions',
    ],
  },
  'OfficeApp>DisplayName': { sequence: ['Override'] },
  'OfficeApp>Description': { sequence: ['Override'] },
  'OfficeApp>Hosts': { sequence: ['Host'], required: ['Host'] },
  'OfficeApp>Requirements': { sequence: ['Sets', 'Methods'] },
  'OfficeApp>DefaultSettings': { sequence: ['SourceLocation'], required: ['SourceLocation'] },
  Sets: { sequence: ['Set'], required: ['Set'] },
  VersionOverrides: {
    sequence: [
      'Description',
      'Requirements',
      'Hosts',
      'Resources',
      'WebApplicationInfo',
      'EquivalentAddins',
      'VersionOverrides',
    ],
  },
  'VersionOverrides>Hosts': { sequence: ['Host'], required: ['Host'] },
  'Host[Workbook]': { sequence: ['DesktopFormFactor'] },
  DesktopFormFactor: {
    sequence: ['GetStarted', 'FunctionFile', 'ExtensionPoint'],
    required: ['ExtensionPoint'],
  },
  GetStarted: {
    sequence: ['Title', 'Description', 'LearnMoreUrl'],
    required: ['Title', 'Description', 'LearnMoreUrl'],
  },
  'ExtensionPoint[PrimaryCommandSurface]': { sequence: ['OfficeTab', 'CustomTab'] },
  'ExtensionPoint[ContextMenu]': { sequence: ['OfficeMenu'], required: ['OfficeMenu'] },
  OfficeTab: { sequence: ['Group'], required: ['Group'] },
  CustomTab: { sequence: ['Group', 'Label'], required: ['Group', 'Label'] },
  Group: { sequence: ['Label', 'Icon', 'Control'], required: ['Label', 'Icon', 'Control'] },
  Icon: { sequence: ['Image'], required: ['Image'] },
  'Control[Button]': {
    sequence: ['Label', 'Supertip', 'Icon', 'Action'],
    required: ['Label', 'Supertip', 'Icon', 'Action'],
  },
  'Control[Menu]': {
    sequence: ['Label', 'Supertip', 'Icon', 'Items'],
    required: ['Label', 'Supertip', 'Icon', 'Items'],
  },
  Supertip: { sequence: ['Title', 'Description'], required: ['Title', 'Description'] },
  'Action[ShowTaskpane]': {
    sequence: ['TaskpaneId', 'SourceLocation', 'Title'],
    required: ['SourceLocation'],
  },
  'Action[ExecuteFunction]': { sequence: ['FunctionName'], required: ['FunctionName'] },
  Resources: { sequence: ['Images', 'Urls', 'ShortStrings', 'LongStrings'] },
  Images: { sequence: ['Image'] },
  Urls: { sequence: ['Url'] },
  ShortStrings: { sequence: ['String'] },
  LongStrings: { sequence: ['String'] },
};

const NAMESPACES = {
  officeApp: 'http://schemas.microsoft.com/office/appforoffice/1.1',
  versionOverrides: 'http://schemas.microsoft.com/office/taskpaneappversionoverrides',
} as const;

type ResourceKind = 'Images' | 'Urls' | 'ShortStrings' | 'LongStrings';

/** Which resource collection a `resid` on this element must point into. */
const RESID_KIND: Readonly<Record<string, ResourceKind>> = {
  Image: 'Images',
  FunctionFile: 'Urls',
  SourceLocation: 'Urls',
  LearnMoreUrl: 'Urls',
  Label: 'ShortStrings',
  Title: 'ShortStrings',
  Description: 'LongStrings',
};

/** Elements of the base manifest whose DefaultValue (and overrides) are URLs, with the icon size if any. */
const URL_SETTINGS: Readonly<Record<string, number | undefined>> = {
  IconUrl: 32,
  HighResolutionIconUrl: 64,
  SupportUrl: undefined,
  SourceLocation: undefined,
};

const MAX_RESOURCE_ID_LENGTH = 32;

interface RawNode {
  '#name'?: string;
  $?: Record<string, string>;
  _?: string;
  $$?: RawNode[];
}

function toElement(raw: RawNode, parentPath: string): XmlElement {
  const name = raw['#name'] ?? '';
  const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
  const attributes = raw.$ ?? {};
  const path = parentPath ? `${parentPath}/${local}` : local;
  return {
    name,
    local,
    type: attributes['xsi:type'],
    attributes,
    text: typeof raw._ === 'string' ? raw._ : '',
    children: (raw.$$ ?? []).map((child) => toElement(child, path)),
    path,
  };
}

export async function parseManifest(xml: string): Promise<XmlElement> {
  const parsed = (await parseStringPromise(xml, {
    explicitChildren: true,
    preserveChildrenOrder: true,
    trim: true,
    strict: true,
  })) as Record<string, RawNode>;
  const [rootName, root] = Object.entries(parsed)[0] ?? [];
  if (!rootName || !root) throw new Error('the document has no root element');
  return toElement({ ...root, '#name': rootName }, '');
}

export function* walk(
  element: XmlElement,
  parent?: XmlElement,
): Generator<[XmlElement, XmlElement | undefined]> {
  yield [element, parent];
  for (const child of element.children) yield* walk(child, element);
}

function ruleFor(element: XmlElement, parent: XmlElement | undefined): ChildRule | undefined {
  const keys = [
    parent ? `${parent.local}>${element.local}` : undefined,
    element.type ? `${element.local}[${element.type}]` : undefined,
    element.local,
  ];
  for (const key of keys) if (key && SCHEMA[key]) return SCHEMA[key];
  return undefined;
}

function checkOrder(root: XmlElement): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (message: string) => problems.push({ check: 'schema-order', message });
  if (root.local !== 'OfficeApp' || root.type !== 'TaskPaneApp') {
    report(`the root element must be <OfficeApp xsi:type="TaskPaneApp">, not <${root.name}>`);
  }
  if (root.attributes.xmlns !== NAMESPACES.officeApp) {
    report(`<OfficeApp> must use the namespace ${NAMESPACES.officeApp}`);
  }
  for (const [element, parent] of walk(root)) {
    if (element.local === 'VersionOverrides' && parent === root) {
      if (element.attributes.xmlns !== NAMESPACES.versionOverrides) {
        report(`<VersionOverrides> must use the namespace ${NAMESPACES.versionOverrides}`);
      }
    }
    const rule = ruleFor(element, parent);
    if (!rule) continue;
    let last = -1;
    for (const child of element.children) {
      const at = rule.sequence.indexOf(child.local);
      if (at < 0) {
        report(
          `<${child.name}> is not a valid child of ${element.path} (allowed: ${rule.sequence.join(', ')})`,
        );
      } else if (at < last) {
        report(
          `<${child.name}> in ${element.path} is out of schema order: it must come before <${rule.sequence[last]}>`,
        );
      } else {
        last = at;
      }
    }
    for (const name of rule.required ?? []) {
      if (!element.children.some((child) => child.local === name)) {
        report(`${element.path} lacks the required <${name}>`);
      }
    }
  }
  return problems;
}

function resources(root: XmlElement): Map<ResourceKind, Map<string, XmlElement>> {
  const found = new Map<ResourceKind, Map<string, XmlElement>>();
  for (const [element] of walk(root)) {
    if (element.local !== 'Resources') continue;
    for (const collection of element.children) {
      const kind = collection.local as ResourceKind;
      const byId = found.get(kind) ?? new Map<string, XmlElement>();
      for (const item of collection.children) byId.set(item.attributes.id ?? '', item);
      found.set(kind, byId);
    }
  }
  return found;
}

function checkResids(root: XmlElement): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (message: string) => problems.push({ check: 'resid', message });
  const defined = resources(root);
  const seen = new Set<string>();
  for (const [element, parent] of walk(root)) {
    if (parent && ['Images', 'Urls', 'ShortStrings', 'LongStrings'].includes(parent.local)) {
      const id = element.attributes.id;
      const key = `${parent.local}:${id}`;
      if (!id) report(`${element.path} has no id`);
      else if (id.length > MAX_RESOURCE_ID_LENGTH) {
        report(`resource id "${id}" is longer than ${MAX_RESOURCE_ID_LENGTH} characters`);
      } else if (seen.has(key)) report(`resource id "${id}" is defined twice in ${parent.local}`);
      seen.add(key);
    }
    const resid = element.attributes.resid;
    if (resid === undefined) continue;
    const kind = RESID_KIND[element.local];
    const kinds: readonly ResourceKind[] = kind ? [kind] : ['Images', 'Urls', 'ShortStrings', 'LongStrings'];
    if (!kinds.some((k) => defined.get(k)?.has(resid))) {
      const where = kind ? `bt:${kind}` : 'Resources';
      report(`resid "${resid}" on ${element.path} does not name any entry of ${where}`);
    }
  }
  return problems;
}

/** Every URL the manifest holds, with where it is and the pixel size it must have if it is an icon. */
interface ManifestUrl {
  readonly url: string;
  readonly where: string;
  readonly iconSize: number | undefined;
}

function manifestUrls(root: XmlElement): ManifestUrl[] {
  const urls: ManifestUrl[] = [];
  // Icon sizes come from the references: <bt:Image size="16" resid="Icon.16x16"/>.
  const sizeOfImage = new Map<string, number>();
  for (const [element, parent] of walk(root)) {
    if (element.local === 'Image' && parent?.local === 'Icon' && element.attributes.resid) {
      sizeOfImage.set(element.attributes.resid, Number(element.attributes.size));
    }
  }
  const settingValues = (element: XmlElement, iconSize: number | undefined) => {
    const values = [element.attributes.DefaultValue ?? ''];
    for (const override of element.children) values.push(override.attributes.Value ?? '');
    for (const url of values) urls.push({ url, where: element.path, iconSize });
  };
  for (const [element, parent] of walk(root)) {
    const isBaseSetting =
      element.local in URL_SETTINGS &&
      !element.attributes.resid &&
      element.attributes.DefaultValue !== undefined;
    if (isBaseSetting) settingValues(element, URL_SETTINGS[element.local]);
    if (element.local === 'AppDomain')
      urls.push({ url: element.text, where: element.path, iconSize: undefined });
    if (parent?.local === 'Images' || parent?.local === 'Urls') {
      settingValues(element, sizeOfImage.get(element.attributes.id ?? ''));
    }
  }
  return urls;
}

function checkHttps(root: XmlElement): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (message: string) => problems.push({ check: 'https', message });
  const urls = manifestUrls(root);
  for (const { url, where } of urls) {
    let protocol = '';
    try {
      protocol = new URL(url).protocol;
    } catch {
      report(`${where}: "${url}" is not an absolute URL`);
      continue;
    }
    if (protocol !== 'https:') report(`${where}: "${url}" is not https`);
  }
  // Anything else that looks like a link, in any text or attribute (namespaces aside), must be https too.
  const known = new Set(urls.map(({ url }) => url));
  for (const [element] of walk(root)) {
    const attributes = Object.entries(element.attributes).filter(([name]) => !name.startsWith('xmlns'));
    for (const value of [element.text, ...attributes.map(([, value]) => value)]) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !value.startsWith('https://') && !known.has(value)) {
        report(`${element.path}: "${value}" is not https`);
      }
    }
  }
  return problems;
}

/** The file under distDir that serves a URL, or undefined when the URL is not under the base URL. */
function fileFor(url: string, options: ManifestCheckOptions): string | undefined {
  if (!url.startsWith(options.baseUrl)) return undefined;
  const rest = decodeURIComponent(url.slice(options.baseUrl.length).replace(/[?#].*$/, ''));
  const file = normalize(join(options.distDir, rest));
  return relative(options.distDir, file).startsWith('..') ? undefined : file;
}

function isFile(file: string): boolean {
  return existsSync(file) && statSync(file).isFile();
}

/** Width and height from a PNG's IHDR chunk, or undefined if the file is not a PNG. */
function pngSize(file: string): { width: number; height: number } | undefined {
  const bytes = readFileSync(file);
  const signature = '89504e470d0a1a0a';
  if (bytes.length < 24 || bytes.subarray(0, 8).toString('hex') !== signature) return undefined;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** `src` and `href` values of a page's <script> and <link> tags. */
function pageReferences(html: string): { scripts: string[]; links: string[] } {
  const attribute = (tag: string, name: string) =>
    new RegExp(`\\s${name}\\s*=\\s*("([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i').exec(tag)?.slice(2).find(Boolean);
  const scripts = [...html.matchAll(/<script\b[^>]*>/gi)].map((m) => attribute(m[0], 'src')).filter(Boolean);
  const links = [...html.matchAll(/<link\b[^>]*>/gi)].map((m) => attribute(m[0], 'href')).filter(Boolean);
  return { scripts: scripts as string[], links: links as string[] };
}

function checkPage(file: string, url: string, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const report = (message: string) => problems.push({ check: 'page', message });
  const html = readFileSync(file, 'utf8');
  const cdn = options.officeJs === 'cdn';
  const { scripts, links } = pageReferences(html);
  for (const ref of [...scripts, ...links]) {
    if (cdn && ref === OFFICE_JS_CDN) continue;
    if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(ref) && !ref.startsWith(options.baseUrl)) {
      report(`${url} loads ${ref} from another site; it must come from the add-in's own origin`);
      continue;
    }
    const target = ref.startsWith(options.baseUrl)
      ? fileFor(ref, options)
      : join(ref.startsWith('/') ? options.distDir : dirname(file), ref.replace(/[?#].*$/, ''));
    if (!target || !isFile(target)) report(`${url} loads ${ref}, which is not in the build output`);
  }
  if (cdn) {
    if (!scripts.includes(OFFICE_JS_CDN)) report(`${url} does not load office.js from ${OFFICE_JS_CDN}`);
    if (scripts.some((src) => src !== OFFICE_JS_CDN && /(^|\/)office\.js$/.test(src))) {
      report(`${url} also loads a local office.js; the CDN build loads Microsoft's only`);
    }
    return problems;
  }
  if (!scripts.some((src) => /(^|\/)office\.js$/.test(src))) {
    report(`${url} does not load office.js with a <script> tag`);
  }
  if (/appsforoffice\.microsoft\.com/i.test(html)) {
    report(`${url} mentions appsforoffice.microsoft.com (the public office.js CDN)`);
  }
  return problems;
}

function checkBuildOutput(root: XmlElement, options: ManifestCheckOptions): ManifestProblem[] {
  const problems: ManifestProblem[] = [];
  const checked = new Set<string>();
  for (const { url, where, iconSize } of manifestUrls(root)) {
    if (!url.startsWith('https://') || checked.has(`${url} ${iconSize}`)) continue;
    checked.add(`${url} ${iconSize}`);
    const file = fileFor(url, options);
    if (!file) {
      problems.push({
        check: 'build-output',
        message: `${where}: ${url} is not served by the add-in (not under ${options.baseUrl})`,
      });
      continue;
    }
    if (!isFile(file)) {
      const shown = relative(process.cwd(), file).split(sep).join('/');
      problems.push({
        check: 'build-output',
        message: `${where}: ${url} is missing from the build (${shown})`,
      });
      continue;
    }
    if (iconSize !== undefined) {
      const size = pngSize(file);
      if (!size) problems.push({ check: 'icon-size', message: `${where}: ${url} is not a PNG image` });
      else if (size.width !== iconSize || size.height !== iconSize) {
        problems.push({
          check: 'icon-size',
          message: `${where}: ${url} is ${size.width}×${size.height}, expected ${iconSize}×${iconSize}`,
        });
      }
    }
    // The support page is for people, in a browser: only the add-in's own pages load office.js.
    if (file.endsWith('.html') && !where.endsWith('SupportUrl') && !checked.has(file)) {
      checked.add(file);
      problems.push(...checkPage(file, url, options));
    }
  }
  return problems;
}

/** Every problem found in the manifest text against the build in options.distDir; empty when all is well. */
export async function checkManifest(xml: string, options: ManifestCheckOptions): Promise<ManifestProblem[]> {
  let root: XmlElement;
  try {
    root = await parseManifest(xml);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return [{ check: 'xml', message: `the manifest is not well-formed XML: ${reason.replace(/\s+/g, ' ')}` }];
  }
  const resolved = { ...options, distDir: resolve(options.distDir) };
  return [
    ...checkOrder(root),
    ...checkResids(root),
    ...checkHttps(root),
    ...checkBuildOutput(root, resolved),
  ];
}

async function main(args: readonly string[]): Promise<number> {
  const flag = (name: string) => {
    const at = args.indexOf(name);
    return at >= 0 ? args[at + 1] : undefined;
  };
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  const manifest = positional[0] ?? 'dist/manifest.xml';
  const distDir = flag('--dist') ?? 'dist';
  const baseUrl = flag('--base') ?? DEV_BASE_URL;
  const officeJs = flag('--office-js') ?? 'local';
  if (officeJs !== 'local' && officeJs !== 'cdn') {
    console.error(`--office-js must be local or cdn: ${officeJs}`);
    return 1;
  }
  if (!existsSync(manifest)) {
    console.error(`${manifest} not found: run \`npm run build\` first.`);
    return 1;
  }
  const problems = await checkManifest(readFileSync(manifest, 'utf8'), { distDir, baseUrl, officeJs });
  for (const problem of problems) console.error(`${problem.check}: ${problem.message}`);
  console.log(problems.length ? `${problems.length} problem(s) in ${manifest}` : `${manifest}: OK`);
  return problems.length ? 1 : 0;
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
