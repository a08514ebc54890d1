import { basename } from 'node:path';
import { WorkshopError } from '../../shared/api/errors.ts';

/** Turns what the OS or SQLite threw into a WorkshopError a facilitator can read. */
export function toWorkshopError(error: unknown, path?: string): WorkshopError {
  if (error instanceof WorkshopError) return error;
  const code = (error as { code?: unknown })?.code;
  const name = path ? basename(path) : 'The workshop';
  const unchanged = 'Nothing was changed.';
  switch (typeof code === 'string' ? code : '') {
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
      return new WorkshopError('disk-full', `The disk is full, so the last change to ${name} could not be saved. Free some space and try again. ${unchanged}`, path);
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
      return new WorkshopError('internal', 'Something unexpected went wrong inside Journeyboard. Your workshop file has not been changed.', path);
  }
}
