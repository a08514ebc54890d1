import { journeysOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { comparePositions } from '../model/ordering.ts';
import type { Interview, Note, RecordOfType, Stage, Step, Tag } from '../model/records.ts';

/**
 * Synthesis: after the interviews, the researcher reads every note side by side —
 * everything said about the Decide stage, everything tagged "Pricing" — to find the
 * recurring patterns the map is built from (method step 3). A note belongs to every
 * group its tags put it in, so a note about pricing at the security review counts under
 * both; the groups are views, not a partition.
 */

export interface SynthesisFilter {
  sampleId?: string;
  personaId?: string;
  /** Exact matches on the interview's fields, as the filter menus offer them. */
  role?: string;
  companyCode?: string;
  interviewer?: string;
  /** Words in the note, ignoring case and accents: "reseau" finds "Réseau". */
  search?: string;
}

export interface NoteGroup<T> {
  record: T;
  /** The group's notes, oldest first. */
  notes: Note[];
  /** Distinct interviews among them: ten notes from one interview are still one voice. */
  interviews: number;
}

export interface Synthesis {
  /** Every note that passes the filter, oldest first. */
  notes: Note[];
  interviews: number;
  /** In map order: journey, then stage, then step. */
  byStage: NoteGroup<Stage>[];
  byStep: NoteGroup<Step>[];
  /** By tag group, then the tags' order. */
  byTag: NoteGroup<Tag>[];
  /** Notes no tag places on the map or in the vocabulary yet: still to be sorted. */
  unplaced: Note[];
  /**
   * Tags × tags (the tags of byTag, in that order): how many notes carry both. The
   * diagonal is each tag's own count; the table is symmetric.
   */
  coOccurrence: { tags: Tag[]; counts: number[][] };
}

/** Case- and accent-insensitive form of a text: NFD splits "é" into "e" and a mark, which goes. */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase();
}

const chronological = (a: Note, b: Note) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function interviewMatches(filter: SynthesisFilter): (interview: Interview) => boolean {
  return (interview) =>
    (filter.sampleId === undefined || interview.sampleId === filter.sampleId) &&
    (filter.personaId === undefined || interview.personaId === filter.personaId) &&
    (filter.role === undefined || interview.role === filter.role) &&
    (filter.companyCode === undefined || interview.companyCode === filter.companyCode) &&
    (filter.interviewer === undefined || interview.interviewer === filter.interviewer);
}

/**
 * Every note across interviews, filtered and grouped. One pass over the notes; each
 * note's tags come from the per-map index and each step or card behind a tag is one
 * lookup by id, so the cost follows notes and tags, not notes × records.
 */
export function synthesize(records: RecordMap, filter: SynthesisFilter = {}): Synthesis {
  const tagsByNote = recordsGroupedBy(records, 'note-tag', 'noteId');
  const matches = interviewMatches(filter);
  const search = foldText(filter.search?.trim() ?? '');

  const notes: Note[] = [];
  const unplaced: Note[] = [];
  const byStage = new Map<string, Note[]>();
  const byStep = new Map<string, Note[]>();
  const byTag = new Map<string, Note[]>();
  const tagSets: string[][] = [];
  const add = (into: Map<string, Note[]>, id: string, note: Note) => {
    const list = into.get(id);
    if (list) list.push(note);
    else into.set(id, [note]);
  };

  for (const note of recordsOfType(records, 'note').sort(chronological)) {
    const interview = records[note.interviewId];
    if (interview?.type !== 'interview' || !matches(interview)) continue;
    if (search !== '' && !foldText(note.text).includes(search)) continue;
    notes.push(note);

    const stages = new Set<string>();
    const steps = new Set<string>();
    const tags = new Set<string>();
    for (const tag of tagsByNote.get(note.id) ?? []) {
      if (tag.kind === 'tag' && tag.tagId !== null) tags.add(tag.tagId);
      if (tag.stageId !== null) stages.add(tag.stageId);
      const card = tag.cardId === null ? undefined : records[tag.cardId];
      for (const stepId of [tag.stepId, card?.type === 'card' ? card.stepId : null]) {
        if (stepId === null) continue;
        steps.add(stepId);
        const step = records[stepId];
        if (step?.type === 'step') stages.add(step.stageId);
      }
    }
    for (const id of stages) add(byStage, id, note);
    for (const id of steps) add(byStep, id, note);
    for (const id of tags) add(byTag, id, note);
    if (stages.size + steps.size + tags.size === 0) unplaced.push(note);
    if (tags.size > 0) tagSets.push([...tags]);
  }

  const { stageRank, stepRank } = mapOrder(records);
  const stageGroups = groups(records, byStage, 'stage').sort((a, b) => rank(stageRank, a.record.id) - rank(stageRank, b.record.id));
  const stepGroups = groups(records, byStep, 'step').sort((a, b) => rank(stepRank, a.record.id) - rank(stepRank, b.record.id));
  const tagGroups = groups(records, byTag, 'tag').sort((a, b) => (a.record.group < b.record.group ? -1 : a.record.group > b.record.group ? 1 : comparePositions(a.record, b.record)));

  return {
    notes,
    interviews: new Set(notes.map((n) => n.interviewId)).size,
    byStage: stageGroups,
    byStep: stepGroups,
    byTag: tagGroups,
    unplaced,
    coOccurrence: coOccurrence(tagGroups.map((g) => g.record), tagSets),
  };
}

function groups<T extends 'stage' | 'step' | 'tag'>(records: RecordMap, buckets: Map<string, Note[]>, type: T): NoteGroup<RecordOfType<T>>[] {
  const out: NoteGroup<RecordOfType<T>>[] = [];
  for (const [id, notes] of buckets) {
    const record = records[id];
    // A tag can only name a record the file holds (foreign keys); this guards a stale map.
    if (record?.type !== type) continue;
    out.push({ record: record as RecordOfType<T>, notes, interviews: new Set(notes.map((n) => n.interviewId)).size });
  }
  return out;
}

/** Stages and steps numbered in map order, once per call: stages + steps lookups. */
function mapOrder(records: RecordMap): { stageRank: Map<string, number>; stepRank: Map<string, number> } {
  const stageRank = new Map<string, number>();
  const stepRank = new Map<string, number>();
  for (const journey of journeysOf(records)) {
    for (const stage of stagesOf(records, journey.id)) {
      stageRank.set(stage.id, stageRank.size);
      for (const step of stepsOf(records, stage.id)) stepRank.set(step.id, stepRank.size);
    }
  }
  return { stageRank, stepRank };
}

const rank = (ranks: Map<string, number>, id: string) => ranks.get(id) ?? Number.MAX_SAFE_INTEGER;

/** A note with k tags adds to k² cells (its pairs, both ways, and the diagonal). */
function coOccurrence(tags: Tag[], tagSets: string[][]): Synthesis['coOccurrence'] {
  const column = new Map(tags.map((tag, i) => [tag.id as string, i]));
  const counts = tags.map(() => tags.map(() => 0));
  for (const set of tagSets) {
    const indexes = set.map((id) => column.get(id)).filter((i): i is number => i !== undefined);
    for (const i of indexes) for (const j of indexes) counts[i]![j]!++;
  }
  return { tags, counts };
}
