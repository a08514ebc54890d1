import { existsSync, mkdirSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, normalize, resolve } from 'node:path';
import { WorkshopError } from '../../shared/api/errors.ts';

/**
 * Paths as capabilities. Every path a request names is untrusted: it must be absolute
 * (a relative one would land wherever the process happens to run), name a regular
 * file and never a device, pipe or socket, and replace an existing file only when the
 * request says the user confirmed it. Where the shell has native dialogs (Electron),
 * a path must also have been granted: picked by the user in a dialog, handed over by
 * the operating system, or in the recent list, so a script in the page cannot write
 * wherever it likes.
 */
export class UserPaths {
  private readonly granted = new Set<string>();
  private readonly requireGrant: boolean;
  private readonly defaultFolder: string;
  private readonly knownForOpening: () => readonly string[];

  constructor(options: { defaultFolder: string; requireGrant: boolean; knownForOpening: () => readonly string[] }) {
    this.defaultFolder = resolve(options.defaultFolder);
    this.requireGrant = options.requireGrant;
    this.knownForOpening = options.knownForOpening;
  }

  /** The user picked this path (dialog, OS, drag and drop): requests may now use it. */
  grant(path: string): void {
    if (isAbsolute(path)) this.granted.add(normalize(path));
  }

  /** A file to read: a workshop to open, a file to import. */
  forReading(path: string): string {
    const absolute = this.absolute(path);
    if (this.requireGrant && !this.granted.has(absolute) && !this.knownForOpening().includes(absolute)) throw notPicked(absolute);
    let stat;
    try {
      stat = statSync(absolute);
    } catch {
      throw new WorkshopError('not-found', `${basename(absolute)} could not be found. It may have been moved, renamed or deleted.`, absolute);
    }
    if (stat.isDirectory()) throw new WorkshopError('not-a-workshop', `${basename(absolute)} is a folder, not a file.`, absolute);
    if (!stat.isFile()) throw notRegular(absolute);
    return absolute;
  }

  /** A file to create or replace: a new workshop, a copy, an export. */
  forWriting(path: string, replaceExisting: boolean): string {
    const absolute = this.absolute(path);
    if (this.requireGrant && !this.granted.has(absolute)) throw notPicked(absolute);
    if (existsSync(absolute)) {
      const stat = statSync(absolute);
      if (stat.isDirectory()) throw new WorkshopError('already-exists', `${basename(absolute)} is a folder; choose a file name.`, absolute);
      if (!stat.isFile()) throw notRegular(absolute);
      if (!replaceExisting) {
        throw new WorkshopError('already-exists', `There is already a file called ${basename(absolute)} in that folder. Nothing was written.`, absolute);
      }
    }
    const folder = dirname(absolute);
    if (!existsSync(folder)) {
      // Only our own default folder is made on demand; a mistyped folder is an error.
      if (folder !== this.defaultFolder) throw new WorkshopError('not-found', `The folder ${folder} does not exist. Nothing was written.`, absolute);
      mkdirSync(folder, { recursive: true });
    }
    return absolute;
  }

  private absolute(path: string): string {
    if (!isAbsolute(path)) {
      throw new WorkshopError('invalid-request', `“${path.slice(0, 200)}” is not a full path. Give the whole path, starting from the top of the disk.`);
    }
    return normalize(path);
  }
}

function notPicked(path: string): WorkshopError {
  return new WorkshopError('invalid-request', `Journeyboard only uses files you chose yourself, and ${basename(path)} was not chosen in a file dialog. Nothing was read or written.`, path);
}

function notRegular(path: string): WorkshopError {
  return new WorkshopError('not-a-workshop', `${basename(path)} is not a regular file (it is a device, pipe or socket). Nothing was read or written.`, path);
}
