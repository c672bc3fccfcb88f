/**
 * The 設定 tab's controls, made from the settings registry (core/settings/registry.ts): a box for an on/off
 * setting, a drop-down for a choice (the preset, the basis, the paper), a percent field for a number. Each is
 * labelled with the registry's label in the pane's language and has its line of help (the registry's pane
 * help, else its help) tied to it by aria-describedby. A setting added to the registry with a card shows in
 * that card; the settings a card draws itself (the grade scale, the year, the column mapping) take their
 * label and help from here too.
 */
import { CUSTOM_PRESET, PRESETS } from '../../../core/settings';
import type { PaneControl, SettingDefinition, SettingsCard } from '../../../core/settings/registry';
import { PANE_SETTINGS } from '../../../core/settings/registry';
import type { Settings } from '../../../core/types';
import { language, presetLabel, t } from '../../i18n';
import { describe, help, mixed, selectField, setIfIdle } from '../controls';
import type { CheckElement, SelectOption } from '../controls';
import { h } from '../dom';

export type PaneSetting = SettingDefinition & { readonly pane: PaneControl };

/** What a control gives: the box's state, the drop-down's value, the number as the setting stores it. */
export type FieldValue = boolean | string | number;

/** The settings after a control changed; null: nothing to change (カスタム chosen from the drop-down). */
export type ApplyValue = (settings: Settings, value: FieldValue) => Settings | null;

export interface SettingsHost {
  current(): Settings;
  change(next: Settings): void;
}

export interface SettingField {
  readonly element: HTMLElement;
  sync(settings: Settings): void;
}

const WORDS = {
  ja: { percent: '0 以上 100 未満の数を入れてください。前の値のままです。' },
  en: { percent: 'Enter a number from 0 to below 100. The previous value is kept.' },
} as const;

export function settingLabel(definition: SettingDefinition): string {
  return definition.label[language()];
}

export function settingHelp(definition: SettingDefinition): string {
  return (definition.paneHelp ?? definition.help)[language()];
}

/** A registry entry by key, for the controls a card draws itself. */
export function paneSetting(key: string): PaneSetting {
  const found = PANE_SETTINGS.find((d) => d.key === key);
  if (!found) throw new Error(`no pane setting ${key}`);
  return found;
}

/** The label element of a control, its Japanese words marked as such in the English pane. */
export function settingLabelElement(definition: PaneSetting): HTMLElement {
  const label = h('label', { className: 'field-label', for: definition.pane.testId });
  label.append(...mixed(settingLabel(definition)));
  return label;
}

function valueOf(settings: Settings, key: string): unknown {
  return (settings as unknown as Readonly<Record<string, unknown>>)[key];
}

/** Whether the form makes this setting's control (else its card draws it). */
export function isFieldSetting(definition: PaneSetting): boolean {
  return (
    definition.pane.checkbox === true || ['boolean', 'enum', 'preset', 'number'].includes(definition.type)
  );
}

function plainApply(key: string): ApplyValue {
  return (settings, value) => ({ ...settings, [key]: value });
}

function checkboxField(definition: PaneSetting, apply: ApplyValue, host: SettingsHost): SettingField {
  const id = definition.pane.testId;
  const box = h('fluent-checkbox', { id, 'data-testid': id }) as unknown as CheckElement;
  box.append(...mixed(settingLabel(definition)));
  const line = help(id, settingHelp(definition));
  describe(box, line);
  box.addEventListener('change', () => {
    const next = apply(host.current(), box.checked);
    if (next) host.change(next);
  });
  return {
    element: h('div', { className: 'field' }, box, line),
    sync(settings) {
      const on = valueOf(settings, definition.key) === true;
      if (box.checked !== on) box.checked = on;
    },
  };
}

function choicesOf(definition: PaneSetting): readonly SelectOption[] {
  if (definition.type === 'preset')
    return [
      ...Object.keys(PRESETS).map((name) => ({ value: name, label: presetLabel(name) })),
      { value: CUSTOM_PRESET, label: t('custom') },
    ];
  return (definition.choices ?? []).map((c) => ({ value: c.value, label: c.label[language()] }));
}

function selectSetting(definition: PaneSetting, apply: ApplyValue, host: SettingsHost): SettingField {
  const field = selectField(
    definition.pane.testId,
    settingLabel(definition),
    choicesOf(definition),
    settingHelp(definition),
  );
  field.select.addEventListener('change', () => {
    const next = apply(host.current(), field.select.value);
    if (next) host.change(next);
  });
  return {
    element: field.wrapper,
    sync(settings) {
      const value = String(valueOf(settings, definition.key));
      // A preset the drop-down does not offer is a scale the city edited: カスタム.
      const shown =
        definition.type === 'preset' && !Object.keys(PRESETS).includes(value) ? CUSTOM_PRESET : value;
      setIfIdle(field.select, shown);
    },
  };
}

/** Percent points shown for a stored fraction (0.05 → 5), without float noise. */
function percentText(fraction: unknown): string {
  return typeof fraction === 'number' ? String(Math.round(fraction * 10000) / 100) : '';
}

/** A number the setting stores as a fraction from 0 to below 1, typed in percent. */
function percentField(definition: PaneSetting, apply: ApplyValue, host: SettingsHost): SettingField {
  const id = definition.pane.testId;
  const input = h('input', {
    id,
    'data-testid': id,
    type: 'number',
    min: 0,
    max: 99.99,
    step: 'any',
    className: 'number-field__input',
  });
  const line = help(id, settingHelp(definition));
  const problem = h('p', { className: 'hint hint--warn', id: `${id}-problem`, role: 'alert' });
  problem.hidden = true;
  describe(input, line);
  input.addEventListener('change', () => {
    const typed = input.value.trim() === '' ? Number.NaN : Number(input.value);
    const valid = Number.isFinite(typed) && typed >= 0 && typed < 100;
    problem.textContent = valid ? '' : WORDS[language()].percent;
    problem.hidden = valid;
    if (valid) input.removeAttribute('aria-invalid');
    else input.setAttribute('aria-invalid', 'true');
    describe(input, ...(valid ? [line] : [line, problem]));
    if (!valid) return;
    const next = apply(host.current(), Math.round(typed * 100) / 10000);
    if (next) host.change(next);
  });
  return {
    element: h(
      'div',
      { className: 'field' },
      settingLabelElement(definition),
      h('span', { className: 'number-field' }, input, h('span', { 'aria-hidden': 'true' }, '%')),
      line,
      problem,
    ),
    sync(settings) {
      if (input.getAttribute('aria-invalid') === 'true') return;
      setIfIdle(input, percentText(valueOf(settings, definition.key)));
    },
  };
}

/** The control of one registry setting; `apply` when a change sets more than the setting's own field. */
export function settingField(
  definition: PaneSetting,
  host: SettingsHost,
  apply: ApplyValue = plainApply(definition.key),
): SettingField {
  if (definition.type === 'boolean' || definition.pane.checkbox === true)
    return checkboxField(definition, apply, host);
  if (definition.type === 'number') return percentField(definition, apply, host);
  return selectSetting(definition, apply, host);
}

export interface CardFields {
  /** The card's controls in registry order, the card's own ones where their settings stand. */
  readonly elements: readonly HTMLElement[];
  sync(settings: Settings): void;
}

/**
 * The controls of a 設定 card: every registry setting of `card`, a field for each the form makes and the
 * card's own element (`drawn`) for each other; `apply` for the settings whose change sets more.
 */
export function cardFields(
  card: SettingsCard,
  host: SettingsHost,
  drawn: Readonly<Record<string, HTMLElement>> = {},
  apply: Readonly<Record<string, ApplyValue>> = {},
): CardFields {
  const fields: SettingField[] = [];
  const elements: HTMLElement[] = [];
  for (const definition of PANE_SETTINGS.filter((d) => d.pane.card === card)) {
    const own = drawn[definition.key];
    if (own) elements.push(own);
    else if (isFieldSetting(definition)) {
      const field = settingField(definition, host, apply[definition.key]);
      fields.push(field);
      elements.push(field.element);
    }
  }
  return {
    elements,
    sync(settings) {
      for (const field of fields) field.sync(settings);
    },
  };
}
