/**
 * The grade-scale editor in the pane's 設定: one row per level (symbol, label, colour, condition,
 * follow-up), levels added and removed, X and 廃止 kept. A scale that fails validation is never saved: the
 * editor lists why, in the pane's language, and the judgement keeps the last valid scale.
 */
import { gradeSymbols, presetNameFor, validateScale } from '../../core/settings';
import { paneSetting, settingHelp, settingLabel } from './settings/setting-field';
import type { Grade, GradeLevel, GradeScale, LevelCondition, Settings } from '../../core/types';
import { gradeLabel, language, t } from '../i18n';
import { describe, help } from './controls';
import { fill, h } from './dom';
import { gradeStyle } from './grade-chip';

const WORDS = {
  ja: {
    symbol: '記号',
    label: '名前',
    color: '色',
    condition: '条件',
    rate: '率が次以上',
    achieved: '目標を達成',
    otherwise: 'それ以外',
    followUp: '要フォロー',
    remove: '削除',
    add: '段階を追加',
    level: '{n}段目',
    notSaved: 'この評価段階は保存されません:',
  },
  en: {
    symbol: 'Symbol',
    label: 'Label',
    color: 'Colour',
    condition: 'Condition',
    rate: 'Rate at least',
    achieved: 'Target reached',
    otherwise: 'Otherwise',
    followUp: 'Follow up',
    remove: 'Remove',
    add: 'Add a level',
    level: 'Level {n}',
    notSaved: 'This scale is not saved:',
  },
} as const;

type Word = keyof (typeof WORDS)['ja'];

function w(word: Word, n?: number): string {
  const text: string = WORDS[language()][word];
  return n === undefined ? text : text.replace('{n}', String(n));
}

/** Every grade of the scale with what the pane shows for it: levels, then X and 廃止. */
export function scaleGrades(
  scale: GradeScale,
): readonly { readonly grade: Grade; readonly label: string; readonly style: string }[] {
  return gradeSymbols(scale).map((grade) => ({
    grade,
    label: gradeLabel(grade, scale),
    style: gradeStyle(scale, grade),
  }));
}

interface LevelRow {
  readonly element: HTMLElement;
  read(): GradeLevel;
}

type ConditionKind = LevelCondition['kind'];

/** The lines of help every level's controls are tied to: how levels apply, and what a rate is in. */
interface ScaleHelp {
  readonly helpLine: HTMLElement;
  readonly rateHelp: HTMLElement;
}

function levelRow(
  level: GradeLevel,
  index: number,
  { helpLine, rateHelp }: ScaleHelp,
  onChange: () => void,
  onRemove: () => void,
): LevelRow {
  const id = (part: string): string => `scale-level-${index}-${part}`;
  // Each control names its level: a screen reader moving field to field hears which row it is in.
  const name = w('level', index + 1);
  const named = (word: Word): string => `${name} ${w(word)}`;
  const input = (part: string, attributes: Readonly<Record<string, string | number>>): HTMLInputElement =>
    h('input', { id: id(part), 'data-testid': id(part), className: `scale__${part}`, ...attributes });
  const symbol = input('symbol', {
    type: 'text',
    value: level.symbol,
    'aria-label': named('symbol'),
  });
  const label = input('label', {
    type: 'text',
    value: level.label,
    'aria-label': named('label'),
  });
  const color = input('color', {
    type: 'color',
    value: level.color.toLowerCase(),
    'aria-label': named('color'),
  });
  const condition = h(
    'select',
    {
      id: id('condition'),
      'data-testid': id('condition'),
      className: 'scale__condition',
      'aria-label': named('condition'),
    },
    ...(['rate', 'achieved', 'otherwise'] as const).map((kind) =>
      h('option', { value: kind, selected: level.condition.kind === kind }, w(kind)),
    ),
  );
  const min = input('min', {
    type: 'number',
    min: 0,
    step: 'any',
    value: level.condition.kind === 'rate' ? level.condition.min : '',
    'aria-label': `${named('rate')} (%)`,
  });
  const followUp = h('input', {
    type: 'checkbox',
    id: id('follow-up'),
    'data-testid': id('follow-up'),
    checked: level.followUp,
    'aria-label': named('followUp'),
  });
  const remove = h(
    'button',
    {
      type: 'button',
      'data-testid': id('remove'),
      className: 'scale__remove',
      'aria-label': named('remove'),
    },
    w('remove'),
  );
  const showMin = (): void => {
    min.hidden = condition.value !== 'rate';
    const percent = min.nextElementSibling;
    if (percent instanceof HTMLElement) percent.hidden = min.hidden;
  };
  for (const field of [symbol, label, color, min]) field.addEventListener('change', onChange);
  for (const field of [condition, followUp]) field.addEventListener('change', () => (showMin(), onChange()));
  remove.addEventListener('click', onRemove);

  // Two short lines per level, so the editor fits the task pane's 350 px.
  const element = h(
    'li',
    { className: 'scale__level', 'data-level': index },
    h(
      'div',
      { className: 'scale__line' },
      h('span', { className: 'scale__name' }, name),
      symbol,
      label,
      color,
    ),
    h(
      'div',
      { className: 'scale__line scale__line--condition' },
      condition,
      min,
      h('span', { hidden: condition.value !== 'rate' }, '%'),
      h('label', { className: 'scale__follow-up' }, followUp, w('followUp')),
      remove,
    ),
  );
  for (const control of [symbol, label, color, condition, followUp, remove]) describe(control, helpLine);
  describe(min, helpLine, rateHelp);
  showMin();
  return {
    element,
    read(): GradeLevel {
      const kind = condition.value as ConditionKind;
      const rate = min.value.trim() === '' ? Number.NaN : Number(min.value);
      const parsed: LevelCondition = kind === 'rate' ? { kind, min: rate } : { kind };
      return {
        symbol: symbol.value.trim(),
        label: label.value.trim(),
        color: color.value.toUpperCase(),
        condition: parsed,
        followUp: followUp.checked,
      };
    },
  };
}

export interface ScaleEditorHost {
  /** The settings now in force. */
  current(): Settings;
  change(next: Settings): void;
  /** A scale that cannot be saved holds 評価する with its reasons (null: nothing held). */
  hold(problem: string | null): void;
}

/** The editor; `sync` redraws it when the settings' scale changed elsewhere (a preset was chosen). */
export function gradeScaleEditor(host: ScaleEditorHost): {
  element: HTMLElement;
  sync: (settings: Settings) => void;
} {
  // Its name and first line of help are the registry's (core/settings/registry.ts, `scale`).
  const definition = paneSetting('scale');
  const body = h('ol', { className: 'scale__levels' });
  const lines: ScaleHelp = {
    helpLine: help('grade-scale', settingHelp(definition)),
    rateHelp: help('thresholds', t('thresholdsHelp')),
  };
  const errors = h('ul', { className: 'hint hint--warn', role: 'alert', 'data-testid': 'scale-errors' });
  errors.hidden = true;
  const add = h('button', { type: 'button', 'data-testid': 'scale-add', className: 'scale__add' }, w('add'));
  describe(add, lines.helpLine);
  let rows: LevelRow[] = [];
  let shown = '';
  let draft: GradeScale = host.current().scale;

  const element = h(
    'fieldset',
    { className: 'scale', 'data-testid': 'grade-scale' },
    h('legend', { className: 'field-label' }, settingLabel(definition)),
    body,
    add,
    lines.helpLine,
    lines.rateHelp,
    errors,
  );

  function render(scale: GradeScale): void {
    draft = scale;
    shown = JSON.stringify(scale);
    rows = scale.levels.map((level, i) =>
      levelRow(level, i, lines, commit, () => {
        const levels = rows.map((r) => r.read()).filter((_, j) => j !== i);
        commitScale({ ...draft, levels }, true);
      }),
    );
    fill(body, ...rows.map((r) => r.element));
  }

  function commitScale(scale: GradeScale, redraw: boolean): void {
    const problems = validateScale(scale);
    if (redraw) render(scale);
    else draft = scale;
    fill(
      errors,
      ...(problems.length > 0 ? [h('li', {}, w('notSaved'))] : []),
      ...problems.map((p) => h('li', {}, p[language()])),
    );
    errors.hidden = problems.length === 0;
    if (problems.length > 0) {
      host.hold(problems.map((p) => p[language()]).join(' / '));
      return;
    }
    host.hold(null);
    shown = JSON.stringify(scale);
    const current = host.current();
    if (JSON.stringify(current.scale) === shown) return;
    host.change({ ...current, scale, preset: presetNameFor({ basis: current.basis, scale }) });
  }

  function commit(): void {
    commitScale({ ...draft, levels: rows.map((r) => r.read()) }, false);
  }

  add.addEventListener('click', () => {
    const levels = rows.map((r) => r.read());
    const last = levels[levels.length - 1];
    // The new level goes above the catch-all last one, halfway between its neighbours' thresholds.
    const above = levels[levels.length - 2]?.condition;
    const min = above?.kind === 'rate' ? Math.floor(above.min / 2) : 50;
    const added: GradeLevel = {
      symbol: '',
      label: '',
      color: '#FFF2CC',
      condition: { kind: 'rate', min },
      followUp: true,
    };
    commitScale({ ...draft, levels: last ? [...levels.slice(0, -1), added, last] : [added] }, true);
  });

  render(draft);

  return {
    element,
    sync(settings: Settings): void {
      const next = JSON.stringify(settings.scale);
      if (next === shown || element.contains(document.activeElement)) return;
      render(settings.scale);
      fill(errors);
      errors.hidden = true;
    },
  };
}
