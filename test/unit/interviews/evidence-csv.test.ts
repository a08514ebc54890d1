import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { cardsCsv } from '../../../shared/exchange/cards-csv.ts';
import { evidenceIndex } from '../../../shared/interviews/evidence.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newSample } from '../../../shared/model/interview-factories.ts';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';
import { generateDetailedWorkshop } from '../../support/detailed-workshop.ts';
import { workshopWithEveryRecordType } from '../../support/full-workshop.ts';

const EVIDENCE = 6; // the "evidence count" column

const rowsOf = (csv: string) => Papa.parse<string[]>(csv.slice(1).trim()).data.slice(1);

/**
 * `interviews` interviews, each with one note per card it supports: interview k supports
 * every card whose index is a multiple of k + 1, so card 0 has them all, card 1 one, card
 * 6 three (interviews 1, 2 and 3 of 1..3)...
 */
function withInterviews(records: AnyRecord[], interviews: number): AnyRecord[] {
  const cards = records.filter((r): r is Card => r.type === 'card');
  const sample = newSample({ name: 'Sample', position: 'a0' });
  const extra: AnyRecord[] = [sample];
  for (let k = 0; k < interviews; k++) {
    const interview = newInterview({ sampleId: sample.id, code: `INT-${k + 1}`, position: `a${k}`, role: k % 2 ? 'Buyer' : 'IT security', companyCode: `Company-${k}` });
    extra.push(interview);
    cards.forEach((card, i) => {
      if (i % (k + 1) !== 0) return;
      const note = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-20T10:00:00.000Z', minutesIn: 5, text: card.text });
      extra.push(note, newNoteTag({ noteId: note.id, kind: 'card', cardId: card.id }));
    });
  }
  return [...records, ...extra];
}

describe('the evidence count in the cards CSV', () => {
  it('is the number of interviews supporting each card', async () => {
    // The fixture's one interview (INT-01) has a note that is evidence for the first card.
    const { api, records } = await workshopWithEveryRecordType();
    api.close();
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const first = records.find((r): r is Card => r.type === 'card')!;
    const rows = rowsOf(cardsCsv(map));
    expect(rows.filter((r) => r[EVIDENCE] === '1').map((r) => r[4])).toEqual([first.text]);
    expect(rows.filter((r) => r[EVIDENCE] === '0')).toHaveLength(rows.length - 1);
  });

  it('counts interviews, not notes, with worked numbers', () => {
    const records = withInterviews(generateDetailedWorkshop({ stages: 2, stepsPerStage: 2, lanes: 2, cards: 12, seed: 7 }), 3);
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const cards = records.filter((r): r is Card => r.type === 'card');
    const counts = new Map(cards.map((c) => [c.id, evidenceIndex(map).cards.get(c.id)?.interviews ?? 0]));
    // Card i is supported by the interviews k (0..2) where i is a multiple of k + 1:
    // i = 0 → 3, 1 → 1, 2 → 2, 3 → 2, 4 → 2, 5 → 1, 6 → 3, 7 → 1, 8 → 2, 9 → 2, 10 → 2, 11 → 1.
    expect(cards.map((c) => counts.get(c.id))).toEqual([3, 1, 2, 2, 2, 1, 3, 1, 2, 2, 2, 1]);
    // The CSV lists cards in map order, not creation order: compare by text.
    const byText = new Map(rowsOf(cardsCsv(map)).map((r) => [r[4], Number(r[EVIDENCE])]));
    for (const card of cards) expect(byText.get(card.text)).toBe(counts.get(card.id));
  });
});

describe('the evidence index reads each record a bounded number of times', () => {
  // Same measure as export-linearity.test.ts: a lookup by id is one visit, a walk over
  // all records is all of them. Per card-tag the index reads the tag, its note and its
  // interview; a scan per card would read cards × records.
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

  it('at 500 and at 2,000 cards, with 8 interviews', () => {
    for (const cards of [500, 2_000]) {
      const records = withInterviews(generateDetailedWorkshop({ stages: 10, stepsPerStage: 3, lanes: 12, cards, seed: cards }), 8);
      const { map, visits } = counted(records);
      cardsCsv(map);
      expect(visits()).toBeLessThanOrEqual(3 * records.length);
    }
  });
});
