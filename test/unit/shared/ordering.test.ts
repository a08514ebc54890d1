import { describe, expect, it } from 'vitest';
import { byPosition, positionAtIndex, positionBetween, positionsBetween } from '../../../shared/model/ordering.ts';
import { newId, recordTypeOf } from '../../../shared/model/ids.ts';

describe('ordering by fractional keys', () => {
  it('places a key between two neighbours without touching them', () => {
    const [a, b] = positionsBetween(null, null, 2) as [string, string];
    const middle = positionBetween(a, b);
    expect(a < middle && middle < b).toBe(true);
  });

  it('puts an item at any index of its sorted siblings', () => {
    const siblings = positionsBetween(null, null, 3).map((position, i) => ({ id: `card:${i}000`, position }));
    for (const index of [0, 1, 2, 3]) {
      const item = { id: 'card:new0', position: positionAtIndex(siblings, index) };
      expect(byPosition([...siblings, item]).indexOf(item)).toBe(index);
    }
  });

  it('keeps inserting at the front for a long time without keys growing out of bounds', () => {
    let first: string | null = null;
    for (let i = 0; i < 500; i++) first = positionBetween(null, first);
    expect(first!.length).toBeLessThan(128);
  });
});

describe('record ids', () => {
  it('carry their record type and are unique', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newId('card')));
    expect(ids.size).toBe(1000);
    const [one] = ids;
    expect(one).toMatch(/^card:[0-9a-z]{12}$/);
    expect(recordTypeOf(one!)).toBe('card');
    expect(recordTypeOf('macro:123')).toBeUndefined();
  });
});
