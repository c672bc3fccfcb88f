/**
 * The command line never harms the file it is given: --json cannot name a workbook, --in-place writes
 * through a symlink, keeps the mode, refuses a read-only file and leaves no temporary file behind even when
 * killed; the output path is checked before the evaluation; every refusal is a Japanese sentence naming
 * the real cause, never Node's error text.
 */
import { spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lstatSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { main } from '../../src/cli/main';
import { FIXTURES, scratchDir } from '../xlsx/evaluated';
import { runCli, type Captured } from './run-cli';

const PROGRESS = join(FIXTURES, 'asakuchi-progress.xlsx');

function evaluate(...argv: string[]): Promise<Captured> {
  return runCli(main, ['evaluate', ...argv]);
}

function copyOfProgress(name = 'kpi.xlsx'): string {
  const file = join(scratchDir(), name);
  copyFileSync(PROGRESS, file);
  return file;
}

/** No raw Node error text: codes and syscall names never reach the user. */
function expectNoNodeText(stderr: string): void {
  expect(stderr).not.toMatch(/E[A-Z]{3,}|errno|syscall|at .*\(.*:\d+:\d+\)/);
}

describe('--json never names a workbook', () => {
  it.each([
    ['the input (the = form)', (input: string) => [input, `--json=${input}`]],
    [
      'the -o output',
      (input: string) => [
        input,
        '-o',
        join(input, '..', 'out.xlsx'),
        `--json=${join(input, '..', 'out.xlsx')}`,
      ],
    ],
    ['another .xlsx', (input: string) => [input, `--json=${join(input, '..', 'report.xlsx')}`]],
    ['an .xlsm', (input: string) => [input, `--json=${join(input, '..', 'report.xlsm')}`]],
  ])('refuses %s with exit 2 and leaves the workbook as it was', async (_label, argv) => {
    const input = copyOfProgress();
    const before = readFileSync(input);
    const { code, stderr } = await evaluate(...argv(input));
    expect(code).toBe(2);
    expect(stderr).toContain('--json の保存先');
    expect(readFileSync(input).equals(before)).toBe(true);
    expect(readdirSync(join(input, '..'))).toEqual(['kpi.xlsx']);
  });
});

describe('--in-place', () => {
  it('writes through a symlink to its target and leaves the link a link', async () => {
    const target = copyOfProgress('real.xlsx');
    const link = join(target, '..', 'link.xlsx');
    symlinkSync(target, link);
    const before = readFileSync(target);
    const { code } = await evaluate(link, '--in-place');
    expect(code).toBe(0);
    expect(lstatSync(link).isSymbolicLink()).toBe(true);
    expect(readFileSync(target).equals(before)).toBe(false);
    expect(readdirSync(join(target, '..')).sort()).toEqual(['link.xlsx', 'real.xlsx']);
  });

  it("keeps the file's mode", async () => {
    const file = copyOfProgress();
    chmodSync(file, 0o640);
    expect((await evaluate(file, '--in-place')).code).toBe(0);
    expect(statSync(file).mode & 0o777).toBe(0o640);
  });

  it('refuses a read-only file before evaluating, and leaves it as it was', async () => {
    const file = copyOfProgress();
    chmodSync(file, 0o444);
    const before = readFileSync(file);
    const { code, stderr } = await evaluate(file, '--in-place');
    expect(code).toBe(2);
    expect(stderr).toContain('読み取り専用のファイルには保存できません');
    expect(stderr).not.toContain('読み込んでいます');
    expect(readFileSync(file).equals(before)).toBe(true);
  });

  it('leaves no temporary file when SIGTERM arrives during the save', async () => {
    const dir = scratchDir();
    const target = join(dir, 'big.xlsx');
    // A child process saving 300 MB, killed once its temporary file is there (it notes that it saw it).
    const script = `
      const fs = require('node:fs');
      const { saveFileSafely } = require(${JSON.stringify(join(__dirname, '../../src/cli/safe-save.ts'))});
      const dir = ${JSON.stringify(dir)};
      setInterval(() => {
        if (fs.readdirSync(dir).some((name) => name.endsWith('.tmp'))) {
          fs.writeFileSync(dir + '/seen-temp', '');
          process.kill(process.pid, 'SIGTERM');
        }
      }, 1);
      saveFileSafely(${JSON.stringify(target)}, Buffer.alloc(300 * 1024 * 1024, 1));
    `;
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'ignore' });
    const signal = await new Promise<NodeJS.Signals | null>((done) => child.on('exit', (_c, s) => done(s)));
    expect(signal).toBe('SIGTERM');
    expect(readdirSync(dir)).toContain('seen-temp');
    expect(readdirSync(dir)).not.toContain('big.xlsx');
    expect(readdirSync(dir).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});

describe('the output path is checked before the evaluation runs', () => {
  it('a missing folder: exit 2, a Japanese message, nothing read', async () => {
    const { code, stderr } = await evaluate(PROGRESS, '-o', '/nonexistent-kpi-sheet/out.xlsx');
    expect(code).toBe(2);
    expect(stderr).toContain('保存先のフォルダがありません: /nonexistent-kpi-sheet');
    expect(stderr).not.toContain('読み込んでいます');
    expectNoNodeText(stderr);
  });

  it('a folder given as the output', async () => {
    const dir = scratchDir();
    const folder = join(dir, 'out.xlsx');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(folder);
    const { code, stderr } = await evaluate(PROGRESS, '-o', folder);
    expect(code).toBe(2);
    expect(stderr).toContain('保存先はフォルダです');
  });
});

describe('messages name the real cause', () => {
  it('a password-protected (encrypted) workbook', async () => {
    const file = join(scratchDir(), 'locked.xlsx');
    // An encrypted OOXML file is a compound file with an EncryptionInfo stream (MS-OFFCRYPTO 2.3.4).
    const header = Buffer.from('D0CF11E0A1B11AE1', 'hex');
    writeFileSync(
      file,
      Buffer.concat([header, Buffer.alloc(1016), Buffer.from('EncryptionInfo', 'utf16le')]),
    );
    const { code, stderr } = await evaluate(file, '-o', join(file, '..', 'out.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toContain('パスワードで保護 (暗号化) されたブックは読み込めません');
  });

  it('an old .xls', async () => {
    const file = join(scratchDir(), 'old.xls');
    writeFileSync(file, Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(2048)]));
    const { code, stderr } = await runCli(main, ['inspect', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('Excel 97-2003 形式 (.xls)');
  });

  it('an .ods file', async () => {
    const zip = new JSZip();
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet');
    zip.file('content.xml', '<office:document-content/>');
    const file = join(scratchDir(), 'kpi.ods');
    writeFileSync(file, await zip.generateAsync({ type: 'nodebuffer' }));
    const { code, stderr } = await runCli(main, ['inspect', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('OpenDocument 形式 (.ods)');
  });

  it('a KPI table only on a hidden sheet', async () => {
    const file = copyOfProgress();
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    wb.getWorksheet('KPI一覧')!.state = 'hidden';
    wb.addWorksheet('表紙').getCell('A1').value = '令和6年度 KPI 評価';
    await wb.xlsx.writeFile(file);
    const { code, stderr } = await evaluate(file);
    expect(code).toBe(2);
    expect(stderr).toContain('KPI 表は非表示のシート「KPI一覧」にあります');
    // Named explicitly, the hidden sheet is read.
    expect((await evaluate(file, '--sheet', 'KPI一覧', '--json')).code).toBe(0);
  });

  it('a missing input: no Node error text', async () => {
    const { code, stderr } = await evaluate(
      '/nonexistent-kpi-sheet/kpi.xlsx',
      '-o',
      join(scratchDir(), 'o.xlsx'),
    );
    expect(code).toBe(2);
    expect(stderr).toContain('ファイルが見つかりません');
    expectNoNodeText(stderr);
  });
});

describe("a sheet name with a quote (市'KPI一覧) is quoted the same way everywhere", () => {
  it('doubles the quote in the print names and the marks, and the next run reads them back', async () => {
    const dir = scratchDir();
    const input = join(dir, 'quoted.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(PROGRESS);
    wb.getWorksheet('KPI一覧')!.name = "市'KPI一覧";
    await wb.xlsx.writeFile(input);
    const once = join(dir, 'once.xlsx');
    expect((await evaluate(input, '-o', once)).code).toBe(0);
    const zip = await JSZip.loadAsync(readFileSync(once));
    const workbookXml = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbookXml).toContain(
      '<definedName name="_xlnm.Print_Area" localSheetId="0">&apos;市&apos;&apos;KPI一覧&apos;!$A$1:$R$73</definedName>',
    );
    expect(workbookXml).toContain(
      '<definedName name="KPISHEET_FLAGS_1">&apos;市&apos;&apos;KPI一覧&apos;!$L$3:$R$4</definedName>',
    );
    const twice = join(dir, 'twice.xlsx');
    const second = await evaluate(once, '-o', twice);
    expect(second.code).toBe(0);
    expect(readFileSync(twice).equals(readFileSync(once))).toBe(true);
  });
});
