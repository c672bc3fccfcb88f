/**
 * A card whose module comes in its own script chunk (a dynamic `import()`), so the pane's first script stays
 * small (300 KB, tests/e2e/taskpane.test.ts): its place in the tab is there at once, the card fills it as
 * soon as the chunk has loaded and draws the latest view. A chunk that cannot load says so in the card's place.
 */
import { language } from '../i18n';
import { h } from './dom';
import type { PaneCard, PaneView } from './view';

const FAILED = {
  ja: 'この項目を読み込めませんでした。作業ウィンドウを開き直してください。',
  en: 'This part of the pane could not be loaded. Close and reopen the pane.',
} as const;

export interface LazyCard<C extends PaneCard> extends PaneCard {
  /** The card once its chunk has loaded, else null. */
  readonly card: C | null;
}

export function lazyCard<C extends PaneCard>(load: () => Promise<C>): LazyCard<C> {
  const element = h('div', { className: 'lazy-card' });
  let card: C | null = null;
  let last: PaneView | null = null;
  load()
    .then((loaded) => {
      card = loaded;
      element.append(loaded.element);
      if (last) loaded.render(last);
    })
    .catch(() => element.append(h('p', { className: 'hint hint--warn', role: 'alert' }, FAILED[language()])));
  return {
    element,
    get card() {
      return card;
    },
    render(view: PaneView): void {
      last = view;
      card?.render(view);
    },
  };
}
