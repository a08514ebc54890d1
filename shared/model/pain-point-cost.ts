import { recordsOfType, type RecordMap } from './document.ts';
import type { Card, CostPeriod, PainPoint } from './records.ts';

export const PERIODS_PER_YEAR: Record<CostPeriod, number> = { day: 365, week: 52, month: 12, quarter: 4, year: 1 };

/**
 * The yearly cost of not fixing a pain point: customers affected per period × cost per
 * occurrence × periods in a year, or a direct amount per period × periods in a year.
 * Unknown inputs give null, not zero: "we don't know yet" must not rank as "free".
 */
export function yearlyCost(painPoint: PainPoint): number | null {
  const periods = PERIODS_PER_YEAR[painPoint.period];
  if (painPoint.costBasis === 'amount') return painPoint.directAmount === null ? null : round2(painPoint.directAmount * periods);
  if (painPoint.affectedPerPeriod === null || painPoint.costPerOccurrence === null) return null;
  return round2(painPoint.affectedPerPeriod * painPoint.costPerOccurrence * periods);
}

export interface RankedPainPoint {
  painPoint: PainPoint;
  card: Card;
  yearlyCost: number | null;
}

/**
 * Pain points in the order to fix them: highest yearly cost first (per currency, since
 * euros and dollars do not compare), then severity; those without a cost come last.
 */
export function rankPainPointsByCost(records: RecordMap, cardIds?: ReadonlySet<string>): RankedPainPoint[] {
  const ranked: RankedPainPoint[] = [];
  for (const record of recordsOfType(records, 'pain-point')) {
    const card = records[record.cardId];
    if (card?.type !== 'card' || (cardIds && !cardIds.has(card.id))) continue;
    ranked.push({ painPoint: record, card, yearlyCost: yearlyCost(record) });
  }
  return ranked.sort((a, b) => {
    if ((a.yearlyCost === null) !== (b.yearlyCost === null)) return a.yearlyCost === null ? 1 : -1;
    if (a.painPoint.currency !== b.painPoint.currency) return a.painPoint.currency < b.painPoint.currency ? -1 : 1;
    if (a.yearlyCost !== b.yearlyCost) return (b.yearlyCost ?? 0) - (a.yearlyCost ?? 0);
    return b.painPoint.severity - a.painPoint.severity;
  });
}

/**
 * Formatters by locale and currency: making one costs far more than formatting with it,
 * and a big workshop formats a cost for every one of its pain points.
 */
const moneyFormats = new Map<string, Intl.NumberFormat | null>();

export function formatMoney(amount: number, currency: string, locale?: string): string {
  const key = `${locale ?? ''}|${currency}`;
  let format = moneyFormats.get(key);
  if (format === undefined) {
    try {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 });
    } catch {
      format = null;
    }
    moneyFormats.set(key, format);
  }
  return format ? format.format(amount) : `${currency} ${Math.round(amount).toLocaleString(locale)}`;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
