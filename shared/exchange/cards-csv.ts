import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { formatMoney, rankPainPointsByCost, yearlyCost } from '../model/pain-point-cost.ts';
import { evidenceIndex } from '../interviews/evidence.ts';
import type { Card } from '../model/records.ts';
import { OWN_CSV_MARKER, toCsv } from './csv.ts';

/** The last column, the card's id, marks the file as ours for the import (see csv.ts). */
export const CARD_COLUMNS = ['journey', 'stage', 'step', 'lane', 'text', 'tags', 'evidence count', 'votes', OWN_CSV_MARKER] as const;

/**
 * Every card of every journey, in map order (journey, stage, step, lane, card). Cells,
 * tags and votes are looked up through indexes built once per record map, so the cost
 * follows the number of records, not cards × records.
 */
export function cardsCsv(records: RecordMap): string {
  const dots = recordsGroupedBy(records, 'dot', 'cardId');
  const evidence = evidenceIndex(records).cards;
  const rows: (string | number)[][] = [];
  for (const journey of journeysOf(records)) {
    const lanes = lanesOf(records, journey.id);
    for (const stage of stagesOf(records, journey.id)) {
      for (const step of stepsOf(records, stage.id)) {
        for (const lane of lanes) {
          for (const card of cardsIn(records, step.id, lane.id)) {
            // Evidence counts distinct interviews, not notes: one talkative interviewee is still one voice.
            const interviews = evidence.get(card.id)?.interviews ?? 0;
            rows.push([journey.name, stage.name, step.name, lane.name, card.text, tagsOf(records, card).join('; '), interviews, dots.get(card.id)?.length ?? 0, card.id]);
          }
        }
      }
    }
  }
  return toCsv(CARD_COLUMNS, rows);
}

/**
 * What a card is besides its text: a moment of truth, a tollgate, a costed pain point.
 * Tollgates come before pain points, the order the file lists its tables in.
 */
export function tagsOf(records: RecordMap, card: Card): string[] {
  const tags: string[] = [];
  if (card.momentOfTruth) tags.push('moment of truth');
  for (const gate of recordsGroupedBy(records, 'tollgate', 'cardId').get(card.id) ?? []) tags.push(`tollgate: ${gate.status}`);
  for (const pain of recordsGroupedBy(records, 'pain-point', 'cardId').get(card.id) ?? []) {
    const cost = yearlyCost(pain);
    tags.push(`pain point: severity ${pain.severity}${cost === null ? '' : `, ${formatMoney(cost, pain.currency, 'en')} a year`}`);
  }
  return tags;
}

export const PRIORITY_COLUMNS = ['rank', 'pain point', 'journey', 'stage', 'step', 'yearly cost', 'currency', 'severity', 'owner', 'votes'] as const;

/** The needle movers: pain points by what they cost a year if nobody fixes them. */
export function prioritiesCsv(records: RecordMap): string {
  const dots = recordsGroupedBy(records, 'dot', 'cardId');
  const rows = rankPainPointsByCost(records).map(({ card, painPoint, yearlyCost: cost }, i) => {
    const step = records[card.stepId];
    const stage = step?.type === 'step' ? records[step.stageId] : undefined;
    const journey = stage?.type === 'stage' ? records[stage.journeyId] : undefined;
    const name = (r: typeof step) => (r && 'name' in r ? r.name : '');
    return [i + 1, card.text, name(journey), name(stage), name(step), cost === null ? '' : cost, painPoint.currency, painPoint.severity, painPoint.owner, dots.get(card.id)?.length ?? 0];
  });
  return toCsv(PRIORITY_COLUMNS, rows);
}
