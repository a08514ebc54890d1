import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDeck } from '../../../electron/services/exports/deck/build-deck.ts';
import { buildPdf } from '../../../electron/services/exports/pdf/build-pdf.ts';
import { cardsCsv, prioritiesCsv } from '../../../shared/exchange/cards-csv.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { generateDetailedWorkshop } from '../../support/detailed-workshop.ts';

/**
 * Linear without a clock: the record map is wrapped so that every record an export
 * reads is counted (a lookup by id is one, a walk over all records is all of them). An
 * export that scans the records once per card or per cell reads cards × records; one
 * that indexes them reads each a few times, whatever the workshop's size.
 */
function counted(records: AnyRecord[]): { map: RecordMap; visits: () => number } {
  const target = Object.fromEntries(records.map((r) => [r.id, r]));
  let visits = 0;
  const map = new Proxy(target, {
    get(object, key, receiver) {
      if (typeof key === 'string' && Object.hasOwn(object, key)) visits++;
      return Reflect.get(object, key, receiver);
    },
  });
  return { map, visits: () => visits };
}

const workshop = (cards: number) => generateDetailedWorkshop({ stages: 10, stepsPerStage: 3, lanes: 12, cards, seed: cards });

// Every record once to index it, once more where the PDF lays the board out for its map
// pages, and a few lookups by id per tollgate, pain point, emotion or vote: far under
// what one scan per card costs (cards × records).
const VISITS_PER_RECORD = 4;

describe('exports read each record a bounded number of times', () => {
  it('the CSV tables', () => {
    for (const cards of [500, 2_000]) {
      const records = workshop(cards);
      const { map, visits } = counted(records);
      cardsCsv(map);
      prioritiesCsv(map);
    expect(visits()).toBeLessThanOrEqual(VISITS_PER_RECORD * records.length);
    }
  });

  it('the PDF report', async () => {
    const records = workshop(1_000);
    const { map, visits } = counted(records);
    await buildPdf(map, { overviews: new Map() });
    expect(visits()).toBeLessThanOrEqual(VISITS_PER_RECORD * records.length);
  });

  it('the PowerPoint deck', async () => {
    const records = workshop(1_000);
    const { map, visits } = counted(records);
    await buildDeck(map, { theme: 'light', overviews: new Map() });
    expect(visits()).toBeLessThanOrEqual(VISITS_PER_RECORD * records.length);
  });
});

describe('a 10,000-card workshop', () => {
  it('exports every card to CSV, each with its tags and votes', () => {
    const records = workshop(10_000);
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const rows = Papa.parse<string[]>(cardsCsv(map).slice(1).trim()).data.slice(1);
    expect(rows).toHaveLength(10_000);
    expect(new Set(rows.map((r) => r[4])).size).toBeGreaterThan(1_000);
    const tagged = (tag: string) => rows.filter((r) => r[5]!.includes(tag)).length;
    expect(tagged('tollgate:')).toBe(records.filter((r) => r.type === 'tollgate').length);
    expect(tagged('pain point:')).toBe(records.filter((r) => r.type === 'pain-point').length);
    expect(tagged('moment of truth')).toBe(records.filter((r) => r.type === 'card' && r.momentOfTruth).length);
    expect(rows.filter((r) => r[7] === '1')).toHaveLength(records.filter((r) => r.type === 'dot').length);
  });
});
