import { basename, join } from 'node:path';
import type { OpenedWorkshop } from '../../shared/api/contract.ts';
import { WorkshopError } from '../../shared/api/errors.ts';
import { WorkshopFile } from './workshop-file.ts';
import { RecentFiles } from './recent-files.ts';
import { UserPaths } from './user-paths.ts';
import { Backups } from './backups.ts';

export interface SessionOptions {
  dataFolder: string;
  defaultWorkshopFolder: string;
  /** Requests may only name paths the user picked in a native dialog (Electron). */
  requirePickedPaths?: boolean;
}

/**
 * One window's session: at most one open workshop, and what every feature's handlers
 * share — the paths the user may name, the recent list, backups.
 */
export class WorkshopSession {
  readonly recent: RecentFiles;
  readonly paths: UserPaths;
  readonly backups: Backups;
  readonly recoveryFolder: string;
  private workshop: WorkshopFile | undefined;

  constructor(options: SessionOptions) {
    this.recent = new RecentFiles(options.dataFolder);
    this.paths = new UserPaths({
      defaultFolder: options.defaultWorkshopFolder,
      requireGrant: options.requirePickedPaths ?? false,
      knownForOpening: () => this.recent.list().map((entry) => entry.path),
    });
    this.backups = new Backups(join(options.dataFolder, 'backups'));
    this.recoveryFolder = join(options.dataFolder, 'recovery');
  }

  /** The open workshop, if any. */
  get open(): WorkshopFile | undefined {
    return this.workshop;
  }

  current(): WorkshopFile {
    if (!this.workshop) throw new WorkshopError('no-workshop-open', 'No workshop is open. Open or create one first.');
    return this.workshop;
  }

  describe(file: WorkshopFile): OpenedWorkshop {
    return { path: file.path, fileFormatVersion: file.fileFormatVersion, records: file.readRecords(), readOnly: file.readOnly, notices: [...file.notices] };
  }

  /** The new file becomes the open one; the old one is closed only once the new one is open. */
  switchTo(file: WorkshopFile): OpenedWorkshop {
    if (this.workshop !== file) this.close();
    this.workshop = file;
    if (!file.readOnly) {
      this.recent.remember(file.path, file.workshopName());
      void this.backups.take(file);
    }
    return this.describe(file);
  }

  /** A path a new workshop may be written to: picked, and not the file that is open. */
  writable(path: string, replaceExisting: boolean): string {
    const target = this.paths.forWriting(path, replaceExisting);
    if (this.workshop?.path === target) {
      throw new WorkshopError('already-open', `${basename(target)} is the workshop you have open, so it cannot be replaced.`, target);
    }
    return target;
  }

  close(): void {
    const closing = this.workshop;
    this.workshop = undefined;
    closing?.close();
  }
}
