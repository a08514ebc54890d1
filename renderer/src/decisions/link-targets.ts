import { journeysOf, recordsGroupedBy, stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import { placedCards } from '../../../shared/decisions/journey-walk.ts';

export interface LinkTarget {
  id: string;
  kind: 'pain-point' | 'opportunity' | 'tollgate' | 'kpi';
  label: string;
}

const KIND_WORD = { 'pain-point': 'Pain point', opportunity: 'Opportunity', tollgate: 'Tollgate', kpi: 'KPI' } as const;

/**
 * What an action can address, journey by journey in map order: the pain points,
 * opportunities and tollgates on the map and the stages' KPIs.
 */
export function linkTargets(records: RecordMap): LinkTarget[] {
  const pains = recordsGroupedBy(records, 'pain-point', 'cardId');
  const gates = recordsGroupedBy(records, 'tollgate', 'cardId');
  const out: LinkTarget[] = [];
  for (const journey of journeysOf(records)) {
    for (const { card, step, lane } of placedCards(records, journey.id)) {
      const kind = pains.has(card.id) || lane.laneType === 'pain-points' ? 'pain-point' : lane.laneType === 'opportunities' ? 'opportunity' : gates.has(card.id) || lane.laneType === 'tollgates' ? 'tollgate' : null;
      if (kind) out.push({ id: card.id, kind, label: `${KIND_WORD[kind]}: ${card.text || 'Untitled'} (${journey.name} › ${step.name})` });
    }
    for (const stage of stagesOf(records, journey.id)) {
      for (const kpi of byPosition(recordsGroupedBy(records, 'kpi', 'stageId').get(stage.id) ?? [])) out.push({ id: kpi.id, kind: 'kpi', label: `KPI: ${kpi.name} (${journey.name} › ${stage.name})` });
    }
  }
  return out;
}
