import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyChange, changeFrom } from '../../../shared/change/change.ts';
import { cardsIn, dependentsOf, recordsGroupedBy, recordsOfType, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { allRecords, recordCount, recordMapOf } from '../../../shared/model/record-map.ts';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';
import { generateWorkshop } from '../../support/generate-workshop.ts';

/** What the map should hold, worked out the obvious way: a plain object, copied. */
function plainApply(records: Record<string, AnyRecord>, put: AnyRecord[], remove: string[]): Record<string, AnyRecord> {
  const next = { ...records };
  for (const id of remove) delete next[id];
  for (const record of put) next[record.id] = record;
  return next;
}

const workshop = generateWorkshop({ stages: 3, stepsPerStage: 3, lanes: 4, cards: 120, seed: 7 });
const cards = workshop.filter((r): r is Card => r.type === 'card');
const steps = workshop.filter((r) => r.type === 'step').map((r) => r.id);
const lanes = workshop.filter((r) => r.type === 'lane').map((r) => r.id);

/** One edit a person could make: retype, move to another cell, delete, or add a card. */
const edit = fc.oneof(
  fc.record({ kind: fc.constant('retype' as const), card: fc.nat(cards.length - 1), text: fc.string({ maxLength: 12 }) }),
  fc.record({ kind: fc.constant('move' as const), card: fc.nat(cards.length - 1), step: fc.nat(steps.length - 1), lane: fc.nat(lanes.length - 1), position: fc.constantFrom('a0', 'a5', 'Zz', 'b1') }),
  fc.record({ kind: fc.constant('delete' as const), card: fc.nat(cards.length - 1) }),
  fc.record({ kind: fc.constant('add' as const), card: fc.nat(cards.length - 1), n: fc.nat(999) }),
);

describe('a record map made by changes', () => {
  it('holds exactly what copying a plain object would, and its indexes equal ones built from scratch', () => {
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 300 }), (edits) => {
        let map: RecordMap = recordMapOf(workshop);
        let plain: Record<string, AnyRecord> = Object.fromEntries(workshop.map((r) => [r.id, r]));
        // Read the indexes first, so every later map inherits them patched.
        recordsOfType(map, 'card');
        cardsIn(map, steps[0]!, lanes[0]!);
        recordsGroupedBy(map, 'card', 'stepId');
        for (const e of edits) {
          const base = cards[e.card]!;
          const current = map[base.id] as Card | undefined;
          let put: AnyRecord[] = [];
          let remove: string[] = [];
          if (e.kind === 'retype' && current) put = [{ ...current, text: e.text }];
          if (e.kind === 'move' && current) put = [{ ...current, stepId: steps[e.step]!, laneId: lanes[e.lane]!, position: e.position }];
          if (e.kind === 'delete' && current) remove = [current.id];
          if (e.kind === 'add') put = [{ ...base, id: `card:added${e.n}`, text: `new ${e.n}` }];
          const change = changeFrom(map, { put, remove: remove.map((id) => map[id]!) });
          map = applyChange(map, change);
          plain = plainApply(plain, put, remove);
        }
        expect(Object.keys(map).sort()).toEqual(Object.keys(plain).sort());
        expect(recordCount(map)).toBe(Object.keys(plain).length);
        for (const [id, record] of Object.entries(plain)) expect(map[id]).toBe(record);
        expect(new Set(allRecords(map))).toEqual(new Set(Object.values(plain)));

        const fresh = recordMapOf(Object.values(plain));
        expect(new Set(recordsOfType(map, 'card'))).toEqual(new Set(recordsOfType(fresh, 'card')));
        for (const step of steps) for (const lane of lanes) expect(cardsIn(map, step, lane)).toEqual(cardsIn(fresh, step, lane));
        for (const step of steps) expect(new Set(recordsGroupedBy(map, 'card', 'stepId').get(step) ?? [])).toEqual(new Set(recordsGroupedBy(fresh, 'card', 'stepId').get(step) ?? []));
      }),
      { numRuns: 60, seed: 20261123 },
    );
  });

  it('shares the records it did not touch with the map it came from', () => {
    const before = recordMapOf(workshop);
    const card = cards[5]!;
    const after = applyChange(before, changeFrom(before, { put: [{ ...card, text: 'changed' }] }));
    expect(after[cards[6]!.id]).toBe(before[cards[6]!.id]);
    expect((after[card.id] as Card).text).toBe('changed');
    expect((before[card.id] as Card).text).toBe(card.text);
  });

  it('refuses to be written to, so nobody changes a state that undo relies on', () => {
    const map = recordMapOf(workshop) as Record<string, AnyRecord>;
    expect(() => {
      map[cards[0]!.id] = cards[1]!;
    }).toThrow(/never changed/);
    expect(() => delete map[cards[0]!.id]).toThrow(/never changed/);
  });

  it('reads like a plain object: spread, `in`, JSON and iteration', () => {
    const map = recordMapOf(workshop);
    expect(cards[0]!.id in map).toBe(true);
    expect('card:nothing' in map).toBe(false);
    expect(Object.keys({ ...map }).length).toBe(workshop.length);
    expect(Object.keys(JSON.parse(JSON.stringify(map))).length).toBe(workshop.length);
    expect(Object.entries(map).every(([id, record]) => record.id === id)).toBe(true);
  });

  it('finds what goes with a stage after many commits as it did before them', () => {
    let map = recordMapOf(workshop);
    const stage = workshop.find((r) => r.type === 'stage')!;
    const before = dependentsOf(map, stage.id).map((r) => r.id).sort();
    for (let i = 0; i < 200; i++) {
      const card = cards[i % cards.length]!;
      map = applyChange(map, changeFrom(map, { put: [{ ...(map[card.id] as Card), text: `edit ${i}` }] }));
    }
    expect(dependentsOf(map, stage.id).map((r) => r.id).sort()).toEqual(before);
    expect(stepsOf(map, stage.id).length).toBe(3);
  });
});
