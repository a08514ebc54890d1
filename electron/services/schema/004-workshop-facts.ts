import type { Migration } from './migrations.ts';

/**
 * Who ran the workshop and on which sample: the deck's title slide states both.
 *
 * Frozen: this SQL is what every file at version 4 was given. Never edit it (not even
 * to follow a change to a shared/ constant); add a new migration instead.
 *
 * The lengths are LIMITS.nameLength (200) and LIMITS.cardTextLength (4000) as they were
 * when this version shipped.
 */
export const migration004WorkshopFacts: Migration = {
  version: 4,
  name: 'facilitator and sample of the workshop',
  up(db) {
    db.exec(`
      ALTER TABLE workshop ADD COLUMN facilitator TEXT NOT NULL DEFAULT '' CHECK (length(facilitator) <= 200);
      ALTER TABLE workshop ADD COLUMN sample TEXT NOT NULL DEFAULT '' CHECK (length(sample) <= 4000);
    `);
  },
};
