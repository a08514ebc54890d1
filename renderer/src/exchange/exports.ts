import { EXPORT_KINDS, type ExportKind } from '../../../shared/api/shell.ts';
import { journeysOf, lanesOf } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import type { Theme } from '../room/preferences.ts';
import { fileNameFor, withReplaceConfirmed } from '../screens/workshop-flows.ts';
import { decisionsStore } from '../decisions/decisions-store.ts';
import { base64Of, captureJourney, captureView } from './board-image.ts';
import { framedPicture, type PictureFrame } from './picture-frame.ts';
import { boardSettings } from '../board/board-settings.ts';
import { preferences } from '../room/preferences.ts';

export interface ExportProgress {
  label: string;
  done: number;
  total: number;
  cancel?: () => void;
}

type Report = (progress: ExportProgress | null) => void;

async function destination(editor: Editor, platform: Platform, kind: ExportKind, suffix = ''): Promise<string | null> {
  const name = `${fileNameFor(editor.workshopName())}${suffix}.${EXPORT_KINDS[kind].extension}`;
  return platform.shell.pickExportPath(name, kind);
}

function saved(editor: Editor, result: { ok: true; value: { path: string } } | { ok: false; error: { message: string; code: string } }): void {
  if (result.ok) editor.showNotice({ kind: 'info', message: `Saved ${result.value.path}` });
  else if (result.error.code === 'cancelled') editor.showNotice({ kind: 'info', message: result.error.message });
  else editor.showNotice({ kind: 'error', message: result.error.message });
}

/** Each journey's whole map at 2×, for the deck's overview slides and the PDF. */
async function overviewPictures(editor: Editor): Promise<{ journeyId: string; png: string }[]> {
  const overviews: { journeyId: string; png: string }[] = [];
  for (const journey of journeysOf(editor.state.records)) {
    const png = await captureJourney(editor, journey.id, 2);
    if (png) overviews.push({ journeyId: journey.id, png: base64Of(png) });
  }
  return overviews;
}

/** Runs a long export as a job, reporting its progress and offering to cancel it. */
async function runJob(
  editor: Editor,
  report: Report,
  label: string,
  start: (jobId: string) => Promise<{ ok: true; value: { path: string } } | { ok: false; error: { message: string; code: string } }>,
): Promise<void> {
  const jobId = `export-${Date.now().toString(36)}`;
  const cancel = () => void editor.api['export-cancel']({ jobId });
  const poll = setInterval(async () => {
    const progress = await editor.api['export-progress']({ jobId });
    if (progress.ok && progress.value) report({ label, done: progress.value.done, total: progress.value.total, cancel });
  }, 150);
  report({ label, done: 0, total: 1, cancel });
  try {
    saved(editor, await start(jobId));
  } finally {
    clearInterval(poll);
    report(null);
  }
}

/**
 * The deck: a picture of each journey, then the service builds slides while we show
 * progress. With a company template (a path the user picked), the deck takes its master.
 */
export async function exportDeck(editor: Editor, platform: Platform, report: Report, theme: Theme = 'light', template: string | null = null): Promise<void> {
  const path = await destination(editor, platform, 'pptx');
  if (!path) return;
  report({ label: 'Drawing the map pictures…', done: 0, total: 1 });
  const overviews = await overviewPictures(editor);
  const compareWith = lastYearFor(editor);
  await runJob(editor, report, 'Building slides…', (jobId) =>
    withReplaceConfirmed(platform, (replaceExisting) =>
      editor.api['export-pptx']({ path, jobId, theme, overviews, replaceExisting, ...(template ? { template } : {}), ...(compareWith ? { compareWith } : {}) }),
    ),
  );
}

/** The file compared with in Decisions for this workshop, if any: the deck and the PDF carry that comparison. */
function lastYearFor(editor: Editor): string | null {
  const comparison = decisionsStore.getState().comparison;
  return comparison && comparison.workshopPath === editor.state.workshop?.path ? comparison.path : null;
}

/** The map and the report as a PDF. */
export async function exportPdf(editor: Editor, platform: Platform, report: Report): Promise<void> {
  const path = await destination(editor, platform, 'pdf');
  if (!path) return;
  report({ label: 'Drawing the map pictures…', done: 0, total: 1 });
  const overviews = await overviewPictures(editor);
  await runJob(editor, report, 'Writing the report…', (jobId) =>
    withReplaceConfirmed(platform, (replaceExisting) => {
      const compareWith = lastYearFor(editor);
      return editor.api['export-pdf']({ path, jobId, overviews, replaceExisting, ...(compareWith ? { compareWith } : {}) });
    }),
  );
}

export async function exportPng(editor: Editor, platform: Platform, what: 'map' | 'view', scale: 1 | 2 | 3): Promise<void> {
  const path = await destination(editor, platform, 'png', what === 'view' ? ' (view)' : '');
  if (!path || !editor.state.journeyId) return;
  const journeyId = editor.state.journeyId;
  const captured = what === 'map' ? await captureJourney(editor, journeyId, scale) : captureView(scale);
  if (!captured) return editor.showNotice({ kind: 'error', message: 'There is no map to picture yet.' });
  // The whole map leaves with a title, the date and a legend; a view of the screen as it is.
  const png = what === 'map' ? await framedPicture(captured, mapFrame(editor, journeyId), scale) : captured;
  const data = base64Of(png);
  saved(editor, await withReplaceConfirmed(platform, (replaceExisting) => editor.api['export-png']({ path, png: data, replaceExisting })));
}

function mapFrame(editor: Editor, journeyId: string): PictureFrame {
  const records = editor.state.records;
  const journey = records[journeyId];
  const date = new Date().toLocaleDateString(undefined, { day: 'numeric', month: 'long', year: 'numeric' });
  return {
    title: journey?.type === 'journey' ? journey.name || 'Journey map' : 'Journey map',
    subtitle: [editor.workshopName(), date].filter(Boolean).join(' · '),
    theme: boardSettings(records, journeyId, preferences.getState().theme, null).theme,
    laneTypes: [...new Set(lanesOf(records, journeyId).filter((l) => l.laneType !== 'emotions').map((l) => l.laneType))],
  };
}

export async function exportCsv(editor: Editor, platform: Platform, table: 'cards' | 'priorities'): Promise<void> {
  const path = await destination(editor, platform, 'csv', table === 'cards' ? ' - cards' : ' - priorities');
  if (path) saved(editor, await withReplaceConfirmed(platform, (replaceExisting) => editor.api['export-csv']({ path, table, replaceExisting })));
}

/** The interviews as a REFI-QDA project, for NVivo, ATLAS.ti, MAXQDA and QualCoder. */
export async function exportQdpx(editor: Editor, platform: Platform): Promise<void> {
  const path = await destination(editor, platform, 'qdpx', ' - interviews');
  if (path) saved(editor, await withReplaceConfirmed(platform, (replaceExisting) => editor.api['export-qdpx']({ path, replaceExisting })));
}

export async function exportJson(editor: Editor, platform: Platform): Promise<void> {
  const path = await destination(editor, platform, 'json');
  if (path) saved(editor, await withReplaceConfirmed(platform, (replaceExisting) => editor.api['export-json']({ path, replaceExisting })));
}
