import Database from 'better-sqlite3';
import { closeSync, copyFileSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WorkshopError } from '../../shared/api/errors.ts';
import { inspectJournal, journalPathOf, readPage1 } from './hot-journal.ts';

/**
 * Settles a leftover journal before SQLite opens the workshop, so SQLite never finds
 * one. The workshop's own bytes change only to the result of a rollback that was first
 * made and checked on a copy; a journal that cannot belong to the file, or whose
 * rollback would damage it, is renamed out of the way and never deleted. Returns a
 * sentence for the user when something was done.
 */
export function settleJournal(path: string, pageSize: number, applicationId: number, recoveryFolder: string, now = new Date()): string | undefined {
  const journal = journalPathOf(path);
  const name = basename(path);
  const verdict = inspectJournal(journal, readPage1(path, pageSize), applicationId);
  if (verdict.kind === 'none') return undefined;

  const stamp = now.toISOString().replace(/[:.]/g, '-');
  if (verdict.kind === 'foreign') {
    const keptAs = setAside(path, stamp, verdict.reason);
    return `Journeyboard found a leftover journal beside ${name} and did not apply it: ${verdict.reason}. It was kept as ${keptAs}. The workshop itself was not changed.`;
  }

  // Ours by every sign the journal carries: roll it back on a copy and check the result.
  const folder = join(recoveryFolder, `${stamp} ${name}`);
  const scratch = join(folder, `rolled-back ${name}`);
  try {
    mkdirSync(folder, { recursive: true });
    copyFileSync(path, join(folder, name));
    copyFileSync(journal, join(folder, basename(journal)));
    copyFileSync(path, scratch);
    copyFileSync(journal, journalPathOf(scratch));
  } catch {
    throw new WorkshopError(
      'io-error',
      `${name} was not closed properly last time and needs its last save rolled back, but Journeyboard could not make a safety copy first (in ${recoveryFolder}), so it did not touch it. Nothing was changed. Free some disk space and open it again.`,
      path,
    );
  }
  if (!rollsBackCleanly(scratch)) {
    rmSync(scratch, { force: true });
    const keptAs = setAside(path, stamp, 'rolling it back would damage the workshop');
    return `A leftover journal beside ${name} would have damaged the workshop if it were applied, so Journeyboard did not apply it. It was kept as ${keptAs} (copies of both files are in ${folder}). The workshop itself was not changed.`;
  }
  try {
    replaceWith(path, scratch);
    rmSync(journal, { force: true });
  } catch {
    throw new WorkshopError(
      'permission-denied',
      `${name} was not closed properly last time. Journeyboard rolled back the cut-short save on a copy, but could not write it back here (the folder may be read-only). Nothing was changed; the recovered copy is ${scratch}.`,
      path,
    );
  }
  rmSync(scratch, { force: true });
  return `${name} was not closed properly last time; Journeyboard rolled back the save that was cut short. Everything saved before it is here (the file as it was is kept in ${folder}).`;
}

function rollsBackCleanly(scratch: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(scratch, { fileMustExist: true });
    const ok = db.pragma('integrity_check', { simple: true }) === 'ok' && (db.pragma('foreign_key_check') as unknown[]).length === 0;
    return ok;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

/** Renames the journal beside the file so SQLite will not find it; the new name is returned. */
function setAside(path: string, stamp: string, reason: string): string {
  const journal = journalPathOf(path);
  const keptAs = `${journal}.not-applied-${stamp}`;
  try {
    renameSync(journal, keptAs);
  } catch {
    throw new WorkshopError(
      'file-busy',
      `${basename(path)} has a leftover journal beside it (${basename(journal)}) that Journeyboard will not apply: ${reason}. It could not be moved aside, so the workshop was not opened (opening would have applied it). Nothing was changed. Move ${basename(journal)} to another folder and open the workshop again.`,
      path,
    );
  }
  return keptAs;
}

/** The checked copy takes the file's place in one rename, flushed first. */
function replaceWith(path: string, source: string): void {
  const temp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.recovered`);
  try {
    copyFileSync(source, temp);
    const fd = openSync(temp, 'r+');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}
