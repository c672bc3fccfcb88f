/**
 * Task pane size: a webpack production build into <tmp>/kpi-sheet-bench/dist (the shared dist/ is left alone),
 * then the minified task pane entry script and the chunks it loads, in bytes and gzip bytes. office.js
 * and the Excel host scripts are Microsoft's and not counted.
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(__dirname, '..');

export interface ScriptSize {
  readonly file: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface TaskpaneMeasure {
  /** The entry script the task pane page loads. */
  readonly entry: ScriptSize;
  /** Other scripts of ours in the build (lazy chunks, the ribbon commands). */
  readonly others: readonly ScriptSize[];
}

function build(outDir: string, cacheDir: string | undefined): Promise<void> {
  const cli = join(ROOT, 'node_modules', 'webpack-cli', 'bin', 'cli.js');
  const cache =
    cacheDir === undefined ? [] : ['--cache-type', 'filesystem', '--cache-cache-directory', cacheDir];
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [cli, '--mode', 'production', '--output-path', outDir, ...cache], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', fail);
    child.on('close', (code) =>
      code === 0 ? done() : fail(new Error(`webpack failed (${code}):\n${stderr}`)),
    );
  });
}

function sizeOf(dir: string, file: string): ScriptSize {
  const bytes = readFileSync(join(dir, file));
  return { file, bytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length };
}

/**
 * Builds and measures. With `cacheDir`, webpack keeps its filesystem cache there (the quick bench: a rebuild
 * of unchanged sources takes seconds instead of a minute; the output is the same build).
 */
export async function measureTaskpane(outDir: string, cacheDir?: string): Promise<TaskpaneMeasure> {
  await build(outDir, cacheDir);
  const scripts = readdirSync(outDir).filter((f) => f.endsWith('.js'));
  const entryFile = scripts.find((f) => f.startsWith('taskpane.'));
  if (!entryFile) throw new Error(`no taskpane script in ${outDir}`);
  return {
    entry: sizeOf(outDir, entryFile),
    others: scripts.filter((f) => f !== entryFile).map((f) => sizeOf(outDir, f)),
  };
}
