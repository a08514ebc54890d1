import { PDFDocument } from 'pdf-lib';
import { byPosition } from '../../../../shared/model/ordering.ts';
import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, workshopOf, type RecordMap } from '../../../../shared/model/document.ts';
import { TOLLGATE_STATUS_LABELS } from '../../../../shared/model/records.ts';
import { momentsOfTruth, needleMovers, parkingLot, voteResults } from '../deck/report-slides.ts';
import { cardBadges } from '../deck/card-details.ts';
import { decisionSections } from './decision-sections.ts';
import type { YearOverYear } from '../../../../shared/decisions/year-over-year.ts';
import { ExportCancelled, nextTurn, pacer } from '../pacing.ts';
import { FontSet } from './font-set.ts';
import { drawMapPages } from './map-pages.ts';
import { setDocumentInfo, writeOutline, type Bookmark } from './outline.ts';
import { PAGE, TextWriter, type Anchor } from './text-writer.ts';
import { isolate } from './text-runs.ts';

export interface PdfOptions {
  overviews: ReadonlyMap<string, Buffer>;
  date?: Date;
  /** This year against last year's file, when the export was asked to compare. */
  yearOverYear?: YearOverYear;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * The map and the report as a PDF: a title page; for each journey its whole map as
 * a picture (when the board sent one), the map again as vector shapes and real text on
 * A3 poster pages (map-pages.ts), and its stages as text; then the report sections. All
 * text is real text in embedded fonts (any language).
 * It gives way to other requests every few milliseconds (see pacing.ts): a journey of
 * thousands of cards is seconds of text layout.
 */
export async function buildPdf(records: RecordMap, options: PdfOptions): Promise<Uint8Array> {
  // Reading the workshop was a stretch of work already: requests waiting since go first.
  await nextTurn();
  const doc = await PDFDocument.create();
  // Every script the workshop's text uses gets a font before the first line is laid
  // out; parsing a font takes tens of milliseconds, so other requests go between.
  const fonts = await FontSet.prepare(doc, textsOf(records), nextTurn);
  const workshop = workshopOf(records);
  setDocumentInfo(doc, workshop?.name ?? 'Journey map');
  const text = new TextWriter(doc, fonts);
  const bookmarks: Bookmark[] = [];
  const journeys = journeysOf(records);
  const total = 2 + journeys.length * 2;
  let done = 0;
  const pause = pacer(options.signal);
  const step = async () => {
    if (options.signal?.aborted) throw new ExportCancelled();
    options.onProgress?.(++done, total);
    await nextTurn();
  };

  bookmarks.push({ title: workshop?.name ?? 'Journey map', at: text.heading(workshop?.name ?? 'Journey map', 30), children: [] });
  text.paragraph((options.date ?? new Date()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }), 14);
  if (workshop?.facilitator) text.paragraph(`Facilitated by ${workshop.facilitator}`, 14);
  if (workshop?.sample) text.paragraph(`Sample: ${workshop.sample}`, 14);
  await step();

  const badges = cardBadges(records);
  for (const journey of journeys) {
    const png = options.overviews.get(journey.id);
    let at: Anchor | undefined;
    if (png) {
      const image = await doc.embedPng(png);
      const page = doc.addPage(PAGE);
      text.drawLine(page, journey.name, 36, PAGE[1] - 44, 18, 'bold');
      at = { page: page.ref, y: PAGE[1] - 44 };
      const scale = Math.min((PAGE[0] - 72) / image.width, (PAGE[1] - 100) / image.height);
      page.drawImage(image, { x: (PAGE[0] - image.width * scale) / 2, y: 36, width: image.width * scale, height: image.height * scale });
    }
    const map = await drawMapPages(doc, text, records, badges, journey.id, journey.name, pause);
    at ??= map ?? undefined;
    await step();
    const written = await writeJourney(text, records, journey.id, journey.name, pause);
    bookmarks.push({ title: journey.name, at: at ?? written.at, children: written.stages });
    await step();
  }

  const ctx = { records };
  const personas = byPosition(recordsOfType(records, 'persona'));
  text.newPage();
  if (personas.length) {
    bookmarks.push({ title: 'Personas', at: text.heading('Personas'), children: [] });
    for (const p of personas) {
      text.paragraph(`${p.name}${p.role ? `, ${p.role}` : ''} — ${p.participation} in the decision`, 13);
      for (const [label, value] of [['Goals', p.goals], ['Needs', p.needs], ['Content preferences', p.contentPreferences], ['Baggage', p.baggage]] as const) {
        if (value) text.paragraph(`${label}: ${value}`, 11, 12);
      }
      text.space(6);
    }
  }
  const sections: [string, string[]][] = [
    ['Moments of truth', momentsOfTruth(ctx)],
    ['Needle movers: pain points by yearly cost', needleMovers(ctx)],
    ...decisionSections(records, options.date ?? new Date(), options.yearOverYear),
    ...voteResults(ctx).map((vote): [string, string[]] => [vote.title, vote.lines]),
    ['Parking lot', parkingLot(ctx)],
  ];
  for (const [title, lines] of sections) {
    const at = await section(text, title, lines, pause);
    if (at) bookmarks.push({ title, at, children: [] });
  }
  if (fonts.missing.size) {
    // Said, not silently dropped: the reader knows a box on the page stands for text.
    const codes = [...fonts.missing].map((c) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
    text.space(12);
    text.paragraph(`No font on this computer can draw ${codes.length === 1 ? 'this character' : 'these characters'}, shown as boxes: ${codes.join(', ')}`, 9);
  }
  numberPages(doc, text);
  writeOutline(doc, bookmarks);
  fonts.dropUnused();
  await step();
  // pdf-lib compresses 50 pages' streams between two turns by default, 0.1 s at a time.
  return doc.save({ objectsPerTick: 10 });
}

/** "3 / 41" at the foot of every page: printed reports are discussed by page. */
function numberPages(doc: PDFDocument, text: TextWriter): void {
  const pages = doc.getPages();
  pages.forEach((page, i) => text.drawLine(page, `${i + 1} / ${pages.length}`, page.getWidth() - 36, 20, 9, 'regular', 'right'));
}

/** Every text the report can draw comes from a record: their characters pick the fonts. */
function* textsOf(records: RecordMap): Iterable<string> {
  for (const record of Object.values(records)) for (const value of Object.values(record)) if (typeof value === 'string') yield value;
}

async function section(text: TextWriter, title: string, lines: string[], pause: () => Promise<void>): Promise<Anchor | null> {
  if (lines.length === 0) return null;
  const at = text.heading(title);
  for (const line of lines) {
    text.bullet(line);
    await pause();
  }
  return at;
}

async function writeJourney(text: TextWriter, records: RecordMap, journeyId: string, name: string, pause: () => Promise<void>): Promise<{ at: Anchor; stages: Bookmark[] }> {
  // Each journey's text follows its map picture, on pages of its own.
  text.newPage();
  const at = text.heading(name);
  const stages: Bookmark[] = [];
  const lanes = lanesOf(records, journeyId).filter((l) => l.laneType !== 'emotions');
  const emotions = recordsGroupedBy(records, 'emotion', 'stepId');
  const kpis = recordsGroupedBy(records, 'kpi', 'stageId');
  const personaName = (id: string) => {
    const persona = records[id];
    return persona?.type === 'persona' ? persona.name : '';
  };
  for (const stage of stagesOf(records, journeyId)) {
    stages.push({ title: stage.name, at: text.heading(stage.name, 15), children: [] });
    const measures = byPosition(kpis.get(stage.id) ?? []);
    text.paragraph(`Owner: ${stage.owner || 'not named yet'}${measures.length ? ` · KPIs: ${measures.map((k) => `${k.name} ${k.currentValue ?? '–'} → ${k.targetValue ?? '–'}${k.unit ? ` ${k.unit}` : ''}`).join(', ')}` : ''}`, 10);
    for (const step of stepsOf(records, stage.id)) {
      text.paragraph(`${step.name}${step.momentOfTruth ? ' ★ moment of truth' : ''}`, 12, 10);
      const felt = (emotions.get(step.id) ?? []).map((e) => `${personaName(e.personaId)} ${e.score > 0 ? '+' : ''}${e.score}${e.evoker ? ` (${e.evoker})` : ''}`);
      if (felt.length) text.paragraph(`Feels: ${felt.join('; ')}`, 10, 20);
      for (const lane of lanes) {
        const cards = cardsIn(records, step.id, lane.id);
        if (cards.length === 0) continue;
        text.paragraph(`${lane.name}: ${cards.map((c) => isolate(c.text) + tollgateNote(records, c.id)).join(' · ')}`, 10, 20);
        await pause();
      }
    }
    text.space(4);
  }
  return { at, stages };
}

function tollgateNote(records: RecordMap, cardId: string): string {
  const gate = recordsGroupedBy(records, 'tollgate', 'cardId').get(cardId)?.[0];
  return gate ? ` [${TOLLGATE_STATUS_LABELS[gate.status]}]` : '';
}
