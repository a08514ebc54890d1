/*
 * MIGRATIONS ARE FROZEN. Never edit a migration once it has shipped: every workshop file
 * already at that version keeps the schema it was given, so editing an old migration
 * makes new files differ from old ones. To change the schema, add a new migration
 * (005-…ts), append it to MIGRATIONS, and add test/fixtures/schema/schema-v<N>.sql.
 * A migration is literal SQL: it imports nothing from shared/ (no LIMITS, LANE_TYPES,
 * METHOD_AGENDA…), because those constants move on and the migration must not.
 * test/unit/services/migrations-frozen.test.ts checks both.
 */
import type Database from 'better-sqlite3';
import { migration001Initial } from './001-initial.ts';
import { migration002JourneyDetail } from './002-journey-detail.ts';
import { migration003Room } from './003-room.ts';
import { migration004WorkshopFacts } from './004-workshop-facts.ts';
import { migration005Interviews } from './005-interviews.ts';
import { migration006Decisions } from './006-decisions.ts';
import { migration007PatternThreshold } from './007-pattern-threshold.ts';
import { migration008Participants } from './008-participants.ts';

/**
 * Numbered migrations keyed on `PRAGMA user_version` (after Signal's): each brings a
 * file from `version - 1` to `version`, all pending ones run in one transaction, so a
 * file is never left half-migrated.
 */
export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [migration001Initial, migration002JourneyDetail, migration003Room, migration004WorkshopFacts, migration005Interviews, migration006Decisions, migration007PatternThreshold, migration008Participants];

export const CURRENT_FILE_FORMAT_VERSION = MIGRATIONS.length;

/** 'JRNY': marks a file as a workshop, so another program's database is told apart. */
export const JOURNEYBOARD_APPLICATION_ID = 0x4a524e59;

export function fileFormatVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

/** Runs every migration above the file's version up to `target`, in one transaction. */
export function migrate(db: Database.Database, target: number = CURRENT_FILE_FORMAT_VERSION): void {
  const from = fileFormatVersion(db);
  if (from >= target) return;
  db.transaction(() => {
    for (const migration of MIGRATIONS) {
      if (migration.version <= from || migration.version > target) continue;
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
    db.pragma(`application_id = ${JOURNEYBOARD_APPLICATION_ID}`);
  })();
}
