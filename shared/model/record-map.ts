import type { AnyRecord } from './records.ts';

/** The whole workshop in memory: every record by id. Never changed once made. */
export type RecordMap = Readonly<Record<string, AnyRecord>>;

/**
 * A record map that shares its records with the map it was made from. A commit at
 * 10,000 cards must not copy 10,000 entries (about 5 ms for a plain object), so each
 * map is a large `base` shared by a run of maps plus a small `overlay` of what changed
 * since. Every ~COMPACT_AT changes the overlay is folded into a new base, a Map copy
 * that costs well under a millisecond and is spread over the changes that led to it.
 *
 * Readers keep the plain-object interface (`records[id]`, `Object.values(records)`) by
 * way of a read-only Proxy, so none of the code that reads records needs to know;
 * writes throw, which the plain object never did.
 */
interface Layers {
  readonly base: ReadonlyMap<string, AnyRecord>;
  /** `null` marks a record removed since the base was made. */
  readonly overlay: ReadonlyMap<string, AnyRecord | null>;
  readonly size: number;
  /** Filled on first use: the map's records in order, and their ids. */
  values?: readonly AnyRecord[];
  keys?: string[];
}

const COMPACT_AT = 128;
const layersByMap = new WeakMap<object, Layers>();

function lookup(layers: Layers, id: string): AnyRecord | undefined {
  const over = layers.overlay.get(id);
  if (over !== undefined) return over ?? undefined;
  return layers.base.get(id);
}

function valuesOf(layers: Layers): readonly AnyRecord[] {
  if (layers.values) return layers.values;
  const out: AnyRecord[] = [];
  for (const [id, record] of layers.base) {
    const over = layers.overlay.get(id);
    if (over === undefined) out.push(record);
    else if (over !== null) out.push(over);
  }
  for (const [id, record] of layers.overlay) if (record !== null && !layers.base.has(id)) out.push(record);
  return (layers.values = out);
}

function keysOf(layers: Layers): string[] {
  return (layers.keys ??= valuesOf(layers).map((record) => record.id));
}

function refuseWrite(): never {
  throw new TypeError('A record map is never changed: apply a Change to get the next one.');
}

function mapOf(layers: Layers): RecordMap {
  // The target is an empty plain object so that what is not a record id (`constructor`,
  // `toString`, the prototype) answers as it would on a plain object.
  const view = new Proxy({} as Record<string, AnyRecord>, {
    get: (target, key) => (typeof key === 'string' ? lookup(layers, key) : undefined) ?? Reflect.get(target, key),
    has: (_target, key) => typeof key === 'string' && lookup(layers, key) !== undefined,
    ownKeys: () => keysOf(layers),
    getOwnPropertyDescriptor: (_target, key) => {
      const value = typeof key === 'string' ? lookup(layers, key) : undefined;
      return value === undefined ? undefined : { value, enumerable: true, configurable: true, writable: false };
    },
    set: refuseWrite,
    deleteProperty: refuseWrite,
    defineProperty: refuseWrite,
    setPrototypeOf: refuseWrite,
  });
  layersByMap.set(view, layers);
  return view;
}

/** A record map holding these records (the last one wins on a repeated id). */
export function recordMapOf(records: Iterable<AnyRecord>): RecordMap {
  const base = new Map<string, AnyRecord>();
  for (const record of records) base.set(record.id, record);
  return mapOf({ base, overlay: new Map(), size: base.size });
}

function layersFor(records: RecordMap): Layers {
  const known = layersByMap.get(records);
  if (known) return known;
  // A plain object (a test, a slice built by hand): taken in once, shared from then on.
  const base = new Map(Object.entries(records));
  return { base, overlay: new Map(), size: base.size };
}

/**
 * The next map: `records` without `removed`, with `put` added or replaced. Costs the
 * size of the change plus the overlay carried, not the size of the workshop.
 */
export function withRecords(records: RecordMap, put: Iterable<AnyRecord>, removed: Iterable<string>): RecordMap {
  const layers = layersFor(records);
  const overlay = new Map(layers.overlay);
  const next = { base: layers.base, overlay, size: layers.size };
  let size = layers.size;
  for (const id of removed) {
    if (lookup(next, id) === undefined) continue;
    if (layers.base.has(id)) overlay.set(id, null);
    else overlay.delete(id);
    size--;
  }
  for (const record of put) {
    if (lookup(next, record.id) === undefined) size++;
    overlay.set(record.id, record);
  }
  if (overlay.size < COMPACT_AT) return mapOf({ base: layers.base, overlay, size });
  const base = new Map(layers.base);
  for (const [id, record] of overlay) {
    if (record === null) base.delete(id);
    else base.set(id, record);
  }
  return mapOf({ base, overlay: new Map(), size: base.size });
}

/**
 * Every record of the map, in a stable order, read once per map. Faster than
 * `Object.values` on any record map (a plain object of 10,000 ids is a dictionary that
 * V8 copies slowly); callers must not change the array.
 */
export function allRecords(records: RecordMap): readonly AnyRecord[] {
  const layers = layersByMap.get(records);
  return layers ? valuesOf(layers) : Object.values(records);
}

/** How many records the map holds, without listing them. */
export function recordCount(records: RecordMap): number {
  return layersByMap.get(records)?.size ?? Object.keys(records).length;
}
