/**
 * The departments' comments in print: a workbook with the comment columns, a clerk's comments
 * typed in, evaluated again by the command line and printed through LibreOffice Calc (renderPdf gives
 * soffice its own -env:UserInstallation profile); pdftotext shows what the meeting reads on paper.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { renderPdf } from '../../src/cli/render-pdf';
import { DEFAULT_SETTINGS } from '../../src/core/settings';
import { FIXTURES, readBook, runOnce, scratchDir } from '../xlsx/evaluated';
import { runWith } from '../xlsx/run-with';

const hasSoffice = spawnSync('soffice', ['--version'], { timeout: 60_000 }).status === 0;
if (!hasSoffice) {
  console.warn('tests/render/follow-up-comments.test.ts を飛ばします: LibreOffice (soffice) がありません。');
}

const SHEET = 'KPI一覧';
/** 創業支援事業による創業者数 (D), row 10: short enough for one printed line. */
const FACTOR = '物価高で開業の見送りが続いた';
const OUTLOOK = '創業塾の受講者に資金相談を案内';
/** 放課後児童クラブの待機児童数 (D): long, wraps over several lines in its cell. */
const LONG_FACTOR =
  '共働き世帯の増加で低学年の利用申込みが想定を上回り、支援員の確保が追いつかなかった。R7に2クラブ増設予定。';

function pdfText(pdf: string): string {
  return execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
}

(hasSoffice ? describe : describe.skip)(
  'the follow-up list with the comments, printed by LibreOffice Calc',
  () => {
    let text = '';

    beforeAll(async () => {
      const dir = scratchDir();
      await runWith(join(FIXTURES, 'asakuchi-progress.xlsx'), join(dir, 'first.xlsx'), {
        ...DEFAULT_SETTINGS,
        commentColumns: true,
      });
      const wb = await readBook(join(dir, 'first.xlsx'));
      const ws = wb.getWorksheet(SHEET)!;
      let waiting = 0;
      for (let row = 1; row <= ws.rowCount; row++)
        if (String(ws.getCell(row, 3).value ?? '').startsWith('放課後児童クラブの待機児童数')) waiting = row;
      ws.getCell('S10').value = FACTOR;
      ws.getCell('T10').value = OUTLOOK;
      ws.getCell(waiting, 19).value = LONG_FACTOR;
      await wb.xlsx.writeFile(join(dir, 'commented.xlsx'));
      const xlsx = join(dir, 'asakuchi-progress-評価.xlsx');
      await runOnce(join(dir, 'commented.xlsx'), xlsx);
      const result = await renderPdf(xlsx, dir);
      if (!result.ok) throw new Error(result.message);
      text = pdfText(result.pdf);
    }, 240_000);

    it('prints the section with both headings', () => {
      expect(text).toContain('要フォローアップの要因・分析と今後の方向性');
      expect(text).toMatch(/要因・分析\s+今後の方向性/);
    });

    it('prints each comment on the line of its KPI', () => {
      const line = text.split('\n').find((l) => l.includes(FACTOR));
      expect(line).toBeDefined();
      expect(line).toContain('創業支援事業による創業者数');
      expect(line).toContain(OUTLOOK);
    });

    it('prints a long comment whole, wrapped in its cell, and (未記入) where a department wrote nothing', () => {
      const summary = text.slice(text.indexOf('要フォローアップの要因・分析と今後の方向性'));
      const lines = summary.split('\n');
      const first = lines.findIndex((l) => l.includes('共働き世帯の増加で'));
      expect(first).toBeGreaterThan(-1);
      expect(lines[first]).toContain('放課後児童クラブの待機児童数');
      // The cell's wrapped lines follow one another; the 今後の方向性 beside it says (未記入).
      const wrapped = lines
        .slice(first, first + 3)
        .join('')
        .replace(/\(未記入\)/g, '')
        .replace(/\s+/g, '');
      expect(wrapped).toContain(LONG_FACTOR);
      expect(lines[first]).toContain('(未記入)');
      expect(text).not.toContain('\uFFFD');
    });

    it('prints the comment columns on the KPI sheet too', () => {
      const kpiPages = text.split('KPI評価サマリー')[0];
      expect(kpiPages).toContain('要因・分析');
      expect(kpiPages).toContain(FACTOR);
    });
  },
);
