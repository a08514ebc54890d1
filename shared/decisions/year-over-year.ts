import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import { formatMoney, yearlyCost } from '../model/pain-point-cost.ts';
import { TOLLGATE_STATUS_LABELS, type Card, type Journey, type Stage, type Step } from '../model/records.ts';
import { pairUp } from './matching.ts';

/**
 * This year's map against last year's (two workshop files): what the room should hear
 * changed. Records pair by id first — next year's workshop starts as a copy of this
 * one, so its ids are last year's — then by name. A removed stage is one difference,
 * not one per step inside it; a removed step likewise takes its cards with it.
 */

export type DifferenceKind =
  | 'journey-added'
  | 'journey-removed'
  | 'stage-added'
  | 'stage-removed'
  | 'step-added'
  | 'step-removed'
  | 'emotion-changed'
  | 'pain-point-new'
  | 'pain-point-resolved'
  | 'cost-changed'
  | 'tollgate-added'
  | 'tollgate-removed'
  | 'tollgate-changed'
  | 'kpi-moved';

export const DIFFERENCE_LABELS: Record<DifferenceKind, string> = {
  'journey-added': 'Journey added',
  'journey-removed': 'Journey removed',
  'stage-added': 'Stage added',
  'stage-removed': 'Stage removed',
  'step-added': 'Step added',
  'step-removed': 'Step removed',
  'emotion-changed': 'Emotion changed',
  'pain-point-new': 'New pain point',
  'pain-point-resolved': 'Pain point resolved',
  'cost-changed': 'Cost changed',
  'tollgate-added': 'Tollgate added',
  'tollgate-removed': 'Tollgate removed',
  'tollgate-changed': 'Tollgate changed',
  'kpi-moved': 'KPI moved',
};

export interface Difference {
  kind: DifferenceKind;
  /** Journey › stage › step, as far as it applies. */
  where: string;
  /** What it is: a step's name, a pain point's text… */
  subject: string;
  /** Last year's and this year's value where one changed ("€50,400 a year" → "€100,800 a year"). */
  from?: string;
  to?: string;
}

export interface YearOverYear {
  lastYear: string;
  thisYear: string;
  differences: Difference[];
  counts: Partial<Record<DifferenceKind, number>>;
}

const path = (...parts: string[]) => parts.filter(Boolean).join(' › ');

/** Every card of a step, lane by lane: pain points and tollgates are found by their details, not their lane. */
function stepCards(records: RecordMap, journeyId: string, stepId: string): Card[] {
  return lanesOf(records, journeyId).flatMap((lane) => cardsIn(records, stepId, lane.id));
}

const costText = (records: RecordMap, card: Card): string | null => {
  const pain = recordsGroupedBy(records, 'pain-point', 'cardId').get(card.id)?.[0];
  if (!pain) return null;
  const cost = yearlyCost(pain);
  return cost === null ? 'cost not known' : `${formatMoney(cost, pain.currency, 'en')} a year`;
};

function compareSteps(last: RecordMap, now: RecordMap, journeys: [Journey, Journey], steps: [Step, Step], where: string, out: Difference[]): void {
  const [before, after] = steps;
  // Emotions per persona, paired by persona id, then name.
  const personaName = (records: RecordMap, id: string) => {
    const persona = records[id];
    return persona?.type === 'persona' ? persona.name : id;
  };
  const emotionsBefore = recordsGroupedBy(last, 'emotion', 'stepId').get(before.id) ?? [];
  const emotionsAfter = recordsGroupedBy(now, 'emotion', 'stepId').get(after.id) ?? [];
  for (const e of emotionsAfter) {
    const was = emotionsBefore.find((b) => b.personaId === e.personaId) ?? emotionsBefore.find((b) => personaName(last, b.personaId) === personaName(now, e.personaId));
    if (was && was.score !== e.score) out.push({ kind: 'emotion-changed', where, subject: personaName(now, e.personaId), from: signed(was.score), to: signed(e.score) });
  }

  const pains = (records: RecordMap, journey: Journey, step: Step) => stepCards(records, journey.id, step.id).filter((c) => recordsGroupedBy(records, 'pain-point', 'cardId').has(c.id));
  const painPairs = pairUp(pains(last, journeys[0], before), pains(now, journeys[1], after), (c) => c.text);
  for (const card of painPairs.onlyBefore) out.push({ kind: 'pain-point-resolved', where, subject: card.text, from: costText(last, card) ?? undefined });
  for (const card of painPairs.onlyAfter) out.push({ kind: 'pain-point-new', where, subject: card.text, to: costText(now, card) ?? undefined });
  for (const [a, b] of painPairs.pairs) {
    const from = costText(last, a);
    const to = costText(now, b);
    if (from !== to) out.push({ kind: 'cost-changed', where, subject: b.text, from: from ?? undefined, to: to ?? undefined });
  }

  const gates = (records: RecordMap, journey: Journey, step: Step) => stepCards(records, journey.id, step.id).filter((c) => recordsGroupedBy(records, 'tollgate', 'cardId').has(c.id));
  const gatePairs = pairUp(gates(last, journeys[0], before), gates(now, journeys[1], after), (c) => c.text);
  const gateStatus = (records: RecordMap, card: Card) => TOLLGATE_STATUS_LABELS[recordsGroupedBy(records, 'tollgate', 'cardId').get(card.id)![0]!.status];
  for (const card of gatePairs.onlyBefore) out.push({ kind: 'tollgate-removed', where, subject: card.text });
  for (const card of gatePairs.onlyAfter) out.push({ kind: 'tollgate-added', where, subject: card.text, to: gateStatus(now, card) });
  for (const [a, b] of gatePairs.pairs) {
    const from = gateStatus(last, a);
    const to = gateStatus(now, b);
    if (from !== to || a.text !== b.text) out.push({ kind: 'tollgate-changed', where, subject: b.text, from: `${a.text}: ${from}`, to: `${b.text}: ${to}` });
  }
}

const signed = (score: number) => (score > 0 ? `+${score}` : String(score));

function compareStages(last: RecordMap, now: RecordMap, journeys: [Journey, Journey], stages: [Stage, Stage], out: Difference[]): void {
  const [before, after] = stages;
  const where = path(journeys[1].name, after.name);
  const steps = pairUp(stepsOf(last, before.id), stepsOf(now, after.id), (s) => s.name);
  for (const step of steps.onlyBefore) out.push({ kind: 'step-removed', where, subject: step.name });
  for (const step of steps.onlyAfter) out.push({ kind: 'step-added', where, subject: step.name });
  for (const pair of steps.pairs) compareSteps(last, now, journeys, pair, path(where, pair[1].name), out);

  const kpis = pairUp(byPosition(recordsGroupedBy(last, 'kpi', 'stageId').get(before.id) ?? []), byPosition(recordsGroupedBy(now, 'kpi', 'stageId').get(after.id) ?? []), (k) => k.name);
  for (const [a, b] of kpis.pairs) {
    if (a.currentValue !== b.currentValue) {
      const value = (v: number | null, unit: string) => (v === null ? 'not measured' : `${v}${unit ? ` ${unit}` : ''}`);
      out.push({ kind: 'kpi-moved', where, subject: b.name, from: value(a.currentValue, a.unit), to: value(b.currentValue, b.unit) });
    }
  }
}

export function compareWorkshops(last: RecordMap, now: RecordMap, names: { lastYear: string; thisYear: string }): YearOverYear {
  const out: Difference[] = [];
  const journeys = pairUp(journeysOf(last), journeysOf(now), (j) => j.name);
  for (const journey of journeys.onlyBefore) out.push({ kind: 'journey-removed', where: '', subject: journey.name });
  for (const journey of journeys.onlyAfter) out.push({ kind: 'journey-added', where: '', subject: journey.name });
  for (const pair of journeys.pairs) {
    const stages = pairUp(stagesOf(last, pair[0].id), stagesOf(now, pair[1].id), (s) => s.name);
    for (const stage of stages.onlyBefore) out.push({ kind: 'stage-removed', where: pair[1].name, subject: stage.name });
    for (const stage of stages.onlyAfter) out.push({ kind: 'stage-added', where: pair[1].name, subject: stage.name });
    for (const stagePair of stages.pairs) compareStages(last, now, pair, stagePair, out);
  }
  const counts: Partial<Record<DifferenceKind, number>> = {};
  for (const d of out) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  return { ...names, differences: out, counts };
}
