import type { BoardMetrics } from '../../../shared/layout/card-metrics.ts';
import { stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import type { Theme } from '../room/preferences.ts';
import { currentPage, stagePages } from '../room/projector-pages.ts';
import { METRICS } from './themes.ts';

export interface BoardSettings {
  theme: Theme;
  /** The sizes the board is drawn at: the projector theme uses larger type. */
  metrics: BoardMetrics;
  /** In projector mode, the one stage on screen. */
  onlyStageId: string | null;
}

/**
 * How the board is laid out, derived from the preferences and the room (never written
 * into the editor while React renders): the projector always shows its high-contrast
 * theme with large type, one page of one stage at a time (the page is in the metrics).
 */
export function boardSettings(records: RecordMap, journeyId: string | null, preferredTheme: Theme, projector: { stageIndex: number } | null): BoardSettings {
  const theme = projector ? 'projector' : preferredTheme;
  const onlyStageId = projector && journeyId ? (stagesOf(records, journeyId)[projector.stageIndex]?.id ?? null) : null;
  const page = journeyId && onlyStageId ? currentPage(stagePages(records, journeyId, onlyStageId)) : undefined;
  return { theme, metrics: page?.metrics ?? METRICS[theme], onlyStageId };
}
