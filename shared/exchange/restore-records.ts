import type { z } from 'zod';
import type { RecordType } from '../model/ids.ts';
import { agendaItemSchema, METHOD_AGENDA, type AnyRecord } from '../model/records.ts';
import { definitionOf } from '../model/record-definition.ts';
import { err, ok, type Result } from '../api/result.ts';

/**
 * Brings the records of an export made at any earlier file format version up to today's
 * (after Excalidraw's restoreElements/restoreAppState): a field a later version added is
 * filled with the default its migration gave existing rows, so importing an old export
 * gives the same records as opening the old file; what Journeyboard does not know (a
 * record type, a field) is left out; a reference to nothing that may be empty is
 * cleared. Only a record that still cannot be valid is refused, and the refusal names
 * it and says why. Pure: no clock, no randomness, never throws.
 */

/** The file format version today's records follow (CURRENT_FILE_FORMAT_VERSION; a test keeps them equal). */
export const RESTORED_FILE_FORMAT_VERSION = 8;

export interface Restored {
  records: AnyRecord[];
  /** What was left out or repaired beyond an old version's missing fields, one sentence each. */
  notes: string[];
}

type Default = { value: string | number | boolean | null; since: number };
const fill = (since: number, fields: Record<string, string | number | boolean | null>): Record<string, Default> =>
  Object.fromEntries(Object.entries(fields).map(([field, value]) => [field, { value, since }]));

/**
 * A field's value when a record has none: its column's DEFAULT in the file (NULL for a
 * column that may be empty), and the version whose migration added the column. Fields
 * not listed have no default in the file either (ids, parents, names, positions,
 * scores): without them a record cannot be made valid.
 */
export const FIELD_DEFAULTS: { readonly [T in RecordType]?: Readonly<Record<string, Default>> } = {
  workshop: { ...fill(4, { facilitator: '', sample: '' }), ...fill(7, { patternThreshold: 2 }) },
  persona: fill(2, { role: '', goals: '', needs: '', contentPreferences: '', baggage: '' }),
  journey: fill(2, { personaId: null, derivedFromId: null }),
  stage: fill(2, { owner: '' }),
  step: fill(2, { who: '', what: '', when: '', where: '', why: '', channels: '', touchpoints: '', content: '', momentOfTruth: false }),
  card: fill(2, { momentOfTruth: false }),
  kpi: fill(2, { currentValue: null, targetValue: null, unit: '' }),
  emotion: fill(2, { evoker: '' }),
  tollgate: fill(2, { buyerProcess: '', content: '', channel: '', source: '' }),
  'pain-point': fill(2, { affectedPerPeriod: null, costPerOccurrence: null, directAmount: null, experienceArea: null, owner: '' }),
  'agenda-item': fill(3, { note: '', done: false }),
  'dot-vote': fill(3, { revealed: false, closed: false }),
  interview: fill(5, { personaId: null, actualMinutes: null, startedAt: null }),
  note: fill(5, { passageId: null, startOffset: null, endOffset: null }),
  'note-tag': fill(5, { stageId: null, stepId: null, cardId: null, tagId: null, score: null }),
  rating: fill(6, { customerValue: null, businessValue: null, effort: null }),
  'plan-link': fill(6, { cardId: null, kpiId: null }),
};

interface Reference {
  field: string;
  to: RecordType;
  /** The field may be null (the file's column is nullable). */
  optional?: true;
  /** A reference to a record missing from the export is cleared, not refused (the journey's persona). */
  clearIfMissing?: true;
}

/**
 * Every field that holds another record's id, from the type's definition: its parents
 * must be in the export unless the field is empty; its references may be cleared.
 */
export function referencesOf(type: string): Reference[] {
  const definition = definitionOf(type);
  if (!definition) return [];
  const nullable = (field: string) => definition.schema.shape[field]?.safeParse(null).success === true;
  return [
    ...Object.entries(definition.references ?? {}).map(([field, to]): Reference => ({ field, to, optional: true, clearIfMissing: true })),
    ...Object.entries(definition.parents).map(([field, to]): Reference => (nullable(field) ? { field, to, optional: true } : { field, to })),
  ];
}

/** Field combinations the file holds at most once (its UNIQUE constraints), with what to call a clash. */
export const UNIQUE: { readonly [T in RecordType]?: readonly { fields: readonly string[]; what: string }[] } = {
  emotion: [{ fields: ['stepId', 'personaId'], what: 'an emotion for the same persona at the same step' }],
  tollgate: [{ fields: ['cardId'], what: 'a tollgate on the same card' }],
  'pain-point': [{ fields: ['cardId'], what: 'a pain point on the same card' }],
  'vote-option': [{ fields: ['voteId', 'cardId'], what: 'the same card in the same vote' }],
  rating: [{ fields: ['cardId'], what: 'a rating of the same card' }],
  'card-author': [{ fields: ['cardId'], what: 'an author of the same card' }],
};

// Any defined type is known, including one defined after this module was written.
const isKnownType = (value: unknown): value is RecordType => typeof value === 'string' && definitionOf(value) !== undefined;

/** A string fit for a sentence: ids from a damaged file can be anything. */
const shown = (value: string) => (value.length > 60 ? `${value.slice(0, 57)}…` : value);
const label = (index: number, id: unknown) => `Record ${index + 1}${typeof id === 'string' ? ` (${shown(id)})` : ''}`;
const refuse = (index: number, id: unknown, reason: string) => err(`${label(index, id)} is not valid: ${reason}.`);

/** How a zod issue reads in a sentence about one record. */
function describeIssue(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'unknown problem';
  const field = issue.path.map(String).join('.');
  const message = issue.message.replace(/\.$/, '');
  if (!field) return message;
  if (/^[a-z]/.test(message)) return `${field} ${message}`;
  if (/^(Invalid|Too (big|small))/.test(message)) return `${field}: ${message}`;
  return message;
}

interface Placed {
  index: number;
  record: AnyRecord;
}

/**
 * Today's records from the records of an export at `fileFormatVersion`, or the reason
 * they cannot be imported. Refuses a version newer than today's.
 */
export function restoreRecords(candidates: readonly unknown[], fileFormatVersion: number): Result<Restored, string> {
  if (!Number.isInteger(fileFormatVersion) || fileFormatVersion < 1) return err('The export does not say which file format version its records follow.');
  if (fileFormatVersion > RESTORED_FILE_FORMAT_VERSION) {
    return err('This export was made by a newer version of Journeyboard. Update Journeyboard to import it.');
  }
  const notes: string[] = [];
  const placed: Placed[] = [];
  for (const [index, candidate] of candidates.entries()) {
    const restored = restoreRecord(candidate, index, fileFormatVersion, notes);
    if (!restored.ok) return restored;
    if (restored.value) placed.push({ index, record: restored.value });
  }

  const byId = new Map<string, Placed>();
  for (const entry of placed) {
    const earlier = byId.get(entry.record.id);
    if (earlier) return err(`Record ${shown(entry.record.id)} appears twice (records ${earlier.index + 1} and ${entry.index + 1}).`);
    byId.set(entry.record.id, entry);
  }
  if (placed.filter((p) => p.record.type === 'workshop').length !== 1) return err('An export holds exactly one workshop record.');

  if (fileFormatVersion < 3) placed.push(...methodAgenda(placed, byId));

  const linked = checkReferences(placed, byId, notes);
  if (!linked.ok) return linked;
  const unique = checkUnique(placed);
  if (!unique.ok) return unique;
  return ok({ records: placed.map((p) => p.record), notes });
}

/** One record brought up to today, `null` for one left out, or the reason it cannot be valid. */
function restoreRecord(candidate: unknown, index: number, version: number, notes: string[]): Result<AnyRecord | null, string> {
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    notes.push(`${label(index, undefined)} was left out: it is not a record.`);
    return ok(null);
  }
  const raw = candidate as Record<string, unknown>;
  const id = Object.hasOwn(raw, 'id') ? raw.id : undefined;
  const declared = Object.hasOwn(raw, 'type') ? raw.type : undefined;
  let type: RecordType;
  if (isKnownType(declared)) {
    type = declared;
  } else if (typeof declared === 'string') {
    notes.push(`${label(index, id)} was left out: Journeyboard has no record type "${shown(declared)}".`);
    return ok(null);
  } else {
    // Ids carry their type (card:…), so a record that lost its type can still say what it is.
    const fromId = typeof id === 'string' ? id.slice(0, Math.max(0, id.indexOf(':'))) : undefined;
    if (!isKnownType(fromId)) {
      notes.push(`${label(index, id)} was left out: it does not say what kind of record it is.`);
      return ok(null);
    }
    type = fromId;
    notes.push(`${label(index, id)} had no type; its id says it is a ${type}.`);
  }

  const definition = definitionOf(type)!;
  const schema = definition.schema;
  const defaults = FIELD_DEFAULTS[type] ?? {};
  const flags = definition.booleans ?? [];
  const fields = Object.keys(schema.shape);
  const record: Record<string, unknown> = { type };
  for (const field of fields) {
    if (field === 'type') continue;
    let value = Object.hasOwn(raw, field) ? raw[field] : undefined;
    const fallback = defaults[field];
    if (flags.includes(field) && (value === 0 || value === 1)) value = value === 1;
    if (value === undefined || (value === null && fallback !== undefined && fallback.value !== null)) {
      if (!fallback) return refuse(index, id, `it has no ${field}`);
      // A field its version did not have is expected to be missing; one it had is repaired, and said so.
      if (fallback.since <= version) notes.push(`${label(index, id)} had no ${field}; it is now ${JSON.stringify(fallback.value)}.`);
      value = fallback.value;
    }
    record[field] = value;
  }
  const unknown = Object.keys(raw).filter((key) => key !== 'type' && !fields.includes(key));
  if (unknown.length > 0) {
    notes.push(`${label(index, id)}: left out ${unknown.length === 1 ? 'the field' : 'the fields'} ${unknown.map((k) => `"${shown(k)}"`).join(', ')}, which Journeyboard does not know.`);
  }
  const parsed = schema.safeParse(record);
  if (!parsed.success) return refuse(index, id, describeIssue(parsed.error.issues[0]));
  return ok(parsed.data as AnyRecord);
}

/** What migration 3 gives a workshop made before the agenda existed: the method's five steps. */
function methodAgenda(placed: readonly Placed[], byId: ReadonlyMap<string, Placed>): Placed[] {
  const workshop = placed.find((p) => p.record.type === 'workshop')!.record;
  const taken = new Set(byId.keys());
  return METHOD_AGENDA.map((item, i) => {
    let id = derivedId('agenda-item', `${workshop.id}/agenda/${i}`);
    for (let n = 1; taken.has(id); n++) id = derivedId('agenda-item', `${workshop.id}/agenda/${i}/${n}`);
    taken.add(id);
    const record = agendaItemSchema.parse({ id, type: 'agenda-item', position: `a${i}`, title: item.title, note: '', minutes: item.minutes, done: false });
    return { index: -1, record: record as AnyRecord };
  });
}

/** A stable id from a seed (restoring twice gives the same records): 12 base-36 characters. */
function derivedId<T extends RecordType>(type: T, seed: string): `${T}:${string}` {
  const alphabet = '0123456789abcdefghijklmnopqrstuvwxyz';
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 0x01000193);
  let suffix = '';
  for (let i = 0; i < 12; i++) {
    hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d) ^ i;
    suffix += alphabet[(hash >>> 0) % alphabet.length];
  }
  return `${type}:${suffix}`;
}

function checkReferences(placed: Placed[], byId: ReadonlyMap<string, Placed>, notes: string[]): Result<null, string> {
  for (const entry of placed) {
    for (const { field, to, clearIfMissing } of referencesOf(entry.record.type)) {
      const fields = entry.record as unknown as Record<string, unknown>;
      const target = fields[field];
      if (target === null || (typeof target === 'string' && byId.get(target)?.record.type === to)) continue;
      const what = `its ${to.replace('-', ' ')} ${shown(String(target))} is not in the export`;
      if (!clearIfMissing) return refuse(entry.index, entry.record.id, what);
      notes.push(`${label(entry.index, entry.record.id)}: ${what}, so ${field} is now empty.`);
      entry.record = { ...entry.record, [field]: null } as AnyRecord;
    }
  }
  return ok(null);
}

function checkUnique(placed: readonly Placed[]): Result<null, string> {
  for (const [type, constraints] of Object.entries(UNIQUE)) {
    for (const { fields, what } of constraints) {
      const seen = new Map<string, Placed>();
      for (const entry of placed) {
        if (entry.record.type !== type) continue;
        const key = JSON.stringify(fields.map((f) => (entry.record as unknown as Record<string, unknown>)[f]));
        const earlier = seen.get(key);
        if (earlier) return refuse(entry.index, entry.record.id, `record ${earlier.index + 1} (${shown(earlier.record.id)}) is already ${what}`);
        seen.set(key, entry);
      }
    }
  }
  return ok(null);
}
