/** The pane's small building blocks: buttons, labelled fields, facts. Fluent elements where they pay. */
import { language } from '../i18n';
import { h } from './dom';

/** The Fluent elements' properties the pane uses (their classes are not exported per element). */
export interface ValueElement extends HTMLElement {
  value: string;
  disabled: boolean;
}
export interface CheckElement extends HTMLElement {
  checked: boolean;
}

export type ButtonAppearance = 'accent' | 'neutral';

export function button(label: string, appearance: ButtonAppearance, testId: string): HTMLElement {
  return h('fluent-button', { appearance, 'data-testid': testId }, label);
}

export function fact(term: string, value: string, testId: string): DocumentFragment {
  const fragment = document.createDocumentFragment();
  fragment.append(h('dt', {}, term), h('dd', { 'data-testid': testId }, value));
  return fragment;
}

export interface SelectOption {
  readonly value: string;
  readonly label: string;
}

/** A labelled native drop-down with its line of help under it. */
export function selectField(
  id: string,
  label: string,
  options: readonly SelectOption[],
  helpText: string,
): { wrapper: HTMLElement; select: HTMLSelectElement } {
  const labelElement = h('label', { className: 'field-label', for: id }, label);
  const select = h(
    'select',
    { id, className: 'select', 'data-testid': id },
    ...options.map((o) => h('option', { value: o.value }, o.label)),
  );
  const line = help(id, helpText);
  describe(select, line);
  return { wrapper: h('div', { className: 'field' }, labelElement, select, line), select };
}

export function setIfIdle(element: ValueElement | HTMLSelectElement, value: string): void {
  // Never rewrite a field while the user is typing in it.
  if (element.contains(document.activeElement) || document.activeElement === element) return;
  if (element.value !== value) element.value = value;
}

/** Runs of Japanese script: in the English pane they are the sheet's own words (傾向, KPI評価サマリー). */
const JAPANESE_RUN = /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef々〆ヶ]+/gu;

/**
 * Text whose Japanese runs carry lang="ja" when the pane is English, so a screen reader reads them
 * with a Japanese voice (WCAG 3.1.2, language of parts).
 */
export function mixed(text: string): Node[] {
  if (language() === 'ja') return [document.createTextNode(text)];
  const nodes: Node[] = [];
  let at = 0;
  for (const match of text.matchAll(JAPANESE_RUN)) {
    const start = match.index;
    if (start > at) nodes.push(document.createTextNode(text.slice(at, start)));
    nodes.push(h('span', { lang: 'ja' }, match[0]));
    at = start + match[0].length;
  }
  if (at < text.length) nodes.push(document.createTextNode(text.slice(at)));
  return nodes;
}

/** Text from the workbook or the core (names, departments, Japanese messages): marked as Japanese. */
export function sheetText(text: string, className?: string): HTMLElement {
  return h('span', { lang: 'ja', className }, text);
}

/** The line of help under a control; `describe` ties it to the control for screen readers. */
export function help(id: string, text: string): HTMLElement {
  const element = h('p', { className: 'hint help', id: `${id}-help`, 'data-help': id });
  element.append(...mixed(text));
  return element;
}

export function describe(control: Element, ...helpElements: readonly HTMLElement[]): void {
  control.setAttribute('aria-describedby', helpElements.map((e) => e.id).join(' '));
}
