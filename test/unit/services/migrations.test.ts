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

describe('migration 2: journey detail', () => {
  function version1WithAMap() {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 1);
    db.exec(`
      INSERT INTO journey VALUES ('journey:j1', 'a0', 'Now', 'current');
      INSERT INTO stage VALUES ('stage:s1', 'journey:j1', 'a0', 'Aware');
      INSERT INTO step VALUES ('step:t1', 'stage:s1', 'a0', 'Sees ad');
      INSERT INTO lane VALUES ('lane:l1', 'journey:j1', 'a0', 'Pain', 'pain-points');
      INSERT INTO card VALUES ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Invoice is wrong');
    `);
    return db;
  }

  it('keeps every row of a version-1 map and gives the new columns empty defaults', () => {
    const db = version1WithAMap();
    migrate(db, 2);
    expect(fileFormatVersion(db)).toBe(2);
    expect(db.prepare('SELECT * FROM card').get()).toEqual({
      id: 'card:c1', step_id: 'step:t1', lane_id: 'lane:l1', position: 'a0', text: 'Invoice is wrong', moment_of_truth: 0,
    });
    expect(db.prepare('SELECT owner FROM stage').get()).toEqual({ owner: '' });
    expect(db.prepare('SELECT persona_id, derived_from_id FROM journey').get()).toEqual({ persona_id: null, derived_from_id: null });
    expect(db.prepare('SELECT who, "when", moment_of_truth FROM step').get()).toEqual({ who: '', when: '', moment_of_truth: 0 });
  });

  it('refuses an emotion outside -3..+3, a second score for the same persona and step, and a negative cost', () => {
    const db = version1WithAMap();
    migrate(db, 2);
    db.exec("INSERT INTO persona VALUES ('persona:p1', 'a0', 'Dana', 'Buyer', '', '', '', 'driver', '', '#d1495b')");
    expect(() => db.exec("INSERT INTO emotion VALUES ('emotion:e1', 'step:t1', 'persona:p1', 7, '')")).toThrow(/CHECK/);
    db.exec("INSERT INTO emotion VALUES ('emotion:e1', 'step:t1', 'persona:p1', -2, 'wrong invoice')");
    expect(() => db.exec("INSERT INTO emotion VALUES ('emotion:e2', 'step:t1', 'persona:p1', 1, '')")).toThrow(/UNIQUE/);
    expect(() =>
      db.exec("INSERT INTO pain_point VALUES ('pain-point:x1', 'card:c1', 4, 'rate', -5, 20, NULL, 'month', 'EUR', 'service', 'Ana')"),
    ).toThrow(/CHECK/);
    db.exec("INSERT INTO pain_point VALUES ('pain-point:x1', 'card:c1', 4, 'rate', 120, 35, NULL, 'month', 'EUR', 'service', 'Ana')");
    expect(() => db.exec("INSERT INTO tollgate VALUES ('tollgate:g1', 'card:nope', 'blocks', '', '', '', '')")).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 3: the room', () => {
  it("gives an existing workshop the method's five-step agenda, and a new empty file none", () => {
    const existing = new Database(':memory:');
    migrate(existing, 2);
    existing.exec("INSERT INTO workshop VALUES ('workshop:w1', 'Old', '2025-01-01T00:00:00.000Z')");
    migrate(existing, 3);
    expect(existing.prepare('SELECT title, minutes, done FROM agenda_item ORDER BY position').all()).toEqual([
      { title: 'Data breadcrumbs', minutes: 30, done: 0 },
      { title: 'Interviews', minutes: 20, done: 0 },
      { title: 'Journey map', minutes: 60, done: 0 },
      { title: 'Tollgates and content', minutes: 40, done: 0 },
      { title: 'Gap analysis', minutes: 40, done: 0 },
    ]);
    const fresh = new Database(':memory:');
    migrate(fresh, 3);
    expect(fresh.prepare('SELECT count(*) AS n FROM agenda_item').get()).toEqual({ n: 0 });
  });

  it('refuses a vote without dots and a dot on a card that is not there', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    migrate(db, 3);
    db.exec("INSERT INTO journey VALUES ('journey:j1', 'a0', 'Now', 'current', NULL, NULL)");
    expect(() => db.exec("INSERT INTO dot_vote VALUES ('dot-vote:v1', 'journey:j1', 'x', 0, 0, 0, '2026-01-01')")).toThrow(/CHECK/);
    db.exec("INSERT INTO dot_vote VALUES ('dot-vote:v1', 'journey:j1', 'x', 3, 0, 0, '2026-01-01')");
    db.exec("INSERT INTO vote_participant VALUES ('vote-participant:p1', 'dot-vote:v1', 'a0', 'Ana', '#1f6feb')");
    expect(() => db.exec("INSERT INTO dot VALUES ('dot:d1', 'dot-vote:v1', 'vote-participant:p1', 'card:nope')")).toThrow(/FOREIGN KEY/);
  });
});
