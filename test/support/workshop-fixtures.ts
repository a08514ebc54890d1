import Database from 'better-sqlite3';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../../electron/services/schema/migrations.ts';

export function tempFolder(prefix = 'journeyboard-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Files a facilitator might point Journeyboard at by mistake, each with a reason to refuse it. */
export function makeRefusableFiles(folder: string) {
  const text = join(folder, 'notes.journey');
  writeFileSync(text, 'Interview notes, Buyer-03 @ Company-C\nFelt ignored after the first invoice.\n');

  const empty = join(folder, 'empty.journey');
  writeFileSync(empty, '');

  const otherProgram = join(folder, 'budget.sqlite');
  const other = new Database(otherProgram);
  other.exec("CREATE TABLE transactions (id INTEGER PRIMARY KEY, amount REAL); INSERT INTO transactions (amount) VALUES (12.5);");
  other.close();

  const newer = join(folder, 'from-the-future.journey');
  WorkshopFile.create(newer, 'Next year', { replaceExisting: false }).close();
  const bump = new Database(newer);
  bump.pragma(`user_version = ${CURRENT_FILE_FORMAT_VERSION + 1}`);
  bump.close();

  const damaged = join(folder, 'damaged.journey');
  WorkshopFile.create(damaged, 'Damaged', { replaceExisting: false }).close();
  const bytes = readFileSync(damaged);
  writeFileSync(damaged, bytes.subarray(0, Math.floor(bytes.length / 2)));

  return { text, empty, otherProgram, newer, damaged };
}
