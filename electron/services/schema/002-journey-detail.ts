import { LIMITS } from '../../../shared/model/limits.ts';
import { COST_PERIODS, EXPERIENCE_AREAS, PARTICIPATION_LEVELS, TOLLGATE_STATUSES } from '../../../shared/model/records.ts';
import type { Migration } from './migrations.ts';

const list = (values: readonly string[]) => values.map((v) => `'${v}'`).join(', ');
const text = (column: string) => `${column} TEXT NOT NULL DEFAULT '' CHECK (length(${column}) <= ${LIMITS.cardTextLength})`;
const flag = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;
const amount = (column: string) => `${column} REAL CHECK (${column} IS NULL OR ${column} >= 0)`;

/**
 * What the method asks of a map beyond cards: personas and whose journey it is, how
 * they feel at each step, tollgates, the cost of pain points, moments of truth, the
 * five W's of each step, stage owners and KPIs. Existing rows get empty defaults.
 */
export const migration002JourneyDetail: Migration = {
  version: 2,
  name: 'personas, emotions, tollgates, pain points, moments of truth, five Ws, owners and KPIs',
  up(db) {
    db.exec(`
      CREATE TABLE persona (
        id                   TEXT PRIMARY KEY,
        position             TEXT NOT NULL,
        name                 TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND ${LIMITS.nameLength}),
        role                 TEXT NOT NULL DEFAULT '' CHECK (length(role) <= ${LIMITS.nameLength}),
        ${text('goals')},
        ${text('needs')},
        ${text('content_preferences')},
        participation        TEXT NOT NULL CHECK (participation IN (${list(PARTICIPATION_LEVELS)})),
        ${text('baggage')},
        color                TEXT NOT NULL CHECK (color GLOB '#[0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F][0-9a-fA-F]')
      ) STRICT;

      ALTER TABLE journey ADD COLUMN persona_id TEXT REFERENCES persona(id);
      ALTER TABLE journey ADD COLUMN derived_from_id TEXT REFERENCES journey(id);

      ALTER TABLE stage ADD COLUMN owner TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= ${LIMITS.nameLength});

      ALTER TABLE step ADD COLUMN ${text('who')};
      ALTER TABLE step ADD COLUMN ${text('what')};
      ALTER TABLE step ADD COLUMN ${text('"when"')};
      ALTER TABLE step ADD COLUMN ${text('"where"')};
      ALTER TABLE step ADD COLUMN ${text('why')};
      ALTER TABLE step ADD COLUMN ${text('channels')};
      ALTER TABLE step ADD COLUMN ${text('touchpoints')};
      ALTER TABLE step ADD COLUMN ${text('content')};
      ALTER TABLE step ADD COLUMN ${flag('moment_of_truth')};

      ALTER TABLE card ADD COLUMN ${flag('moment_of_truth')};

      CREATE TABLE kpi (
        id             TEXT PRIMARY KEY,
        stage_id       TEXT NOT NULL REFERENCES stage(id),
        position       TEXT NOT NULL,
        name           TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND ${LIMITS.nameLength}),
        current_value  REAL,
        target_value   REAL,
        unit           TEXT NOT NULL DEFAULT '' CHECK (length(unit) <= ${LIMITS.nameLength})
      ) STRICT;
      CREATE INDEX kpi_by_stage ON kpi(stage_id, position);

      CREATE TABLE emotion (
        id          TEXT PRIMARY KEY,
        step_id     TEXT NOT NULL REFERENCES step(id),
        persona_id  TEXT NOT NULL REFERENCES persona(id),
        score       INTEGER NOT NULL CHECK (score BETWEEN -3 AND 3),
        ${text('evoker')},
        UNIQUE (step_id, persona_id)
      ) STRICT;
      CREATE INDEX emotion_by_persona ON emotion(persona_id);

      CREATE TABLE tollgate (
        id             TEXT PRIMARY KEY,
        card_id        TEXT NOT NULL UNIQUE REFERENCES card(id),
        status         TEXT NOT NULL CHECK (status IN (${list(TOLLGATE_STATUSES)})),
        ${text('buyer_process')},
        ${text('content')},
        ${text('channel')},
        ${text('source')}
      ) STRICT;

      CREATE TABLE pain_point (
        id                   TEXT PRIMARY KEY,
        card_id              TEXT NOT NULL UNIQUE REFERENCES card(id),
        severity             INTEGER NOT NULL CHECK (severity BETWEEN 1 AND 5),
        cost_basis           TEXT NOT NULL CHECK (cost_basis IN ('rate', 'amount')),
        ${amount('affected_per_period')},
        ${amount('cost_per_occurrence')},
        ${amount('direct_amount')},
        period               TEXT NOT NULL CHECK (period IN (${list(COST_PERIODS)})),
        currency             TEXT NOT NULL CHECK (length(currency) = 3),
        experience_area      TEXT CHECK (experience_area IS NULL OR experience_area IN (${list(EXPERIENCE_AREAS)})),
        owner                TEXT NOT NULL DEFAULT '' CHECK (length(owner) <= ${LIMITS.nameLength})
      ) STRICT;
    `);
  },
};
