import { recordsGroupedBy, recordsOfType, type RecordMap } from '../model/document.ts';
import { evidenceIndex } from '../interviews/evidence.ts';
import { formatMoney, PERIODS_PER_YEAR, yearlyCost } from '../model/pain-point-cost.ts';
import { DEFAULT_WEIGHTS, type Card, type Lane, type PainPoint, type Rating, type Scoring, type Stage, type Step } from '../model/records.ts';
import { originsOf, placedCards } from './journey-walk.ts';

/**
 * The needle movers of one journey: its pain points and opportunities ranked by a score
 * anyone in the room can recompute by hand. Each input becomes a share from 0 to 1 of
 * the journey's highest, so a weight means the same whatever the currency or the size
 * of the room:
 *
 *   cost share     = yearly cost of not fixing ÷ the journey's highest (same currency)
 *   evidence share = distinct interviews ÷ the journey's most
 *   vote share     = dots in revealed votes ÷ the journey's most
 *   severity share = severity ÷ 5 (opportunities have none: 0)
 *   score          = 100 × Σ weight × share ÷ Σ weights, to one decimal
 *
 * Each journey is ranked on its own, so a future state's copy of a pain point is never
 * counted beside its original. Ties go to the higher yearly cost, then severity, dots,
 * interviews, and finally the map's reading order: the same inputs always give the same
 * order.
 */

export type Weights = Pick<Scoring, 'costWeight' | 'evidenceWeight' | 'voteWeight' | 'severityWeight'>;
export type NeedleMoverKind = 'pain-point' | 'opportunity';

export interface NeedleMover {
  card: Card;
  kind: NeedleMoverKind;
  stage: Stage;
  step: Step;
  lane: Lane;
  painPoint: PainPoint | null;
  rating: Rating | null;
  yearlyCost: number | null;
  currency: string | null;
  /** How the yearly cost was worked out, in words: "120 × €35 × 12 months". */
  costWorking: string;
  interviews: number;
  /** 'original': the evidence is the current-state original's (a future copy has no notes of its own). */
  evidenceFrom: 'card' | 'original' | null;
  dots: number;
  severity: number | null;
  shares: { cost: number; evidence: number; votes: number; severity: number };
  score: number;
  /** 1, 2, 3… after the tie-breaks: never shared. */
  rank: number;
  order: number;
}

/** The workshop's weights and axes, or the defaults until the room changes them. */
export function scoringOf(records: RecordMap): Scoring | null {
  return recordsOfType(records, 'scoring')[0] ?? null;
}

export function weightsOf(records: RecordMap): Weights {
  const scoring = scoringOf(records);
  return scoring ? { costWeight: scoring.costWeight, evidenceWeight: scoring.evidenceWeight, voteWeight: scoring.voteWeight, severityWeight: scoring.severityWeight } : { ...DEFAULT_WEIGHTS };
}

/** The formula with the workshop's weights filled in, as the Decisions view shows it. */
export function formulaText(weights: Weights): string {
  const total = weights.costWeight + weights.evidenceWeight + weights.voteWeight + weights.severityWeight;
  return `score = 100 × (${weights.costWeight} × cost + ${weights.evidenceWeight} × evidence + ${weights.voteWeight} × votes + ${weights.severityWeight} × severity) ÷ ${total}`;
}

const PERIOD_WORDS: Record<PainPoint['period'], string> = { day: 'days', week: 'weeks', month: 'months', quarter: 'quarters', year: 'year' };

/** "6 × €4,000 × 4 quarters", or "€12,000 × 12 months", or why there is no figure. */
export function costWorking(painPoint: PainPoint | null, locale = 'en'): string {
  if (!painPoint) return 'no cost entered';
  const periods = `${PERIODS_PER_YEAR[painPoint.period]} ${PERIOD_WORDS[painPoint.period]}`;
  const money = (amount: number) => formatMoney(amount, painPoint.currency, locale);
  if (painPoint.costBasis === 'amount') return painPoint.directAmount === null ? 'amount not known yet' : `${money(painPoint.directAmount)} × ${periods}`;
  if (painPoint.affectedPerPeriod === null || painPoint.costPerOccurrence === null) return 'customers or cost per case not known yet';
  return `${painPoint.affectedPerPeriod} × ${money(painPoint.costPerOccurrence)} × ${periods}`;
}

/** Dots each card got in the journey's revealed votes (a hidden total must not leak into a ranking). */
function dotsByCard(records: RecordMap, journeyId: string): Map<string, number> {
  const dots = new Map<string, number>();
  const byVote = recordsGroupedBy(records, 'dot', 'voteId');
  for (const vote of recordsGroupedBy(records, 'dot-vote', 'journeyId').get(journeyId) ?? []) {
    if (!vote.revealed) continue;
    for (const dot of byVote.get(vote.id) ?? []) dots.set(dot.cardId, (dots.get(dot.cardId) ?? 0) + 1);
  }
  return dots;
}

const round1 = (value: number) => Math.round(value * 10) / 10;
const share = (value: number, highest: number) => (highest > 0 ? value / highest : 0);

export function rankNeedleMovers(records: RecordMap, journeyId: string, weights: Weights = weightsOf(records)): NeedleMover[] {
  const painByCard = recordsGroupedBy(records, 'pain-point', 'cardId');
  const ratingByCard = recordsGroupedBy(records, 'rating', 'cardId');
  const evidence = evidenceIndex(records).cards;
  const origins = originsOf(records, journeyId);
  const dots = dotsByCard(records, journeyId);

  const items: NeedleMover[] = [];
  for (const placed of placedCards(records, journeyId)) {
    const painPoint = painByCard.get(placed.card.id)?.[0] ?? null;
    const laneType = placed.lane.laneType;
    if (!painPoint && laneType !== 'pain-points' && laneType !== 'opportunities') continue;
    const kind: NeedleMoverKind = painPoint || laneType === 'pain-points' ? 'pain-point' : 'opportunity';
    const own = evidence.get(placed.card.id)?.interviews ?? 0;
    const originId = origins.get(placed.card.id);
    const inherited = own === 0 && originId ? (evidence.get(originId)?.interviews ?? 0) : 0;
    items.push({
      ...placed,
      kind,
      painPoint,
      rating: ratingByCard.get(placed.card.id)?.[0] ?? null,
      yearlyCost: painPoint ? yearlyCost(painPoint) : null,
      currency: painPoint?.currency ?? null,
      costWorking: kind === 'pain-point' ? costWorking(painPoint) : 'an opportunity has no cost of not fixing',
      interviews: own || inherited,
      evidenceFrom: own > 0 ? 'card' : inherited > 0 ? 'original' : null,
      dots: dots.get(placed.card.id) ?? 0,
      severity: painPoint?.severity ?? null,
      shares: { cost: 0, evidence: 0, votes: 0, severity: 0 },
      score: 0,
      rank: 0,
    });
  }

  const highestCost = new Map<string, number>();
  for (const item of items) if (item.yearlyCost !== null) highestCost.set(item.currency!, Math.max(highestCost.get(item.currency!) ?? 0, item.yearlyCost));
  const mostInterviews = Math.max(0, ...items.map((i) => i.interviews));
  const mostDots = Math.max(0, ...items.map((i) => i.dots));
  const totalWeight = weights.costWeight + weights.evidenceWeight + weights.voteWeight + weights.severityWeight;
  for (const item of items) {
    item.shares = {
      cost: item.yearlyCost === null ? 0 : share(item.yearlyCost, highestCost.get(item.currency!)!),
      evidence: share(item.interviews, mostInterviews),
      votes: share(item.dots, mostDots),
      severity: item.severity === null ? 0 : item.severity / 5,
    };
    const weighted =
      weights.costWeight * item.shares.cost + weights.evidenceWeight * item.shares.evidence + weights.voteWeight * item.shares.votes + weights.severityWeight * item.shares.severity;
    item.score = totalWeight === 0 ? 0 : round1((100 * weighted) / totalWeight);
  }

  items.sort(
    (a, b) =>
      b.score - a.score ||
      (b.yearlyCost ?? -1) - (a.yearlyCost ?? -1) ||
      (b.severity ?? 0) - (a.severity ?? 0) ||
      b.dots - a.dots ||
      b.interviews - a.interviews ||
      a.order - b.order,
  );
  items.forEach((item, i) => (item.rank = i + 1));
  return items;
}

/** Yearly cost of the ranked pain points, per currency: what an executive summary totals. */
export function totalYearlyCost(items: readonly NeedleMover[]): Map<string, number> {
  const totals = new Map<string, number>();
  for (const item of items) if (item.yearlyCost !== null) totals.set(item.currency!, Math.round(((totals.get(item.currency!) ?? 0) + item.yearlyCost) * 100) / 100);
  return totals;
}

/** "€1,234 a year + $500 a year", or "no cost entered yet". */
export function formatTotals(totals: ReadonlyMap<string, number>, locale = 'en'): string {
  if (totals.size === 0) return 'no cost entered yet';
  return [...totals].sort(([a], [b]) => (a < b ? -1 : 1)).map(([currency, amount]) => `${formatMoney(amount, currency, locale)} a year`).join(' + ');
}
