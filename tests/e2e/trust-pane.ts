/**
 * The task pane's trust story (tests/e2e/taskpane-trust-*.test.ts): the built pane in Debian's Chromium, in demo
 * mode, at task-pane widths 320, 350 and 500 px, in Japanese and in English; what each language must say and
 * what the story's steps read from the pane. Screenshots: out/trust-<width>-<lang>-<step>.png.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { OUT, openPane, seriousAxeFindings } from './harness';
import type { PaneSession } from './harness';

export const SOGYO = '創業支援事業による創業者数';
export const SUMMARY_SHEET = 'KPI評価サマリー';

/** What each language must say; the numbers come from the sample sheet, never from here. */
export const WORDS = {
  'ja-JP': {
    judgedStatus: /R6 の KPI (\d+) 件を判定し（廃止 (\d+) 件は数えません）/,
    printedStatus: /印刷の設定をしました: (\d+) シート/,
    // core/settings validateScale's words for C (level 3) at 90 % above B (level 2) at 80 %.
    held: ['評価できません', '3段目: しきい値 90% は2段目より小さくしてください'],
    editedStale: ['1 行の値が変わりました', 'サマリーシート'],
    chipName: 'D 遅れ',
    legend: ['A 達成', 'B 概ね順調', 'C 要努力', 'D 遅れ', 'X 評価不能', '廃止'],
    presets: [
      '標準（達成率 100・80・60）',
      '進捗重視（進捗率 100・80・50）',
      '◎○△×（達成率 100・80・60）',
      'S/A/B/C（達成率 120・100・80）',
      '達成/未達成（目標に届いたかどうか）',
      'カスタム',
    ],
    abolished: '廃止',
    overall: /全体: 判定 (\d+) 件（廃止 (\d+) 件は数えません）、達成割合 ([\d.]+)%/,
    help: {
      basis: ['達成率 = 実績 ÷ 目標', '進捗率 = (実績 − 基準値) ÷ (目標 − 基準値)'],
      preset: ['プリセットは基準としきい値の組'],
      'grade-scale': ['上の段階から順に', 'X (評価不能) と廃止'],
      thresholds: ['「率が次以上」', '達成率または進捗率'],
      'interim-path': ['按分目標 = '],
      'col-trend': ['傾向: ', '↗', '↘'],
      'col-direction': ['方向: ', '▼'],
      'col-latest': ['(R5)'],
    },
    resultsHelp: {
      'grade-x': ['X 評価不能'],
      'achieved-share': ['達成割合 = 判定数のうち A の割合'],
    },
    value: '値 14人',
    target: '目標 39人',
    rate: '達成率 35.9%',
    typeHere: 'R6 の値を入れるセルに移動します',
  },
  'en-US': {
    judgedStatus: /judged (\d+) KPIs for FY2024 \((\d+) abolished not counted\)/,
    printedStatus: /Set up printing for (\d+) sheet\(s\)/,
    held: ['Cannot evaluate', "Level 3: threshold 90% must be below Level 2's"],
    editedStale: ['Values changed in 1 row(s) after the last evaluation', 'summary sheet'],
    chipName: 'D behind',
    legend: ['A achieved', 'B on track', 'C needs effort', 'D behind', 'X not judged', 'Abolished'],
    presets: [
      'Standard (achievement 100 / 80 / 60)',
      'Progress-focused (progress 100 / 80 / 50)',
      '◎○△× (achievement 100 / 80 / 60)',
      'S/A/B/C (achievement 120 / 100 / 80)',
      'Achieved / not achieved (target reached or not)',
      'Custom',
    ],
    abolished: 'Abolished',
    overall: /Total: (\d+) judged \((\d+) abolished not counted\), share achieved ([\d.]+)%/,
    help: {
      basis: [
        'Achievement rate = actual ÷ target',
        'Progress rate = (actual − baseline) ÷ (target − baseline)',
      ],
      preset: ['A preset sets the basis and thresholds'],
      'grade-scale': ['the first level, from the top', 'X (not judged)'],
      thresholds: ['“Rate at least”', 'achievement or progress'],
      'interim-path': ['Interim target = '],
      'col-trend': ['(trend)', '↗', '↘'],
      'col-direction': ['(direction)', '▼'],
      'col-latest': ['(R5)'],
    },
    resultsHelp: {
      'grade-x': ['X not judged'],
      'achieved-share': ['Share achieved = judged KPIs graded A'],
    },
    value: 'value 14人',
    target: 'target 39人',
    rate: 'achievement 35.9%',
    typeHere: 'go to the cell for its FY2024 value',
  },
} as const;

export type Locale = keyof typeof WORDS;

export const CASES: [number, Locale][] = [320, 350, 500].flatMap((width) =>
  (['ja-JP', 'en-US'] as const).map((locale): [number, Locale] => [width, locale]),
);

/** One width and language's pane, opened by `open`, and what the story reads from it. */
export function trustPane(width: number, locale: Locale) {
  let session: PaneSession | null = null;
  const page = (): Page => {
    if (!session) throw new Error('the pane is not open');
    return session.page;
  };
  const shot = (step: string): Promise<Buffer> =>
    page().screenshot({
      path: join(OUT, `trust-${width}-${locale.slice(0, 2)}-${step}.png`),
      fullPage: false,
    });

  /** Opens the pane on the demo sheet and waits until it has read it. */
  async function open(): Promise<Page> {
    session = await openPane({ width, height: 900, locale });
    await page().getByTestId('goal-count').waitFor({ timeout: 20_000 });
    await idle();
    return page();
  }

  async function close(): Promise<void> {
    await session?.close();
  }

  async function idle(): Promise<void> {
    await page().waitForSelector('main.pane[aria-busy=false]');
  }

  async function openTab(id: string): Promise<void> {
    await page().click(`fluent-tab#tab-${id}`);
    await page().waitForSelector(`fluent-tab-panel#panel-${id}:not([hidden])`);
  }

  const text = async (testId: string): Promise<string> =>
    ((await page().getByTestId(testId).first().textContent()) ?? '').trim();

  /** axe-core on the pane, every rule on (the demo's sheet stand-in is not the add-in's UI). */
  async function expectAccessible(): Promise<void> {
    expect(await seriousAxeFindings(page())).toEqual([]);
  }

  /** Visible text in the pane set below 14 px, with its size. */
  async function smallText(): Promise<string[]> {
    return page().$$eval('main.pane', ([pane]) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || (node.textContent ?? '').trim() === '') continue;
        if (parent.closest('.sr-only')) continue;
        const style = getComputedStyle(parent);
        const box = parent.getBoundingClientRect();
        if (style.visibility === 'hidden' || box.width === 0 || box.height === 0) continue;
        if (parseFloat(style.fontSize) < 14) found.push(`${style.fontSize} ${node.textContent}`);
      }
      return found;
    });
  }

  /** Text of the pane outside elements marked lang="ja" (the workbook's own words). */
  async function japaneseOutsideSheetText(): Promise<string[]> {
    return page().$$eval('main.pane', ([pane]) => {
      const found: string[] = [];
      const walker = document.createTreeWalker(pane, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest('[lang=ja]') || parent.closest('[hidden]')) continue;
        if (/[\u3040-\u30ff\u3400-\u9fff]/u.test(node.textContent ?? '')) found.push(node.textContent ?? '');
      }
      return found;
    });
  }

  /** The pane's counts: { row: { judged, A, B, C, D, X } }. */
  async function paneCounts(): Promise<Record<string, Record<string, number>>> {
    return page().$$eval('[data-testid=counts] tbody tr', (rows) =>
      Object.fromEntries(
        rows.map((row, i) => [
          i === rows.length - 1 ? 'overall' : String(i),
          Object.fromEntries(
            [...row.querySelectorAll('td')].map((td) => [
              td.getAttribute('data-grade'),
              Number(td.textContent),
            ]),
          ),
        ]),
      ),
    );
  }

  /** The summary sheet's 全体 row of 基本目標別, as the demo shows the sheet: 判定数, A … 廃止. */
  async function summaryOverall(): Promise<Record<string, number>> {
    await page().click(`.sheet__tab:text-is("${SUMMARY_SHEET}")`);
    const cells = await page().$$eval('[data-testid=demo-sheet] tr', (trs) => {
      const row = trs.find((tr) => tr.querySelector('td')?.textContent === '全体');
      return [...(row?.querySelectorAll('td') ?? [])].map((td) => td.textContent ?? '');
    });
    await page().click('.sheet__tab >> nth=0');
    const [, judged, a, b, c, d, x, abolished] = cells.map(Number);
    return { judged, A: a, B: b, C: c, D: d, X: x, abolished };
  }

  async function sheetDCellColour(): Promise<string> {
    return page().$$eval('[data-testid=demo-sheet] td', (tds) => {
      const td = tds.find((cell) => /^D /.test(cell.textContent ?? ''));
      return td ? getComputedStyle(td).backgroundColor : 'none';
    });
  }

  async function typeInto(address: string, value: string): Promise<void> {
    await page().click(`[data-testid=demo-sheet] td[data-address="${address}"]`);
    await page().getByTestId('demo-input').fill(value);
    await page().getByTestId('demo-input').press('Enter');
  }

  return {
    open,
    close,
    /** The open pane's page. */
    get page(): Page {
      return page();
    },
    pageErrors: (): readonly string[] => session?.pageErrors ?? [],
    shot,
    idle,
    openTab,
    text,
    expectAccessible,
    smallText,
    japaneseOutsideSheetText,
    paneCounts,
    summaryOverall,
    sheetDCellColour,
    typeInto,
  };
}

export type TrustPane = ReturnType<typeof trustPane>;

/** What the steps of one case have: the pane (open during the steps), what its language says, its width. */
export interface TrustCase {
  readonly pane: TrustPane;
  readonly words: (typeof WORDS)[Locale];
  readonly width: number;
  readonly locale: Locale;
}

/**
 * One part of the story for every width and language, each case in its own browser: opened (and `setUp`)
 * before the steps, closed after them.
 */
export function describeTrustStory(
  title: string,
  steps: (story: TrustCase) => void,
  setUp?: (pane: TrustPane) => Promise<void>,
): void {
  describe.each(CASES)(`the task pane at %i px in %s: ${title}`, (width, locale) => {
    const pane = trustPane(width, locale);
    beforeAll(async () => {
      await pane.open();
      await setUp?.(pane);
    }, 60_000);
    afterAll(() => pane.close());
    steps({ pane, words: WORDS[locale], width, locale });
  });
}
