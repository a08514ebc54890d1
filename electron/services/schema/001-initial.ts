import type { Migration } from './migrations.ts';

/**
 * Plain, readable tables: `select * from card` should make sense to a person with the
 * sqlite3 shell. No ON DELETE CASCADE: a delete change lists every record it removes,
 * so the foreign keys check that the change is complete instead of silently widening it.
 *
 * Frozen: this SQL is what every file at version 1 was given. Never edit it (not even
 * to follow a change to a shared/ constant); add a new migration instead.
 *
 * The numbers and lists are LIMITS (name 200, card text 4000), JOURNEY_STATES and
 * LANE_TYPES as they were when this version shipped.
 */
export const migration001Initial: Migration = {
  version: 1,
  name: 'workshop, journeys, stages, steps, lanes and cards',
  up(db) {
    db.exec(`
      CREATE TABLE workshop (
        id          TEXT PRIMARY KEY,
        name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE journey (
        id        TEXT PRIMARY KEY,
        position  TEXT NOT NULL,
        name      TEXT NOT NULL CHECK (length(name) <= 200),
        state     TEXT NOT NULL CHECK (state IN ('current', 'future'))
      ) STRICT;

      CREATE TABLE stage (
        id          TEXT PRIMARY KEY,
        journey_id  TEXT NOT NULL REFERENCES journey(id),
        position    TEXT NOT NULL,
        name        TEXT NOT NULL CHECK (length(name) <= 200)
      ) STRICT;
      CREATE INDEX stage_by_journey ON stage(journey_id, position);

      CREATE TABLE step (
        id        TEXT PRIMARY KEY,
        stage_id  TEXT NOT NULL REFERENCES stage(id),
        position  TEXT NOT NULL,
        name      TEXT NOT NULL CHECK (length(name) <= 200)
      ) STRICT;
      CREATE INDEX step_by_stage ON step(stage_id, position);

      CREATE TABLE lane (
        id          TEXT PRIMARY KEY,
        journey_id  TEXT NOT NULL REFERENCES journey(id),
        position    TEXT NOT NULL,
        name        TEXT NOT NULL CHECK (length(name) <= 200),
        lane_type   TEXT NOT NULL CHECK (lane_type IN ('actions', 'thoughts', 'needs', 'touchpoints', 'channels', 'content', 'emotions', 'pain-points', 'opportunities', 'tollgates', 'moments-of-truth', 'backstage', 'kpis', 'quotes'))
      ) STRICT;
      CREATE INDEX lane_by_journey ON lane(journey_id, position);

      CREATE TABLE card (
        id        TEXT PRIMARY KEY,
        step_id   TEXT NOT NULL REFERENCES step(id),
        lane_id   TEXT NOT NULL REFERENCES lane(id),
        position  TEXT NOT NULL,
        text      TEXT NOT NULL CHECK (length(text) <= 4000)
      ) STRICT;
      CREATE INDEX card_by_cell ON card(step_id, lane_id, position);
      CREATE INDEX card_by_lane ON card(lane_id);
    `);
  },
};
