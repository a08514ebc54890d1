import { cardsIn, lanesOf, recordsGroupedBy, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { formatMoney, yearlyCost } from '../model/pain-point-cost.ts';
import { TOLLGATE_STATUS_LABELS, type Card, type Journey, type LaneType, type Stage, type Step } from '../model/records.ts';
import { originsOf } from './journey-walk.ts';
import { pairUp } from './matching.ts';

/**
 * The gap between a current journey and its future state, step by step (after Catalio's
 * legacy-versus-target comparison): each step mapped across unchanged, eliminated, new,
 * improved or changed, and per step what moved in emotions, tollgates, pain points,
 * channels and content, with the yearly cost the future state removes. Copies are paired
 * with their originals by the copy-origin records; a future state made before those
 * existed is paired by stage and step name.
 */

export type StepStatus = 'unchanged' | 'removed' | 'added' | 'improved' | 'changed';
export const STEP_STATUS_LABELS: Record<StepStatus, string> = {
  unchanged: 'Mapped, unchanged',
  removed: 'Eliminated',
  added: 'New',
  improved: 'Improved',
  changed: 'Changed',
};

export type AspectKind = 'tollgates' | 'pain-points' | 'channels' | 'content';
export const ASPECT_LABELS: Record<AspectKind, string> = { tollgates: 'Tollgates', 'pain-points': 'Pain points', channels: 'Channels & touchpoints', content: 'Content' };
const ASPECT_OF: Partial<Record<LaneType, AspectKind>> = { tollgates: 'tollgates', 'pain-points': 'pain-points', channels: 'channels', touchpoints: 'channels', content: 'content' };
export const ASPECTS: readonly AspectKind[] = ['pain-points', 'tollgates', 'channels', 'content'];

export interface AspectGap {
  kind: AspectKind;
  added: string[];
  removed: string[];
  /** What changed on a card that is in both: its text, or its details (cost, severity, status). */
  changed: { text: string; from: string; to: string }[];
  unchanged: number;
}

export interface StepGap {
  stageName: string;
  stepName: string;
  current: Step | null;
  future: Step | null;
  status: StepStatus;
  /** Mean emotion across personas at the step (null when nobody scored it). */
  emotion: { current: number | null; future: number | null; delta: number | null };
  aspects: AspectGap[];
  /** Yearly cost of the step's pain points, per currency. */
  cost: { current: Map<string, number>; future: Map<string, number> };
}

export interface GapAnalysis {
  current: Journey;
  future: Journey;
  steps: StepGap[];
  byStatus: Record<StepStatus, number>;
  byAspect: Record<AspectKind, { added: number; removed: number; changed: number }>;
  /** Current yearly cost minus the future's, per currency: what the future state removes. */
  costRemoved: Map<string, number>;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const meanEmotion = (records: RecordMap, stepId: string): number | null => {
  const scores = (recordsGroupedBy(records, 'emotion', 'stepId').get(stepId) ?? []).map((e) => e.score);
  return scores.length === 0 ? null : round2(scores.reduce((a, b) => a + b, 0) / scores.length);
};

/** What a card's details say for the comparison: a pain point's severity and cost, a tollgate's status. */
function cardDetails(records: RecordMap, card: Card): string {
  const pain = recordsGroupedBy(records, 'pain-point', 'cardId').get(card.id)?.[0];
  const gate = recordsGroupedBy(records, 'tollgate', 'cardId').get(card.id)?.[0];
  const cost = pain ? yearlyCost(pain) : null;
  const parts = pain ? [`severity ${pain.severity}`, cost === null ? 'no cost yet' : `${formatMoney(cost, pain.currency, 'en')} a year`] : [];
  if (gate) parts.push(TOLLGATE_STATUS_LABELS[gate.status].toLowerCase());
  return parts.join(', ');
}

/** A changed card in words: only what differs ("€104,000 a year → €26,000 a year"), with the text when that changed. */
function describeChange(records: RecordMap, before: Card, after: Card): { text: string; from: string; to: string } | null {
  const textChanged = before.text.trim() !== after.text.trim();
  const was = cardDetails(records, before);
  const is = cardDetails(records, after);
  if (!textChanged && was === is) return null;
  if (!textChanged) return { text: after.text, from: was, to: is };
  return { text: after.text, from: [before.text, was].filter(Boolean).join(': '), to: [after.text, is].filter(Boolean).join(': ') };
}

function stepCards(records: RecordMap, journeyId: string, stepId: string): Map<AspectKind, Card[]> {
  const out = new Map<AspectKind, Card[]>(ASPECTS.map((kind) => [kind, []]));
  for (const lane of lanesOf(records, journeyId)) {
    const kind = ASPECT_OF[lane.laneType];
    if (kind) out.get(kind)!.push(...cardsIn(records, stepId, lane.id));
  }
  return out;
}

function stepCost(records: RecordMap, cards: readonly Card[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const card of cards) {
    const pain = recordsGroupedBy(records, 'pain-point', 'cardId').get(card.id)?.[0];
    const cost = pain ? yearlyCost(pain) : null;
    if (pain && cost !== null) totals.set(pain.currency, round2((totals.get(pain.currency) ?? 0) + cost));
  }
  return totals;
}

/** The step's free-text channels and content, as the cards of those aspects would say them. */
function fieldCards(step: Step, kind: AspectKind): Card[] {
  const text = kind === 'channels' ? [step.channels, step.touchpoints] : kind === 'content' ? [step.content] : [];
  return text
    .flatMap((t) => t.split(/[,;\n]/))
    .map((t) => t.trim())
    .filter(Boolean)
    .map((t, i) => ({ id: `field:${step.id}:${kind}:${i}`, text: t }) as unknown as Card);
}

function compareStep(records: RecordMap, current: Journey, future: Journey, origins: Map<string, string>, stageName: string, before: Step | null, after: Step | null): StepGap {
  const cardsBefore = before ? stepCards(records, current.id, before.id) : new Map<AspectKind, Card[]>();
  const cardsAfter = after ? stepCards(records, future.id, after.id) : new Map<AspectKind, Card[]>();
  const aspects = ASPECTS.map((kind): AspectGap => {
    const was = [...(cardsBefore.get(kind) ?? []), ...(before ? fieldCards(before, kind) : [])];
    const is = [...(cardsAfter.get(kind) ?? []), ...(after ? fieldCards(after, kind) : [])];
    const pairing = pairUp(was, is, (c) => c.text, (c) => origins.get(c.id));
    const changed = pairing.pairs.map(([a, b]) => describeChange(records, a, b)).filter((c) => c !== null);
    return {
      kind,
      added: pairing.onlyAfter.map((c) => c.text),
      removed: pairing.onlyBefore.map((c) => c.text),
      changed,
      unchanged: pairing.pairs.length - changed.length,
    };
  });
  const emotionBefore = before ? meanEmotion(records, before.id) : null;
  const emotionAfter = after ? meanEmotion(records, after.id) : null;
  const delta = emotionBefore !== null && emotionAfter !== null ? round2(emotionAfter - emotionBefore) : null;
  const cost = { current: stepCost(records, cardsBefore.get('pain-points') ?? []), future: stepCost(records, cardsAfter.get('pain-points') ?? []) };

  let status: StepStatus;
  if (!before) status = 'added';
  else if (!after) status = 'removed';
  else {
    const moved = aspects.some((a) => a.added.length + a.removed.length + a.changed.length > 0) || (delta !== null && delta !== 0) || before.name.trim() !== after.name.trim();
    const costBefore = [...cost.current.values()].reduce((a, b) => a + b, 0);
    const costAfter = [...cost.future.values()].reduce((a, b) => a + b, 0);
    const better = (delta ?? 0) > 0 || costAfter < costBefore || aspects.some((a) => a.kind === 'pain-points' && a.removed.length > 0);
    const worse = (delta ?? 0) < 0 || costAfter > costBefore;
    status = !moved ? 'unchanged' : better && !worse ? 'improved' : 'changed';
  }
  return { stageName, stepName: (after ?? before)!.name, current: before, future: after, status, emotion: { current: emotionBefore, future: emotionAfter, delta }, aspects, cost };
}

/** The gap of a future journey against the current one it was derived from; null if it is not such a pair. */
export function gapAnalysis(records: RecordMap, futureId: string): GapAnalysis | null {
  const future = records[futureId];
  if (future?.type !== 'journey' || future.state !== 'future' || !future.derivedFromId) return null;
  const current = records[future.derivedFromId];
  if (current?.type !== 'journey') return null;
  const origins = originsOf(records, future.id);
  const link = (record: { id: string }) => origins.get(record.id);

  const steps: StepGap[] = [];
  const stages = pairUp<Stage>(stagesOf(records, current.id), stagesOf(records, future.id), (s) => s.name, link);
  const pairedStage = new Map(stages.pairs.map(([a, b]) => [b.id, a]));
  const stageOrder = [...stagesOf(records, future.id), ...stages.onlyBefore];
  for (const stage of stageOrder) {
    const isFuture = stage.journeyId === future.id;
    const before = isFuture ? pairedStage.get(stage.id) : stage;
    const after = isFuture ? stage : undefined;
    const pairing = pairUp<Step>(before ? stepsOf(records, before.id) : [], after ? stepsOf(records, after.id) : [], (s) => s.name, link);
    const stepPair = new Map(pairing.pairs.map(([a, b]) => [b.id, a]));
    for (const step of after ? stepsOf(records, after.id) : []) steps.push(compareStep(records, current, future, origins, stage.name, stepPair.get(step.id) ?? null, step));
    for (const step of pairing.onlyBefore) steps.push(compareStep(records, current, future, origins, stage.name, step, null));
  }

  const byStatus: Record<StepStatus, number> = { unchanged: 0, removed: 0, added: 0, improved: 0, changed: 0 };
  const byAspect = Object.fromEntries(ASPECTS.map((k) => [k, { added: 0, removed: 0, changed: 0 }])) as GapAnalysis['byAspect'];
  const costRemoved = new Map<string, number>();
  for (const step of steps) {
    byStatus[step.status]++;
    for (const aspect of step.aspects) {
      byAspect[aspect.kind].added += aspect.added.length;
      byAspect[aspect.kind].removed += aspect.removed.length;
      byAspect[aspect.kind].changed += aspect.changed.length;
    }
    for (const [currency, amount] of step.cost.current) costRemoved.set(currency, round2((costRemoved.get(currency) ?? 0) + amount));
    for (const [currency, amount] of step.cost.future) costRemoved.set(currency, round2((costRemoved.get(currency) ?? 0) - amount));
  }
  return { current, future, steps, byStatus, byAspect, costRemoved };
}
