import { parentPort, workerData } from 'node:worker_threads';
import type { RecordMap } from '../../../shared/model/document.ts';
import { WorkshopFile } from '../workshop-file.ts';
import { outgoing } from './outgoing.ts';
import type { Theme } from '../../../shared/theme/palettes.ts';
import { buildDeck, deckBytes } from './deck/build-deck.ts';
import { basename } from 'node:path';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { compareWorkshops } from '../../../shared/decisions/year-over-year.ts';
import { readOtherWorkshop } from '../features/decision-handlers.ts';
import { buildPdf } from './pdf/build-pdf.ts';

/**
 * Builds a deck or a PDF on a thread of its own. pptxgenjs writes every slide's XML in
 * one synchronous pass (about a second for a 10,000-card map) and no yield inside our
 * code can split it; here it blocks nobody, and the service keeps answering.
 */
export interface ExportJobInput {
  kind: 'pptx' | 'pdf';
  /** The open workshop: the thread reads it through a read-only connection of its own. */
  path: string;
  theme: Theme;
  overviews: { journeyId: string; png: Uint8Array }[];
  /** A company template the user picked (.pptx/.potx): the deck takes its master and fonts. */
  template?: Uint8Array;
  /** Last year's workshop file (granted by the service): the deck or report adds what changed since. */
  compareWith?: string;
}

export type ExportWorkerMessage =
  | { type: 'progress'; done: number; total: number }
  | { type: 'done'; bytes: Uint8Array; slides: number };

const port = parentPort!;
const job = workerData as ExportJobInput;
const overviews = new Map(job.overviews.map((o) => [o.journeyId, Buffer.from(o.png)]));
const records = readRecords(job.path);
const onProgress = (done: number, total: number) => port.postMessage({ type: 'progress', done, total } satisfies ExportWorkerMessage);

// Last year's file is read here too, read-only (an older one upgraded on a temporary copy).
const yearOverYear = job.compareWith ? compareWorkshops(mapOf(outgoing(readOtherWorkshop(job.compareWith))), records, { lastYear: basename(job.compareWith), thisYear: basename(job.path) }) : undefined;

if (job.kind === 'pptx') {
  const { pptx, slides } = await buildDeck(records, { theme: job.theme, overviews, onProgress, template: job.template, yearOverYear });
  const bytes = await deckBytes(pptx, job.template);
  port.postMessage({ type: 'done', bytes, slides } satisfies ExportWorkerMessage);
} else {
  const bytes = await buildPdf(records, { overviews, onProgress, yearOverYear });
  port.postMessage({ type: 'done', bytes, slides: 0 } satisfies ExportWorkerMessage);
}

/** Reading 10,000 records is work too: done here, not on the thread that answers requests. */
function readRecords(path: string): RecordMap {
  const file = WorkshopFile.open(path, { readOnly: true });
  try {
    return Object.fromEntries(outgoing(file.readRecords()).map((r) => [r.id, r]));
  } finally {
    file.close();
  }
}

function mapOf(list: readonly AnyRecord[]): RecordMap {
  return Object.fromEntries(list.map((r) => [r.id, r]));
}
