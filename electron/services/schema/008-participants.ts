import type { Migration } from './migrations.ts';

/**
 * The room on phones: who joined from a phone, and which of them wrote a card. New
 * tables, so existing files need no defaults. A card has at most one author (UNIQUE);
 * a participant may be anonymous (empty name).
 *
 * Frozen: this SQL is what every file at version 8 was given. Never edit it; add a new
 * migration instead. Lengths: names 200 (LIMITS as this version shipped).
 */
export const migration008Participants: Migration = {
  version: 8,
  name: 'participants from phones and the cards they wrote',
  up(db) {
    db.exec(`
      CREATE TABLE participant (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL CHECK (length(name) <= 200),
        joined_at  TEXT NOT NULL
      ) STRICT;

      CREATE TABLE card_author (
        id              TEXT PRIMARY KEY,
        card_id         TEXT NOT NULL UNIQUE REFERENCES card(id),
        participant_id  TEXT NOT NULL REFERENCES participant(id),
        created_at      TEXT NOT NULL
      ) STRICT;
      CREATE INDEX card_author_participant ON card_author(participant_id);
    `);
  },
};
