import type { Migration } from './migrations.ts';

/**
 * How many distinct interviews make a pattern, per workshop: some rooms believe two
 * voices, some want three or more before a card counts as a pattern rather than an
 * outlier. A column of the workshop record, beside its other facts, so it travels with
 * the file, the JSON and undo like every other field.
 *
 * Existing files keep the verdicts they showed before: the default is the threshold
 * that was fixed until this version (2). One interview is never a pattern, and a
 * sample holds at most 200 interviews, hence the bounds.
 *
 * Frozen: this SQL is what every file at version 7 was given. Never edit it; add a new
 * migration instead.
 */
export const migration007PatternThreshold: Migration = {
  version: 7,
  name: 'pattern threshold of the workshop',
  up(db) {
    db.exec(`
      ALTER TABLE workshop ADD COLUMN pattern_threshold INTEGER NOT NULL DEFAULT 2 CHECK (pattern_threshold BETWEEN 2 AND 200);
    `);
  },
};
