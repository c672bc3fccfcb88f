/**
 * The repository stands on its own: a clone with nothing beside it installs, builds and tests. So no tracked
 * file may name a folder beside the repository, a machine's own folders (a home, a workspace, a temp folder
 * spelled out) or a path that climbs out of the repository from where its file lies. System programs the
 * project installs through its own scripts (/usr/bin/chromium, /usr/lib/libreoffice) are not data paths
 * and stay allowed.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

const ROOT = resolve(__dirname, '..', '..');

/** The folder beside the repository this project was first made from; spelled in two parts so this file passes. */
const SIBLING = ['..', 'shared'].join('/');

/** Absolute paths that only exist on one machine: homes, workspaces, temp and mount folders, Windows drives. */
const MACHINE_PATH =
  /(?:^|[\s'"`(=:,])(\/(?:work|home|root|tmp|mnt|Users|srv|var\/tmp)\/[^\s'"`)]*|[A-Za-z]:\\[^\s'"`)]+)/;

/**
 * In the documentation, a Windows folder is an example for the reader (unzip to a folder on drive C), not a path the
 * project uses; a Unix machine folder is still refused there.
 */
const MACHINE_PATH_IN_CODE_ONLY =
  /(?:^|[\s'"`(=:,])(\/(?:work|home|root|tmp|mnt|Users|srv|var\/tmp)\/[^\s'"`)]*)/;

/** `resolve(__dirname, '..', 'x')` / `join(__dirname, …)` with literal segments: where it lands can be computed. */
const DIRNAME_PATH = /\b(?:resolve|join)\(\s*__dirname((?:\s*,\s*'[^']*')+)\s*\)/g;

export interface PathHit {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly why: string;
}

/** Every place in one file's text that names a path outside the repository. */
export function pathsOutside(file: string, text: string, root: string): PathHit[] {
  const hits: PathHit[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    const at = (why: string) => hits.push({ file, line: index + 1, text: lineText.trim(), why });
    if (lineText.includes(SIBLING)) at('names the folder beside the repository');
    const machine = (file.endsWith('.md') ? MACHINE_PATH_IN_CODE_ONLY : MACHINE_PATH).exec(lineText);
    if (machine) at(`names a machine's own path ${machine[1]}`);
    for (const call of lineText.matchAll(DIRNAME_PATH)) {
      const segments = [...call[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
      const target = resolve(dirname(join(root, file)), ...segments);
      const inside = relative(root, target);
      if (inside === '..' || inside.startsWith(`..${sep}`))
        at(`climbs out of the repository to ${segments.join('/')}`);
    }
  });
  return hits;
}

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && !f.endsWith('package-lock.json'));
}

const BINARY = /\.(xlsx|xlsm|xls|ods|png|jpg|jpeg|gif|ico|pdf|zip|woff2?|ttf)$/i;

describe('the repository names no path outside itself', () => {
  it('finds no hit in any tracked text file', () => {
    const files = trackedFiles().filter((f) => !BINARY.test(f));
    expect(files.length).toBeGreaterThan(100);
    const hits = files.flatMap((file) => pathsOutside(file, readFileSync(join(ROOT, file), 'utf8'), ROOT));
    expect(hits).toEqual([]);
  });

  it('keeps the seed tables the fixtures are built from inside the repository', () => {
    const files = trackedFiles();
    expect(files).toContain('tests/fixtures/seeds/kpi-progress-table.txt');
    expect(files).toContain('tests/fixtures/seeds/strategy-kpi-table.txt');
  });
});

describe('the path guard itself', () => {
  const root = '/repo';
  it('fails on a file that reads the folder beside the repository', () => {
    const text = `const SEEDS = 'x';\nreadFileSync('${SIBLING}/seeds/kpi-progress-table.txt');\n`;
    expect(pathsOutside('bench/generate.ts', text, root)).toEqual([
      expect.objectContaining({ line: 2, why: 'names the folder beside the repository' }),
    ]);
  });

  it('fails on a __dirname path that climbs out, and passes one that stays inside', () => {
    const out = "const S = resolve(__dirname, '..', '..', 'shared', 'seeds');";
    const inside = "const S = resolve(__dirname, '..', 'tests', 'fixtures', 'seeds');";
    expect(pathsOutside('bench/generate.ts', out, root)).toHaveLength(1);
    expect(pathsOutside('bench/generate.ts', inside, root)).toEqual([]);
  });

  it("fails on a machine's own folder and allows the system programs the project installs", () => {
    // Spelled in parts so that this file itself passes the scan above.
    const slash = '/';
    expect(pathsOutside('a.ts', `open('${slash}work/main/x.xlsx')`, root)).toHaveLength(1);
    expect(pathsOutside('a.ts', `parse(['-o', '${slash}tmp/out.xlsx'])`, root)).toHaveLength(1);
    expect(pathsOutside('a.ts', `const book = '${'C'}:\\Users\\clerk\\book.xlsx';`, root)).toHaveLength(1);
    expect(pathsOutside('README.md', `unzip it to ${'C'}:\\kpi-sheet`, root)).toEqual([]);
    expect(pathsOutside('a.ts', "executablePath: '/usr/bin/chromium'", root)).toEqual([]);
    expect(pathsOutside('a.sh', '#!/usr/bin/env bash', root)).toEqual([]);
  });
});
