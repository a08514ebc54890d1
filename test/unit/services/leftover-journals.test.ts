import Database from 'better-sqlite3';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { journeysOf, lanesOf } from '../../../shared/model/document.ts';
import { newCard, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

function addCards(path: string, texts: string[]): void {
  const file = WorkshopFile.open(path);
  const records = toMap(file.readRecords());
  const journey = journeysOf(records)[0]!;
  const lane = lanesOf(records, journey.id)[0]!;
  const stage = newStage({ journeyId: journey.id, name: 'Aware', position: 'a0' });
  const step = newStep({ stageId: stage.id, name: 'Sees an ad', position: 'a0' });
  file.applyChange(changeFrom(records, { put: [stage, step] }));
  for (const [i, text] of texts.entries()) {
    file.applyChange(changeFrom(toMap(file.readRecords()), { put: [newCard({ stepId: step.id, laneId: lane.id, text, position: `a${i}` })] }));
  }
  file.close();
}

/**
 * The journal a save leaves when the app dies in the middle of it: a transaction that
 * touches page 1 (a new table) and spills pages to the file before it ends.
 */
function crashJournalOf(path: string): Buffer {
  const db = new Database(path);
  db.exec('PRAGMA cache_size = 1; BEGIN');
  db.exec('CREATE TABLE scratch (x TEXT)');
  for (let i = 0; i < 300; i++) db.prepare('INSERT INTO scratch VALUES (?)').run(randomBytes(64).toString('hex'));
  const journal = readFileSync(`${path}-journal`);
  db.exec('ROLLBACK');
  db.close();
  return journal;
}

function openAndReport(path: string): { notice: string; keptAs: string | undefined; records: AnyRecord[] } {
  const file = WorkshopFile.open(path, { recoveryFolder: join(tempFolder(), 'recovery') });
  const records = file.readRecords();
  const notice = file.notices.join(' ');
  file.close();
  return { notice, keptAs: /kept as (\S+?)\.(?: |$)/.exec(notice)?.[1], records };
}

describe('a workshop opened beside a leftover journal that is not its own', () => {
  it('is left byte for byte as it was when the journal is from a newer state of the same workshop (the backup case)', () => {
    const folder = tempFolder();
    const path = join(folder, 'Onboarding.journey');
    WorkshopFile.create(path, 'Onboarding', { replaceExisting: false }).close();
    addCards(path, ['Signs the contract']);
    const backup = readFileSync(path);
    addCards(path, ['Calls support', 'Gets the first invoice', 'Asks for a refund']);
    const journal = crashJournalOf(path);

    // The facilitator copies yesterday's backup (or the e-mailed copy) over the crashed file.
    writeFileSync(path, backup);
    writeFileSync(`${path}-journal`, journal);
    const { notice, keptAs, records } = openAndReport(path);

    expect(readFileSync(path).equals(backup)).toBe(true);
    expect(notice).toMatch(/did not apply it/);
    expect(notice).toMatch(/The workshop itself was not changed/);
    expect(keptAs && readFileSync(keptAs).equals(journal)).toBe(true);
    expect(existsSync(`${path}-journal`)).toBe(false);
    expect(records.filter((r) => r.type === 'card').map((r) => (r as { text: string }).text)).toEqual(['Signs the contract']);
  });

  it("is left as it was beside another workshop's journal", () => {
    const folder = tempFolder();
    const path = join(folder, 'Ours.journey');
    const other = join(folder, 'Theirs.journey');
    WorkshopFile.create(path, 'Ours', { replaceExisting: false }).close();
    WorkshopFile.create(other, 'Theirs', { replaceExisting: false }).close();
    addCards(other, ['Another company', 'Another map']);
    const journal = crashJournalOf(other);
    const before = readFileSync(path);
    writeFileSync(`${path}-journal`, journal);

    const { notice, keptAs, records } = openAndReport(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(keptAs && readFileSync(keptAs).equals(journal)).toBe(true);
    expect(notice).toMatch(/not changed/);
    expect(records.find((r) => r.type === 'workshop')).toMatchObject({ name: 'Ours' });
  });

  it("is left as it was beside another program's journal", () => {
    const folder = tempFolder();
    const path = join(folder, 'Ours.journey');
    WorkshopFile.create(path, 'Ours', { replaceExisting: false }).close();
    const foreign = join(folder, 'budget.sqlite');
    const db = new Database(foreign);
    db.exec('CREATE TABLE expense (amount REAL); INSERT INTO expense VALUES (12.5);');
    db.close();
    const journal = crashJournalOf(foreign);
    const before = readFileSync(path);
    writeFileSync(`${path}-journal`, journal);

    const { notice, keptAs } = openAndReport(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(notice).toMatch(/another program/);
    expect(keptAs && readFileSync(keptAs).equals(journal)).toBe(true);
  });

  it('is left as it was beside 8 KB of garbage named as its journal, and the garbage is kept', () => {
    const folder = tempFolder();
    const path = join(folder, 'Ours.journey');
    WorkshopFile.create(path, 'Ours', { replaceExisting: false }).close();
    const garbage = randomBytes(8192);
    garbage[0] = 0xd9; // a first byte SQLite would take for a hot journal
    const before = readFileSync(path);
    writeFileSync(`${path}-journal`, garbage);

    const { notice, keptAs } = openAndReport(path);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(notice).toMatch(/not an SQLite journal/);
    expect(keptAs && readFileSync(keptAs).equals(garbage)).toBe(true);
  });
});

describe('a workshop whose save was cut short', () => {
  it('is recovered even when its first page already counts pages the file does not have yet', () => {
    const folder = tempFolder();
    const path = join(folder, 'Cut short.journey');
    WorkshopFile.create(path, 'Cut short', { replaceExisting: false }).close();
    addCards(path, ['Signs the contract']);
    const committed = readFileSync(path);
    const journal = crashJournalOf(path);
    // The kill came after page 1 was written with the grown page count, before the file grew.
    const half = Buffer.from(committed);
    half.writeUInt32BE(half.readUInt32BE(28) + 5, 28);
    half.writeUInt32BE(half.readUInt32BE(24) + 1, 24);
    writeFileSync(path, half);
    writeFileSync(`${path}-journal`, journal);

    const { notice, records } = openAndReport(path);
    expect(notice).toMatch(/rolled back the save that was cut short/);
    expect(records.filter((r) => r.type === 'card').map((r) => (r as { text: string }).text)).toEqual(['Signs the contract']);
  });
});

describe('a workshop in WAL mode', () => {
  it('is opened and closed without a byte changing until the first edit', () => {
    const path = join(tempFolder(), 'wal.journey');
    WorkshopFile.create(path, 'WAL', { replaceExisting: false }).close();
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.close();
    const before = readFileSync(path);
    const file = WorkshopFile.open(path);
    expect(file.readRecords().some((r) => r.type === 'workshop')).toBe(true);
    file.close();
    expect(readFileSync(path).equals(before)).toBe(true);

    addCards(path, ['First edit']);
    const check = new Database(path, { readonly: true });
    expect(check.pragma('journal_mode', { simple: true })).toBe('delete');
    check.close();
  });
});
