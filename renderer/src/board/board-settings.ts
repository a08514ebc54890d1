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
export function boardSettings(records: RecordMap, journeyId: string | null, preferredTheme: Theme, projector: { stageIndex: number } | null, wholeText = false): BoardSettings {
  const theme = projector ? 'projector' : preferredTheme;
  const onlyStageId = projector && journeyId ? (stagesOf(records, journeyId)[projector.stageIndex]?.id ?? null) : null;
  const page = journeyId && onlyStageId ? currentPage(stagePages(records, journeyId, onlyStageId)) : undefined;
  const metrics = page?.metrics ?? METRICS[theme];
  return { theme, metrics: wholeText ? withWholeText(metrics) : metrics, onlyStageId };
}

// The same object for the same metrics: the editor memoises its layout on their identity.
const whole = new WeakMap<BoardMetrics, BoardMetrics>();
function withWholeText(metrics: BoardMetrics): BoardMetrics {
  let out = whole.get(metrics);
  if (!out) whole.set(metrics, (out = { ...metrics, maxCardLines: Number.POSITIVE_INFINITY }));
  return out;
}
