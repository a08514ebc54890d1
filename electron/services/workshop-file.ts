import Database from 'better-sqlite3';
import { existsSync, mkdirSync, realpathSync, renameSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { WorkshopError } from '../../shared/api/errors.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { RECORD_TYPE_ORDER } from '../../shared/model/records.ts';
import type { TemplateId } from '../../shared/model/templates.ts';
import { startingRecords } from './templates.ts';
import { sameRecord, type Change } from '../../shared/change/change.ts';
import { WorkshopLock, lockedBy } from './file-lock.ts';
import { settleJournal } from './journal-recovery.ts';
import { readFileHeader } from './file-header.ts';
import { toWorkshopError } from './errors.ts';
import { CURRENT_FILE_FORMAT_VERSION, JOURNEYBOARD_APPLICATION_ID, fileFormatVersion, migrate } from './schema/migrations.ts';
import { RecordStatements } from './record-statements.ts';
import { describeForeignKeyProblem } from './foreign-key-problems.ts';

export interface FileWatcher {
  changed(change: Change): void;
  closed(): void;
}

/** Files open in this process, by real path: one file, one writer. */
const openPaths = new Set<string>();

export interface OpenOptions {
  /** Open without writing a byte or taking the lock: another Journeyboard has it. */
  readOnly?: boolean;
  /** Where safety copies go before a journal is rolled back. */
  recoveryFolder?: string;
}

/**
 * One open `.journey` file. Opening refuses anything that is not a workshop this build
 * can read, never lets SQLite replay a journal that is not the file's own, and holds a
 * lock so no other process writes the file meanwhile; every change is one transaction
 * that applies only if the file still holds what the change was made from.
 */
export class WorkshopFile {
  readonly path: string;
  readonly readOnly: boolean;
  /** What opening did that the user should hear about (a journal set aside, a recovery). */
  readonly notices: readonly string[];
  private readonly db: Database.Database;
  private readonly statements: RecordStatements;
  private readonly lock: WorkshopLock | undefined;
  private lockLost: WorkshopError | undefined;
  private closed = false;
  private readonly watchers = new Set<FileWatcher>();

  private constructor(path: string, db: Database.Database, options: { readOnly: boolean; notices: string[]; lock?: WorkshopLock }) {
    this.path = path;
    this.db = db;
    this.readOnly = options.readOnly;
    this.notices = options.notices;
    this.lock = options.lock;
    this.statements = new RecordStatements(db);
  }

  static open(requestedPath: string, options: OpenOptions = {}): WorkshopFile {
    const path = resolve(requestedPath);
    const real = checkRegularFile(path);
    if (openPaths.has(real)) {
      throw new WorkshopError('already-open', `${basename(path)} is already open in Journeyboard.`, path);
    }
    const header = checkHeader(path);
    if (options.readOnly) {
      checkSize(path);
      return WorkshopFile.openReadOnly(path);
    }

    let lostBeforeReady: WorkshopError | undefined;
    let file: WorkshopFile | undefined;
    const lock = WorkshopLock.acquire(path, (error) => {
      if (file) file.lockLost = error;
      else lostBeforeReady = error;
    });
    let db: Database.Database | undefined;
    try {
      const notice = settleJournal(path, header.pageSize, JOURNEYBOARD_APPLICATION_ID, options.recoveryFolder ?? join(tmpdir(), 'journeyboard-recovery'));
      checkSize(path);
      checkIntegrity(path, { readonly: true });
      db = new Database(path, { fileMustExist: true });
      configure(db);
      migrate(db);
      file = new WorkshopFile(path, db, { readOnly: false, notices: notice ? [notice] : [], lock });
      if (lostBeforeReady) file.lockLost = lostBeforeReady;
      openPaths.add(real);
      return file;
    } catch (error) {
      db?.close();
      lock.unlock();
      throw toWorkshopError(error, path);
    }
  }

  /** A look at a file another Journeyboard is writing: no lock, no journal, no writes. */
  private static openReadOnly(path: string): WorkshopFile {
    try {
      const db = new Database(path, { readonly: true, fileMustExist: true });
      db.pragma('busy_timeout = 2000');
      if (fileFormatVersion(db) < CURRENT_FILE_FORMAT_VERSION) {
        db.close();
        throw new WorkshopError('read-only', `${basename(path)} is from an older version of Journeyboard and must be upgraded before it can be shown, which needs it to be opened for editing. The file has not been changed.`, path);
      }
      return new WorkshopFile(path, db, { readOnly: true, notices: [] });
    } catch (error) {
      throw toWorkshopError(error, path);
    }
  }

  /**
   * Builds the new file under a temporary name beside the target and renames it into
   * place, so a crash never leaves a half-made workshop where the user expects one.
   */
  static create(requestedPath: string, workshopName: string, options: { replaceExisting: boolean; template?: TemplateId }): WorkshopFile {
    return WorkshopFile.createFromRecords(requestedPath, startingRecords(options.template ?? 'blank', workshopName), options);
  }

  /** A new workshop holding exactly these records (a template's, or an import's). */
  static createFromRecords(requestedPath: string, records: readonly AnyRecord[], options: { replaceExisting: boolean }): WorkshopFile {
    const path = resolve(requestedPath);
    const name = basename(path);
    if (existsSync(path)) {
      if (!options.replaceExisting) {
        throw new WorkshopError('already-exists', `There is already a file called ${name} in that folder.`, path);
      }
      if (openPaths.has(realpathSync(path))) {
        throw new WorkshopError('already-open', `${name} is open in Journeyboard, so it cannot be replaced.`, path);
      }
      const holder = WorkshopLock.heldElsewhere(path);
      if (holder !== false) throw lockedBy(path, holder);
    }
    const temp = join(dirname(path), `.${name}.${randomBytes(4).toString('hex')}.tmp`);
    try {
      mkdirSync(dirname(path), { recursive: true });
      const db = new Database(temp);
      try {
        configure(db);
        migrate(db);
        const statements = new RecordStatements(db);
        db.transaction(() => {
          db.pragma('defer_foreign_keys = ON');
          for (const type of RECORD_TYPE_ORDER) for (const record of records) if (record.type === type) statements.insert(record);
        })();
      } finally {
        db.close();
      }
      renameSync(temp, path);
    } catch (error) {
      rmSync(temp, { force: true });
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('SQLITE_CONSTRAINT')) {
        throw new WorkshopError('invalid-request', `Those records do not form a complete workshop (some refer to records that are missing). Nothing was created.`, path);
      }
      throw toWorkshopError(error, path);
    }
    return WorkshopFile.open(path);
  }

  get fileFormatVersion(): number {
    return fileFormatVersion(this.db);
  }

  readRecords(): AnyRecord[] {
    return RECORD_TYPE_ORDER.flatMap((type) => this.statements.all(type));
  }

  /** A consistent copy through SQLite's online backup, while the file stays open. */
  async backupTo(destination: string): Promise<void> {
    await this.db.backup(destination);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  countCards(): number {
    return (this.db.prepare('SELECT count(*) AS n FROM card').get() as { n: number }).n;
  }

  workshopName(): string {
    const workshop = this.statements.all('workshop')[0];
    return workshop?.type === 'workshop' ? workshop.name : basename(this.path, '.journey');
  }

  /**
   * Writes exactly the records in the change, all or nothing. Foreign keys are checked
   * at commit, so the order of records inside a change does not matter, only that the
   * change as a whole leaves every card with its step and lane.
   */
  applyChange(change: Change): void {
    if (this.readOnly) {
      throw new WorkshopError('read-only', `${basename(this.path)} is open read-only here, so changes are not saved to it. Use Save a copy as… to keep them.`, this.path);
    }
    if (this.lockLost) throw this.lockLost;
    try {
      useRollbackJournal(this.db);
      this.db.transaction(() => this.write(change))();
      for (const watcher of this.watchers) watcher.changed(change);
    } catch (error) {
      if (error instanceof WorkshopError) throw error;
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
        throw new WorkshopError('invalid-change', `This change was not saved: it ${this.foreignKeyProblem(change)}. Nothing was written.`, this.path);
      }
      throw toWorkshopError(error, this.path);
    }
  }

  /**
   * Hears every change once it is in the file, whoever made it, and the file closing:
   * the room on phones keeps its view of the records from this and ends with the file.
   */
  watch(watcher: FileWatcher): () => void {
    this.watchers.add(watcher);
    return () => this.watchers.delete(watcher);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const watcher of [...this.watchers]) watcher.closed();
    this.watchers.clear();
    try {
      if (!this.readOnly) openPaths.delete(realpathSync(this.path));
    } catch {
      for (const real of openPaths) if (real === this.path) openPaths.delete(real);
    } finally {
      try {
        this.db.close();
      } finally {
        this.lock?.unlock();
      }
    }
  }

  private write(change: Change): void {
    this.db.pragma('defer_foreign_keys = ON');
    const reversed = [...RECORD_TYPE_ORDER].reverse();
    const byType = (records: Record<string, AnyRecord>, type: AnyRecord['type']) =>
      Object.values(records).filter((r) => r.type === type);
    for (const type of reversed) {
      for (const record of byType(change.removed, type)) {
        this.expectStored(record, 'removed');
        if (!this.statements.remove(record)) throw this.missing(record, 'removed');
      }
    }
    for (const type of RECORD_TYPE_ORDER) {
      for (const record of byType(change.added, type)) {
        try {
          this.statements.insert(record);
        } catch (error) {
          if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
            throw new WorkshopError('invalid-change', `This change was not saved: ${describe(record)} is already in the file. Nothing was written.`, this.path);
          }
          throw error;
        }
      }
    }
    for (const [from, to] of Object.values(change.updated)) {
      this.expectStored(from, 'changed');
      if (!this.statements.update(to)) throw this.missing(to, 'changed');
    }
  }

  /**
   * Optimistic concurrency: a record is changed or removed only if the file still holds
   * what the change was made from. Anything else means another writer got there first,
   * and writing would silently overwrite their work.
   */
  private expectStored(record: AnyRecord, verb: string): void {
    const stored = this.statements.get(record.type, record.id);
    if (!stored) throw this.missing(record, verb);
    if (!sameRecord(stored, this.statements.normalize(record))) {
      throw new WorkshopError(
        'conflict',
        `This change was not saved: ${describe(record)} was changed in the file by someone else since it was loaded here, so saving would overwrite their work. Nothing was written.`,
        this.path,
      );
    }
  }

  private missing(record: AnyRecord, verb: string): WorkshopError {
    return new WorkshopError(
      'invalid-change',
      `This change was not saved: ${describe(record)} cannot be ${verb} because it is not in the file. Nothing was written.`,
      this.path,
    );
  }

  /** Only on the failure path: replays the change to name what it would break. */
  private foreignKeyProblem(change: Change): string {
    return describeForeignKeyProblem(this.db, () => this.write(change));
  }
}

/**
 * Our files use a rollback journal. One that arrives in WAL mode is left as it is until
 * the first edit, so opening it to look changes none of its bytes.
 */
function configure(db: Database.Database): void {
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 2000');
  // Deleted and overwritten content is zeroed, so a removed private key (real names)
  // leaves no trace in the file's free pages.
  db.pragma('secure_delete = ON');
}

function useRollbackJournal(db: Database.Database): void {
  if (db.pragma('journal_mode', { simple: true }) !== 'delete') db.pragma('journal_mode = DELETE');
}

/** Only regular files are opened: a FIFO would block every request, a device never ends. */
function checkRegularFile(path: string): string {
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) throw Object.assign(new Error('directory'), { code: 'EISDIR' });
    if (!stat.isFile()) {
      throw new WorkshopError('not-a-workshop', `${basename(path)} is not a regular file (it is a device, pipe or socket), so it is not a workshop. Nothing was read from it.`, path);
    }
    return realpathSync(path);
  } catch (error) {
    throw toWorkshopError(error, path);
  }
}

function describe(record: AnyRecord): string {
  return `the ${record.type} ${record.id}`;
}

function checkHeader(path: string): { pageSize: number; pageCount: number } {
  const name = basename(path);
  const header = readFileHeader(path);
  if (header.kind === 'empty') {
    throw new WorkshopError('not-a-workshop', `${name} is empty, so it is not a Journeyboard workshop. The file has not been changed.`, path);
  }
  if (header.kind === 'not-sqlite') {
    throw new WorkshopError('not-a-workshop', `${name} is not a Journeyboard workshop (it is not a workshop file at all). The file has not been changed.`, path);
  }
  if (header.applicationId !== JOURNEYBOARD_APPLICATION_ID) {
    throw new WorkshopError('not-a-workshop', `${name} is a database from another program, not a Journeyboard workshop. The file has not been changed.`, path);
  }
  if (header.userVersion > CURRENT_FILE_FORMAT_VERSION) {
    throw new WorkshopError(
      'newer-version',
      `${name} was saved by a newer version of Journeyboard (file format ${header.userVersion}; this version reads up to ${CURRENT_FILE_FORMAT_VERSION}). Update Journeyboard to open it. The file has not been changed.`,
      path,
    );
  }
  return { pageSize: header.pageSize, pageCount: header.pageCount };
}

/**
 * A file shorter than its header says is damaged — unless a journal is about to be
 * rolled back: a save cut short can leave page 1 counting pages not yet written.
 */
function checkSize(path: string): void {
  const header = readFileHeader(path);
  if (header.kind === 'sqlite' && header.pageCount > 0 && statSync(path).size < header.pageCount * header.pageSize) throw damaged(path);
}

function checkIntegrity(path: string, via: { readonly: true }): void {
  let db: Database.Database | undefined;
  try {
    db = new Database(path, { readonly: via.readonly, fileMustExist: true });
    const result = db.pragma('quick_check', { simple: true });
    if (result !== 'ok') throw damaged(path);
  } catch (error) {
    if (error instanceof WorkshopError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || code.startsWith('SQLITE_IOERR')) throw damaged(path);
    throw toWorkshopError(error, path);
  } finally {
    db?.close();
  }
}

function damaged(path: string): WorkshopError {
  return new WorkshopError(
    'damaged',
    `${basename(path)} is damaged and cannot be opened safely. The file has not been changed; open a backup copy if you have one.`,
    path,
  );
}
