import { createStore } from 'zustand/vanilla';
import type { YearOverYear } from '../../../shared/decisions/year-over-year.ts';

/**
 * Which part of the Decisions view is showing and what the screen chose there. Not the
 * document (nothing here is saved or undone): like the sidebar's tab, a choice of this
 * screen. The last comparison is kept while the facilitator flips between tabs.
 */
export type DecisionsTab = 'ranking' | 'matrix' | 'gap' | 'plan' | 'compare';

export interface DecisionsState {
  tab: DecisionsTab;
  /** The action plan: every action, or only the open ones due in the first 90 days. */
  firstNinetyDays: boolean;
  /** The last year-over-year comparison: the open workshop's path, the file it was made against. */
  comparison: { workshopPath: string; path: string; report: YearOverYear } | null;
}

export const decisionsStore = createStore<DecisionsState>()(() => ({ tab: 'ranking', firstNinetyDays: false, comparison: null }));

export function showDecisionsTab(tab: DecisionsTab): void {
  decisionsStore.setState({ tab });
}
