import { changeFrom } from '../../../shared/change/change.ts';
import { keyOf, pseudonymizeRecords } from '../../../shared/interviews/pseudonyms.ts';
import type { Synthesis } from '../../../shared/interviews/synthesis.ts';
import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { newNoteTag } from '../../../shared/model/interview-factories.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import { newCard } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Lane, Note } from '../../../shared/model/records.ts';
import type { ActionResult } from '../editor/document-actions.ts';
import type { GroupBy } from './interview-view-store.ts';

/**
 * The synthesis screen's pure side: the records as the synthesis may show them (codes,
 * never names), the filter menus, the groups with their labels, and "Promote to card…".
 * Each is a plain function of its inputs so the view can memoise it: a filter change
 * costs one synthesize() over the notes, nothing over the whole workshop.
 */

const readable = new WeakMap<RecordMap, RecordMap>();

/**
 * The workshop with every interview and note pseudonymized (the synthesis is outside the
 * interview editor, so it reads codes) — searched, filtered and shown as such, so a
 * search for a real name finds nothing. Computed once per record map.
 */
export function readableRecords(records: RecordMap): RecordMap {
  let out = readable.get(records);
  if (!out) {
    const key = keyOf(recordsOfType(records, 'pseudonym'));
    if (key.length === 0) {
      out = records;
    } else {
      const replaced = pseudonymizeRecords<AnyRecord>([...recordsOfType(records, 'interview'), ...recordsOfType(records, 'note')], key);
      out = { ...records, ...Object.fromEntries(replaced.map((r) => [r.id, r])) };
    }
    readable.set(records, out);
  }
  return out;
}

export interface Option {
  value: string;
  label: string;
}

export interface FilterOptions {
  samples: Option[];
  personas: Option[];
  roles: string[];
  companies: string[];
  interviewers: string[];
}

const distinct = (values: Iterable<string>) => [...new Set([...values].map((v) => v.trim()).filter(Boolean))].sort((a, b) => a.localeCompare(b));

/** What the filter menus offer: only values some interview has, so no choice empties the view by itself. */
export function filterOptions(records: RecordMap): FilterOptions {
  const interviews = recordsOfType(records, 'interview');
  const personaIds = new Set(interviews.map((i) => i.personaId).filter((id) => id !== null));
  return {
    samples: byPosition(recordsOfType(records, 'sample')).map((s) => ({ value: s.id, label: s.name })),
    personas: byPosition(recordsOfType(records, 'persona'))
      .filter((p) => personaIds.has(p.id))
      .map((p) => ({ value: p.id, label: p.name })),
    roles: distinct(interviews.map((i) => i.role)),
    companies: distinct(interviews.map((i) => i.companyCode)),
    interviewers: distinct(interviews.map((i) => i.interviewer)),
  };
}

export interface GroupView {
  /** The stage, step or tag id; 'unplaced' for notes nothing places yet. */
  key: string;
  label: string;
  /** Where it sits: the stage of a step, a tag's group, the journey when there are several. */
  detail: string;
  notes: Note[];
  interviews: number;
  stageId: string | null;
  stepId: string | null;
}

export const UNPLACED = 'unplaced';

/** The synthesis's groups for one grouping, in map order, with the notes no tag places last. */
export function groupViews(records: RecordMap, synthesis: Synthesis, by: GroupBy): GroupView[] {
  const journeys = journeysOf(records);
  const journeyName = (id: string) => (journeys.length > 1 ? (records[id]?.type === 'journey' ? (records[id] as { name: string }).name : '') : '');
  const join = (...parts: string[]) => parts.filter(Boolean).join(' · ');
  let out: GroupView[];
  if (by === 'stage') {
    out = synthesis.byStage.map(({ record, notes, interviews }) => ({ key: record.id, label: record.name, detail: join('stage', journeyName(record.journeyId)), notes, interviews, stageId: record.id, stepId: null }));
  } else if (by === 'step') {
    out = synthesis.byStep.map(({ record, notes, interviews }) => {
      const stage = records[record.stageId];
      const stageName = stage?.type === 'stage' ? stage.name : '';
      return { key: record.id, label: record.name, detail: join(stageName && `step in ${stageName}`, stage?.type === 'stage' ? journeyName(stage.journeyId) : ''), notes, interviews, stageId: record.stageId, stepId: record.id };
    });
  } else {
    out = synthesis.byTag.map(({ record, notes, interviews }) => ({ key: record.id, label: record.name, detail: record.group ? `tag · ${record.group}` : 'tag', notes, interviews, stageId: null, stepId: null }));
  }
  if (synthesis.unplaced.length > 0) {
    const notes = synthesis.unplaced;
    out.push({ key: UNPLACED, label: 'Not placed yet', detail: 'no stage, step or tag', notes, interviews: new Set(notes.map((n) => n.interviewId)).size, stageId: null, stepId: null });
  }
  return out;
}

/** "INT-01 · Buyer · Company-C · 12 min": where a note comes from, in codes. */
export function noteSource(records: RecordMap, note: Note): string {
  const interview = records[note.interviewId];
  const code = interview?.type === 'interview' ? [interview.code, interview.role, interview.companyCode].filter(Boolean).join(' · ') : '';
  return [code, `${Math.floor(note.minutesIn)} min`].filter(Boolean).join(' · ');
}

/** Whether a note carries the quote tag: quotes are shown as the customer's words. */
export function isQuote(records: RecordMap, noteId: string): boolean {
  return recordsGroupedBy(records, 'note-tag', 'noteId').get(noteId)?.some((t) => t.kind === 'quote') ?? false;
}

/** The cards a note is already evidence for, by their words: what is on the map and what is not yet. */
export function evidenceCards(records: RecordMap, noteId: string): string[] {
  const out: string[] = [];
  for (const tag of recordsGroupedBy(records, 'note-tag', 'noteId').get(noteId) ?? []) {
    const card = tag.kind === 'card' && tag.cardId ? records[tag.cardId] : undefined;
    if (card?.type === 'card') out.push(card.text.length > 60 ? `${card.text.slice(0, 59)}…` : card.text || '(empty card)');
  }
  return out;
}

export interface StepChoice {
  stepId: string;
  label: string;
}

/**
 * Where a group's card may go: the group's own step; a stage's steps; otherwise every
 * step of the journey on screen. A step's stage is in the label ("Evaluate › Security review").
 */
export function stepChoices(records: RecordMap, group: Pick<GroupView, 'stageId' | 'stepId'>, journeyId: string | null): StepChoice[] {
  const label = (stageName: string, stepName: string) => `${stageName} › ${stepName}`;
  const step = group.stepId ? records[group.stepId] : undefined;
  if (step?.type === 'step') {
    const stage = records[step.stageId];
    return [{ stepId: step.id, label: label(stage?.type === 'stage' ? stage.name : '', step.name) }];
  }
  const stage = group.stageId ? records[group.stageId] : undefined;
  if (stage?.type === 'stage') return stepsOf(records, stage.id).map((s) => ({ stepId: s.id, label: label(stage.name, s.name) }));
  if (!journeyId) return [];
  return stagesOf(records, journeyId).flatMap((st) => stepsOf(records, st.id).map((s) => ({ stepId: s.id, label: label(st.name, s.name) })));
}

/** The lanes of the step's journey, the pain-point lane first to hand: most evidence is about pain. */
export function laneChoices(records: RecordMap, stepId: string): { lanes: Lane[]; preferred: string | null } {
  const step = records[stepId];
  const stage = step?.type === 'step' ? records[step.stageId] : undefined;
  if (stage?.type !== 'stage') return { lanes: [], preferred: null };
  const lanes = lanesOf(records, stage.journeyId);
  return { lanes, preferred: (lanes.find((l) => l.laneType === 'pain-points') ?? lanes[0])?.id ?? null };
}

/**
 * "Promote to card…": a new card at the end of the cell, and each chosen note linked to
 * it as evidence, in one change (one undo takes the card and its links back out).
 */
export function promoteToCard(records: RecordMap, input: { noteIds: readonly string[]; stepId: string; laneId: string; text: string }): (ActionResult & { cardId: string }) | null {
  const text = input.text.trim().slice(0, LIMITS.cardTextLength);
  const step = records[input.stepId];
  const lane = records[input.laneId];
  const stage = step?.type === 'step' ? records[step.stageId] : undefined;
  if (text === '' || stage?.type !== 'stage' || lane?.type !== 'lane' || lane.journeyId !== stage.journeyId) return null;
  const noteIds = [...new Set(input.noteIds)].filter((id) => records[id]?.type === 'note');
  if (noteIds.length === 0) return null;
  const siblings = cardsIn(records, input.stepId, input.laneId);
  const card = newCard({ stepId: input.stepId, laneId: input.laneId, text, position: positionAtIndex(siblings, siblings.length) });
  const links = noteIds.map((noteId) => newNoteTag({ noteId, kind: 'card', cardId: card.id }));
  return {
    change: changeFrom(records, { put: [card, ...links] }),
    // The card is the map's focus, so "Show on map" lands on it and its evidence.
    focus: { kind: 'cell', stepId: input.stepId, laneId: input.laneId, cardId: card.id },
    cardId: card.id,
  };
}
