/**
 * The two office.js builds: the default serves a local copy of office.js (closed city
 * networks); `--env officeJs=cdn` references Microsoft's CDN, which Marketplace add-ins must use
 * (https://learn.microsoft.com/office/dev/add-ins/develop/referencing-the-javascript-api-for-office-library-from-its-cdn).
 * The manifest check accepts each build as what it is, and neither as the other. One real CDN build
 * into a temporary folder (webpack, about half a minute); the local build is dist/ (`npm test` makes it).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { checkManifest, DEV_BASE_URL, OFFICE_JS_CDN } from '../../scripts/check-manifest';

const ROOT = resolve(__dirname, '..', '..');
const DIST = join(ROOT, 'dist');
let cdnDist = '';

beforeAll(() => {
  if (!existsSync(join(DIST, 'manifest.xml')))
    throw new Error('dist/ is missing: run `npm run build` first.');
  cdnDist = mkdtempSync(join(tmpdir(), 'kpi-sheet-cdn-'));
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const built = spawnSync(
    process.execPath,
    [cli, '--mode', 'production', '--env', 'officeJs=cdn', '--output-path', cdnDist],
    { cwd: ROOT, encoding: 'utf8' },
  );
  if (built.status !== 0) throw new Error(`webpack failed:\n${built.stderr}\n${built.stdout}`);
}, 400_000);

afterAll(() => {
  if (cdnDist) rmSync(cdnDist, { recursive: true, force: true });
});

const check = (distDir: string, officeJs: 'local' | 'cdn') =>
  checkManifest(readFileSync(join(distDir, 'manifest.xml'), 'utf8'), {
    distDir,
    baseUrl: DEV_BASE_URL,
    officeJs,
  }).then((problems) => problems.map((p) => `${p.check}: ${p.message}`));

describe('--env officeJs=cdn', () => {
  test('both pages load office.js from Microsoft’s CDN, and no local copy is shipped', () => {
    for (const page of ['taskpane.html', 'commands.html']) {
      const html = readFileSync(join(cdnDist, page), 'utf8');
      // The production build minifies the page: attribute quotes may go.
      expect(html).toMatch(
        /<script src="?https:\/\/appsforoffice\.microsoft\.com\/lib\/1\/hosted\/office\.js"?>/,
      );
      expect(html).not.toContain('office-js/office.js');
    }
    expect(existsSync(join(cdnDist, 'office-js'))).toBe(false);
  });

  test('the manifest check accepts the CDN build as a CDN build', async () => {
    expect(await check(cdnDist, 'cdn')).toEqual([]);
  });

  test('and the local build as a local build', async () => {
    expect(await check(DIST, 'local')).toEqual([]);
  });

  test('neither passes as the other', async () => {
    expect(await check(cdnDist, 'local')).toContainEqual(expect.stringContaining('from another site'));
    expect(await check(DIST, 'cdn')).toContainEqual(
      expect.stringContaining(`does not load office.js from ${OFFICE_JS_CDN}`),
    );
  });
});
