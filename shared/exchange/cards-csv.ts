import { journeysOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import { formatMoney, rankPainPointsByCost, yearlyCost } from '../model/pain-point-cost.ts';
import type { Card } from '../model/records.ts';
import { toCsv } from './csv.ts';

export const CARD_COLUMNS = ['journey', 'stage', 'step', 'lane', 'text', 'tags', 'evidence count', 'votes'] as const;

/** Every card of every journey, in map order (journey, stage, step, lane, card). */
export function cardsCsv(records: RecordMap): string {
  const dots = new Map<string, number>();
  for (const r of Object.values(records)) if (r.type === 'dot') dots.set(r.cardId, (dots.get(r.cardId) ?? 0) + 1);
  const rows: (string | number)[][] = [];
  for (const journey of journeysOf(records)) {
    const lanes = lanesOf(records, journey.id);
    for (const stage of stagesOf(records, journey.id)) {
      for (const step of stepsOf(records, stage.id)) {
        for (const lane of lanes) {
          const cards = byPosition(Object.values(records).filter((r): r is Card => r.type === 'card' && r.stepId === step.id && r.laneId === lane.id));
          for (const card of cards) {
            // Evidence (interview notes linked to a card) is not modelled yet: every count is 0.
            rows.push([journey.name, stage.name, step.name, lane.name, card.text, tagsOf(records, card).join('; '), 0, dots.get(card.id) ?? 0]);
          }
        }
      }
    }
  }
  return toCsv(CARD_COLUMNS, rows);
}

/** What a card is besides its text: a moment of truth, a tollgate, a costed pain point. */
export function tagsOf(records: RecordMap, card: Card): string[] {
  const tags: string[] = [];
  if (card.momentOfTruth) tags.push('moment of truth');
  for (const r of Object.values(records)) {
    if (r.type === 'tollgate' && r.cardId === card.id) tags.push(`tollgate: ${r.status}`);
    if (r.type === 'pain-point' && r.cardId === card.id) {
      const cost = yearlyCost(r);
      tags.push(`pain point: severity ${r.severity}${cost === null ? '' : `, ${formatMoney(cost, r.currency, 'en')} a year`}`);
    }
  }
  return tags;
}

export const PRIORITY_COLUMNS = ['rank', 'pain point', 'journey', 'stage', 'step', 'yearly cost', 'currency', 'severity', 'owner', 'votes'] as const;

/** The needle movers: pain points by what they cost a year if nobody fixes them. */
export function prioritiesCsv(records: RecordMap): string {
  const dots = new Map<string, number>();
  for (const r of Object.values(records)) if (r.type === 'dot') dots.set(r.cardId, (dots.get(r.cardId) ?? 0) + 1);
  const rows = rankPainPointsByCost(records).map(({ card, painPoint, yearlyCost: cost }, i) => {
    const step = records[card.stepId];
    const stage = step?.type === 'step' ? records[step.stageId] : undefined;
    const journey = stage?.type === 'stage' ? records[stage.journeyId] : undefined;
    const name = (r: typeof step) => (r && 'name' in r ? r.name : '');
    return [i + 1, card.text, name(journey), name(stage), name(step), cost === null ? '' : cost, painPoint.currency, painPoint.severity, painPoint.owner, dots.get(card.id) ?? 0];
  });
  return toCsv(PRIORITY_COLUMNS, rows);
}
