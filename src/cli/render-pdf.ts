/**
 * PDF through LibreOffice Calc, when it is installed: `soffice --headless --convert-to pdf` with a
 * private profile folder, so a running LibreOffice or a parallel conversion does not block this one.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { access, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';

export const INSTALL_HINT =
  'PDF の作成には LibreOffice Calc が必要です。次のコマンドでインストールしてください:\n' +
  '  sudo apt-get install libreoffice-calc fonts-noto-cjk\n' +
  '(Windows / Mac では https://ja.libreoffice.org/ からインストールし、soffice にパスを通してください)';

const CANDIDATES = ['soffice', 'libreoffice', '/usr/bin/soffice', '/usr/lib/libreoffice/program/soffice'];

function run(
  command: string,
  args: readonly string[],
  timeoutMs: number,
): Promise<{ ok: boolean; output: string }> {
  return new Promise((done) => {
    execFile(command, [...args], { timeout: timeoutMs }, (error, stdout, stderr) => {
      done({ ok: error === null, output: `${stdout}${stderr}` });
    });
  });
}

/** The soffice command that runs here, or null. */
export async function findSoffice(): Promise<string | null> {
  for (const candidate of CANDIDATES) {
    const probe = await run(candidate, ['--version'], 30_000);
    if (probe.ok) return candidate;
  }
  return null;
}

export type PdfOutcome =
  | { readonly ok: true; readonly pdf: string }
  | { readonly ok: false; readonly reason: 'notInstalled' | 'failed'; readonly message: string };

/** Converts `xlsx` to a PDF next to it (or in `outDir`); the PDF has the workbook's name with `.pdf`. */
export async function renderPdf(xlsx: string, outDir: string = dirname(resolve(xlsx))): Promise<PdfOutcome> {
  const soffice = await findSoffice();
  if (!soffice) return { ok: false, reason: 'notInstalled', message: INSTALL_HINT };
  const profile = await mkdtemp(join(tmpdir(), `kpi-sheet-lo-${randomBytes(4).toString('hex')}-`));
  try {
    const result = await run(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        '--calc',
        '--convert-to',
        'pdf',
        '--outdir',
        resolve(outDir),
        resolve(xlsx),
      ],
      180_000,
    );
    const pdf = join(resolve(outDir), basename(xlsx).replace(/\.xls[xm]$/i, '.pdf'));
    const exists = await access(pdf).then(
      () => true,
      () => false,
    );
    if (!result.ok || !exists) {
      return {
        ok: false,
        reason: 'failed',
        message: `LibreOffice で PDF にできませんでした:\n${result.output.trim()}`,
      };
    }
    return { ok: true, pdf };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
