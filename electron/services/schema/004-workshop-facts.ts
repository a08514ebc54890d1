import { LIMITS } from '../../../shared/model/limits.ts';
import type { Migration } from './migrations.ts';

/** Who ran the workshop and on which sample: the deck's title slide states both. */
export const migration004WorkshopFacts: Migration = {
  version: 4,
  name: 'facilitator and sample of the workshop',
  up(db) {
    db.exec(`
      ALTER TABLE workshop ADD COLUMN facilitator TEXT NOT NULL DEFAULT '' CHECK (length(facilitator) <= ${LIMITS.nameLength});
      ALTER TABLE workshop ADD COLUMN sample TEXT NOT NULL DEFAULT '' CHECK (length(sample) <= ${LIMITS.cardTextLength});
    `);
  },
};
