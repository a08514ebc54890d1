import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont } from 'pdf-lib';
import { byPosition } from '../../../../shared/model/ordering.ts';
import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, workshopOf, type RecordMap } from '../../../../shared/model/document.ts';
import { TOLLGATE_STATUS_LABELS } from '../../../../shared/model/records.ts';
import { momentsOfTruth, needleMovers, parkingLot, voteResults } from '../deck/report-slides.ts';
import { decisionSections } from './decision-sections.ts';
import { ExportCancelled, nextTurn, pacer } from '../pacing.ts';
import { PAGE, TextWriter } from './text-writer.ts';
import { assetPath } from '../../assets.ts';

const fontFile = (name: string) => readFileSync(assetPath(`fonts/${name}`));

export interface PdfOptions {
  overviews: ReadonlyMap<string, Buffer>;
  date?: Date;
  onProgress?(done: number, total: number): void;
  signal?: AbortSignal;
}

/**
 * The map and the report as a PDF: a title page, each journey's whole map as a
 * picture, then the report sections as real text in an embedded font (any language).
 * It gives way to other requests every few milliseconds (see pacing.ts): a journey of
 * thousands of cards is seconds of text layout.
 */
export async function buildPdf(records: RecordMap, options: PdfOptions): Promise<Uint8Array> {
  // Reading the workshop was a stretch of work already: requests waiting since go first.
  await nextTurn();
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  // Parsing a font, and laying out the first text in it (which parses its layout
  // tables), take tens of milliseconds each: a turn for other requests after each.
  const fonts: PDFFont[] = [];
  for (const file of ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf']) {
    const font = await doc.embedFont(fontFile(file), { subset: true });
    await nextTurn();
    font.widthOfTextAtSize('Journeyboard', 12);
    await nextTurn();
    fonts.push(font);
  }
  const [regular, bold] = fonts as [PDFFont, PDFFont];
  const workshop = workshopOf(records);
  doc.setTitle(workshop?.name ?? 'Journey map');
  doc.setProducer('Journeyboard');
  const text = new TextWriter(doc, regular, bold);
  const journeys = journeysOf(records);
  const total = 2 + journeys.length * 2;
  let done = 0;
  const pause = pacer(options.signal);
  const step = async () => {
    if (options.signal?.aborted) throw new ExportCancelled();
    options.onProgress?.(++done, total);
    await nextTurn();
  };

  text.heading(workshop?.name ?? 'Journey map', 30);
  text.paragraph((options.date ?? new Date()).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' }), 14);
  if (workshop?.facilitator) text.paragraph(`Facilitated by ${workshop.facilitator}`, 14);
  if (workshop?.sample) text.paragraph(`Sample: ${workshop.sample}`, 14);
  await step();

  for (const journey of journeys) {
    const png = options.overviews.get(journey.id);
    if (png) {
      const image = await doc.embedPng(png);
      const page = doc.addPage(PAGE);
      page.drawText(journey.name, { x: 36, y: PAGE[1] - 44, size: 18, font: bold, color: rgb(0.1, 0.14, 0.19) });
      const scale = Math.min((PAGE[0] - 72) / image.width, (PAGE[1] - 100) / image.height);
      page.drawImage(image, { x: (PAGE[0] - image.width * scale) / 2, y: 36, width: image.width * scale, height: image.height * scale });
    }
    await step();
    await writeJourney(text, records, journey.id, journey.name, pause);
    await step();
  }

  const ctx = { records };
  const personas = byPosition(recordsOfType(records, 'persona'));
  text.newPage();
  if (personas.length) {
    text.heading('Personas');
    for (const p of personas) {
      text.paragraph(`${p.name}${p.role ? `, ${p.role}` : ''} — ${p.participation} in the decision`, 13);
      for (const [label, value] of [['Goals', p.goals], ['Needs', p.needs], ['Content preferences', p.contentPreferences], ['Baggage', p.baggage]] as const) {
        if (value) text.paragraph(`${label}: ${value}`, 11, 12);
      }
      text.space(6);
    }
  }
  await section(text, 'Moments of truth', momentsOfTruth(ctx), pause);
  await section(text, 'Needle movers: pain points by yearly cost', needleMovers(ctx), pause);
  for (const [title, lines] of decisionSections(records, options.date ?? new Date())) await section(text, title, lines, pause);
  for (const vote of voteResults(ctx)) await section(text, vote.title, vote.lines, pause);
  await section(text, 'Parking lot', parkingLot(ctx), pause);
  await step();
  // pdf-lib compresses 50 pages' streams between two turns by default, 0.1 s at a time.
  return doc.save({ objectsPerTick: 10 });
}

async function section(text: TextWriter, title: string, lines: string[], pause: () => Promise<void>): Promise<void> {
  if (lines.length === 0) return;
  text.heading(title);
  for (const line of lines) {
    text.bullet(line);
    await pause();
  }
}

async function writeJourney(text: TextWriter, records: RecordMap, journeyId: string, name: string, pause: () => Promise<void>): Promise<void> {
  // Each journey's text follows its map picture, on pages of its own.
  text.newPage();
  text.heading(name);
  const lanes = lanesOf(records, journeyId).filter((l) => l.laneType !== 'emotions');
  const emotions = recordsGroupedBy(records, 'emotion', 'stepId');
  const kpis = recordsGroupedBy(records, 'kpi', 'stageId');
  const personaName = (id: string) => {
    const persona = records[id];
    return persona?.type === 'persona' ? persona.name : '';
  };
  for (const stage of stagesOf(records, journeyId)) {
    text.paragraph(stage.name, 15);
    const measures = byPosition(kpis.get(stage.id) ?? []);
    text.paragraph(`Owner: ${stage.owner || 'not named yet'}${measures.length ? ` · KPIs: ${measures.map((k) => `${k.name} ${k.currentValue ?? '–'} → ${k.targetValue ?? '–'}${k.unit ? ` ${k.unit}` : ''}`).join(', ')}` : ''}`, 10);
    for (const step of stepsOf(records, stage.id)) {
      text.paragraph(`${step.name}${step.momentOfTruth ? ' ★ moment of truth' : ''}`, 12, 10);
      const felt = (emotions.get(step.id) ?? []).map((e) => `${personaName(e.personaId)} ${e.score > 0 ? '+' : ''}${e.score}${e.evoker ? ` (${e.evoker})` : ''}`);
      if (felt.length) text.paragraph(`Feels: ${felt.join('; ')}`, 10, 20);
      for (const lane of lanes) {
        const cards = cardsIn(records, step.id, lane.id);
        if (cards.length === 0) continue;
        text.paragraph(`${lane.name}: ${cards.map((c) => c.text + tollgateNote(records, c.id)).join(' · ')}`, 10, 20);
        await pause();
      }
    }
    text.space(4);
  }
}

function tollgateNote(records: RecordMap, cardId: string): string {
  const gate = recordsGroupedBy(records, 'tollgate', 'cardId').get(cardId)?.[0];
  return gate ? ` [${TOLLGATE_STATUS_LABELS[gate.status]}]` : '';
}
