import { describe, expect, it } from 'vitest';
import { rankPainPointsByCost, yearlyCost } from '../../../shared/model/pain-point-cost.ts';
import { newCard, newPainPoint } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';

describe('the yearly cost of not fixing a pain point', () => {
  it('multiplies customers affected, cost per occurrence and periods in a year', () => {
    // 120 customers a month call about a wrong invoice; each call costs 35 € to handle.
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', affectedPerPeriod: 120, costPerOccurrence: 35, period: 'month' }))).toBe(50_400);
    // 3 churned accounts a quarter at 18,000 € each.
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', affectedPerPeriod: 3, costPerOccurrence: 18_000, period: 'quarter' }))).toBe(216_000);
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', affectedPerPeriod: 40, costPerOccurrence: 2.5, period: 'week' }))).toBe(5_200);
  });

  it('takes a direct amount per period', () => {
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', costBasis: 'amount', directAmount: 1_500, period: 'day' }))).toBe(547_500);
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', costBasis: 'amount', directAmount: 80_000, period: 'year' }))).toBe(80_000);
  });

  it('is unknown, not zero, until the room has the numbers', () => {
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', affectedPerPeriod: 120 }))).toBeNull();
    expect(yearlyCost(newPainPoint({ cardId: 'card:x1', costBasis: 'amount' }))).toBeNull();
  });
});

describe('ranking pain points by cost', () => {
  const card = (text: string) => newCard({ stepId: 'step:s1', laneId: 'lane:l1', text, position: 'a0' });
  const invoice = card('Wrong first invoice');
  const outage = card('First outage, nobody calls back');
  const onboarding = card('Onboarding takes 6 weeks');
  const unknown = card('Portal login fails');
  const records: AnyRecord[] = [
    invoice, outage, onboarding, unknown,
    newPainPoint({ cardId: invoice.id, severity: 3, affectedPerPeriod: 120, costPerOccurrence: 35, period: 'month' }), // 50,400
    newPainPoint({ cardId: outage.id, severity: 5, affectedPerPeriod: 3, costPerOccurrence: 18_000, period: 'quarter' }), // 216,000
    newPainPoint({ cardId: onboarding.id, severity: 4, costBasis: 'amount', directAmount: 4_200, period: 'month' }), // 50,400
    newPainPoint({ cardId: unknown.id, severity: 5 }),
  ];
  const map = Object.fromEntries(records.map((r) => [r.id, r]));

  it('puts the most expensive first, breaks ties by severity, and leaves unknown costs last', () => {
    expect(rankPainPointsByCost(map).map((r) => [r.card.text, r.yearlyCost])).toEqual([
      ['First outage, nobody calls back', 216_000],
      ['Onboarding takes 6 weeks', 50_400],
      ['Wrong first invoice', 50_400],
      ['Portal login fails', null],
    ]);
  });

  it('can rank the pain points of one journey only', () => {
    expect(rankPainPointsByCost(map, new Set([invoice.id, unknown.id])).map((r) => r.card.text)).toEqual(['Wrong first invoice', 'Portal login fails']);
  });
});
