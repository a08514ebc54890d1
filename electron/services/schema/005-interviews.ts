import type { Migration } from './migrations.ts';

/**
 * Interviews: samples, interviews, transcript passages, timestamped notes, the
 * workshop's tags, tags on notes that link them to the map as evidence, and each
 * interview's private key of pseudonyms.
 *
 * New tables, so no column needs a default: the app writes every field.
 *
 * Frozen: this SQL is what every file at version 5 was given. Never edit it; add a new
 * migration instead. Lengths: names 200, texts 4000 (LIMITS as this version shipped).
 */
export const migration005Interviews: Migration = {
  version: 5,
  name: 'interviews, notes, tags and pseudonyms',
  up(db) {
    db.exec(`
      CREATE TABLE sample (
        id                 TEXT PRIMARY KEY,
        position           TEXT NOT NULL,
        name               TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
        industry           TEXT NOT NULL CHECK (length(industry) <= 200),
        region             TEXT NOT NULL CHECK (length(region) <= 200),
        product            TEXT NOT NULL CHECK (length(product) <= 200),
        target_interviews  INTEGER NOT NULL CHECK (target_interviews BETWEEN 1 AND 200),
        roles_sought       TEXT NOT NULL CHECK (length(roles_sought) <= 4000)
      ) STRICT;

      CREATE TABLE interview (
        id               TEXT PRIMARY KEY,
        sample_id        TEXT NOT NULL REFERENCES sample(id),
        position         TEXT NOT NULL,
        code             TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 200),
        role             TEXT NOT NULL CHECK (length(role) <= 200),
        company_code     TEXT NOT NULL CHECK (length(company_code) <= 200),
        persona_id       TEXT REFERENCES persona(id),
        segment          TEXT NOT NULL CHECK (length(segment) <= 200),
        date             TEXT NOT NULL CHECK (date = '' OR date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
        planned_minutes  INTEGER NOT NULL CHECK (planned_minutes BETWEEN 0 AND 1440),
        actual_minutes   INTEGER CHECK (actual_minutes BETWEEN 0 AND 1440),
        interviewer      TEXT NOT NULL CHECK (length(interviewer) <= 200),
        started_at       TEXT
      ) STRICT;
      CREATE INDEX interview_sample ON interview(sample_id);

      CREATE TABLE passage (
        id            TEXT PRIMARY KEY,
        interview_id  TEXT NOT NULL REFERENCES interview(id),
        position      TEXT NOT NULL,
        speaker       TEXT NOT NULL CHECK (length(speaker) <= 200),
        start_ms      INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms        INTEGER NOT NULL CHECK (end_ms >= 0),
        text          TEXT NOT NULL CHECK (length(text) <= 4000)
      ) STRICT;
      CREATE INDEX passage_interview ON passage(interview_id);

      CREATE TABLE note (
        id            TEXT PRIMARY KEY,
        interview_id  TEXT NOT NULL REFERENCES interview(id),
        position      TEXT NOT NULL,
        text          TEXT NOT NULL CHECK (length(text) <= 4000),
        taken_at      TEXT NOT NULL,
        minutes_in    REAL NOT NULL CHECK (minutes_in BETWEEN 0 AND 1440),
        passage_id    TEXT REFERENCES passage(id),
        start_offset  INTEGER CHECK (start_offset >= 0),
        end_offset    INTEGER CHECK (end_offset >= 0)
      ) STRICT;
      CREATE INDEX note_interview ON note(interview_id);

      CREATE TABLE tag (
        id        TEXT PRIMARY KEY,
        position  TEXT NOT NULL,
        "group"   TEXT NOT NULL CHECK (length("group") <= 200),
        name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200)
      ) STRICT;

      CREATE TABLE note_tag (
        id        TEXT PRIMARY KEY,
        note_id   TEXT NOT NULL REFERENCES note(id),
        kind      TEXT NOT NULL CHECK (kind IN ('stage', 'step', 'card', 'emotion', 'quote', 'outlier', 'moment-of-truth', 'tag')),
        stage_id  TEXT REFERENCES stage(id),
        step_id   TEXT REFERENCES step(id),
        card_id   TEXT REFERENCES card(id),
        tag_id    TEXT REFERENCES tag(id),
        score     INTEGER CHECK (score BETWEEN -3 AND 3)
      ) STRICT;
      CREATE INDEX note_tag_note ON note_tag(note_id);
      CREATE INDEX note_tag_card ON note_tag(card_id);

      CREATE TABLE pseudonym (
        id            TEXT PRIMARY KEY,
        interview_id  TEXT NOT NULL REFERENCES interview(id),
        kind          TEXT NOT NULL CHECK (kind IN ('person', 'company')),
        real_name     TEXT NOT NULL CHECK (length(real_name) BETWEEN 1 AND 200),
        code          TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 200)
      ) STRICT;
    `);
  },
};
