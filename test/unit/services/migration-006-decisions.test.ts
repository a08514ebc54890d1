import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { fileFormatVersion, migrate } from '../../../electron/services/schema/migrations.ts';

/**
 * Migration 5 → 6 (decisions): a populated version-5 file, written as that version of
 * the app wrote it (literal INSERTs against the version-5 columns), keeps every row, and
 * the new tables take the weights, ratings, copy origins and the action plan while
 * enforcing their rules. Its own file: migrations-steps.test.ts is long enough.
 */
const VERSION_5 = `
  INSERT INTO workshop (id, name, created_at, facilitator, sample) VALUES ('workshop:w1', 'Renewals 2026', '2026-02-01T09:00:00.000Z', 'Ana Ruiz', 'B2B, Nordics');
  INSERT INTO persona (id, position, name, role, goals, needs, content_preferences, participation, baggage, color) VALUES
    ('persona:p1', 'a0', 'Dana', 'Buyer', '', '', '', 'driver', '', '#d1495b');
  INSERT INTO journey (id, position, name, state, persona_id, derived_from_id) VALUES
    ('journey:j1', 'a0', 'Buying (as is)', 'current', 'persona:p1', NULL),
    ('journey:j2', 'a1', 'Buying (to be)', 'future', 'persona:p1', 'journey:j1');
  INSERT INTO stage (id, journey_id, position, name, owner) VALUES
    ('stage:s1', 'journey:j1', 'a0', 'Buy', 'Ana'),
    ('stage:s2', 'journey:j2', 'a0', 'Buy', 'Ana');
  INSERT INTO step (id, stage_id, position, name, who, what, "when", "where", why, channels, touchpoints, content, moment_of_truth) VALUES
    ('step:t1', 'stage:s1', 'a0', 'First invoice', '', '', '', '', '', '', '', '', 1),
    ('step:t2', 'stage:s2', 'a0', 'First invoice', '', '', '', '', '', '', '', '', 1);
  INSERT INTO lane (id, journey_id, position, name, lane_type) VALUES
    ('lane:l1', 'journey:j1', 'a0', 'Pain points', 'pain-points'),
    ('lane:l2', 'journey:j2', 'a0', 'Pain points', 'pain-points');
  INSERT INTO card (id, step_id, lane_id, position, text, moment_of_truth) VALUES
    ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Invoice is wrong', 1),
    ('card:c2', 'step:t2', 'lane:l2', 'a0', 'Invoice is wrong', 1);
  INSERT INTO kpi (id, stage_id, position, name, current_value, target_value, unit) VALUES ('kpi:k1', 'stage:s1', 'a0', 'Invoice disputes', 12.5, 2, '%');
  INSERT INTO pain_point (id, card_id, severity, cost_basis, affected_per_period, cost_per_occurrence, direct_amount, period, currency, experience_area, owner) VALUES
    ('pain-point:x1', 'card:c1', 4, 'rate', 120, 35, NULL, 'month', 'EUR', 'service', 'Ana');
  INSERT INTO sample VALUES ('sample:m1', 'a0', 'Nordic buyers', 'Software', 'Nordics', 'Billing', 16, 'Buyer');
  INSERT INTO interview VALUES ('interview:i1', 'sample:m1', 'a0', 'INT-01', 'Buyer', 'Company-A', 'persona:p1', '', '2026-01-20', 60, 55, 'Ana', NULL);
  INSERT INTO note VALUES ('note:n1', 'interview:i1', 'a0', 'invoice wrong twice', '2026-01-20T09:12:00.000Z', 12.5, NULL, NULL, NULL);
  INSERT INTO note_tag VALUES ('note-tag:x1', 'note:n1', 'card', NULL, NULL, 'card:c1', NULL, NULL);
`;

type Row = Record<string, unknown>;

function fileAt5(): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, 5);
  db.exec(VERSION_5);
  return db;
}

const tablesOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
const rowsOf = (db: Database.Database) => Object.fromEntries(tablesOf(db).map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY id`).all() as Row[]]));
function expectSound(db: Database.Database) {
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}

describe('migration 5 → 6: decisions', () => {
  it('keeps every row of a populated version-5 file and adds empty decision tables', () => {
    const db = fileAt5();
    const before = rowsOf(db);
    migrate(db, 6);
    expect(fileFormatVersion(db)).toBe(6);
    const after = rowsOf(db);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    for (const table of ['scoring', 'rating', 'copy_origin', 'plan_action', 'plan_link']) expect(after[table], table).toEqual([]);
    expectSound(db);
  });

  it('takes weights, a rating, a copy origin and an action linked to a card and a KPI, and enforces their rules', () => {
    const db = fileAt5();
    migrate(db, 6);
    db.exec(`
      INSERT INTO scoring VALUES ('scoring:w1', 4, 2, 2, 1, 'effort', 'score');
      INSERT INTO rating VALUES ('rating:r1', 'card:c1', 5, 4, 2);
      INSERT INTO rating VALUES ('rating:r2', 'card:c2', NULL, NULL, NULL);
      INSERT INTO copy_origin VALUES ('copy-origin:o1', 'journey:j2', 'card:c2', 'card:c1');
      INSERT INTO plan_action VALUES ('plan-action:a1', 'a0', 'Check every first invoice by hand', 'Ana', '2026-04-30', 'doing', 'Disputes down to 2 %');
      INSERT INTO plan_link VALUES ('plan-link:k1', 'plan-action:a1', 'card:c1', NULL);
      INSERT INTO plan_link VALUES ('plan-link:k2', 'plan-action:a1', NULL, 'kpi:k1');
    `);
    expect(() => db.exec("INSERT INTO scoring VALUES ('scoring:w2', 11, 2, 2, 1, 'effort', 'score')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO scoring VALUES ('scoring:w3', 1, 2, 2, 1, 'loudness', 'score')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO rating VALUES ('rating:r3', 'card:c1', 1, 1, 1)")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO rating VALUES ('rating:r4', 'card:none', 6, 1, 1)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO plan_action VALUES ('plan-action:a2', 'a1', 'Late', '', '30 April', 'planned', '')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO plan_action VALUES ('plan-action:a3', 'a1', 'Odd', '', '', 'someday', '')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO plan_link VALUES ('plan-link:k3', 'plan-action:a1', 'card:c1', 'kpi:k1')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO plan_link VALUES ('plan-link:k4', 'plan-action:a1', NULL, NULL)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO plan_link VALUES ('plan-link:k5', 'plan-action:none', 'card:c1', NULL)")).toThrow(/FOREIGN KEY/);
    expectSound(db);
  });
});
