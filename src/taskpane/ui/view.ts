/**
 * What every tab and card of the pane shares: the view it renders (session state plus what the pane
 * derived from it) and the context it acts through (the session, and going to a cell).
 */
import type { WorkbookHost } from '../../core/host';
import type { FoundSummary } from '../model';
import type { Session, SessionState } from '../session';

export interface PaneView {
  readonly state: SessionState;
  /** What the sheet holds, null before a readable sheet. */
  readonly summary: FoundSummary | null;
  /** 評価する ran in this pane, or the sheet already carried the add-in's flags. */
  readonly evaluated: boolean;
}

export interface PaneContext {
  readonly session: Session;
  readonly host: WorkbookHost;
  /** Selects a cell of the workbook; a failure shows in the pane's error line. */
  goTo(sheet: string, cell: string): Promise<void>;
}

/** One part of the pane (a tab or a card): its element, redrawn from each new view. */
export interface PaneCard {
  readonly element: HTMLElement;
  render(view: PaneView): void;
}

/** Builds a card once the pane has its context. */
export type CardFactory = (context: PaneContext) => PaneCard;
