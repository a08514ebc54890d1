import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/change/change.ts';
import { formulaText, rankNeedleMovers, totalYearlyCost } from '../../../shared/decisions/needle-movers.ts';
import { measureOf, quadrantOf } from '../../../shared/decisions/matrix.ts';
import { newRating } from '../../../shared/model/records.ts';
import { createFutureState } from '../../../renderer/src/editor/detail-actions.ts';
import { setScoring } from '../../../renderer/src/decisions/decision-actions.ts';
import { decisionWorkshop } from '../../support/decision-workshop.ts';

/*
 * Worked by hand, default weights cost 4, evidence 2, votes 2, severity 1 (Σ 9).
 * Highest cost €96,000 (B); most interviews 2 (A); most dots 4 (D).
 *
 *        cost share          evidence   votes      severity   Σ w × share                          score
 *   A    50,400/96,000=.525  2/2=1      3/4=.75    4/5=.8     4×.525+2×1+2×.75+1×.8 = 6.4     100×6.4/9 = 71.1
 *   B    96,000/96,000=1     1/2=.5     1/4=.25    4/5=.8     4×1+2×.5+2×.25+1×.8   = 6.3     100×6.3/9 = 70.0
 *   D    (opportunity) 0     1/2=.5     4/4=1      0          2×.5+2×1              = 3       100×3/9   = 33.3
 *   C    unknown 0           0          0          5/5=1      1×1                   = 1       100×1/9   = 11.1
 */
describe('the needle-mover score', () => {
  it('ranks pain points and opportunities by the worked-out score, every figure traceable', () => {
    const { records, journey, a, b, c, d } = decisionWorkshop();
    const ranked = rankNeedleMovers(records, journey.id);
    expect(ranked.map((r) => [r.card.id, r.score, r.rank])).toEqual([
      [a.id, 71.1, 1],
      [b.id, 70, 2],
      [d.id, 33.3, 3],
      [c.id, 11.1, 4],
    ]);
    const [first] = ranked;
    expect(first).toMatchObject({ kind: 'pain-point', yearlyCost: 50_400, interviews: 2, dots: 3, severity: 4, evidenceFrom: 'card' });
    expect(first!.shares).toEqual({ cost: 0.525, evidence: 1, votes: 0.75, severity: 0.8 });
    expect(first!.costWorking).toBe('120 × €35 × 12 months');
    expect(ranked[2]).toMatchObject({ kind: 'opportunity', yearlyCost: null, severity: null, costWorking: 'an opportunity has no cost of not fixing' });
    expect(formulaText({ costWeight: 4, evidenceWeight: 2, voteWeight: 2, severityWeight: 1 })).toBe(
      'score = 100 × (4 × cost + 2 × evidence + 2 × votes + 1 × severity) ÷ 9',
    );
    // The total the executive summary shows: €50,400 + €96,000 (C has no cost yet) = €146,400.
    expect(totalYearlyCost(ranked)).toEqual(new Map([['EUR', 146_400]]));
  });

  it('takes the workshop’s own weights, and breaks ties by cost, then severity, dots, interviews, map order', () => {
    const { records, journey, a, b, c, d } = decisionWorkshop();
    // Severity only: C 5/5 → 100; A and B 4/5 → 80 each, B first on its higher cost; D 0.
    const weighted = applyChange(records, setScoring(records, { costWeight: 0, evidenceWeight: 0, voteWeight: 0, severityWeight: 1 })!.change);
    expect(rankNeedleMovers(weighted, journey.id).map((r) => [r.card.id, r.score])).toEqual([
      [c.id, 100],
      [b.id, 80],
      [a.id, 80],
      [d.id, 0],
    ]);
    // All weights 0: every score is 0 and the order is by cost, then severity: B, A, C, D.
    const none = applyChange(records, setScoring(records, { costWeight: 0, evidenceWeight: 0, voteWeight: 0, severityWeight: 0 })!.change);
    expect(rankNeedleMovers(none, journey.id).map((r) => r.card.id)).toEqual([b.id, a.id, c.id, d.id]);
  });

  it('reorders at once when a cost changes', () => {
    const { records, journey, a, b, painA } = decisionWorkshop();
    // A: 120 × €100 × 12 = €144,000 is now the highest. A = 4×1+2×1+2×.75+.8 = 8.3 → 92.2;
    // B = 4×(96,000/144,000) + 2×.5 + 2×.25 + .8 = 2.667+1+.5+.8 = 4.967 → 55.2.
    const dearer = applyChange(records, { added: {}, updated: { [painA.id]: [painA, { ...painA, costPerOccurrence: 100 }] }, removed: {} });
    const ranked = rankNeedleMovers(dearer, journey.id);
    expect(ranked.slice(0, 2).map((r) => [r.card.id, r.score])).toEqual([
      [a.id, 92.2],
      [b.id, 55.2],
    ]);
  });

  it('ranks each journey on its own: a future state’s copy is never counted beside its original', () => {
    const { records, journey, a } = decisionWorkshop();
    const future = createFutureState(records, journey.id)!;
    const both = applyChange(records, future.change);
    const current = rankNeedleMovers(both, journey.id);
    const copy = rankNeedleMovers(both, future.journeyId);
    expect(current.map((r) => r.card.id)).toEqual(rankNeedleMovers(records, journey.id).map((r) => r.card.id));
    expect(totalYearlyCost(current)).toEqual(new Map([['EUR', 146_400]]));
    expect(copy).toHaveLength(4);
    expect(copy.every((r) => r.card.id !== a.id && current.every((c) => c.card.id !== r.card.id))).toBe(true);
    // The copy of A has no notes of its own; it shows its original's 2 interviews, and says so.
    expect(copy.find((r) => r.card.text === 'Invoice is wrong')).toMatchObject({ interviews: 2, evidenceFrom: 'original', dots: 0 });
  });
});

describe('the impact/effort matrix', () => {
  it('reads every axis on 1–5 and names the quadrant when one axis is effort', () => {
    const { records, journey, a, b, d } = decisionWorkshop();
    const rated = {
      ...records,
      ...Object.fromEntries([newRating({ cardId: a.id, effort: 2, customerValue: 5 }), newRating({ cardId: b.id, effort: 4 }), newRating({ cardId: d.id, effort: 5, businessValue: 2 })].map((r) => [r.id, r])),
    };
    const ranked = rankNeedleMovers(rated, journey.id);
    const item = (id: string) => ranked.find((r) => r.card.id === id)!;
    // A: score 71.1 → 1 + 71.1 × 4 / 100 = 3.844; effort 2 → a quick win.
    expect(measureOf(item(a.id), 'score')).toBeCloseTo(3.844, 6);
    expect(quadrantOf(item(a.id), 'effort', 'score')).toBe('quick-win');
    // B: 70.0 → 3.8, effort 4 → a big bet. D: 33.3 → 2.332, effort 5 → a money pit.
    expect(quadrantOf(item(b.id), 'effort', 'score')).toBe('big-bet');
    expect(quadrantOf(item(d.id), 'effort', 'score')).toBe('money-pit');
    // D by business value 2 and effort 5: a money pit too; with customer value unset, no place.
    expect(quadrantOf(item(d.id), 'businessValue', 'effort')).toBe('money-pit');
    expect(quadrantOf(item(d.id), 'effort', 'customerValue')).toBeNull();
    expect(quadrantOf(item(a.id), 'customerValue', 'score')).toBeNull();
  });
});
