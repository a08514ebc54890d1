import { basename } from 'node:path';
import { WorkshopError } from '../../shared/api/errors.ts';

/** Turns what the OS or SQLite threw into a WorkshopError a facilitator can read. */
export function toWorkshopError(error: unknown, path?: string): WorkshopError {
  if (error instanceof WorkshopError) return error;
  const code = (error as { code?: unknown })?.code;
  const name = path ? basename(path) : 'The workshop';
  const unchanged = 'Nothing was changed.';
  const text = typeof code === 'string' ? code : '';
  // SQLite's extended codes say more than the primary one: a read-only *folder* or a
  // file moved away under us each need their own truthful sentence.
  if (text === 'SQLITE_READONLY_DBMOVED') {
    return new WorkshopError('file-moved', `${name} was moved, renamed or deleted while it was open, so this change could not be saved to it. Your work is still on the board: use Save a copy as… to keep it.`, path);
  }
  if (text === 'SQLITE_READONLY_DIRECTORY' || text === 'SQLITE_READONLY_CANTINIT') {
    return new WorkshopError('permission-denied', `The folder that holds ${name} has become read-only, so changes cannot be saved there. Your work is still on the board: use Save a copy as… to keep it in another folder. The file itself was not changed.`, path);
  }
  if (text === 'SQLITE_READONLY_ROLLBACK') {
    return new WorkshopError('permission-denied', `${name} needs an interrupted save rolled back, which needs permission to write to it and its folder. The file has not been changed.`, path);
  }
  switch (text.startsWith('SQLITE_READONLY') ? 'SQLITE_READONLY' : text.startsWith('SQLITE_FULL') ? 'SQLITE_FULL' : text) {
    case 'ENOENT':
      return new WorkshopError('not-found', `${name} could not be found. It may have been moved, renamed or deleted.`, path);
    case 'EACCES':
    case 'EPERM':
    case 'EROFS':
    case 'SQLITE_READONLY':
    case 'SQLITE_PERM':
    case 'SQLITE_CANTOPEN':
      return new WorkshopError('permission-denied', `Journeyboard is not allowed to write to ${name}. Check the file's permissions or save a copy in another folder. ${unchanged}`, path);
    case 'ENOSPC':
    case 'SQLITE_FULL':
      return new WorkshopError('disk-full', `The disk is full, so the last change to ${name} could not be saved. Your work is still on the board and is saved as soon as there is space; or use Save a copy as… to keep it on another disk. The file itself was not changed.`, path);
    case 'SQLITE_BUSY':
    case 'SQLITE_LOCKED':
      return new WorkshopError('file-busy', `${name} is in use by another program right now. Close it there and try again. ${unchanged}`, path);
    case 'SQLITE_CORRUPT':
    case 'SQLITE_NOTADB':
      return new WorkshopError('damaged', `${name} is damaged and cannot be opened safely. The file has not been changed; open a backup copy if you have one.`, path);
    case 'EISDIR':
      return new WorkshopError('not-a-workshop', `${name} is a folder, not a workshop file.`, path);
    default:
      if (typeof code === 'string' && (code.startsWith('SQLITE_IOERR') || code === 'EIO')) {
        return new WorkshopError('io-error', `The disk reported an error while using ${name}. ${unchanged}`, path);
      }
      console.error('[journeyboard] unexpected error', error);
      return new WorkshopError('internal', 'Something unexpected went wrong inside Journeyboard, so this request was not completed.', path);
  }
}
