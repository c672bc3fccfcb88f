/**
 * The evaluated workbook as a city prints it: converted to PDF by LibreOffice Calc and checked with
 * pdfinfo / pdftotext. One conversion for the whole file (LibreOffice takes 10–30 s). The page PNGs go
 * to out/ so a person can look at them.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { renderPdf } from '../../src/cli/render-pdf';
import { FIXTURES, runOnce, scratchDir } from '../xlsx/evaluated';

// Never skipped: `npm test` installs LibreOffice first (scripts/system-packages.sh) or stops before jest.
const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;

const OUT = join(__dirname, '..', '..', 'out');
const PAGE_PREFIX = 'render-test-page';
const FLAG_HEADERS = ['最新値', '達成率', '進捗率', '傾向', '判定', '方向', '備考'];

function pdfText(pdf: string, first?: number, last?: number): string {
  const range = first === undefined ? [] : ['-f', String(first), '-l', String(last ?? first)];
  return execFileSync('pdftotext', ['-layout', ...range, pdf, '-'], { encoding: 'utf8' });
}

describe('the evaluated progress workbook printed through LibreOffice Calc', () => {
  let pdf = '';
  let pages = 0;

  beforeAll(async () => {
    if (!hasSoffice) {
      throw new Error(
        'LibreOffice (soffice) がありません: sudo apt-get install libreoffice-calc fonts-noto-cjk poppler-utils',
      );
    }
    const dir = scratchDir();
    const xlsx = join(dir, 'asakuchi-progress-評価.xlsx');
    await runOnce(join(FIXTURES, 'asakuchi-progress.xlsx'), xlsx);
    const result = await renderPdf(xlsx, dir);
    if (!result.ok) throw new Error(result.message);
    pdf = result.pdf;
    pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))?.[1]);
    mkdirSync(OUT, { recursive: true });
    for (const old of readdirSync(OUT)) if (old.startsWith(PAGE_PREFIX)) rmSync(join(OUT, old));
    execFileSync('pdftoppm', ['-r', '80', '-png', pdf, join(OUT, PAGE_PREFIX)]);
  }, 240_000);

  it('prints every page in A4 landscape', () => {
    expect(pages).toBeGreaterThanOrEqual(5);
    const info = execFileSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], { encoding: 'utf8' });
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    expect(sizes).toHaveLength(pages);
    for (const [width, height] of sizes) {
      expect(Math.round(width)).toBe(842);
      expect(Math.round(height)).toBe(595);
    }
  });

  it('shows every flag header, the first block and the footer on page 1', () => {
    const page1 = pdfText(pdf, 1);
    for (const header of FLAG_HEADERS) expect(page1).toContain(header);
    expect(page1).toContain('浅口市における安定した雇用を'); // the goal cell wraps
    expect(page1).toContain('創業支援事業による創業者数');
    expect(page1).toContain('D 遅れ');
    expect(page1).toMatch(new RegExp(`1\\s*/\\s*${pages}`));
    expect(page1).toContain('R6年度評価');
    expect(page1).toContain('KPI一覧');
    // Block 2 starts a new page.
    expect(page1).not.toContain('浅口市への新しいひとの流れをつくる');
  });

  it('prints the summary sheet with its title and tables, Japanese intact', () => {
    const text = pdfText(pdf);
    expect(text).toContain('KPI評価サマリー');
    expect(text).toContain('評価年度: R6 (2024年度)');
    expect(text).toContain('基本目標別');
    expect(text).toContain('担当課別');
    expect(text).toContain('要フォローアップ (C・D 判定)');
    expect(text).toContain('放課後児童クラブの待機児童数');
    expect(text).not.toContain('\uFFFD');
  });

  it('saves a PNG of every page under out/', () => {
    expect(readdirSync(OUT).filter((name) => name.startsWith(PAGE_PREFIX))).toHaveLength(pages);
  });
});
