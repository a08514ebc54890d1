import { basename } from 'node:path';
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import type { ExchangeValues, FeatureHandlers } from '../../../shared/api/contract.ts';
import { WorkshopError } from '../../../shared/api/errors.ts';
import { workshopToJson, parseWorkshopJson } from '../../../shared/exchange/workshop-json.ts';
import { cardsCsv, prioritiesCsv } from '../../../shared/exchange/cards-csv.ts';
import { writeFileAtomic, writeFileAtomicAsync } from '../exports/atomic-write.ts';
import { ExportJobs } from '../exports/export-jobs.ts';
import { ExportCancelled } from '../exports/pacing.ts';
import { buildInWorker } from '../exports/run-in-worker.ts';
import { checkTemplate, TemplateError } from '../exports/deck/deck-template.ts';
import { WorkshopFile } from '../workshop-file.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../schema/migrations.ts';
import type { WorkshopSession } from '../session.ts';
import { outgoing } from '../exports/outgoing.ts';
import { qdpxFile } from '../exports/qdpx-export.ts';

/** Leaving the room and coming back: every export writes only where the user chose. */
export function exchangeHandlers(session: WorkshopSession): FeatureHandlers<keyof ExchangeValues> {
  const jobs = new ExportJobs();
  const { paths } = session;
  return {
    'export-json': ({ path, replaceExisting }) => {
      const file = session.current();
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, workshopToJson(outgoing(file.readRecords()), file.fileFormatVersion)) };
    },
    'export-csv': ({ path, table, replaceExisting }) => {
      const records = Object.fromEntries(outgoing(session.current().readRecords()).map((r) => [r.id, r]));
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, table === 'cards' ? cardsCsv(records) : prioritiesCsv(records)) };
    },
    'export-qdpx': async ({ path, replaceExisting }) => {
      // Codes for real names, and no keys, before anything is built: a refused export writes nothing.
      const records = Object.fromEntries(outgoing(session.current().readRecords()).map((r) => [r.id, r]));
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, await qdpxFile(records)) };
    },
    'import-json': ({ sourcePath, path, replaceExisting }) => {
      const source = paths.forReading(sourcePath);
      const parsed = parseWorkshopJson(readImport(source), CURRENT_FILE_FORMAT_VERSION);
      if (!parsed.ok) throw new WorkshopError('invalid-request', `${basename(source)} could not be imported: ${parsed.error} Nothing was created.`, source);
      return session.switchTo(WorkshopFile.createFromRecords(session.writable(path, replaceExisting), parsed.value, { replaceExisting }));
    },
    'export-pptx': async ({ path, jobId, theme, overviews, template, compareWith, replaceExisting }) => {
      // The template is read here, through the same grant as any file the user picked,
      // and checked before a slide is built, so a wrong file is refused in plain words.
      const templateBytes = template === undefined ? undefined : await readTemplate(paths.forReading(template));
      return runExportJob(jobs, jobId, paths.forWriting(path, replaceExisting), (job) =>
        buildInWorker({ kind: 'pptx', path: session.current().path, theme, overviews: pictures(overviews), template: templateBytes, ...(compareWith === undefined ? {} : { compareWith: paths.forReading(compareWith) }) }, job),
      );
    },
    'export-pdf': ({ path, jobId, overviews, compareWith, replaceExisting }) =>
      runExportJob(jobs, jobId, paths.forWriting(path, replaceExisting), async (job) => {
        const { bytes } = await buildInWorker({ kind: 'pdf', path: session.current().path, theme: 'light', overviews: pictures(overviews), ...(compareWith === undefined ? {} : { compareWith: paths.forReading(compareWith) }) }, job);
        return { bytes };
      }),
    'export-png': ({ path, png, replaceExisting }) => {
      const target = paths.forWriting(path, replaceExisting);
      return { path: target, bytes: writeFileAtomic(target, Buffer.from(png, 'base64')) };
    },
    'export-progress': ({ jobId }) => jobs.progress(jobId),
    'export-cancel': ({ jobId }) => {
      jobs.cancel(jobId);
      return null;
    },
  };
}

const MAX_IMPORT_BYTES = 200 * 1024 * 1024;
const MAX_TEMPLATE_BYTES = 100 * 1024 * 1024;

/** A company template's bytes; a file far larger than any template is refused, not read. */
async function readTemplate(path: string): Promise<Uint8Array> {
  if (statSync(path).size > MAX_TEMPLATE_BYTES) throw new WorkshopError('invalid-request', `${basename(path)} is larger than any slide template (over 100 MB), so it was not used. Nothing was written.`, path);
  const bytes = readFileSync(path);
  try {
    await checkTemplate(bytes);
  } catch (error) {
    if (error instanceof TemplateError) throw new WorkshopError('invalid-request', `${basename(path)} cannot be used as a company template: ${error.message} Nothing was written.`, path);
    throw error;
  }
  return bytes;
}

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

const pictures = (overviews: { journeyId: string; png: string }[]) => overviews.map((o) => ({ journeyId: o.journeyId, png: new Uint8Array(Buffer.from(o.png, 'base64')) }));

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
    return { ...rest, path, bytes: await writeFileAtomicAsync(path, bytes) };
  } catch (error) {
    if (error instanceof ExportCancelled) throw new WorkshopError('cancelled', 'The export was cancelled; no file was written.', path);
    throw error;
  } finally {
    jobs.finish(jobId);
  }
}
