import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fileFormatVersion, migrate } from '../../../electron/services/schema/migrations.ts';

/**
 * Migration 7 → 8 (participants from phones): a populated version-7 file keeps every
 * row, and the new tables take a participant and the card it wrote while enforcing one
 * author per card and real references.
 */
const VERSION_7 = `
  INSERT INTO workshop (id, name, created_at, facilitator, sample, pattern_threshold) VALUES ('workshop:w1', 'Renewals 2026', '2026-02-01T09:00:00.000Z', 'Ana Ruiz', 'B2B', 3);
  INSERT INTO journey (id, position, name, state, persona_id, derived_from_id) VALUES ('journey:j1', 'a0', 'Buying', 'current', NULL, NULL);
  INSERT INTO stage (id, journey_id, position, name, owner) VALUES ('stage:s1', 'journey:j1', 'a0', 'Buy', 'Ana');
  INSERT INTO step (id, stage_id, position, name, who, what, "when", "where", why, channels, touchpoints, content, moment_of_truth) VALUES
    ('step:t1', 'stage:s1', 'a0', 'Security review', '', '', '', '', '', '', '', '', 0);
  INSERT INTO lane (id, journey_id, position, name, lane_type) VALUES ('lane:l1', 'journey:j1', 'a0', 'Pain points', 'pain-points');
  INSERT INTO card (id, step_id, lane_id, position, text, moment_of_truth) VALUES ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Forms twice', 0);
`;

type Row = Record<string, unknown>;

function fileAt7(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 7);
  db.exec(VERSION_7);
  return db;
}

const tablesOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
const rowsOf = (db: Database.Database) => Object.fromEntries(tablesOf(db).map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Row[]]));

describe('migration 7 → 8: participants', () => {
  it('keeps every row of a version-7 file and adds empty participant tables', () => {
    const db = fileAt7();
    const before = rowsOf(db);
    migrate(db, 8);
    expect(fileFormatVersion(db)).toBe(8);
    const after = rowsOf(db);
    for (const [table, rows] of Object.entries(before)) expect(after[table], table).toEqual(rows);
    expect(after.participant).toEqual([]);
    expect(after.card_author).toEqual([]);
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  it('attributes a card to a participant, once, and only to rows that exist', () => {
    const db = fileAt7();
    migrate(db, 8);
    db.exec(`INSERT INTO participant VALUES ('participant:p1', 'Sam', '2026-11-23T10:00:00.000Z'), ('participant:p2', '', '2026-11-23T10:01:00.000Z')`);
    db.exec(`INSERT INTO card_author VALUES ('card-author:a1', 'card:c1', 'participant:p1', '2026-11-23T10:02:00.000Z')`);
    expect(() => db.exec(`INSERT INTO card_author VALUES ('card-author:a2', 'card:c1', 'participant:p2', '2026-11-23T10:03:00.000Z')`)).toThrow(/UNIQUE/);
    expect(() => db.exec(`INSERT INTO card_author VALUES ('card-author:a3', 'card:zz', 'participant:p2', '2026-11-23T10:03:00.000Z')`)).toThrow(/FOREIGN KEY/);
    expect(() => db.exec(`INSERT INTO participant VALUES ('participant:p3', '${'x'.repeat(201)}', '2026-11-23T10:00:00.000Z')`)).toThrow(/CHECK/);
    expect(db.prepare('SELECT p.name FROM card_author a JOIN participant p ON p.id = a.participant_id WHERE a.card_id = ?').pluck().get('card:c1')).toBe('Sam');
  });
});
