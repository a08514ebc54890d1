import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  CURRENT_FILE_FORMAT_VERSION,
  JOURNEYBOARD_APPLICATION_ID,
  MIGRATIONS,
  fileFormatVersion,
  migrate,
} from '../../../electron/services/schema/migrations.ts';

const tables = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

describe('migrations', () => {
  it('are numbered 1..n without gaps', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(CURRENT_FILE_FORMAT_VERSION).toBe(MIGRATIONS.length);
  });

  it('1 creates the readable tables and marks the file as a workshop', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    expect(fileFormatVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(JOURNEYBOARD_APPLICATION_ID);
    expect(tables(db)).toEqual(['card', 'journey', 'lane', 'stage', 'step', 'workshop']);
    expect((db.prepare('PRAGMA table_info(card)').all() as { name: string }[]).map((c) => c.name)).toEqual([
      'id', 'step_id', 'lane_id', 'position', 'text',
    ]);
  });

  it('1 enforces lane types, journey states, text length and parents', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.exec("INSERT INTO journey VALUES ('journey:j1', 'a0', 'Now', 'current')");
    expect(() => db.exec("INSERT INTO journey VALUES ('journey:j2', 'a1', 'Then', 'someday')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO lane VALUES ('lane:l1', 'journey:j1', 'a0', 'x', 'gossip')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO stage VALUES ('stage:s1', 'journey:nope', 'a0', 'Aware')")).toThrow(/FOREIGN KEY/);
    db.exec("INSERT INTO stage VALUES ('stage:s1', 'journey:j1', 'a0', 'Aware')");
    db.exec("INSERT INTO step VALUES ('step:t1', 'stage:s1', 'a0', 'Sees ad')");
    db.exec("INSERT INTO lane VALUES ('lane:l1', 'journey:j1', 'a0', 'Actions', 'actions')");
    expect(() => db.prepare("INSERT INTO card VALUES ('card:c1', 'step:t1', 'lane:l1', 'a0', ?)").run('x'.repeat(5000))).toThrow(/CHECK/);
  });

  it('run step by step reach the same schema as all at once', () => {
    const stepwise = new Database(':memory:');
    for (let v = 1; v <= CURRENT_FILE_FORMAT_VERSION; v++) migrate(stepwise, v);
    const direct = new Database(':memory:');
    migrate(direct);
    const schema = (db: Database.Database) => db.prepare('SELECT sql FROM sqlite_master ORDER BY name').all();
    expect(schema(stepwise)).toEqual(schema(direct));
  });
});
