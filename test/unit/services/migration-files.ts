import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { fileFormatVersion, migrate } from '../../../electron/services/schema/migrations.ts';

/**
 * Files at each earlier version for the migration step tests: realistic rows in every
 * table that exists at that version, as literal INSERTs written against the columns of
 * that version (as that version of the app wrote them), so they do not move when the
 * live model does.
 */
/** What a file at each version holds before the next migration runs. A new file (version 0) holds nothing. */
export const POPULATED: Record<number, string> = {
  0: '',

  1: `
    INSERT INTO workshop (id, name, created_at) VALUES ('workshop:w1', 'Onboarding at Northwind', '2025-03-04T09:00:00.000Z');
    INSERT INTO journey (id, position, name, state) VALUES
      ('journey:j1', 'a0', 'Signing up today', 'current'),
      ('journey:j2', 'a1', 'Signing up next year', 'future');
    INSERT INTO stage (id, journey_id, position, name) VALUES
      ('stage:s1', 'journey:j1', 'a0', 'Aware'),
      ('stage:s2', 'journey:j1', 'a1', 'Buy'),
      ('stage:s3', 'journey:j2', 'a0', 'Aware');
    INSERT INTO step (id, stage_id, position, name) VALUES
      ('step:t1', 'stage:s1', 'a0', 'Sees an ad'),
      ('step:t2', 'stage:s2', 'a0', 'Gets the first invoice'),
      ('step:t3', 'stage:s3', 'a0', 'Hears from a colleague');
    INSERT INTO lane (id, journey_id, position, name, lane_type) VALUES
      ('lane:l1', 'journey:j1', 'a0', 'Actions', 'actions'),
      ('lane:l2', 'journey:j1', 'a1', 'Pain points', 'pain-points'),
      ('lane:l3', 'journey:j1', 'a2', 'Tollgates', 'tollgates'),
      ('lane:l4', 'journey:j2', 'a0', 'Quotes', 'quotes');
    INSERT INTO card (id, step_id, lane_id, position, text) VALUES
      ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Clicks "Try it free"'),
      ('card:c2', 'step:t2', 'lane:l2', 'a0', 'Invoice is wrong — twice'),
      ('card:c3', 'step:t2', 'lane:l3', 'a0', 'Finance must approve'),
      ('card:c4', 'step:t3', 'lane:l4', 'a0', '“It just worked.” 👍
second line');
  `,

  2: `
    INSERT INTO workshop (id, name, created_at) VALUES ('workshop:w1', 'Onboarding at Northwind', '2025-06-10T08:30:00.000Z');
    INSERT INTO persona (id, position, name, role, goals, needs, content_preferences, participation, baggage, color) VALUES
      ('persona:p1', 'a0', 'Dana', 'Head of purchasing', 'Fewer suppliers', 'One invoice a month', 'Short PDFs', 'driver', 'Burnt by the last vendor', '#d1495b'),
      ('persona:p2', 'a1', 'Omar', 'Controller', '', '', '', 'gatekeeper', '', '#1F6FEB');
    INSERT INTO journey (id, position, name, state, persona_id, derived_from_id) VALUES
      ('journey:j1', 'a0', 'Signing up today', 'current', 'persona:p1', NULL),
      ('journey:j2', 'a1', 'Signing up next year', 'future', 'persona:p1', 'journey:j1');
    INSERT INTO stage (id, journey_id, position, name, owner) VALUES
      ('stage:s1', 'journey:j1', 'a0', 'Aware', 'Marketing'),
      ('stage:s2', 'journey:j1', 'a1', 'Buy', ''),
      ('stage:s3', 'journey:j2', 'a0', 'Aware', 'Ana');
    INSERT INTO step (id, stage_id, position, name, who, what, "when", "where", why, channels, touchpoints, content, moment_of_truth) VALUES
      ('step:t1', 'stage:s1', 'a0', 'Sees an ad', 'Dana', 'Reads the ad', 'Monday morning', 'LinkedIn', 'Looking for options', 'Social', 'Ad', 'Case study', 0),
      ('step:t2', 'stage:s2', 'a0', 'Gets the first invoice', 'Omar', '', '', '', '', '', 'Invoice', '', 1),
      ('step:t3', 'stage:s3', 'a0', 'Hears from a colleague', '', '', '', '', '', '', '', '', 0);
    INSERT INTO lane (id, journey_id, position, name, lane_type) VALUES
      ('lane:l1', 'journey:j1', 'a0', 'Actions', 'actions'),
      ('lane:l2', 'journey:j1', 'a1', 'Pain points', 'pain-points'),
      ('lane:l3', 'journey:j1', 'a2', 'Tollgates', 'tollgates'),
      ('lane:l4', 'journey:j2', 'a0', 'Quotes', 'quotes');
    INSERT INTO card (id, step_id, lane_id, position, text, moment_of_truth) VALUES
      ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Clicks "Try it free"', 0),
      ('card:c2', 'step:t2', 'lane:l2', 'a0', 'Invoice is wrong — twice', 1),
      ('card:c3', 'step:t2', 'lane:l3', 'a0', 'Finance must approve', 0),
      ('card:c4', 'step:t3', 'lane:l4', 'a0', '“It just worked.” 👍', 0);
    INSERT INTO kpi (id, stage_id, position, name, current_value, target_value, unit) VALUES
      ('kpi:k1', 'stage:s2', 'a0', 'Invoice disputes', 12.5, 2, '%'),
      ('kpi:k2', 'stage:s1', 'a0', 'Ad click-through', NULL, NULL, '');
    INSERT INTO emotion (id, step_id, persona_id, score, evoker) VALUES
      ('emotion:e1', 'step:t1', 'persona:p1', 2, 'Curious'),
      ('emotion:e2', 'step:t2', 'persona:p1', -3, 'Wrong invoice'),
      ('emotion:e3', 'step:t2', 'persona:p2', -1, '');
    INSERT INTO tollgate (id, card_id, status, buyer_process, content, channel, source) VALUES
      ('tollgate:g1', 'card:c3', 'blocks', 'Purchase order', 'Price sheet', 'Email', 'Interview 3');
    INSERT INTO pain_point (id, card_id, severity, cost_basis, affected_per_period, cost_per_occurrence, direct_amount, period, currency, experience_area, owner) VALUES
      ('pain-point:x1', 'card:c2', 4, 'rate', 120, 35.5, NULL, 'month', 'EUR', 'service', 'Ana'),
      ('pain-point:x2', 'card:c1', 1, 'amount', NULL, NULL, 900, 'year', 'USD', NULL, '');
  `,

  3: `
    INSERT INTO workshop (id, name, created_at) VALUES ('workshop:w1', 'Onboarding at Northwind', '2025-09-01T07:00:00.000Z');
    INSERT INTO persona (id, position, name, role, goals, needs, content_preferences, participation, baggage, color) VALUES
      ('persona:p1', 'a0', 'Dana', 'Head of purchasing', 'Fewer suppliers', 'One invoice a month', 'Short PDFs', 'driver', '', '#d1495b');
    INSERT INTO journey (id, position, name, state, persona_id, derived_from_id) VALUES
      ('journey:j1', 'a0', 'Signing up today', 'current', 'persona:p1', NULL),
      ('journey:j2', 'a1', 'Signing up next year', 'future', NULL, 'journey:j1');
    INSERT INTO stage (id, journey_id, position, name, owner) VALUES
      ('stage:s1', 'journey:j1', 'a0', 'Buy', 'Sales'),
      ('stage:s2', 'journey:j2', 'a0', 'Buy', '');
    INSERT INTO step (id, stage_id, position, name, who, what, "when", "where", why, channels, touchpoints, content, moment_of_truth) VALUES
      ('step:t1', 'stage:s1', 'a0', 'Gets the first invoice', 'Dana', 'Checks it', 'Day 30', 'Inbox', 'Pays it', 'Email', 'Invoice', '', 1),
      ('step:t2', 'stage:s2', 'a0', 'Pays by card', '', '', '', '', '', '', '', '', 0);
    INSERT INTO lane (id, journey_id, position, name, lane_type) VALUES
      ('lane:l1', 'journey:j1', 'a0', 'Pain points', 'pain-points'),
      ('lane:l2', 'journey:j1', 'a1', 'Tollgates', 'tollgates'),
      ('lane:l3', 'journey:j2', 'a0', 'Opportunities', 'opportunities');
    INSERT INTO card (id, step_id, lane_id, position, text, moment_of_truth) VALUES
      ('card:c1', 'step:t1', 'lane:l1', 'a0', 'Invoice is wrong', 1),
      ('card:c2', 'step:t1', 'lane:l2', 'a0', 'Finance must approve', 0),
      ('card:c3', 'step:t2', 'lane:l3', 'a0', 'One click payment', 0);
    INSERT INTO kpi (id, stage_id, position, name, current_value, target_value, unit) VALUES
      ('kpi:k1', 'stage:s1', 'a0', 'Invoice disputes', 12.5, 2, '%');
    INSERT INTO emotion (id, step_id, persona_id, score, evoker) VALUES
      ('emotion:e1', 'step:t1', 'persona:p1', -2, 'Wrong invoice');
    INSERT INTO tollgate (id, card_id, status, buyer_process, content, channel, source) VALUES
      ('tollgate:g1', 'card:c2', 'friction', 'Purchase order', '', '', '');
    INSERT INTO pain_point (id, card_id, severity, cost_basis, affected_per_period, cost_per_occurrence, direct_amount, period, currency, experience_area, owner) VALUES
      ('pain-point:x1', 'card:c1', 5, 'rate', 120, 35, NULL, 'week', 'EUR', 'buying', 'Ana');
    INSERT INTO agenda_item (id, position, title, note, minutes, done) VALUES
      ('agenda-item:0a1b2c3d4e5f', 'a0', 'Data breadcrumbs', 'Bring the support tickets', 45, 1),
      ('agenda-item:112233445566', 'a1', 'Journey map', '', 90, 0),
      ('agenda-item:abcdefabcdef', 'a2', 'Lunch', '', 0, 0);
    INSERT INTO parking_topic (id, position, text, created_at) VALUES
      ('parking-topic:q1', 'a0', 'Who owns the invoice template?', '2025-09-01T10:15:00.000Z');
    INSERT INTO dot_vote (id, journey_id, title, dots_per_participant, revealed, closed, created_at) VALUES
      ('dot-vote:v1', 'journey:j1', 'Worst pain', 3, 1, 1, '2025-09-01T11:00:00.000Z');
    INSERT INTO vote_option (id, vote_id, card_id) VALUES
      ('vote-option:o1', 'dot-vote:v1', 'card:c1'),
      ('vote-option:o2', 'dot-vote:v1', 'card:c2');
    INSERT INTO vote_participant (id, vote_id, position, name, color) VALUES
      ('vote-participant:u1', 'dot-vote:v1', 'a0', 'Ana', '#1f6feb'),
      ('vote-participant:u2', 'dot-vote:v1', 'a1', 'Ben', '#d1495b');
    INSERT INTO dot (id, vote_id, participant_id, card_id) VALUES
      ('dot:d1', 'dot-vote:v1', 'vote-participant:u1', 'card:c1'),
      ('dot:d2', 'dot-vote:v1', 'vote-participant:u1', 'card:c1'),
      ('dot:d3', 'dot-vote:v1', 'vote-participant:u2', 'card:c2');
  `,
};

// Version 4: the version-3 map, and the workshop names its facilitator and sample.
POPULATED[4] = `${POPULATED[3]}
    UPDATE workshop SET facilitator = 'Ana Ruiz', sample = 'B2B software, Nordics' WHERE id = 'workshop:w1';
`;

// Version 5: the version-4 map and one interview whose note is evidence for a card.
POPULATED[5] = `${POPULATED[4]}
    INSERT INTO sample VALUES ('sample:m1', 'a0', 'Nordic finance buyers', 'Software', 'Nordics', 'Billing', 16, 'Buyer');
    INSERT INTO interview VALUES ('interview:i1', 'sample:m1', 'a0', 'INT-01', 'Buyer', 'Company-A', 'persona:p1', '', '2026-11-20', 60, 55, 'Ana', NULL);
    INSERT INTO passage VALUES ('passage:a1', 'interview:i1', 'a0', 'Buyer-01', 12000, 19500, 'The invoice was wrong twice.');
    INSERT INTO note VALUES ('note:n1', 'interview:i1', 'a0', 'invoice was wrong twice', '2026-11-20T09:12:00.000Z', 12.5, 'passage:a1', 4, 27);
    INSERT INTO tag VALUES ('tag:g1', 'a0', 'Billing', 'Invoices');
    INSERT INTO note_tag VALUES ('note-tag:x1', 'note:n1', 'card', NULL, NULL, 'card:c1', NULL, NULL);
    INSERT INTO pseudonym VALUES ('pseudonym:k1', 'interview:i1', 'person', 'Christina Meyer', 'Buyer-01');
`;

// Version 6: the version-5 map and the room's decisions (the step test is migration-006-decisions.test.ts).
POPULATED[6] = `${POPULATED[5]}
    INSERT INTO scoring VALUES ('scoring:w1', 4, 2, 2, 1, 'effort', 'score');
    INSERT INTO rating VALUES ('rating:r1', 'card:c1', 5, 4, 2);
    INSERT INTO copy_origin VALUES ('copy-origin:o1', 'journey:j2', 'card:c2', 'card:c1');
    INSERT INTO plan_action VALUES ('plan-action:a1', 'a0', 'Check every first invoice by hand', 'Ana', '2026-04-30', 'doing', 'Disputes down to 2 %');
    INSERT INTO plan_link VALUES ('plan-link:k1', 'plan-action:a1', 'card:c1', NULL);
`;

// Version 7 adds only the workshop's pattern threshold, a column with a default: the
// version-6 rows, as they are, make a populated version-7 file (migration-008-participants.test.ts steps it).
POPULATED[7] = POPULATED[6];

export type Row = Record<string, unknown>;

export function fileAt(version: number): Database.Database {
  const db = new Database(':memory:');
  db.pragma('foreign_keys = ON');
  migrate(db, version);
  db.exec(POPULATED[version]!);
  expect(fileFormatVersion(db)).toBe(version);
  return db;
}

export const tablesOf = (db: Database.Database) =>
  (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map((t) => t.name);

export const columnsOf = (db: Database.Database, table: string) =>
  (db.prepare(`PRAGMA table_info(${table})`).all() as { name: string }[]).map((c) => c.name);

export function rowsOf(db: Database.Database): Record<string, Row[]> {
  return Object.fromEntries(tablesOf(db).map((table) => [table, db.prepare(`SELECT * FROM ${table} ORDER BY id`).all() as Row[]]));
}

export function expectSound(db: Database.Database) {
  expect(db.pragma('foreign_key_check')).toEqual([]);
  expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
}
