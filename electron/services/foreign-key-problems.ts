import type Database from 'better-sqlite3';

const PARENT_OF: Record<string, Record<string, string>> = {
  card: { step: 'step', lane: 'lane' },
  step: { stage: 'stage' },
  stage: { journey: 'journey' },
  lane: { journey: 'journey' },
};

/**
 * Replays a failed write with foreign keys deferred, asks SQLite which rows would be
 * left without a parent, and rolls back. Only runs when a change was refused.
 */
export function describeForeignKeyProblem(db: Database.Database, write: () => void): string {
  let problem = 'would leave a record without the record it belongs to';
  try {
    db.exec('BEGIN');
    write();
    const rows = db.pragma('foreign_key_check') as { table: string; parent: string }[];
    const first = rows[0];
    if (first) {
      const parent = PARENT_OF[first.table]?.[first.parent] ?? first.parent;
      problem = `would leave a ${first.table} without its ${parent}`;
    }
  } catch {
    // The replay itself failed for another reason; the generic sentence stands.
  } finally {
    if (db.inTransaction) db.exec('ROLLBACK');
  }
  return problem;
}
