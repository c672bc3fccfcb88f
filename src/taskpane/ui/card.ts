/** How the pane's cards are built: a section named by its title, redrawn whole from each view. */
import { h, type Child } from './dom';
import type { PaneCard, PaneView } from './view';

/** A card's `<section>`, labelled by its `<h2>` whose id is `<testId>-title`. */
export function cardSection(testId: string, ...children: Child[]): HTMLElement {
  return h(
    'section',
    { className: 'card', 'data-testid': testId, 'aria-labelledby': `${testId}-title` },
    ...children,
  );
}

/** A part of the pane that `draw` fills anew from each view. */
export function drawnCard(
  element: HTMLElement,
  draw: (element: HTMLElement, view: PaneView) => void,
): PaneCard {
  return { element, render: (view) => draw(element, view) };
}
