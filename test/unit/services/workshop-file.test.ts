import Database from 'better-sqlite3';
import { copyFileSync, existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { changeFrom, type Change } from '../../../shared/change/change.ts';
import { newId } from '../../../shared/model/ids.ts';
import { newCard, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { lanesOf, journeysOf } from '../../../shared/model/document.ts';
import type { AnyRecord, Card, Stage, Step } from '../../../shared/model/records.ts';
import { makeRefusableFiles, tempFolder } from '../../support/workshop-fixtures.ts';

const toMap = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));
const sorted = (records: AnyRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

function mapWithOneCard(file: WorkshopFile) {
  const records = toMap(file.readRecords());
  const journey = journeysOf(records)[0]!;
  const lane = lanesOf(records, journey.id)[0]!;
  const stage = newStage({ journeyId: journey.id, name: 'Aware', position: 'a0' });
  const step = newStep({ stageId: stage.id, name: 'Sees an ad', position: 'a0' });
  const card = newCard({ stepId: step.id, laneId: lane.id, text: 'Searches "CRM for small teams"', position: 'a0' });
  const change = changeFrom(records, { put: [stage, step, card] });
  return { records, journey, lane, stage, step, card, change };
}

describe('a workshop file', () => {
  it('is created whole, with no temporary file left behind, and reopens with the same records', () => {
    const folder = tempFolder();
    const path = join(folder, 'nested', 'Onboarding.journey');
    const file = WorkshopFile.create(path, 'Onboarding 2026', { replaceExisting: false });
    const records = file.readRecords();
    expect(file.workshopName()).toBe('Onboarding 2026');
    file.close();
    expect(readdirSync(join(folder, 'nested'))).toEqual(['Onboarding.journey']);
    const again = WorkshopFile.open(path);
    expect(sorted(again.readRecords())).toEqual(sorted(records));
    again.close();
  });

  it('keeps every change across close and reopen: add, update, move and delete with dependents', () => {
    const path = join(tempFolder(), 'map.journey');
    const file = WorkshopFile.create(path, 'Map', { replaceExisting: false });
    const { records, stage, step, card, lane, change } = mapWithOneCard(file);
    file.applyChange(change);
    let now = { ...records, ...change.added };

    const secondStep: Step = { ...step, id: newId('step'), name: 'Reads reviews', position: 'a1' };
    const moved: Card = { ...card, stepId: secondStep.id, text: 'Compares three vendors' };
    const move = changeFrom(now, { put: [secondStep, moved] });
    file.applyChange(move);
    now = { ...now, [secondStep.id]: secondStep, [card.id]: moved };
    file.close();

    const reopened = WorkshopFile.open(path);
    expect(sorted(reopened.readRecords())).toEqual(sorted(Object.values(now)));

    const removeStage = changeFrom(now, { remove: [moved, secondStep, step, stage] });
    reopened.applyChange(removeStage);
    expect(reopened.readRecords().some((r) => r.type === 'stage' || r.type === 'card')).toBe(false);
    expect(reopened.readRecords().some((r) => r.id === lane.id)).toBe(true);
    reopened.close();
  });

  it('refuses an incomplete change whole: a card left without its step, and nothing is written', () => {
    const path = join(tempFolder(), 'map.journey');
    const file = WorkshopFile.create(path, 'Map', { replaceExisting: false });
    const { change, step, card, records } = mapWithOneCard(file);
    file.applyChange(change);
    const before = file.readRecords();
    const all = { ...records, ...change.added };
    const onlyStep = changeFrom(all, { remove: [step], put: [{ ...card, text: 'edited in the same change' }] });
    expect(() => file.applyChange(onlyStep)).toThrow(/would leave a card without its step/);
    expect(sorted(file.readRecords())).toEqual(sorted(before));
    file.close();
  });

  it('refuses to update or remove a record that is not in the file, and to add one twice', () => {
    const file = WorkshopFile.create(join(tempFolder(), 'map.journey'), 'Map', { replaceExisting: false });
    const { change, stage } = mapWithOneCard(file);
    file.applyChange(change);
    const ghost: Stage = { ...stage, id: newId('stage') };
    const update: Change = { added: {}, updated: { [ghost.id]: [ghost, { ...ghost, name: 'x' }] }, removed: {} };
    expect(() => file.applyChange(update)).toThrow(/not in the file/);
    expect(() => file.applyChange({ added: {}, updated: {}, removed: { [ghost.id]: ghost } })).toThrow(/not in the file/);
    expect(() => file.applyChange({ added: { [stage.id]: stage }, updated: {}, removed: {} })).toThrow(/already in the file/);
    file.close();
  });

  it('is opened once per process', () => {
    const path = join(tempFolder(), 'map.journey');
    const file = WorkshopFile.create(path, 'Map', { replaceExisting: false });
    expect(() => WorkshopFile.open(path)).toThrow(/already open/);
    file.close();
    WorkshopFile.open(path).close();
  });

  it('does not replace an existing file unless the user confirmed it', () => {
    const path = join(tempFolder(), 'map.journey');
    WorkshopFile.create(path, 'First', { replaceExisting: false }).close();
    expect(() => WorkshopFile.create(path, 'Second', { replaceExisting: false })).toThrow(/already a file/);
    const replaced = WorkshopFile.create(path, 'Second', { replaceExisting: true });
    expect(replaced.workshopName()).toBe('Second');
    replaced.close();
  });

  it('recovers the last complete state when a crash left a hot journal beside the file', () => {
    const folder = tempFolder();
    const path = join(folder, 'map.journey');
    const file = WorkshopFile.create(path, 'Map', { replaceExisting: false });
    const { change } = mapWithOneCard(file);
    file.applyChange(change);
    const committed = sorted(file.readRecords());
    file.close();

    // Simulate a crash mid-transaction: keep the journal and the half-written database.
    const db = new Database(path);
    db.pragma('journal_mode = DELETE');
    db.exec('PRAGMA cache_size = 1; BEGIN');
    db.exec("DELETE FROM card; UPDATE workshop SET name = 'half-written'");
    for (let i = 0; i < 200; i++) db.prepare("INSERT INTO workshop (id, name, created_at) VALUES (?, 'x', 'y')").run(`workshop:pad${i}`);
    copyFileSync(`${path}-journal`, join(folder, 'saved-journal'));
    copyFileSync(path, join(folder, 'saved-db'));
    db.exec('ROLLBACK');
    db.close();
    copyFileSync(join(folder, 'saved-db'), path);
    copyFileSync(join(folder, 'saved-journal'), `${path}-journal`);

    const recovered = WorkshopFile.open(path);
    expect(sorted(recovered.readRecords())).toEqual(committed);
    recovered.close();
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('saves one edit in a 10,000-card workshop by touching that one row', () => {
    const path = join(tempFolder(), 'big.journey');
    const file = WorkshopFile.create(path, 'Big', { replaceExisting: false });
    const { change, card, step, lane } = mapWithOneCard(file);
    const cards: Card[] = Array.from({ length: 10_000 }, (_, i) => ({ ...card, id: newId('card'), position: `a${i}`, stepId: step.id, laneId: lane.id }));
    file.applyChange({ ...change, added: { ...change.added, ...Object.fromEntries(cards.map((c) => [c.id, c])) } });
    file.close();

    // Count every row written to card from here on, whatever the statement.
    const db = new Database(path);
    db.exec(`CREATE TABLE card_writes (card_id TEXT);
      CREATE TRIGGER card_inserted AFTER INSERT ON card BEGIN INSERT INTO card_writes VALUES (NEW.id); END;
      CREATE TRIGGER card_updated AFTER UPDATE ON card BEGIN INSERT INTO card_writes VALUES (NEW.id); END;
      CREATE TRIGGER card_deleted AFTER DELETE ON card BEGIN INSERT INTO card_writes VALUES (OLD.id); END;`);
    db.close();
    const reopened = WorkshopFile.open(path);
    const target = cards[5000]!;
    reopened.applyChange({ added: {}, removed: {}, updated: { [target.id]: [target, { ...target, text: 'Calls support twice' }] } });
    reopened.close();

    const check = new Database(path, { readonly: true });
    expect(check.prepare('SELECT card_id FROM card_writes').all()).toEqual([{ card_id: target.id }]);
    expect(check.prepare('SELECT count(*) AS n FROM card WHERE text = ?').get('Calls support twice')).toEqual({ n: 1 });
    expect(check.prepare('SELECT count(*) AS n FROM card').get()).toEqual({ n: 10_001 });
    check.close();
  });

  it('shows its cards in readable columns to the sqlite3 shell', () => {
    const path = join(tempFolder(), 'map.journey');
    const file = WorkshopFile.create(path, 'Map', { replaceExisting: false });
    const { change, card } = mapWithOneCard(file);
    file.applyChange(change);
    file.close();
    const db = new Database(path, { readonly: true });
    expect(db.prepare('SELECT * FROM card').all()).toEqual([
      { id: card.id, step_id: card.stepId, lane_id: card.laneId, position: 'a0', text: card.text, moment_of_truth: 0 },
    ]);
    db.close();
  });
});

describe('files that are not workshops this version can open', () => {
  const folder = tempFolder();
  const files = makeRefusableFiles(folder);
  const cases: [string, string, RegExp, string][] = [
    ['a text file', files.text, /not a Journeyboard workshop/, 'not-a-workshop'],
    ['an empty file', files.empty, /is empty/, 'not-a-workshop'],
    ["another program's database", files.otherProgram, /database from another program/, 'not-a-workshop'],
    ['a file from a newer version', files.newer, /newer version of Journeyboard/, 'newer-version'],
    ['a damaged (truncated) workshop', files.damaged, /damaged/, 'damaged'],
  ];

  it.each(cases)('refuses %s with a plain reason and leaves every byte as it was', (_what, path, message, code) => {
    const before = readFileSync(path);
    let thrown: unknown;
    try {
      WorkshopFile.open(path).close();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toMatchObject({ code, message: expect.stringMatching(message) });
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(false);
  });

  it('says plainly when the file is gone', () => {
    expect(() => WorkshopFile.open(join(folder, 'moved.journey'))).toThrow(/could not be found/);
  });

  it('refuses a workshop whose pages are garbage', () => {
    const path = join(folder, 'garbage.journey');
    const file = WorkshopFile.create(path, 'Garbage', { replaceExisting: false });
    file.close();
    const bytes = readFileSync(path);
    for (let i = 4096 + 16; i < bytes.length; i++) bytes[i] = (i * 7919) & 0xff;
    writeFileSync(path, bytes);
    const before = readFileSync(path);
    expect(() => WorkshopFile.open(path)).toThrow(/damaged/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
