/** The pane's small building blocks: buttons, labelled fields, facts. Fluent elements where they pay. */
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

export function selectField(
  id: string,
  label: string,
  options: readonly SelectOption[],
): { wrapper: HTMLElement; select: HTMLSelectElement } {
  const labelElement = h('label', { className: 'field-label', for: id }, label);
  const select = h(
    'select',
    { id, className: 'select', 'data-testid': id },
    ...options.map((o) => h('option', { value: o.value }, o.label)),
  );
  return { wrapper: h('div', { className: 'field' }, labelElement, select), select };
}

export function numberField(id: string, label: string): ValueElement {
  return h(
    'fluent-text-field',
    { id, type: 'number', min: 0, 'data-testid': id, size: 4 },
    label,
  ) as unknown as ValueElement;
}

export function setIfIdle(element: ValueElement | HTMLSelectElement, value: string): void {
  // Never rewrite a field while the user is typing in it.
  if (element.contains(document.activeElement) || document.activeElement === element) return;
  if (element.value !== value) element.value = value;
}
