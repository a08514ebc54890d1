import type { Migration } from './migrations.ts';

/**
 * The agenda an existing workshop was given by this migration: METHOD_AGENDA as it was
 * when version 3 shipped. A later change to the method's agenda changes what a new
 * workshop starts with, never what this migration seeds.
 */
const AGENDA_AT_VERSION_3: readonly { position: string; title: string; minutes: number }[] = [
  { position: 'a0', title: 'Data breadcrumbs', minutes: 30 },
  { position: 'a1', title: 'Interviews', minutes: 20 },
  { position: 'a2', title: 'Journey map', minutes: 60 },
  { position: 'a3', title: 'Tollgates and content', minutes: 40 },
  { position: 'a4', title: 'Gap analysis', minutes: 40 },
];

/**
 * What the room produces during a workshop: the agenda (the five steps of the method),
 * the parking lot, and dot votes with their participants and dots. An existing
 * workshop gets the method's agenda; a new one gets it when it is created.
 *
 * Frozen: this SQL is what every file at version 3 was given. Never edit it (not even
 * to follow a change to a shared/ constant); add a new migration instead.
 */
export const migration003Room: Migration = {
  version: 3,
  name: 'agenda, parking lot and dot votes',
  up(db) {
    db.exec(`
      CREATE TABLE agenda_item (
        id        TEXT PRIMARY KEY,
        position  TEXT NOT NULL,
        title     TEXT NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
        note      TEXT NOT NULL DEFAULT '' CHECK (length(note) <= 4000),
        minutes   INTEGER NOT NULL CHECK (minutes BETWEEN 0 AND 1440),
        done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1))
      ) STRICT;

      CREATE TABLE parking_topic (
        id          TEXT PRIMARY KEY,
        position    TEXT NOT NULL,
        text        TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 4000),
        created_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE dot_vote (
        id                    TEXT PRIMARY KEY,
        journey_id            TEXT NOT NULL REFERENCES journey(id),
        title                 TEXT NOT NULL CHECK (length(title) <= 200),
        dots_per_participant  INTEGER NOT NULL CHECK (dots_per_participant BETWEEN 1 AND 20),
        revealed INTEGER NOT NULL DEFAULT 0 CHECK (revealed IN (0, 1)),
        closed INTEGER NOT NULL DEFAULT 0 CHECK (closed IN (0, 1)),
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
        name      TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
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
    for (const item of AGENDA_AT_VERSION_3) seed.run(item.position, item.title, item.minutes);
  },
};
