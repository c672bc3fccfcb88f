/**
 * `npm run demo`: the main job on the sample workbook that ships with the repo. Evaluates the progress
 * fixture into out/ (the reviewed workbook, the JSON report, and with LibreOffice the PDF and page PNGs)
 * and prints the per-goal summary.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { evaluationJson } from '../src/cli/evaluate-json';
import { parseEvaluateArgs } from '../src/cli/options';
import { renderPdf } from '../src/cli/render-pdf';
import { renderTable } from '../src/cli/text-width';
import { stderrProgress, writeOutput } from '../src/cli/write-output';
import { formatFiscalYear } from '../src/core/read';
import type { SummaryGroup } from '../src/core/types';

const ROOT = join(__dirname, '..');
const INPUT = join(ROOT, 'tests', 'fixtures', 'asakuchi-progress.xlsx');
const OUT = join(ROOT, 'out');
const OUTPUT = join(OUT, 'asakuchi-progress-評価.xlsx');
const REPORT = join(OUT, 'report.json');
const PAGE_PREFIX = 'asakuchi-progress-評価-page';

function percent(share: number | null): string {
  return share === null ? '—' : `${(share * 100).toFixed(1)}%`;
}

function goalTable(groups: readonly SummaryGroup[]): string {
  const columns = [
    { header: '基本目標', max: 44 },
    { header: '判定数', align: 'right' as const },
    ...['A', 'B', 'C', 'D', 'X', '廃止'].map((header) => ({ header, align: 'right' as const })),
    { header: '達成割合', align: 'right' as const },
  ];
  const rows = groups.map((g) => [
    g.key,
    String(g.judged),
    ...(['A', 'B', 'C', 'D', 'X', '廃止'] as const).map((grade) => String(g.counts[grade])),
    percent(g.achievedShare),
  ]);
  return renderTable(columns, rows);
}

async function pagePngs(pdf: string): Promise<string[]> {
  for (const old of await readdir(OUT)) if (old.startsWith(PAGE_PREFIX)) await rm(join(OUT, old));
  try {
    await promisify(execFile)('pdftoppm', ['-r', '80', '-png', pdf, join(OUT, PAGE_PREFIX)]);
  } catch {
    stderrProgress(
      'pdftoppm が見つからないため、ページの PNG は作りませんでした (sudo apt-get install poppler-utils)',
    );
    return [];
  }
  return (await readdir(OUT)).filter((name) => name.startsWith(PAGE_PREFIX)).sort();
}

async function main(): Promise<number> {
  await mkdir(OUT, { recursive: true });
  const args = parseEvaluateArgs([INPUT]);
  if (!args.ok || args.value.help) throw new Error('demo: bad arguments');
  const written = await writeOutput(args.value, { to: 'file', path: OUTPUT, pdf: false }, new Date());
  if (!written.ok) {
    process.stderr.write(`${written.message}\n`);
    return 1;
  }
  await writeFile(REPORT, `${JSON.stringify(evaluationJson(written.analysis, INPUT), null, 2)}\n`, 'utf8');
  stderrProgress(`JSON を書きました: ${REPORT}`);

  stderrProgress('PDF に変換しています (LibreOffice、数十秒かかることがあります)…');
  const pdf = await renderPdf(OUTPUT, OUT);
  if (pdf.ok) {
    stderrProgress(`PDF を保存しました: ${pdf.pdf}`);
    const pngs = await pagePngs(pdf.pdf);
    if (pngs.length > 0) stderrProgress(`ページの画像: ${pngs.map((p) => join('out', p)).join(', ')}`);
  } else {
    stderrProgress(pdf.message);
  }

  const { summary, year } = written.analysis.evaluation;
  process.stdout.write(
    `\n基本目標別の判定 (評価年度 ${formatFiscalYear(year)} (${year}年度)、シート「${written.analysis.sheet.sheet}」):\n\n`,
  );
  process.stdout.write(`${goalTable([...summary.byGoal, summary.overall])}\n\n`);
  process.stdout.write(`評価したブック: ${OUTPUT}\n`);
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
