import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fileFormatVersion, migrate } from '../../../electron/services/schema/migrations.ts';

/**
 * Migration 6 → 7: the workshop's pattern threshold. A version-6 file, written as that
 * version of the app wrote it, keeps its workshop row and gets the threshold every file
 * had until then (2), so no card changes from pattern to outlier on opening.
 */
function fileAt6(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 6);
  db.exec("INSERT INTO workshop (id, name, created_at, facilitator, sample) VALUES ('workshop:w1', 'Renewals 2026', '2026-02-01T09:00:00.000Z', 'Ana Ruiz', 'B2B, Nordics')");
  return db;
}

describe('migration 6 → 7: the pattern threshold of the workshop', () => {
  it('gives an existing workshop the threshold it had before, 2 interviews', () => {
    const db = fileAt6();
    migrate(db, 7);
    expect(fileFormatVersion(db)).toBe(7);
    expect(db.prepare('SELECT * FROM workshop').all()).toEqual([
      { id: 'workshop:w1', name: 'Renewals 2026', created_at: '2026-02-01T09:00:00.000Z', facilitator: 'Ana Ruiz', sample: 'B2B, Nordics', pattern_threshold: 2 },
    ]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
  });

  it('takes 2 to 200 interviews and refuses one, none, a fraction or text', () => {
    const db = fileAt6();
    migrate(db, 7);
    const set = db.prepare("UPDATE workshop SET pattern_threshold = ? WHERE id = 'workshop:w1'");
    set.run(3);
    set.run(200);
    expect(db.prepare('SELECT pattern_threshold FROM workshop').get()).toEqual({ pattern_threshold: 200 });
    for (const wrong of [1, 0, 201, 2.5, 'three', null]) expect(() => set.run(wrong), String(wrong)).toThrow();
  });
});
