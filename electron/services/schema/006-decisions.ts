import type { Migration } from './migrations.ts';

/**
 * Decisions (step 5 of the method): the workshop's needle-mover weights and matrix axes,
 * the room's value and effort ratings of a card, which record each future-state copy
 * was made from, and the action plan with what each action addresses.
 *
 * New tables, so no column needs a default: the app writes every field. Files made
 * before this version have no copy_origin rows; their future states are matched to the
 * current journey by name instead (shared/decisions/gap-analysis.ts).
 *
 * Frozen: this SQL is what every file at version 6 was given. Never edit it; add a new
 * migration instead. Lengths: names 200, texts 4000 (LIMITS as this version shipped).
 */
export const migration006Decisions: Migration = {
  version: 6,
  name: 'needle-mover scoring, ratings, copy origins and the action plan',
  up(db) {
    db.exec(`
      CREATE TABLE scoring (
        id               TEXT PRIMARY KEY,
        cost_weight      INTEGER NOT NULL CHECK (cost_weight BETWEEN 0 AND 10),
        evidence_weight  INTEGER NOT NULL CHECK (evidence_weight BETWEEN 0 AND 10),
        vote_weight      INTEGER NOT NULL CHECK (vote_weight BETWEEN 0 AND 10),
        severity_weight  INTEGER NOT NULL CHECK (severity_weight BETWEEN 0 AND 10),
        matrix_x         TEXT NOT NULL CHECK (matrix_x IN ('score', 'customerValue', 'businessValue', 'effort')),
        matrix_y         TEXT NOT NULL CHECK (matrix_y IN ('score', 'customerValue', 'businessValue', 'effort'))
      ) STRICT;

      CREATE TABLE rating (
        id              TEXT PRIMARY KEY,
        card_id         TEXT NOT NULL UNIQUE REFERENCES card(id),
        customer_value  INTEGER CHECK (customer_value BETWEEN 1 AND 5),
        business_value  INTEGER CHECK (business_value BETWEEN 1 AND 5),
        effort          INTEGER CHECK (effort BETWEEN 1 AND 5)
      ) STRICT;

      CREATE TABLE copy_origin (
        id          TEXT PRIMARY KEY,
        journey_id  TEXT NOT NULL REFERENCES journey(id),
        record_id   TEXT NOT NULL CHECK (length(record_id) BETWEEN 1 AND 80),
        origin_id   TEXT NOT NULL CHECK (length(origin_id) BETWEEN 1 AND 80)
      ) STRICT;
      CREATE INDEX copy_origin_journey ON copy_origin(journey_id);

      CREATE TABLE plan_action (
        id               TEXT PRIMARY KEY,
        position         TEXT NOT NULL,
        title            TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        owner            TEXT NOT NULL CHECK (length(owner) <= 200),
        due_date         TEXT NOT NULL CHECK (due_date = '' OR due_date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        status           TEXT NOT NULL CHECK (status IN ('planned', 'doing', 'done', 'dropped')),
        expected_effect  TEXT NOT NULL CHECK (length(expected_effect) <= 4000)
      ) STRICT;

      CREATE TABLE plan_link (
        id         TEXT PRIMARY KEY,
        action_id  TEXT NOT NULL REFERENCES plan_action(id),
        card_id    TEXT REFERENCES card(id),
        kpi_id     TEXT REFERENCES kpi(id),
        CHECK ((card_id IS NULL) <> (kpi_id IS NULL))
      ) STRICT;
      CREATE INDEX plan_link_action ON plan_link(action_id);
      CREATE INDEX plan_link_card ON plan_link(card_id);
    `);
  },
};
