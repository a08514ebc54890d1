import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import {
  JOURNEYBOARD_APPLICATION_ID,
  MIGRATIONS,
  fileFormatVersion,
  migrate,
} from '../../../electron/services/schema/migrations.ts';
import { columnsOf, expectSound, fileAt, POPULATED, rowsOf, tablesOf, type Row } from './migration-files.ts';

/**
 * One step test per migration: a file at version N-1 holding realistic rows in every
 * table that exists at that version, migrated to N. The rows are literal INSERTs written
 * against the columns of version N-1 (as that version of the app wrote them), so they do
 * not move when the live model does. Each test checks that the old rows survive with the
 * right defaults in new columns, and that the new tables and columns enforce their rules.
 */

describe('every migration has a step test', () => {
  it('from a populated file of the version before', () => {
    expect(Object.keys(POPULATED).map(Number)).toEqual(MIGRATIONS.map((m) => m.version - 1));
  });

  it.each([1, 2, 3, 4, 5, 6, 7])('the populated version-%i file has rows in every table that exists at that version', (version) => {
    const db = fileAt(version);
    const empty = tablesOf(db).filter((table) => (db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n === 0);
    expect(empty).toEqual([]);
    expectSound(db);
  });
});

describe('migration 0 → 1: a new file', () => {
  it('makes the map tables in an empty file, marks it as a workshop, and takes a version-1 map', () => {
    const db = new Database(':memory:');
    db.pragma('foreign_keys = ON');
    expect(fileFormatVersion(db)).toBe(0);
    migrate(db, 1);
    expect(fileFormatVersion(db)).toBe(1);
    expect(db.pragma('application_id', { simple: true })).toBe(JOURNEYBOARD_APPLICATION_ID);
    expect(tablesOf(db)).toEqual(['card', 'journey', 'lane', 'stage', 'step', 'workshop']);
    expect(columnsOf(db, 'workshop')).toEqual(['id', 'name', 'created_at']);
    expect(columnsOf(db, 'journey')).toEqual(['id', 'position', 'name', 'state']);
    expect(columnsOf(db, 'stage')).toEqual(['id', 'journey_id', 'position', 'name']);
    expect(columnsOf(db, 'step')).toEqual(['id', 'stage_id', 'position', 'name']);
    expect(columnsOf(db, 'lane')).toEqual(['id', 'journey_id', 'position', 'name', 'lane_type']);
    expect(columnsOf(db, 'card')).toEqual(['id', 'step_id', 'lane_id', 'position', 'text']);
    db.exec(POPULATED[1]!);
    expect(db.prepare("SELECT * FROM card WHERE id = 'card:c4'").get()).toEqual({
      id: 'card:c4', step_id: 'step:t3', lane_id: 'lane:l4', position: 'a0', text: '“It just worked.” 👍\nsecond line',
    });
    expectSound(db);
  });

  it('enforces the version-1 rules: names, journey states, lane types, card length and parents', () => {
    const db = fileAt(1);
    expect(() => db.exec("INSERT INTO workshop (id, name, created_at) VALUES ('workshop:w2', '', '2025-01-01')")).toThrow(/CHECK/);
    expect(() => db.prepare("INSERT INTO journey VALUES ('journey:j9', 'a9', ?, 'current')").run('n'.repeat(201))).toThrow(/CHECK/);
    db.prepare("INSERT INTO journey VALUES ('journey:j9', 'a9', ?, 'current')").run('n'.repeat(200));
    expect(() => db.exec("INSERT INTO journey VALUES ('journey:j8', 'a8', 'Then', 'someday')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO lane VALUES ('lane:l9', 'journey:j1', 'a9', 'Gossip', 'gossip')")).toThrow(/CHECK/);
    // The last of the fourteen lane types of version 1.
    db.exec("INSERT INTO lane VALUES ('lane:l9', 'journey:j1', 'a9', 'Quotes', 'quotes')");
    expect(() => db.exec("INSERT INTO stage VALUES ('stage:s9', 'journey:nope', 'a9', 'Aware')")).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("INSERT INTO card VALUES ('card:c9', 'step:t1', 'lane:l1', 'a9', ?)").run('x'.repeat(4001))).toThrow(/CHECK/);
    db.prepare("INSERT INTO card VALUES ('card:c9', 'step:t1', 'lane:l1', 'a9', ?)").run('x'.repeat(4000));
    expect(() => db.exec("DELETE FROM step WHERE id = 'step:t1'")).toThrow(/FOREIGN KEY/);
  });
});

describe('migration 1 → 2: journey detail', () => {
  it('keeps every row of a populated version-1 file and gives the new columns empty defaults', () => {
    const db = fileAt(1);
    const before = rowsOf(db);
    migrate(db, 2);
    expect(fileFormatVersion(db)).toBe(2);
    const after = rowsOf(db);

    expect(after.workshop).toEqual(before.workshop);
    expect(after.lane).toEqual(before.lane);
    expect(after.journey).toEqual(before.journey!.map((row) => ({ ...row, persona_id: null, derived_from_id: null })));
    expect(after.stage).toEqual(before.stage!.map((row) => ({ ...row, owner: '' })));
    const emptyWs = { who: '', what: '', when: '', where: '', why: '', channels: '', touchpoints: '', content: '', moment_of_truth: 0 };
    expect(after.step).toEqual(before.step!.map((row) => ({ ...row, ...emptyWs })));
    expect(after.card).toEqual(before.card!.map((row) => ({ ...row, moment_of_truth: 0 })));
    expect(after.card![1]).toEqual({
      id: 'card:c2', step_id: 'step:t2', lane_id: 'lane:l2', position: 'a0', text: 'Invoice is wrong — twice', moment_of_truth: 0,
    });
    for (const table of ['persona', 'kpi', 'emotion', 'tollgate', 'pain_point']) expect(after[table]).toEqual([]);

    expect(columnsOf(db, 'journey')).toEqual(['id', 'position', 'name', 'state', 'persona_id', 'derived_from_id']);
    expect(columnsOf(db, 'stage')).toEqual(['id', 'journey_id', 'position', 'name', 'owner']);
    expect(columnsOf(db, 'step')).toEqual([
      'id', 'stage_id', 'position', 'name', 'who', 'what', 'when', 'where', 'why', 'channels', 'touchpoints', 'content', 'moment_of_truth',
    ]);
    expect(columnsOf(db, 'card')).toEqual(['id', 'step_id', 'lane_id', 'position', 'text', 'moment_of_truth']);
    expectSound(db);
  });

  it('lets the migrated map take personas, emotions, KPIs, tollgates and pain points, and enforces their rules', () => {
    const db = fileAt(1);
    migrate(db, 2);

    db.exec(`INSERT INTO persona (id, position, name, participation, color) VALUES ('persona:p1', 'a0', 'Dana', 'driver', '#d1495b')`);
    expect(db.prepare("SELECT role, goals, baggage FROM persona").get()).toEqual({ role: '', goals: '', baggage: '' });
    expect(() => db.exec(`INSERT INTO persona (id, position, name, participation, color) VALUES ('persona:p2', 'a1', '', 'driver', '#d1495b')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO persona (id, position, name, participation, color) VALUES ('persona:p2', 'a1', 'Omar', 'boss', '#d1495b')`)).toThrow(/CHECK/);
    expect(() => db.exec(`INSERT INTO persona (id, position, name, participation, color) VALUES ('persona:p2', 'a1', 'Omar', 'driver', 'red')`)).toThrow(/CHECK/);

    db.exec("UPDATE journey SET persona_id = 'persona:p1' WHERE id = 'journey:j1'");
    db.exec("UPDATE journey SET derived_from_id = 'journey:j1' WHERE id = 'journey:j2'");
    expect(() => db.exec("UPDATE journey SET persona_id = 'persona:nope' WHERE id = 'journey:j2'")).toThrow(/FOREIGN KEY/);
    expect(() => db.prepare("UPDATE stage SET owner = ? WHERE id = 'stage:s1'").run('o'.repeat(201))).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE step SET moment_of_truth = 2 WHERE id = 'step:t1'")).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE step SET \"when\" = ? WHERE id = 'step:t1'").run('w'.repeat(4001))).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE card SET moment_of_truth = -1 WHERE id = 'card:c1'")).toThrow(/CHECK/);

    db.exec("INSERT INTO kpi (id, stage_id, position, name, current_value, target_value) VALUES ('kpi:k1', 'stage:s2', 'a0', 'Disputes', 12, 2)");
    expect(() => db.exec("INSERT INTO kpi (id, stage_id, position, name) VALUES ('kpi:k2', 'stage:s2', 'a1', '')")).toThrow(/CHECK/);

    expect(() => db.exec("INSERT INTO emotion (id, step_id, persona_id, score) VALUES ('emotion:e1', 'step:t1', 'persona:p1', 4)")).toThrow(/CHECK/);
    db.exec("INSERT INTO emotion (id, step_id, persona_id, score, evoker) VALUES ('emotion:e1', 'step:t1', 'persona:p1', -3, 'Lost')");
    expect(() => db.exec("INSERT INTO emotion (id, step_id, persona_id, score) VALUES ('emotion:e2', 'step:t1', 'persona:p1', 1)")).toThrow(/UNIQUE/);

    expect(() => db.exec("INSERT INTO tollgate (id, card_id, status) VALUES ('tollgate:g1', 'card:c3', 'maybe')")).toThrow(/CHECK/);
    db.exec("INSERT INTO tollgate (id, card_id, status) VALUES ('tollgate:g1', 'card:c3', 'blocks')");
    expect(() => db.exec("INSERT INTO tollgate (id, card_id, status) VALUES ('tollgate:g2', 'card:c3', 'passes')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO tollgate (id, card_id, status) VALUES ('tollgate:g3', 'card:nope', 'passes')")).toThrow(/FOREIGN KEY/);

    const pain = db.prepare(
      `INSERT INTO pain_point (id, card_id, severity, cost_basis, affected_per_period, cost_per_occurrence, direct_amount, period, currency, experience_area)
       VALUES (?, 'card:c2', ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    expect(() => pain.run('pain-point:x1', 6, 'rate', 1, 1, null, 'month', 'EUR', 'service')).toThrow(/CHECK/);
    expect(() => pain.run('pain-point:x1', 3, 'guess', 1, 1, null, 'month', 'EUR', 'service')).toThrow(/CHECK/);
    expect(() => pain.run('pain-point:x1', 3, 'rate', -5, 1, null, 'month', 'EUR', 'service')).toThrow(/CHECK/);
    expect(() => pain.run('pain-point:x1', 3, 'rate', 1, 1, null, 'fortnight', 'EUR', 'service')).toThrow(/CHECK/);
    expect(() => pain.run('pain-point:x1', 3, 'rate', 1, 1, null, 'month', 'EURO', 'service')).toThrow(/CHECK/);
    expect(() => pain.run('pain-point:x1', 3, 'rate', 1, 1, null, 'month', 'EUR', 'weather')).toThrow(/CHECK/);
    pain.run('pain-point:x1', 3, 'rate', 120, 35, null, 'month', 'EUR', null);
    expect(db.prepare('SELECT owner, experience_area FROM pain_point').get()).toEqual({ owner: '', experience_area: null });

    // The old rows still cannot be removed from under the new ones.
    expect(() => db.exec("DELETE FROM card WHERE id = 'card:c3'")).toThrow(/FOREIGN KEY/);
    expectSound(db);
  });
});

describe('migration 2 → 3: the room', () => {
  it("keeps every row of a populated version-2 file and gives its workshop the method's agenda of the time", () => {
    const db = fileAt(2);
    const before = rowsOf(db);
    migrate(db, 3);
    expect(fileFormatVersion(db)).toBe(3);
    const after = rowsOf(db);

    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    expect(after.persona![0]).toEqual({
      id: 'persona:p1', position: 'a0', name: 'Dana', role: 'Head of purchasing', goals: 'Fewer suppliers', needs: 'One invoice a month',
      content_preferences: 'Short PDFs', participation: 'driver', baggage: 'Burnt by the last vendor', color: '#d1495b',
    });
    expect(after.pain_point![0]).toEqual({
      id: 'pain-point:x1', card_id: 'card:c2', severity: 4, cost_basis: 'rate', affected_per_period: 120, cost_per_occurrence: 35.5,
      direct_amount: null, period: 'month', currency: 'EUR', experience_area: 'service', owner: 'Ana',
    });

    const agenda = db.prepare('SELECT * FROM agenda_item ORDER BY position').all() as Row[];
    expect(agenda.map(({ id: _id, ...rest }) => rest)).toEqual([
      { position: 'a0', title: 'Data breadcrumbs', note: '', minutes: 30, done: 0 },
      { position: 'a1', title: 'Interviews', note: '', minutes: 20, done: 0 },
      { position: 'a2', title: 'Journey map', note: '', minutes: 60, done: 0 },
      { position: 'a3', title: 'Tollgates and content', note: '', minutes: 40, done: 0 },
      { position: 'a4', title: 'Gap analysis', note: '', minutes: 40, done: 0 },
    ]);
    for (const { id } of agenda) expect(id).toMatch(/^agenda-item:[0-9a-f]{12}$/);
    expect(new Set(agenda.map((row) => row.id)).size).toBe(5);
    for (const table of ['parking_topic', 'dot_vote', 'vote_option', 'vote_participant', 'dot']) expect(after[table]).toEqual([]);
    expectSound(db);
  });

  it('seeds no agenda into a version-2 file that has no workshop row', () => {
    const db = fileAt(2);
    db.exec("DELETE FROM workshop");
    migrate(db, 3);
    expect(db.prepare('SELECT count(*) AS n FROM agenda_item').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM card').get()).toEqual({ n: 4 });
  });

  it('lets the migrated map take an agenda, parked topics and a dot vote on its cards, and enforces their rules', () => {
    const db = fileAt(2);
    migrate(db, 3);

    const agenda = db.prepare('INSERT INTO agenda_item (id, position, title, minutes) VALUES (?, ?, ?, ?)');
    expect(() => agenda.run('agenda-item:x1', 'b0', 'Wrap-up', 1441)).toThrow(/CHECK/);
    expect(() => agenda.run('agenda-item:x1', 'b0', '', 10)).toThrow(/CHECK/);
    agenda.run('agenda-item:x1', 'b0', 'Wrap-up', 1440);
    expect(() => db.exec("UPDATE agenda_item SET done = 2 WHERE id = 'agenda-item:x1'")).toThrow(/CHECK/);
    expect(() => db.prepare("UPDATE agenda_item SET note = ? WHERE id = 'agenda-item:x1'").run('n'.repeat(4001))).toThrow(/CHECK/);

    const park = db.prepare("INSERT INTO parking_topic (id, position, text, created_at) VALUES (?, 'a0', ?, '2026-01-01T00:00:00.000Z')");
    expect(() => park.run('parking-topic:q1', '')).toThrow(/CHECK/);
    park.run('parking-topic:q1', 'Who owns the invoice template?');

    const vote = db.prepare(
      "INSERT INTO dot_vote (id, journey_id, title, dots_per_participant, revealed, created_at) VALUES (?, 'journey:j1', 'Worst pain', ?, ?, '2026-01-01')",
    );
    expect(() => vote.run('dot-vote:v1', 0, 0)).toThrow(/CHECK/);
    expect(() => vote.run('dot-vote:v1', 21, 0)).toThrow(/CHECK/);
    expect(() => vote.run('dot-vote:v1', 3, 2)).toThrow(/CHECK/);
    vote.run('dot-vote:v1', 3, 0);
    expect(db.prepare('SELECT revealed, closed FROM dot_vote').get()).toEqual({ revealed: 0, closed: 0 });

    db.exec("INSERT INTO vote_option (id, vote_id, card_id) VALUES ('vote-option:o1', 'dot-vote:v1', 'card:c2')");
    expect(() => db.exec("INSERT INTO vote_option (id, vote_id, card_id) VALUES ('vote-option:o2', 'dot-vote:v1', 'card:c2')")).toThrow(/UNIQUE/);
    expect(() => db.exec("INSERT INTO vote_option (id, vote_id, card_id) VALUES ('vote-option:o3', 'dot-vote:v1', 'card:nope')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("INSERT INTO vote_participant VALUES ('vote-participant:u1', 'dot-vote:v1', 'a0', '', '#1f6feb')")).toThrow(/CHECK/);
    db.exec("INSERT INTO vote_participant VALUES ('vote-participant:u1', 'dot-vote:v1', 'a0', 'Ana', '#1f6feb')");
    db.exec("INSERT INTO dot VALUES ('dot:d1', 'dot-vote:v1', 'vote-participant:u1', 'card:c2')");
    expect(() => db.exec("INSERT INTO dot VALUES ('dot:d2', 'dot-vote:v1', 'vote-participant:nope', 'card:c2')")).toThrow(/FOREIGN KEY/);
    expect(() => db.exec("DELETE FROM card WHERE id = 'card:c2'")).toThrow(/FOREIGN KEY/);
    expectSound(db);
  });
});

describe('migration 3 → 4: facilitator and sample of the workshop', () => {
  it('keeps every row of a populated version-3 file and gives the workshop an empty facilitator and sample', () => {
    const db = fileAt(3);
    const before = rowsOf(db);
    migrate(db, 4);
    expect(fileFormatVersion(db)).toBe(4);
    expect(db.pragma('application_id', { simple: true })).toBe(JOURNEYBOARD_APPLICATION_ID);
    const after = rowsOf(db);

    expect(Object.keys(after)).toEqual(Object.keys(before));
    for (const table of Object.keys(before)) {
      if (table !== 'workshop') expect(after[table], table).toEqual(before[table]);
    }
    expect(after.workshop).toEqual([
      { id: 'workshop:w1', name: 'Onboarding at Northwind', created_at: '2025-09-01T07:00:00.000Z', facilitator: '', sample: '' },
    ]);
    expect(columnsOf(db, 'workshop')).toEqual(['id', 'name', 'created_at', 'facilitator', 'sample']);
    // The workshop's own agenda is kept as it was, not seeded again.
    expect(after.agenda_item!.map((row) => row.title)).toEqual(['Data breadcrumbs', 'Journey map', 'Lunch']);
    expect(after.dot!.length).toBe(3);
    expectSound(db);
  });

  it('takes a facilitator and a sample up to their limits, refuses longer ones, and still requires a name', () => {
    const db = fileAt(3);
    migrate(db, 4);
    const set = db.prepare("UPDATE workshop SET facilitator = ?, sample = ? WHERE id = 'workshop:w1'");
    set.run('Ana Ruiz', 'B2B software, Nordics, purchasing and finance');
    expect(db.prepare('SELECT facilitator, sample FROM workshop').get()).toEqual({
      facilitator: 'Ana Ruiz', sample: 'B2B software, Nordics, purchasing and finance',
    });
    set.run('f'.repeat(200), 's'.repeat(4000));
    expect(() => set.run('f'.repeat(201), '')).toThrow(/CHECK/);
    expect(() => set.run('', 's'.repeat(4001))).toThrow(/CHECK/);
    expect(() => db.exec("UPDATE workshop SET facilitator = NULL")).toThrow(/NOT NULL/);
    db.exec("INSERT INTO workshop (id, name, created_at, facilitator, sample) VALUES ('workshop:w2', 'Second', '2026-01-01T00:00:00.000Z', 'Ben', '')");
    expect(() => db.exec("INSERT INTO workshop (id, name, created_at) VALUES ('workshop:w3', '', '2026-01-01T00:00:00.000Z')")).toThrow(/CHECK/);
    expectSound(db);
  });
});

describe('migration 4 → 5: interviews', () => {
  it('keeps every row of a populated version-4 file and adds empty interview tables', () => {
    const db = fileAt(4);
    const before = rowsOf(db);
    migrate(db, 5);
    expect(fileFormatVersion(db)).toBe(5);
    const after = rowsOf(db);
    for (const table of Object.keys(before)) expect(after[table], table).toEqual(before[table]);
    for (const table of ['sample', 'interview', 'passage', 'note', 'tag', 'note_tag', 'pseudonym']) expect(after[table], table).toEqual([]);
    expectSound(db);
  });

  it('takes a sample, an interview, a passage, a note tagged as evidence for a card, and a key entry, and enforces their rules', () => {
    const db = fileAt(4);
    migrate(db, 5);
    db.exec(`
      INSERT INTO sample VALUES ('sample:m1', 'a0', 'Nordic finance buyers', 'Software', 'Nordics', 'Billing', 16, 'Buyer');
      INSERT INTO interview VALUES ('interview:i1', 'sample:m1', 'a0', 'INT-01', 'Buyer', 'Company-A', 'persona:p1', '', '2026-11-20', 60, 55, 'Ana', '2026-11-20T09:00:00.000Z');
      INSERT INTO passage VALUES ('passage:a1', 'interview:i1', 'a0', 'Buyer-01', 12000, 19500, 'The invoice was wrong twice.');
      INSERT INTO note VALUES ('note:n1', 'interview:i1', 'a0', 'invoice was wrong twice', '2026-11-20T09:12:00.000Z', 12.5, 'passage:a1', 4, 27);
      INSERT INTO tag VALUES ('tag:g1', 'a0', 'Billing', 'Invoices');
      INSERT INTO note_tag VALUES ('note-tag:x1', 'note:n1', 'card', NULL, NULL, 'card:c1', NULL, NULL);
      INSERT INTO note_tag VALUES ('note-tag:x2', 'note:n1', 'emotion', NULL, 'step:t1', NULL, NULL, -2);
      INSERT INTO pseudonym VALUES ('pseudonym:k1', 'interview:i1', 'person', 'Christina Meyer', 'Buyer-01');
    `);
    expect(() => db.exec("INSERT INTO note_tag VALUES ('note-tag:x3', 'note:n1', 'rumour', NULL, NULL, NULL, NULL, NULL)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO note_tag VALUES ('note-tag:x4', 'note:n1', 'emotion', NULL, 'step:t1', NULL, NULL, 7)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO interview VALUES ('interview:i2', 'sample:m1', 'a1', 'INT-02', '', '', NULL, '', '20 Nov', 60, NULL, '', NULL)")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO sample VALUES ('sample:m2', 'a1', 'Too many', '', '', '', 500, '')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO pseudonym VALUES ('pseudonym:k2', 'interview:i1', 'pet', 'Rex', 'Dog-01')")).toThrow(/CHECK/);
    expect(() => db.exec("INSERT INTO interview VALUES ('interview:i3', 'sample:none', 'a2', 'INT-03', '', '', NULL, '', '', 60, NULL, '', NULL)")).toThrow(/FOREIGN KEY/);
    expectSound(db);
  });
});
