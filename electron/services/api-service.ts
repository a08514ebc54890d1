import { basename, join, resolve, sep } from 'node:path';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { workshopToJson, parseWorkshopJson } from '../../shared/exchange/workshop-json.ts';
import { cardsCsv, prioritiesCsv } from '../../shared/exchange/cards-csv.ts';
import { writeFileAtomic } from './exports/atomic-write.ts';
import { ExportJobs } from './exports/export-jobs.ts';
import { buildDeck, deckBytes, ExportCancelled } from './exports/deck/build-deck.ts';
import { buildPdf } from './exports/pdf/build-pdf.ts';
import { apiInputSchemas, type ApiHandlers, type ApiName, type OpenedWorkshop } from '../../shared/api/contract.ts';
import { WorkshopError, type ApiError } from '../../shared/api/errors.ts';
import { err, ok, type Result } from '../../shared/api/result.ts';
import type { Change } from '../../shared/change/change.ts';
import { WorkshopFile } from './workshop-file.ts';
import { RecentFiles } from './recent-files.ts';
import { toWorkshopError } from './errors.ts';
import { describeInvalidInput } from './request-errors.ts';
import { UserPaths } from './user-paths.ts';
import { Backups } from './backups.ts';
import { CURRENT_FILE_FORMAT_VERSION } from './schema/migrations.ts';

export interface ApiServiceOptions {
  dataFolder: string;
  defaultWorkshopFolder: string;
  appVersion: string;
  pathSeparator?: '/' | '\\';
  /**
   * Where the shell has native file dialogs (Electron), requests may only name paths
   * the user picked there: the shell calls `grant` with each one.
   */
  requirePickedPaths?: boolean;
}

export interface ApiService {
  /** Validates the call name and input (zod, apiInputSchemas), runs it, never throws. */
  call(name: string, input: unknown): Promise<Result<unknown, ApiError>>;
  /** Closes the open workshop, releasing the file even if one step fails. */
  close(): void;
  /** The user picked this path in a native dialog (or the OS handed it over). */
  grant(path: string): void;
}

/**
 * One window's session: at most one open workshop. Both transports (Electron IPC and
 * the browser build's loopback HTTP) hand every request to `call`, which treats its
 * input as untrusted until the call's schema has passed.
 */
export function createApiService(options: ApiServiceOptions): ApiService {
  const recent = new RecentFiles(options.dataFolder);
  const paths = new UserPaths({
    defaultFolder: options.defaultWorkshopFolder,
    requireGrant: options.requirePickedPaths ?? false,
    knownForOpening: () => recent.list().map((entry) => entry.path),
  });
  const backups = new Backups(join(options.dataFolder, 'backups'));
  const recoveryFolder = join(options.dataFolder, 'recovery');
  let workshop: WorkshopFile | undefined;
  const jobs = new ExportJobs();

  const describe = (file: WorkshopFile): OpenedWorkshop => ({
    path: file.path,
    fileFormatVersion: file.fileFormatVersion,
    records: file.readRecords(),
    readOnly: file.readOnly,
    notices: [...file.notices],
  });
  /** The new file becomes the open one; the old one is closed only once the new one is open. */
  const switchTo = (file: WorkshopFile): OpenedWorkshop => {
    if (workshop !== file) closeCurrent();
    workshop = file;
    if (!file.readOnly) {
      recent.remember(file.path, file.workshopName());
      void backups.take(file);
    }
    return describe(file);
  };
  const writable = (path: string, replaceExisting: boolean) => {
    const target = paths.forWriting(path, replaceExisting);
    if (workshop && workshop.path === target) {
      throw new WorkshopError('already-open', `${basename(target)} is the workshop you have open, so it cannot be replaced.`, target);
    }
    return target;
  };
  const current = (): WorkshopFile => {
    if (!workshop) throw new WorkshopError('no-workshop-open', 'No workshop is open. Open or create one first.');
    return workshop;
  };
  const currentRecords = () => Object.fromEntries(current().readRecords().map((r) => [r.id, r]));
  const closeCurrent = () => {
    const closing = workshop;
    workshop = undefined;
    closing?.close();
  };

  const handlers: ApiHandlers = {
    'app-info': () => ({
      version: options.appVersion,
      fileFormatVersion: CURRENT_FILE_FORMAT_VERSION,
      defaultWorkshopFolder: options.defaultWorkshopFolder,
      pathSeparator: options.pathSeparator ?? (sep as '/' | '\\'),
    }),
    'workshop-create': ({ path, name, replaceExisting, template }) =>
      switchTo(WorkshopFile.create(writable(path, replaceExisting), name, { replaceExisting, template })),
    'workshop-open': ({ path, readOnly }) => {
      const target = paths.forReading(path);
      if (workshop?.path === target && workshop.readOnly === readOnly) return describe(workshop);
      if (workshop?.path === target) closeCurrent();
      return switchTo(WorkshopFile.open(target, { readOnly, recoveryFolder }));
    },
    'workshop-read': () => describe(current()),
    'workshop-close': () => {
      closeCurrent();
      return null;
    },
    'workshop-apply-change': ({ change }) => {
      const file = current();
      file.applyChange(change as Change);
      backups.afterChange(file);
      return { savedAt: new Date().toISOString() };
    },
    'workshop-save-copy': ({ path, records, replaceExisting }) =>
      switchTo(WorkshopFile.createFromRecords(writable(path, replaceExisting), records, { replaceExisting })),
    'export-json': ({ path, replaceExisting }) => {
      const file = current();
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, workshopToJson(file.readRecords(), file.fileFormatVersion)) };
    },
    'export-csv': ({ path, table, replaceExisting }) => {
      const records = currentRecords();
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, table === 'cards' ? cardsCsv(records) : prioritiesCsv(records)) };
    },
    'import-json': ({ sourcePath, path, replaceExisting }) => {
      const source = paths.forReading(sourcePath);
      const parsed = parseWorkshopJson(readImport(source), CURRENT_FILE_FORMAT_VERSION);
      if (!parsed.ok) throw new WorkshopError('invalid-request', `${basename(source)} could not be imported: ${parsed.error} Nothing was created.`, source);
      return switchTo(WorkshopFile.createFromRecords(writable(path, replaceExisting), parsed.value, { replaceExisting }));
    },
    'export-pptx': ({ path, jobId, theme, overviews, replaceExisting }) =>
      runExportJob(jobs, jobId, paths.forWriting(path, replaceExisting), async (job) => {
        const { pptx, slides } = await buildDeck(currentRecords(), { theme, overviews: pictures(overviews), ...job });
        return { bytes: await deckBytes(pptx), slides };
      }),
    'export-pdf': ({ path, jobId, overviews, replaceExisting }) =>
      runExportJob(jobs, jobId, paths.forWriting(path, replaceExisting), async (job) => ({
        bytes: await buildPdf(currentRecords(), { overviews: pictures(overviews), ...job }),
      })),
    'export-png': ({ path, png, replaceExisting }) => {
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, Buffer.from(png, 'base64')) };
    },
    'export-progress': ({ jobId }) => jobs.progress(jobId),
    'export-cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
    'recent-list': () => recent.list(),
    'recent-forget': ({ path }) => {
      recent.forget(path);
      return recent.list();
    },
    'backup-list': ({ path }) => backups.list(path === undefined ? current().path : resolve(path)),
    'backup-restore': ({ backupId, path, replaceExisting }) => {
      const backup = WorkshopFile.open(backups.fileOf(backupId), { readOnly: true });
      try {
        return switchTo(WorkshopFile.createFromRecords(writable(path, replaceExisting), backup.readRecords(), { replaceExisting }));
      } finally {
        backup.close();
      }
    },
  };

  return {
    async call(name, input) {
      if (!Object.hasOwn(apiInputSchemas, name)) {
        return err({ code: 'unknown-call', message: `Journeyboard does not know the request "${String(name).slice(0, 60)}".` });
      }
      const call = name as ApiName;
      const parsed = apiInputSchemas[call].safeParse(input ?? {});
      if (!parsed.success) return err({ code: 'invalid-request', message: describeInvalidInput(parsed.error) });
      try {
        const handler = handlers[call] as (input: unknown) => unknown;
        return ok(await handler(parsed.data));
      } catch (error) {
        const path = (parsed.data as { path?: string }).path ?? workshop?.path;
        return err(toWorkshopError(error, path).toApiError());
      }
    },
    close() {
      closeCurrent();
    },
    grant(path) {
      paths.grant(path);
    },
  };
}

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;

/**
 * An import file, read up to the cap whatever its size claims to be: `stat` says 0 for
 * /dev/zero and many special files, which would otherwise be read until memory runs out.
 */
function readImport(path: string): string {
  const fd = openSync(path, 'r');
  try {
    if (!fstatSync(fd).isFile()) throw new WorkshopError('invalid-request', `${basename(path)} is not a regular file, so it cannot be imported.`, path);
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.alloc(1024 * 1024);
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      total += read;
      if (total > MAX_IMPORT_BYTES) throw new WorkshopError('invalid-request', `${basename(path)} is too large to import (over 200 MB). Nothing was created.`, path);
      chunks.push(chunk.subarray(0, read));
    }
    return Buffer.concat(chunks).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

const pictures = (overviews: { journeyId: string; png: string }[]) => new Map(overviews.map((o) => [o.journeyId, Buffer.from(o.png, 'base64')]));

/**
 * A long export as a named job: progress can be asked for and a cancel honoured while
 * it runs; the file is written (atomically) only once the whole export is ready.
 */
async function runExportJob<T extends { bytes: Uint8Array }>(
  jobs: ExportJobs,
  jobId: string,
  path: string,
  work: (job: { signal: AbortSignal; onProgress(done: number, total: number): void }) => Promise<T>,
): Promise<Omit<T, 'bytes'> & { path: string; bytes: number }> {
  const job = jobs.start(jobId);
  try {
    const { bytes, ...rest } = await work({ signal: job.signal, onProgress: job.report });
    if (job.signal.aborted) throw new ExportCancelled();
    return { ...rest, path, bytes: writeFileAtomic(path, bytes) };
  } catch (error) {
    if (error instanceof ExportCancelled) throw new WorkshopError('cancelled', 'The export was cancelled; no file was written.', path);
    throw error;
  } finally {
    jobs.finish(jobId);
  }
}
