import Database from 'better-sqlite3';
import { join } from 'node:path';
import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { migrate } from '../../../electron/services/schema/migrations.ts';
import { changeSchema } from '../../../shared/change/change-schema.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { dependentsOf, journeysOf, lanesOf } from '../../../shared/model/document.ts';
import { newCard, newStage, newStep } from '../../../shared/model/record-factories.ts';
import { defineRecord, recordDefinitions } from '../../../shared/model/record-definition.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { RECORD_TYPES } from '../../../shared/model/ids.ts';
import { parseWorkshopJson, workshopToJson } from '../../../shared/exchange/workshop-json.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

describe('the record definitions', () => {
  it('name every record type once, and every table and column the migrations create', () => {
    expect(recordDefinitions().map((d) => d.type)).toEqual([...RECORD_TYPES]);
    const db = new Database(':memory:');
    migrate(db);
    for (const definition of recordDefinitions()) {
      const columns = (db.prepare(`PRAGMA table_info(${definition.table})`).all() as { name: string }[]).map((c) => c.name);
      expect(columns, `the table of ${definition.type}`).toEqual(Object.values(definition.columns).map((c) => c.replaceAll('"', '')));
    }
  });

  it('are all it takes to add a type: the file, the change validator, dependents and JSON export handle a throwaway one', () => {
    // The definition…
    const stickerSchema = z.object({
      id: z.string().regex(/^sticker:[0-9a-z]{4,32}$/),
      type: z.literal('sticker'),
      cardId: z.string().regex(/^card:[0-9a-z]{4,32}$/),
      emoji: z.string().min(1).max(8, 'A sticker is one emoji'),
    });
    defineRecord({ type: 'sticker', schema: stickerSchema, table: 'sticker', columns: { id: 'id', cardId: 'card_id', emoji: 'emoji' }, parents: { cardId: 'card' } });
    // …and its migration.
    const path = join(tempFolder(), 'Stickers.journey');
    WorkshopFile.create(path, 'Stickers', { replaceExisting: false }).close();
    const db = new Database(path);
    db.exec('CREATE TABLE sticker (id TEXT PRIMARY KEY, card_id TEXT NOT NULL REFERENCES card(id), emoji TEXT NOT NULL) STRICT');
    db.close();

    const file = WorkshopFile.open(path);
    const records = toMap(file.readRecords());
    const journey = journeysOf(records)[0]!;
    const stage = newStage({ journeyId: journey.id, name: 'Aware', position: 'a0' });
    const step = newStep({ stageId: stage.id, name: 'Sees an ad', position: 'a0' });
    const card = newCard({ stepId: step.id, laneId: lanesOf(records, journey.id)[0]!.id, text: 'Loves it', position: 'a0' });
    const sticker = { id: 'sticker:abcd1234', type: 'sticker', cardId: card.id, emoji: '🎉' } as unknown as AnyRecord;

    const change = changeFrom(records, { put: [stage, step, card, sticker] });
    expect(changeSchema.safeParse(change).success).toBe(true);
    const tooLong = changeFrom(records, { put: [{ ...sticker, emoji: "not one emoji" } as unknown as AnyRecord] });
    expect(changeSchema.safeParse(tooLong).error?.issues[0]?.message).toBe('A sticker is one emoji');

    file.applyChange(change);
    const saved = toMap(file.readRecords());
    expect(saved[sticker.id]).toEqual(sticker);
    expect(dependentsOf(saved, card.id)).toEqual([sticker]);
    expect(dependentsOf(saved, stage.id).map((r) => r.id)).toEqual([sticker.id, card.id, step.id]);

    const json = workshopToJson(Object.values(saved), file.fileFormatVersion);
    const back = parseWorkshopJson(json, file.fileFormatVersion);
    expect(back.ok && back.value.find((r) => r.id === sticker.id)).toEqual(sticker);

    file.applyChange(changeFrom(saved, { remove: [...dependentsOf(saved, card.id), card] }));
    expect(file.readRecords().some((r) => (r.type as string) === 'sticker')).toBe(false);
    file.close();
  });
});
