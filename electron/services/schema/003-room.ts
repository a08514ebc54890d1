import { LIMITS } from '../../../shared/model/limits.ts';
import { METHOD_AGENDA } from '../../../shared/model/room-records.ts';
import type { Migration } from './migrations.ts';

const flag = (column: string) => `${column} INTEGER NOT NULL DEFAULT 0 CHECK (${column} IN (0, 1))`;

/**
 * What the room produces during a workshop: the agenda (the five steps of the method),
 * the parking lot, and dot votes with their participants and dots. An existing
 * workshop gets the method's agenda; a new one gets it when it is created.
 */
export const migration003Room: Migration = {
  version: 3,
  name: 'agenda, parking lot and dot votes',
  up(db) {
    db.exec(`
      CREATE TABLE agenda_item (
        id        TEXT PRIMARY KEY,
        position  TEXT NOT NULL,
        title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND ${LIMITS.nameLength}),
        note      TEXT NOT NULL DEFAULT '' CHECK (length(note) <= ${LIMITS.cardTextLength}),
        minutes   INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        ${flag('done')}
      ) STRICT;

      CREATE TABLE parking_topic (
        id          TEXT PRIMARY KEY,
        position    TEXT NOT NULL,
        text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND ${LIMITS.cardTextLength}),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dot_vote (
        id                    TEXT PRIMARY KEY,
        journey_id            TEXT NOT NULL REFERENCES journey(id),
        title                 TEXT NOT NULL CHECK (length(title) <= ${LIMITS.nameLength}),
        dots_per_participant  INTEGER NOT NULL CHECK (dots_per_participant BETWEEN 1 AND 20),
        ${flag('revealed')},
        ${flag('closed')},
        created_at            TEXT NOT NULL
      ) STRICT;

      CREATE TABLE vote_option (
        id       TEXT PRIMARY KEY,
        vote_id  TEXT NOT NULL REFERENCES dot_vote(id),
        card_id  TEXT NOT NULL REFERENCES card(id),
        UNIQUE (vote_id, card_id)
      ) STRICT;

      CREATE TABLE vote_participant (
        id        TEXT PRIMARY KEY,
        vote_id   TEXT NOT NULL REFERENCES dot_vote(id),
        position  TEXT NOT NULL,
        name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND ${LIMITS.nameLength}),
        color     TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dot (
        id              TEXT PRIMARY KEY,
        vote_id         TEXT NOT NULL REFERENCES dot_vote(id),
        participant_id  TEXT NOT NULL REFERENCES vote_participant(id),
        card_id         TEXT NOT NULL REFERENCES card(id)
      ) STRICT;
      CREATE INDEX dot_by_vote ON dot(vote_id, card_id);
    `);
    const seed = db.prepare(
      `INSERT INTO agenda_item (id, position, title, minutes)
       SELECT 'agenda-item:' || lower(hex(randomblob(6))), ?, ?, ? WHERE EXISTS (SELECT 1 FROM workshop)`,
    );
    METHOD_AGENDA.forEach((item, i) => seed.run(`a${i}`, item.title, item.minutes));
  },
};
