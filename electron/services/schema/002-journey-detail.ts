import type { Migration } from './migrations.ts';

/**
 * What the method asks of a map beyond cards: personas and whose journey it is, how
 * they feel at each step, tollgates, the cost of pain points, moments of truth, the
 * five W's of each step, stage owners and KPIs. Existing rows get empty defaults.
 *
 * Frozen: this SQL is what every file at version 2 was given. Never edit it (not even
 * to follow a change to a shared/ constant); add a new migration instead.
 *
 * The numbers and lists are LIMITS, PARTICIPATION_LEVELS, TOLLGATE_STATUSES,
 * COST_PERIODS and EXPERIENCE_AREAS as they were when this version shipped.
 */
export const migration002JourneyDetail: Migration = {
  version: 2,
  name: 'personas, emotions, tollgates, pain points, moments of truth, five Ws, owners and KPIs',
  up(db) {
    db.exec(`
      CREATE TABLE persona (
        id                   TEXT PRIMARY KEY,
        position             TEXT NOT NULL,
        name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        role                 TEXT NOT NULL DEFAULT '' CHECK (length(role) <= 200),
        goals TEXT NOT NULL DEFAULT '' CHECK (length(goals) <= 4000),
        needs TEXT NOT NULL DEFAULT '' CHECK (length(needs) <= 4000),
        content_preferences TEXT NOT NULL DEFAULT '' CHECK (length(content_preferences) <= 4000),
        participation        TEXT NOT NULL CHECK (participation IN ('driver', 'participant', 'gatekeeper')),
        baggage TEXT NOT NULL DEFAULT '' CHECK (length(baggage) <= 4000),
        color                TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')
      ) STRICT;

      ALTER TABLE journey ADD COLUMN persona_id TEXT REFERENCES persona(id);
      ALTER TABLE journey ADD COLUMN derived_from_id TEXT REFERENCES journey(id);

      ALTER TABLE stage ADD COLUMN owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200);

      ALTER TABLE step ADD COLUMN who TEXT NOT NULL DEFAULT '' CHECK (length(who) <= 4000);
      ALTER TABLE step ADD COLUMN what TEXT NOT NULL DEFAULT '' CHECK (length(what) <= 4000);
      ALTER TABLE step ADD COLUMN "when" TEXT NOT NULL DEFAULT '' CHECK (length("when") <= 4000);
      ALTER TABLE step ADD COLUMN "where" TEXT NOT NULL DEFAULT '' CHECK (length("where") <= 4000);
      ALTER TABLE step ADD COLUMN why TEXT NOT NULL DEFAULT '' CHECK (length(why) <= 4000);
      ALTER TABLE step ADD COLUMN channels TEXT NOT NULL DEFAULT '' CHECK (length(channels) <= 4000);
      ALTER TABLE step ADD COLUMN touchpoints TEXT NOT NULL DEFAULT '' CHECK (length(touchpoints) <= 4000);
      ALTER TABLE step ADD COLUMN content TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 4000);
      ALTER TABLE step ADD COLUMN moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (moment_of_truth IN (0, 1));

      ALTER TABLE card ADD COLUMN moment_of_truth INTEGER NOT NULL DEFAULT 0 CHECK (moment_of_truth IN (0, 1));

      CREATE TABLE kpi (
        id             TEXT PRIMARY KEY,
        stage_id       TEXT NOT NULL REFERENCES stage(id),
        position       TEXT NOT NULL,
        name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        current_value  REAL,
        target_value   REAL,
        unit           TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= 200)
      ) STRICT;
      CREATE INDEX kpi_by_stage ON kpi(stage_id, position);

      CREATE TABLE emotion (
        id          TEXT PRIMARY KEY,
        step_id     TEXT NOT NULL REFERENCES step(id),
        persona_id  TEXT NOT NULL REFERENCES persona(id),
        score       INTEGER NOT NULL CHECK (score BETWEEN -3 AND 3),
        evoker TEXT NOT NULL DEFAULT '' CHECK (length(evoker) <= 4000),
        UNIQUE (step_id, persona_id)
      ) STRICT;
      CREATE INDEX emotion_by_persona ON emotion(persona_id);

      CREATE TABLE tollgate (
        id             TEXT PRIMARY KEY,
        card_id        TEXT NOT NULL UNIQUE REFERENCES card(id),
        status         TEXT NOT NULL CHECK (status IN ('passes', 'friction', 'blocks')),
        buyer_process TEXT NOT NULL DEFAULT '' CHECK (length(buyer_process) <= 4000),
        content TEXT NOT NULL DEFAULT '' CHECK (length(content) <= 4000),
        channel TEXT NOT NULL DEFAULT '' CHECK (length(channel) <= 4000),
        source TEXT NOT NULL DEFAULT '' CHECK (length(source) <= 4000)
      ) STRICT;

      CREATE TABLE pain_point (
        id                   TEXT PRIMARY KEY,
        card_id              TEXT NOT NULL UNIQUE REFERENCES card(id),
        severity             INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
        cost_basis           TEXT NOT NULL CHECK (cost_basis IN ('rate', 'amount')),
        affected_per_period REAL CHECK (affected_per_period IS NULL OR affected_per_period >= 0),
        cost_per_occurrence REAL CHECK (cost_per_occurrence IS NULL OR cost_per_occurrence >= 0),
        direct_amount REAL CHECK (direct_amount IS NULL OR direct_amount >= 0),
        period               TEXT NOT NULL CHECK (period IN ('day', 'week', 'month', 'quarter', 'year')),
        currency             TEXT NOT NULL CHECK (length(currency) = 3),
        experience_area      TEXT CHECK (experience_area IS NULL OR experience_area IN ('channel', 'product', 'buying', 'service', 'exit', 'employee')),
        owner                TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= 200)
      ) STRICT;
    `);
  },
};
