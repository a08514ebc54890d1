import Database from 'better-sqlite3';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRENT_FILE_FORMAT_VERSION, migrate } from '../../../electron/services/schema/migrations.ts';
import { FIELD_DEFAULTS, referencesOf, RESTORED_FILE_FORMAT_VERSION, UNIQUE, restoreRecords, type Restored } from '../../../shared/exchange/restore-records.ts';
import { parseWorkshopJson, sortRecords } from '../../../shared/exchange/workshop-json.ts';
import { RECORD_TYPES, type RecordType } from '../../../shared/model/ids.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Result } from '../../../shared/api/result.ts';
import { recordDefinitions } from '../../../shared/model/record-definition.ts';
import { fuzzOptions } from '../fuzz/fuzz-runs.ts';

const fixtures = fileURLToPath(new URL('../../fixtures/exports/', import.meta.url));
type Raw = Record<string, unknown>;
const exportOf = (version: number) => JSON.parse(readFileSync(`${fixtures}workshop-v${version}.json`, 'utf8')) as { fileFormatVersion: number; records: Raw[] };
const VERSIONS = [1, 2, 3, 4] as const;

// Every type's schema, from the definitions the app itself uses.
const SCHEMAS = Object.fromEntries(recordDefinitions().map((d) => [d.type, d.schema])) as unknown as Record<RecordType, { shape: Record<string, unknown>; safeParse(value: unknown): { success: boolean } }>;

function restored(records: readonly unknown[], version: number): Restored {
  const result = restoreRecords(records, version);
  if (!result.ok) throw new Error(result.error);
  return result.value;
}

function refusal(records: readonly unknown[], version: number): string {
  const result = restoreRecords(records, version);
  if (result.ok) throw new Error('expected a refusal');
  return result.error;
}

const first = (records: Raw[], type: string) => records.find((r) => r.type === type)!;
const replace = (records: Raw[], target: Raw, next: Raw | null) => records.flatMap((r) => (r === target ? (next ? [next] : []) : [r]));

describe('restoring the records of an export', () => {
  it('fills a field an old version did not have with the default its migration gave, and says nothing about it', () => {
    const { records } = exportOf(1);
    const result = restored(records, 1);
    expect(result.notes).toEqual([]);
    const card = result.records.find((r) => r.type === 'card')!;
    expect(card).toMatchObject({ momentOfTruth: false });
    // The same field missing from an export whose version had it is repaired, and said so.
    const v2 = exportOf(2).records;
    const stage = first(v2, 'stage');
    const { owner: _owner, ...ownerless } = stage;
    const repaired = restored(replace(v2, stage, ownerless), 2);
    expect(repaired.records.find((r) => r.id === stage.id)).toMatchObject({ owner: '' });
    expect(repaired.notes).toEqual([expect.stringMatching(new RegExp(`\\(${stage.id}\\) had no owner; it is now ""`))]);
  });

  it('reads flags written as 0/1, and null where an empty text belongs, without losing anything', () => {
    const { records } = exportOf(4);
    const step = first(records, 'step');
    const result = restored(replace(records, step, { ...step, momentOfTruth: 1, who: null }), 4);
    expect(result.records.find((r) => r.id === step.id)).toMatchObject({ momentOfTruth: true, who: '' });
  });

  it('leaves out record types and fields it does not know, and says so', () => {
    const { records } = exportOf(4);
    const card = first(records, 'card');
    const result = restored([...replace(records, card, { ...card, colour: 'red', __proto__x: 1 }), { id: 'sticker:abcd1234', type: 'sticker', text: 'hi' }, null, 7, 'card'], 4);
    expect(sortRecords(result.records)).toEqual(sortRecords(restored(records, 4).records));
    expect(result.records.find((r) => r.id === card.id)).not.toHaveProperty('colour');
    expect(result.notes.join('\n')).toMatch(/left out the fields "colour", "__proto__x"/);
    expect(result.notes.join('\n')).toMatch(/\(sticker:abcd1234\) was left out: Journeyboard has no record type "sticker"/);
    expect(result.notes.filter((n) => /is not a record/.test(n))).toHaveLength(3);
  });

  it('takes the type of a record that lost it from its id', () => {
    const { records } = exportOf(3);
    const lane = first(records, 'lane');
    const { type: _type, ...typeless } = lane;
    const result = restored(replace(records, lane, typeless), 3);
    expect(result.records.find((r) => r.id === lane.id)).toMatchObject({ type: 'lane' });
    expect(result.notes).toEqual([expect.stringMatching(/had no type; its id says it is a lane/)]);
  });

  it('clears a reference that may be empty when it points at nothing, and says so', () => {
    const { records } = exportOf(2);
    const journey = records.find((r) => r.type === 'journey' && r.personaId !== null)!;
    const result = restored(replace(records, journey, { ...journey, personaId: 'persona:gone0000' }), 2);
    expect(result.records.find((r) => r.id === journey.id)).toMatchObject({ personaId: null });
    expect(result.notes).toEqual([expect.stringMatching(/journey.*its persona persona:gone0000 is not in the export, so personaId is now empty/)]);
  });

  it('refuses, naming the record and why, what cannot be made valid', () => {
    const { records } = exportOf(4);
    const index = (r: Raw) => records.indexOf(r) + 1;
    const card = first(records, 'card');
    const step = first(records, 'step');
    const emotion = first(records, 'emotion');
    const cases: [Raw[], RegExp][] = [
      [replace(records, card, { ...card, stepId: 'step:missing1' }), new RegExp(`^Record ${index(card)} \\(${card.id}\\) is not valid: its step step:missing1 is not in the export\\.$`)],
      [replace(records, card, { ...card, text: 'x'.repeat(LIMITS.cardTextLength + 1) }), new RegExp(`^Record ${index(card)} \\(${card.id}\\) is not valid: A card can hold at most ${LIMITS.cardTextLength} characters\\.$`)],
      [replace(records, card, { ...card, text: undefined }), new RegExp(`^Record ${index(card)} \\(${card.id}\\) is not valid: it has no text\\.$`)],
      [replace(records, step, { ...step, position: 'not a key!' }), new RegExp(`\\(${step.id}\\) is not valid: position must be an ordering key\\.$`)],
      [replace(records, step, { ...step, who: 42 }), new RegExp(`\\(${step.id}\\) is not valid: who: Invalid input: expected string, received number\\.$`)],
      [replace(records, emotion, { ...emotion, score: 9 }), /\(emotion:[^)]+\) is not valid: An emotion is a whole number from -3 to \+3\.$/],
      [[...records, { ...emotion, id: 'emotion:twin0000' }], /^Record \d+ \(emotion:twin0000\) is not valid: record \d+ \(emotion:[^)]+\) is already an emotion for the same persona at the same step\.$/],
      [[...records, { ...card }], new RegExp(`^Record ${card.id} appears twice \\(records ${index(card)} and ${records.length + 1}\\)\\.$`)],
      [records.filter((r) => r.type !== 'workshop'), /exactly one workshop/],
    ];
    for (const [damaged, message] of cases) expect(refusal(damaged, 4)).toMatch(message);
  });

  it('refuses a file format version newer than today’s, here and through parseWorkshopJson', () => {
    const document = exportOf(4);
    expect(refusal(document.records, RESTORED_FILE_FORMAT_VERSION + 1)).toMatch(/newer version of Journeyboard/);
    const newer = JSON.stringify({ ...document, fileFormatVersion: CURRENT_FILE_FORMAT_VERSION + 1 });
    expect(parseWorkshopJson(newer, CURRENT_FILE_FORMAT_VERSION)).toEqual({ ok: false, error: expect.stringMatching(/newer version of Journeyboard/) });
  });
});

describe('restore agrees with the file', () => {
  const columnOf = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
  const tableOf = (type: string) => type.replaceAll('-', '_');
  const fileAt = (version: number) => {
    const db = new Database(':memory:');
    migrate(db, version);
    return db;
  };
  interface Column {
    name: string;
    notnull: number;
    dflt_value: string | null;
    pk: number;
  }

  it('restores up to the version the file is at today', () => {
    expect(RESTORED_FILE_FORMAT_VERSION).toBe(CURRENT_FILE_FORMAT_VERSION);
  });

  it('gives each field the default its column has, from the migration that added it', () => {
    const files = Array.from({ length: CURRENT_FILE_FORMAT_VERSION }, (_, i) => fileAt(i + 1));
    const today = files.at(-1)!;
    for (const type of RECORD_TYPES) {
      const columns = today.pragma(`table_info(${tableOf(type)})`) as Column[];
      for (const field of Object.keys(SCHEMAS[type].shape).filter((f) => f !== 'type')) {
        const column = columns.find((c) => c.name === columnOf(field));
        expect(column, `${type}.${field}`).toBeDefined();
        const fallback = FIELD_DEFAULTS[type]?.[field];
        if (column!.pk || (column!.notnull && column!.dflt_value === null)) {
          expect(fallback, `${type}.${field} has no default in the file`).toBeUndefined();
          continue;
        }
        const expected = column!.dflt_value === null ? null : column!.dflt_value === "''" ? '' : column!.dflt_value === '0' ? false : /^\d+$/.test(column!.dflt_value) ? Number(column!.dflt_value) : column!.dflt_value;
        expect(fallback?.value, `${type}.${field}`).toBe(expected);
        const since = files.findIndex((db) => (db.pragma(`table_info(${tableOf(type)})`) as Column[]).some((c) => c.name === columnOf(field))) + 1;
        expect(fallback?.since, `${type}.${field} was added at`).toBe(since);
      }
    }
    for (const db of files) db.close();
  });

  it('checks the references and unique pairs the file checks, no more and no fewer', () => {
    const db = fileAt(CURRENT_FILE_FORMAT_VERSION);
    for (const type of RECORD_TYPES) {
      const table = tableOf(type);
      const columns = db.pragma(`table_info(${table})`) as Column[];
      const keys = (db.pragma(`foreign_key_list(${table})`) as { table: string; from: string }[]).map((k) => ({
        column: k.from,
        table: k.table,
        optional: columns.find((c) => c.name === k.from)!.notnull === 0,
      }));
      const ours = referencesOf(type).map((r) => ({ column: columnOf(r.field), table: tableOf(r.to), optional: r.optional === true }));
      expect(sortBy(ours), `${type} references`).toEqual(sortBy(keys));
      const indexes = (db.pragma(`index_list(${table})`) as { name: string; unique: number; origin: string }[]).filter((i) => i.unique && i.origin === 'u');
      const unique = indexes.map((i) => (db.pragma(`index_info(${i.name})`) as { name: string }[]).map((c) => c.name).join(','));
      const ourUnique = (UNIQUE[type] ?? []).map((u) => u.fields.map(columnOf).join(','));
      expect(ourUnique.sort(), `${type} unique`).toEqual(unique.sort());
    }
    db.close();
  });
});

function sortBy<T extends { column: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.column.localeCompare(b.column));
}

/** What any restore must give: valid, complete records, or one sentence that names a record. */
function expectValidOrNamed(result: Result<Restored, string>) {
  if (!result.ok) {
    expect(result.error).toMatch(/^(Record \d+( \(.*?\))? is not valid: .+\.|Record .+ appears twice \(records \d+ and \d+\)\.|An export holds exactly one workshop record\.)$/s);
    return;
  }
  const ids = new Set<string>(result.value.records.map((r) => r.id));
  expect(ids.size).toBe(result.value.records.length);
  expect(result.value.records.filter((r) => r.type === 'workshop')).toHaveLength(1);
  for (const record of result.value.records) {
    expect(SCHEMAS[record.type].safeParse(record).success, JSON.stringify(record)).toBe(true);
    for (const [field, value] of Object.entries(record)) {
      if (field.endsWith('Id') && value !== null) expect(ids.has(value as string), `${record.id}.${field}`).toBe(true);
    }
  }
}

describe('restore under damaged input (property)', () => {
  const FIELDS = [...new Set(Object.values(SCHEMAS).flatMap((s) => Object.keys(s.shape))), 'extra', '__proto__', 'constructor'];
  const value = fc.oneof(fc.anything({ maxDepth: 2 }), fc.constant(undefined), fc.constant(null), fc.constantFrom(0, 1, '', 'card:abcd1234', 'x'.repeat(4001)));
  const damage = fc.record({ record: fc.nat(), field: fc.constantFrom(...FIELDS), value, remove: fc.boolean() });

  it.each(VERSIONS)('any fields of any v%i records set to anything, or removed: never throws, valid records or a refusal naming one', (version) => {
    const document = exportOf(version);
    fc.assert(
      fc.property(fc.array(damage, { minLength: 1, maxLength: 4 }), (damages) => {
        const records = structuredClone(document.records);
        for (const { record, field, value, remove } of damages) {
          const target = records[record % records.length]!;
          if (remove) delete target[field];
          else Object.defineProperty(target, field, { value, enumerable: true, writable: true, configurable: true });
        }
        let result: Result<Restored, string> | undefined;
        expect(() => (result = restoreRecords(records, version))).not.toThrow();
        expectValidOrNamed(result!);
      }),
      fuzzOptions(),
    );
  });

  it('unknown fields and unknown record types change nothing but the notes', () => {
    const document = exportOf(3);
    const clean = restored(document.records, 3).records;
    const extraField = fc.record({ record: fc.nat(), key: fc.string({ minLength: 1, maxLength: 12 }).filter((k) => !(k in SCHEMAS.card.shape) && !FIELDS.includes(k)), value: fc.jsonValue() });
    const unknownRecord = fc.record({
      type: fc.string({ minLength: 1, maxLength: 12 }).filter((t) => !(RECORD_TYPES as readonly string[]).includes(t)),
      id: fc.string({ maxLength: 20 }),
      text: fc.string(),
    });
    fc.assert(
      fc.property(fc.array(extraField, { maxLength: 5 }), fc.array(unknownRecord, { maxLength: 3 }), (fields, unknown) => {
        const records: unknown[] = structuredClone(document.records);
        for (const { record, key, value } of fields) {
          Object.defineProperty(records[record % records.length] as object, key, { value, enumerable: true, writable: true, configurable: true });
        }
        records.push(...unknown);
        const result = restoreRecords(records, 3);
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect(sortRecords(result.value.records)).toEqual(sortRecords(clean));
        expect(result.value.notes.length).toBeGreaterThanOrEqual(unknown.length);
      }),
      fuzzOptions(),
    );
  });

  it('whatever the input and version, restoring never throws', () => {
    fc.assert(
      fc.property(fc.array(fc.anything({ maxDepth: 3 }), { maxLength: 8 }), fc.oneof(fc.integer({ min: -2, max: 7 }), fc.double()), (records, version) => {
        let result: Result<Restored, string> | undefined;
        expect(() => (result = restoreRecords(records, version))).not.toThrow();
        expect(typeof result!.ok).toBe('boolean');
      }),
      fuzzOptions(),
    );
  });

  it('an old export missing whole records is refused on the records that needed them, or restored valid', () => {
    const document = exportOf(2);
    fc.assert(
      fc.property(fc.uniqueArray(fc.nat({ max: document.records.length - 1 }), { maxLength: 6 }), (dropped) => {
        const records = document.records.filter((_, i) => !dropped.includes(i));
        expectValidOrNamed(restoreRecords(records, 2));
      }),
      fuzzOptions(),
    );
  });
});
