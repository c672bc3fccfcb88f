/**
 * Saving a workbook without ever leaving half of one: the bytes go to a temporary file beside the target,
 * are flushed to disk (fsync), and the temporary file is renamed over the target. A symlink is written
 * through to the file it points at, the file keeps its permission bits, and Ctrl-C or SIGTERM during the
 * save removes the temporary file. Every failure comes back as a Japanese message, never Node's text.
 */
import { constants } from 'node:fs';
import { access, chmod, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';

function errorCode(error: unknown): string | undefined {
  return typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
}

/** The Japanese reason for a failed file operation on `path`. */
export function fileErrorMessage(error: unknown, path: string): string {
  switch (errorCode(error)) {
    case 'EACCES':
    case 'EPERM':
      return `書き込む権限がありません: ${path}`;
    case 'EROFS':
      return `読み取り専用のドライブには保存できません: ${path}`;
    case 'ENOENT':
    case 'ENOTDIR':
      return `保存先のフォルダがありません: ${dirname(path)}`;
    case 'EISDIR':
      return `保存先はフォルダです。ファイル名を指定してください: ${path}`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `ディスクの空きが足りないため保存できませんでした: ${path}`;
    case 'EBUSY':
    case 'ETXTBSY':
      return `ファイルが他のプログラムで使われているため保存できませんでした: ${path}`;
    default:
      return `保存できませんでした: ${path}${errorCode(error) ? ` (${errorCode(error)})` : ''}`;
  }
}

/** The file a save to `path` really writes: a symlink's target, or `path` itself when it does not exist yet. */
export async function saveTarget(path: string): Promise<string> {
  try {
    return await realpath(path);
  } catch {
    return resolve(path);
  }
}

export type PathCheck = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * Whether a save to `path` can succeed, checked before any evaluation: the folder exists and is writable,
 * and an existing file is a file the user may write (a read-only file is refused, even for root).
 */
export async function checkSavePath(path: string): Promise<PathCheck> {
  const target = await saveTarget(path);
  const info = await stat(target).catch(() => null);
  if (info) {
    if (info.isDirectory()) return { ok: false, message: fileErrorMessage({ code: 'EISDIR' }, path) };
    if ((info.mode & 0o222) === 0)
      return {
        ok: false,
        message: `読み取り専用のファイルには保存できません: ${path}\n読み取り専用を解除するか、-o で別のファイルに保存してください。`,
      };
    try {
      await access(target, constants.W_OK);
    } catch (error) {
      return { ok: false, message: fileErrorMessage(error, path) };
    }
  }
  const folder = dirname(target);
  const folderInfo = await stat(folder).catch(() => null);
  if (!folderInfo || !folderInfo.isDirectory())
    return { ok: false, message: fileErrorMessage({ code: 'ENOENT' }, path) };
  try {
    await access(folder, constants.W_OK);
  } catch (error) {
    return { ok: false, message: fileErrorMessage(error, folder) };
  }
  return { ok: true };
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Writes `data` to `path` through a temporary file; throws an Error whose message is Japanese. The file's
 * mode is kept when it existed (new files get the usual 0666 less the umask).
 */
export async function saveFileSafely(path: string, data: Buffer): Promise<void> {
  const target = await saveTarget(path);
  const previous = await stat(target).catch(() => null);
  const temp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  // A signal during the save removes the temporary file, then ends the process as the signal would.
  const onSignal = (signal: NodeJS.Signals) => {
    try {
      unlinkSync(temp);
    } catch {
      // Not created yet, or already renamed.
    }
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.kill(process.pid, signal);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  try {
    const handle = await open(temp, 'wx', previous ? previous.mode & 0o7777 : 0o666);
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    // open() applies the umask: set the original file's mode exactly.
    if (previous) await chmod(temp, previous.mode & 0o7777);
    await rename(temp, target);
    await syncFolder(dirname(target));
  } catch (error) {
    await rm(temp, { force: true });
    throw new Error(fileErrorMessage(error, path));
  } finally {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
  }
}

/** Flushes the folder entry of the rename too (POSIX); not possible on Windows, where it is skipped. */
async function syncFolder(folder: string): Promise<void> {
  try {
    const handle = await open(folder, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // Windows cannot open a folder for fsync; the rename is durable there once it returns.
  }
}
