import { basename, sep } from 'node:path';
import { readFileSync, statSync } from 'node:fs';
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
import { CURRENT_FILE_FORMAT_VERSION } from './schema/migrations.ts';

export interface ApiServiceOptions {
  dataFolder: string;
  defaultWorkshopFolder: string;
  appVersion: string;
  pathSeparator?: '/' | '\\';
}

export interface ApiService {
  /** Validates the call name and input (zod, apiInputSchemas), runs it, never throws. */
  call(name: string, input: unknown): Promise<Result<unknown, ApiError>>;
  /** Closes the open workshop, releasing the file even if one step fails. */
  close(): void;
}

/**
 * One window's session: at most one open workshop. Both transports (Electron IPC and
 * the browser build's loopback HTTP) hand every request to `call`, which treats its
 * input as untrusted until the call's schema has passed.
 */
export function createApiService(options: ApiServiceOptions): ApiService {
  const recent = new RecentFiles(options.dataFolder);
  let workshop: WorkshopFile | undefined;
  const jobs = new ExportJobs();

  const opened = (file: WorkshopFile): OpenedWorkshop => {
    recent.remember(file.path, file.workshopName());
    return { path: file.path, fileFormatVersion: file.fileFormatVersion, records: file.readRecords() };
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
    'workshop-create': ({ path, name, replaceExisting, template }) => {
      if (workshop && workshop.path === path) closeCurrent();
      const file = WorkshopFile.create(path, name, { replaceExisting, template });
      closeCurrent();
      workshop = file;
      return opened(file);
    },
    'workshop-open': ({ path }) => {
      if (workshop?.path === path) return opened(workshop);
      const file = WorkshopFile.open(path);
      closeCurrent();
      workshop = file;
      return opened(file);
    },
    'workshop-read': () => {
      const file = current();
      return { path: file.path, fileFormatVersion: file.fileFormatVersion, records: file.readRecords() };
    },
    'workshop-close': () => {
      closeCurrent();
      return null;
    },
    'workshop-apply-change': ({ change }) => {
      current().applyChange(change as Change);
      return { savedAt: new Date().toISOString() };
    },
    'export-json': ({ path }) => {
      const file = current();
      return { path, bytes: writeFileAtomic(path, workshopToJson(file.readRecords(), file.fileFormatVersion)) };
    },
    'export-csv': ({ path, table }) => {
      const records = Object.fromEntries(current().readRecords().map((r) => [r.id, r]));
      return { path, bytes: writeFileAtomic(path, table === 'cards' ? cardsCsv(records) : prioritiesCsv(records)) };
    },
    'import-json': ({ sourcePath, path, replaceExisting }) => {
      const parsed = parseWorkshopJson(readImport(sourcePath), CURRENT_FILE_FORMAT_VERSION);
      if (!parsed.ok) throw new WorkshopError('invalid-request', `${basename(sourcePath)} could not be imported: ${parsed.error} Nothing was created.`, sourcePath);
      if (workshop && workshop.path === path) closeCurrent();
      const file = WorkshopFile.createFromRecords(path, parsed.value, { replaceExisting });
      closeCurrent();
      workshop = file;
      return opened(file);
    },
    'export-pptx': ({ path, jobId, theme, overviews }) =>
      runExportJob(jobs, jobId, path, async (job) => {
        const { pptx, slides } = await buildDeck(currentRecords(), { theme, overviews: pictures(overviews), ...job });
        return { bytes: await deckBytes(pptx), slides };
      }),
    'export-pdf': ({ path, jobId, overviews }) =>
      runExportJob(jobs, jobId, path, async (job) => ({ bytes: await buildPdf(currentRecords(), { overviews: pictures(overviews), ...job }) })),
    'export-png': ({ path, png }) => ({ path, bytes: writeFileAtomic(path, Buffer.from(png, 'base64')) }),
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
  };
}

/** An import file, read whole; a huge one is refused before it is read. */
function readImport(path: string): string {
  const MAX_BYTES = 200 * 1024 * 1024;
  if (statSync(path).size > MAX_BYTES) throw new WorkshopError('invalid-request', `${basename(path)} is too large to import.`, path);
  return readFileSync(path, 'utf8');
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
