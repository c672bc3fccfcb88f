/**
 * LibreOffice for the tests that open what the command line wrote in Calc: a scratch folder per describe
 * block, the soffice command found once, and a headless conversion with a profile of its own (as renderPdf
 * does). Where LibreOffice is not installed the tests say so and pass (scripts/system-packages.sh installs it).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { findSoffice } from '../../src/cli/render-pdf';

export interface LibreOffice {
  /** The describe block's scratch folder, removed after it. */
  readonly dir: string;
  /** The soffice command; null where LibreOffice is not installed. */
  readonly soffice: string | null;
}

/** Makes the scratch folder (`prefix…` in the system's temp folder) and finds soffice before the block's tests. */
export function withLibreOffice(prefix: string): LibreOffice {
  const lo = { dir: '', soffice: null as string | null };
  beforeAll(async () => {
    lo.dir = await mkdtemp(path.join(os.tmpdir(), prefix));
    lo.soffice = await findSoffice();
  });
  afterAll(() => rm(lo.dir, { recursive: true, force: true }));
  return lo;
}

/** The soffice command, or null after a warning that `test` is skipped. */
export function sofficeOrSkip(lo: LibreOffice, test: string): string | null {
  if (lo.soffice === null) console.warn(`LibreOffice is not installed: ${test} is skipped`);
  return lo.soffice;
}

/**
 * `soffice --headless --convert-to <to>` of `file` into `outDir`, with a profile of its own removed after;
 * `infilter` for a file whose import filter Calc would ask for in a dialog.
 */
export async function convertWithLibreOffice(
  soffice: string,
  file: string,
  to: string,
  outDir: string,
  infilter?: string,
): Promise<void> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'kpi-lo-profile-'));
  try {
    await promisify(execFile)(
      soffice,
      [
        `-env:UserInstallation=file://${profile}`,
        '--headless',
        ...(infilter === undefined ? [] : [`--infilter=${infilter}`]),
        '--convert-to',
        to,
        '--outdir',
        outDir,
        file,
      ],
      { timeout: 180_000 },
    );
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
