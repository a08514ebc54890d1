import Papa from 'papaparse';
import { changeFrom, type Change } from '../change/change.ts';
import { journeysOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { OWN_CSV_MARKER, restoreNeutralised } from './csv.ts';
import { LIMITS } from '../model/limits.ts';
import { positionAtIndex, positionBetween, byPosition } from '../model/ordering.ts';
import { newCard, newLane, newStage, newStep } from '../model/record-factories.ts';
import { LANE_TYPE_LABELS, LANE_TYPES, type AnyRecord, type Card, type Lane, type LaneType, type Step } from '../model/records.ts';

export const IMPORT_COLUMNS = ['stage', 'step', 'lane', 'text'] as const;

export interface PlannedRow {
  line: number;
  /** The journey the card goes to: the one named in a journey column, else the one on screen. */
  journeyId: string;
  stage: string;
  step: string;
  lane: string;
  text: string;
  /** The card's id when the app wrote the file: the row updates that card instead of adding one. */
  id: string | null;
}

export interface RowProblem {
  /** The line in the file, counting the header as line 1, as a spreadsheet shows it. */
  line: number;
  message: string;
}

export interface CsvImportPlan {
  rows: PlannedRow[];
  problems: RowProblem[];
  /** Null when any row has a problem: a bad row imports nothing. */
  change: Change | null;
  created: { stages: string[]; steps: string[]; lanes: string[] };
  /** What happens to cards: rows whose id names a card here update it (text, or its cell). */
  cards: { added: number; updated: number; unchanged: number };
}

/**
 * Plans importing cards (stage, step, lane, text) into a journey: stages, steps and
 * lanes are matched by name, or created in the order they first appear. The result is
 * one change, so the whole import is one undo step — or, if any row is wrong, no
 * change at all and a list naming each bad row and why.
 *
 * A journey column (the cards export has one) sends each row to the journey it names,
 * so the future-state cards of an exported file go back to the future state; a row
 * naming a journey this workshop does not have is refused rather than quietly put in
 * the journey on screen. A file the app wrote itself (see OWN_CSV_MARKER) gets its
 * formula-guard quotes taken off, so every text comes back exactly as typed, and its
 * id column makes a re-import update: a row whose id names a card of this workshop
 * changes that card's text, or moves it to the row's cell, instead of adding a copy.
 */
export function planCardsCsvImport(records: RecordMap, journeyId: string, csvText: string): CsvImportPlan {
  const empty = { stages: [], steps: [], lanes: [] };
  const noCards = { added: 0, updated: 0, unchanged: 0 };
  const parsed = Papa.parse<string[]>(csvText.replace(/^\uFEFF/, ''), { skipEmptyLines: 'greedy' });
  const [header, ...data] = parsed.data;
  if (!header) return { rows: [], problems: [{ line: 1, message: 'The file is empty.' }], change: null, created: empty, cards: noCards };
  const names = header.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !names.includes(c));
  if (missing.length) {
    return { rows: [], problems: [{ line: 1, message: `The first line must name the columns stage, step, lane and text (missing: ${missing.join(', ')}).` }], change: null, created: empty, cards: noCards };
  }
  const at = Object.fromEntries(IMPORT_COLUMNS.map((c) => [c, names.indexOf(c)])) as Record<(typeof IMPORT_COLUMNS)[number], number>;
  const journeyAt = names.indexOf('journey');
  const idAt = names.indexOf(OWN_CSV_MARKER);
  const idLines = new Map<string, number>();
  // Trimmed first, then unquoted: a text the guard quoted for a leading tab keeps its tab.
  const cell = names.includes(OWN_CSV_MARKER) ? (value: string) => restoreNeutralised(value.trim()) : (value: string) => value.trim();
  const journeysByName = new Map<string, string[]>();
  for (const journey of journeysOf(records)) journeysByName.set(key(journey.name), [...(journeysByName.get(key(journey.name)) ?? []), journey.id]);

  const rows: PlannedRow[] = [];
  const problems: RowProblem[] = [];
  data.forEach((fields, i) => {
    const line = i + 2;
    if (fields.length !== header.length) {
      problems.push({ line, message: `it has ${fields.length} ${fields.length === 1 ? 'field' : 'fields'} where the header has ${header.length} (a missing or extra comma, or an unclosed quote?)` });
      return;
    }
    const journeyName = journeyAt >= 0 ? cell(fields[journeyAt]!) : '';
    const matches = journeyName ? (journeysByName.get(key(journeyName)) ?? []) : [journeyId];
    if (matches.length === 0) problems.push({ line, message: `this workshop has no journey called “${journeyName}” (create it first — a future state comes from “Create future state” — or empty the journey column to import into the journey on screen)` });
    else if (matches.length > 1) problems.push({ line, message: `${matches.length} journeys are called “${journeyName}”: rename one so the row can say which` });
    const row = { line, journeyId: matches[0] ?? journeyId, stage: cell(fields[at.stage]!), step: cell(fields[at.step]!), lane: cell(fields[at.lane]!), text: cell(fields[at.text]!), id: idAt >= 0 ? fields[idAt]!.trim() || null : null };
    if (row.id) {
      const earlier = idLines.get(row.id);
      if (earlier) problems.push({ line, message: `it has the same card id as line ${earlier}: each card can be listed once` });
      else idLines.set(row.id, line);
    }
    for (const column of ['stage', 'step', 'lane'] as const) if (!row[column]) problems.push({ line, message: `the ${column} is empty` });
    if (!row.text) problems.push({ line, message: 'the card text is empty' });
    else if (row.text.length > LIMITS.cardTextLength) problems.push({ line, message: `the card text is longer than ${LIMITS.cardTextLength} characters` });
    else if (row.stage.length > LIMITS.nameLength || row.step.length > LIMITS.nameLength || row.lane.length > LIMITS.nameLength) {
      problems.push({ line, message: `a stage, step or lane name is longer than ${LIMITS.nameLength} characters` });
    }
    rows.push(row);
  });
  for (const error of parsed.errors) if (error.row !== undefined && !problems.some((p) => p.line === error.row! + 1)) problems.push({ line: error.row + 1, message: error.message });
  problems.sort((a, b) => a.line - b.line);
  if (problems.length > 0) return { rows, problems, change: null, created: empty, cards: noCards };
  // One change for every journey the file names: the import stays one undo step.
  const put: AnyRecord[] = [];
  const created: CsvImportPlan['created'] = { stages: [], steps: [], lanes: [] };
  const cards = { ...noCards };
  for (const target of new Set(rows.map((r) => r.journeyId))) {
    const planned = buildRecords(records, target, rows.filter((r) => r.journeyId === target));
    put.push(...planned.put);
    for (const kind of ['stages', 'steps', 'lanes'] as const) created[kind].push(...planned.created[kind]);
    for (const kind of ['added', 'updated', 'unchanged'] as const) cards[kind] += planned.cards[kind];
  }
  return { rows, problems, change: changeFrom(records, { put }), created, cards };
}

const key = (name: string) => name.trim().toLowerCase();

function buildRecords(records: RecordMap, journeyId: string, rows: PlannedRow[]): { put: AnyRecord[]; created: CsvImportPlan['created']; cards: CsvImportPlan['cards'] } {
  const put: AnyRecord[] = [];
  const cards = { added: 0, updated: 0, unchanged: 0 };
  const created = { stages: [] as string[], steps: [] as string[], lanes: [] as string[] };

  const stages = new Map(stagesOf(records, journeyId).map((s) => [key(s.name), s]));
  let lastStage = stagesOf(records, journeyId).at(-1)?.position ?? null;
  const lanes = new Map<string, { id: Lane['id'] }>();
  const existingLanes = lanesOf(records, journeyId);
  for (const lane of existingLanes) {
    lanes.set(key(lane.name), lane);
    if (!lanes.has(key(LANE_TYPE_LABELS[lane.laneType]))) lanes.set(key(LANE_TYPE_LABELS[lane.laneType]), lane);
  }
  let lastLane = existingLanes.at(-1)?.position ?? null;
  const steps = new Map<string, Step[]>();
  const stepIn = new Map<string, { id: Step['id'] }>();
  const cardsInCell = new Map<string, { position: string }[]>();

  for (const row of rows) {
    let stage = stages.get(key(row.stage));
    if (!stage) {
      lastStage = positionBetween(lastStage, null);
      stage = newStage({ journeyId, name: row.stage, position: lastStage });
      stages.set(key(row.stage), stage);
      put.push(stage);
      created.stages.push(row.stage);
    }
    const stepKey = `${stage.id}|${key(row.step)}`;
    let step = stepIn.get(stepKey);
    if (!step) {
      const siblings = steps.get(stage.id) ?? byPosition(stepsOf(records, stage.id));
      step = siblings.find((s) => key(s.name) === key(row.step));
      if (!step) {
        const fresh = newStep({ stageId: stage.id, name: row.step, position: positionAtIndex(siblings, siblings.length) });
        siblings.push(fresh);
        put.push(fresh);
        created.steps.push(`${row.stage} › ${row.step}`);
        step = fresh;
      }
      steps.set(stage.id, siblings);
      stepIn.set(stepKey, step);
    }
    let lane = lanes.get(key(row.lane));
    if (!lane) {
      lastLane = positionBetween(lastLane, null);
      const laneType: LaneType = LANE_TYPES.find((t) => key(LANE_TYPE_LABELS[t]) === key(row.lane) || t === key(row.lane)) ?? 'actions';
      const createdLane = newLane({ journeyId, name: row.lane, laneType, position: lastLane });
      lanes.set(key(row.lane), createdLane);
      put.push(createdLane);
      created.lanes.push(row.lane);
      lane = createdLane;
    }
    const cellKey = `${step.id}|${lane.id}`;
    const cell =
      cardsInCell.get(cellKey) ??
      byPosition(Object.values(records).filter((r): r is Card => r.type === 'card' && r.stepId === step.id && r.laneId === lane.id));
    cardsInCell.set(cellKey, cell);
    const existing = row.id ? records[row.id] : undefined;
    if (existing?.type === 'card') {
      const moved = existing.stepId !== step.id || existing.laneId !== lane.id;
      if (!moved && existing.text === row.text) {
        cards.unchanged++;
        continue;
      }
      const card: Card = moved ? { ...existing, text: row.text, stepId: step.id, laneId: lane.id, position: positionAtIndex(cell, cell.length) } : { ...existing, text: row.text };
      if (moved) cell.push(card);
      put.push(card);
      cards.updated++;
      continue;
    }
    const card = newCard({ stepId: step.id, laneId: lane.id, text: row.text, position: positionAtIndex(cell, cell.length) });
    cell.push(card);
    put.push(card);
    cards.added++;
  }
  return { put, created, cards };
}
