/**
 * 「策定時の表と比べる」: the open sheet (the progress table) against a sheet of the same workbook picked
 * as the table as adopted; writes the 比較 sheet and shows the counts and the pairs the user is to confirm.
 * Its own script chunk: its words live here, not in the pane's catalogue.
 */
import { MARK_ORDER } from '../../../core/compare';
import type { ColumnMapping } from '../../../core/types';
import { adoptedTableChoices, compareWithSheet, type CompareRunOutcome } from '../../compare-run';
import { language } from '../../i18n';
import { button, describe, help, sheetText, type ValueElement } from '../controls';
import { fill, h } from '../dom';
import type { PaneCard, PaneContext, PaneView } from '../view';

const WORDS = {
  ja: {
    title: '策定時の表と比べる',
    button: '策定時の表と比べる',
    pick: '策定時の表のシート',
    pickHelp: 'このブックの、策定時の KPI 表があるシートを選びます。',
    help: '開いているシート (進捗の表) の KPI を、選んだシートの KPI と名前で突き合わせ、目標・基準値・単位の変更と追加・削除を「比較」シートに書きます。ほかのセルは変えません。',
    none: 'このブックには比べられるシートがほかにありません。策定時の表を別のシートに貼り付けてから選んでください。',
    written: (sheet: string) => `「${sheet}」シートに書きました。`,
    uncertain: (n: number) =>
      `確認が必要な組 ${n} 件: 名前が似ていますが、同じ KPI とは決めていません。比較シートの下の表で確かめてください。`,
    failed: '比べられませんでした: ',
  },
  en: {
    title: 'Compare with the adopted table',
    button: 'Compare with the adopted table',
    pick: 'Sheet with the adopted table',
    pickHelp: 'The sheet of this workbook that holds the KPI table as adopted.',
    help: 'Matches the KPIs of the open sheet (the progress table) with those of the chosen sheet by name and writes the changed targets, baselines and units, and the KPIs added and dropped, to a 比較 sheet. No other cell changes.',
    none: 'This workbook has no other sheet to compare with. Paste the adopted table into a sheet of its own, then choose it.',
    written: (sheet: string) => `Written to the ${sheet} sheet.`,
    uncertain: (n: number) =>
      `${n} pairs to confirm: their names are alike but they were not taken as the same KPI. Check them in the table at the foot of the comparison sheet.`,
    failed: 'Could not compare: ',
  },
} as const;

export function compareCard({ host }: PaneContext): PaneCard {
  const words = WORDS[language()];
  const select = h('select', { id: 'compare-sheet', className: 'select', 'data-testid': 'compare-sheet' });
  const pickHelp = help('compare-sheet', words.pickHelp);
  describe(select, pickHelp);
  const run = button(words.button, 'neutral', 'compare');
  const line = help('compare', words.help);
  describe(run, line);
  const result = h('div', { 'data-testid': 'compare-result', 'aria-live': 'polite' });
  let busy = false;
  let paneBusy = false;
  let choices: string[] = [];
  let mappings: readonly ColumnMapping[] = [];

  const sync = (): void => {
    const off = busy || paneBusy || choices.length === 0;
    (run as unknown as ValueElement).disabled = off;
    run.toggleAttribute('disabled', off);
  };

  const show = (outcome: CompareRunOutcome): void => {
    if (!outcome.ok) {
      fill(
        result,
        h('p', { className: 'hint hint--warn', role: 'alert' }, words.failed, sheetText(outcome.message)),
      );
      return;
    }
    fill(
      result,
      h('p', {}, words.written(outcome.sheet)),
      ...outcome.skipped.map((reason) => h('p', { className: 'hint hint--warn' }, sheetText(reason))),
      h(
        'ul',
        { className: 'compare-counts' },
        ...MARK_ORDER.map((mark) => h('li', {}, sheetText(mark), ` ${outcome.counts[mark]}`)),
      ),
      outcome.uncertain.length === 0
        ? null
        : h(
            'div',
            {},
            h('p', {}, words.uncertain(outcome.uncertain.length)),
            h(
              'ul',
              { 'data-testid': 'compare-uncertain' },
              ...outcome.uncertain.map((u) =>
                h('li', {}, sheetText(u.before.name), ' ⇔ ', sheetText(u.after.name)),
              ),
            ),
          ),
    );
  };

  run.addEventListener('click', () => {
    if (run.hasAttribute('disabled') || select.value === '') return;
    busy = true;
    sync();
    compareWithSheet(host, select.value, mappings)
      .then(show, (error: unknown) =>
        show({ ok: false, message: error instanceof Error ? error.message : String(error) }),
      )
      .finally(() => {
        busy = false;
        sync();
      });
  });

  const element = h(
    'div',
    { className: 'stack', 'data-testid': 'compare-card' },
    h('h2', { className: 'card__title' }, words.title),
    h(
      'div',
      { className: 'field' },
      h('label', { className: 'field-label', for: 'compare-sheet' }, words.pick),
      select,
      pickHelp,
    ),
    h('div', { className: 'actions-block' }, h('div', { className: 'actions' }, run), line),
    result,
  );
  return {
    element,
    render({ state }: PaneView): void {
      paneBusy = state.activity !== 'idle';
      mappings = state.settings.columnMappings ?? [];
      const grid = state.analysis?.grid;
      const next = grid ? adoptedTableChoices(grid) : [];
      if (next.join('\n') !== choices.join('\n')) {
        const kept = select.value;
        choices = next;
        fill(select, ...choices.map((name) => h('option', { value: name, lang: 'ja' }, name)));
        if (choices.includes(kept)) select.value = kept;
      }
      if (grid && choices.length === 0 && result.childElementCount === 0)
        fill(result, h('p', { className: 'hint' }, words.none));
      sync();
    },
  };
}
