import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, workshopOf, type RecordMap } from '../model/document.ts';
import { DEFAULT_PATTERN_THRESHOLD, type Card, type Interview, type Journey, type Note, type NoteTag, type Sample, type Stage } from '../model/records.ts';

/**
 * Evidence: the interview notes that support a card or a step (domain.md). What the
 * room wants to know is not how many notes there are — one talkative interviewee can
 * fill a page — but how many distinct interviews, companies and roles say the same
 * thing: that is what separates a pattern from an outlier.
 */

export type EvidenceVerdict = 'none' | 'outlier' | 'pattern';

export interface Evidence {
  /** The supporting notes, each once, oldest first. */
  notes: readonly Note[];
  /** Distinct interviews the notes come from. */
  interviews: number;
  /** Distinct company codes among those interviews (interviews with no code are not counted). */
  companies: number;
  /** Distinct roles among those interviews (interviews with no role are not counted). */
  roles: number;
  verdict: EvidenceVerdict;
}

/**
 * How many distinct interviews make a pattern in this workshop (some rooms want three
 * before they believe anything). Every verdict below defaults to it, so a card is
 * marked the same wherever its evidence is read.
 */
export function patternThreshold(records: RecordMap): number {
  return workshopOf(records)?.patternThreshold ?? DEFAULT_PATTERN_THRESHOLD;
}

export const NO_EVIDENCE: Evidence = Object.freeze({ notes: Object.freeze([]), interviews: 0, companies: 0, roles: 0, verdict: 'none' });

/**
 * Below the threshold is an outlier: with a threshold of 3, two interviews are still not
 * a pattern, and the map keeps them visible as outliers rather than calling them one.
 */
export function verdictFor(interviews: number, threshold: number): EvidenceVerdict {
  if (interviews === 0) return 'none';
  return interviews >= threshold ? 'pattern' : 'outlier';
}

/** One bucket of note-tags → its evidence. Each tag costs two lookups by id (note, interview). */
function summarize(records: RecordMap, tags: Iterable<NoteTag>, threshold: number): Evidence {
  const notes = new Map<string, Note>();
  const interviews = new Set<string>();
  const companies = new Set<string>();
  const roles = new Set<string>();
  for (const tag of tags) {
    // A note tagged twice for the same card is still one note.
    if (notes.has(tag.noteId)) continue;
    const note = records[tag.noteId];
    if (note?.type !== 'note') continue;
    notes.set(note.id, note);
    const interview = records[note.interviewId];
    if (interview?.type !== 'interview') continue;
    interviews.add(interview.id);
    if (interview.companyCode !== '') companies.add(interview.companyCode);
    if (interview.role !== '') roles.add(interview.role);
  }
  if (notes.size === 0) return NO_EVIDENCE;
  return {
    notes: [...notes.values()].sort(chronological),
    interviews: interviews.size,
    companies: companies.size,
    roles: roles.size,
    verdict: verdictFor(interviews.size, threshold),
  };
}

const chronological = (a: Note, b: Note) => (a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The notes tagged as evidence for one card (kind 'card'). */
export function evidenceFor(records: RecordMap, cardId: string, threshold = patternThreshold(records)): Evidence {
  const tags = recordsGroupedBy(records, 'note-tag', 'cardId').get(cardId) ?? [];
  return summarize(records, tags.filter((t) => t.kind === 'card'), threshold);
}

/** The notes tagged as being about one step (kind 'step'). */
export function evidenceForStep(records: RecordMap, stepId: string, threshold = patternThreshold(records)): Evidence {
  const tags = recordsGroupedBy(records, 'note-tag', 'stepId').get(stepId) ?? [];
  return summarize(records, tags.filter((t) => t.kind === 'step'), threshold);
}

export interface EvidenceIndex {
  /** Only cards and steps with evidence are present: look up with `?? NO_EVIDENCE`. */
  cards: ReadonlyMap<string, Evidence>;
  steps: ReadonlyMap<string, Evidence>;
}

/** A record map never changes once made (document.ts), so its identity keys the cache. */
const indexes = new WeakMap<RecordMap, Map<number, EvidenceIndex>>();

/**
 * Every card's and step's evidence at once, for the board's badges and the CSV: one
 * pass over the note-tags, then two lookups per tag, so a board of thousands of cards
 * costs what its tags cost, never cards × records.
 */
export function evidenceIndex(records: RecordMap, threshold = patternThreshold(records)): EvidenceIndex {
  let byThreshold = indexes.get(records);
  if (!byThreshold) indexes.set(records, (byThreshold = new Map()));
  const cached = byThreshold.get(threshold);
  if (cached) return cached;

  const cardTags = new Map<string, NoteTag[]>();
  const stepTags = new Map<string, NoteTag[]>();
  const add = (into: Map<string, NoteTag[]>, key: string, tag: NoteTag) => {
    const list = into.get(key);
    if (list) list.push(tag);
    else into.set(key, [tag]);
  };
  for (const tag of recordsOfType(records, 'note-tag')) {
    if (tag.kind === 'card' && tag.cardId !== null) add(cardTags, tag.cardId, tag);
    else if (tag.kind === 'step' && tag.stepId !== null) add(stepTags, tag.stepId, tag);
  }
  const summarizeAll = (buckets: Map<string, NoteTag[]>) => new Map([...buckets].map(([id, tags]) => [id, summarize(records, tags, threshold)] as const));
  const index: EvidenceIndex = { cards: summarizeAll(cardTags), steps: summarizeAll(stepTags) };
  byThreshold.set(threshold, index);
  return index;
}

/** The cards of one journey, in map order, that no interview supports yet. */
export function cardsWithoutEvidence(records: RecordMap, journeyId: string): Card[] {
  const { cards } = evidenceIndex(records);
  const lanes = lanesOf(records, journeyId);
  const out: Card[] = [];
  for (const stage of stagesOf(records, journeyId)) {
    for (const step of stepsOf(records, stage.id)) {
      for (const lane of lanes) for (const card of cardsIn(records, step.id, lane.id)) if (!cards.has(card.id)) out.push(card);
    }
  }
  return out;
}

/**
 * What the interviews say a persona feels at a step: the mean of the emotion scores
 * tagged on notes of that persona's interviews, rounded to one decimal (halves towards
 * +3, so -1.25 → -1.2), and how many scores it rests on. Null when no note says anything, so
 * a step nobody spoke about is not drawn as a neutral 0.
 */
export function emotionFromNotes(records: RecordMap, stepId: string, personaId: string): { score: number; n: number } | null {
  let sum = 0;
  let n = 0;
  for (const tag of recordsGroupedBy(records, 'note-tag', 'stepId').get(stepId) ?? []) {
    if (tag.kind !== 'emotion' || tag.score === null) continue;
    const note = records[tag.noteId];
    const interview = note?.type === 'note' ? records[note.interviewId] : undefined;
    if (interview?.type !== 'interview' || interview.personaId !== personaId) continue;
    sum += tag.score;
    n++;
  }
  // Scores are whole numbers, so sum × 10 / n rounds without the float noise of mean × 10.
  return n === 0 ? null : { score: Math.round((sum * 10) / n) / 10, n };
}

export interface CompanyCoverage {
  companyCode: string;
  /** The roles interviewed there so far (interviews done), sorted. */
  roles: string[];
  /** The method asks for two roles per company; fewer is flagged. */
  fewerThanTwoRoles: boolean;
}

export interface SampleProgress {
  sample: Sample;
  /** Interviews planned or held in the sample. */
  planned: number;
  /** Interviews held: a date set and either an actual length or notes taken. */
  done: number;
  target: number;
  /** Every company the sample names (planned interviews included), by code. */
  companies: CompanyCoverage[];
  /** Per journey, in map order, the stages none of this sample's notes speak to yet. */
  stagesWithoutEvidence: { journey: Journey; stages: Stage[] }[];
}

/** An interview counts as held once it has a date and either a measured length or notes. */
export function interviewDone(interview: Interview, noteCount: number): boolean {
  return interview.date !== '' && (interview.actualMinutes !== null || noteCount > 0);
}

/**
 * How far a sample has got against the method: interviews held against the target, two
 * roles per company, and the stages still without a word from the customers. A note
 * speaks to a stage when any of its tags names the stage, one of its steps, or a card in
 * one of its steps.
 */
export function sampleProgress(records: RecordMap, sampleId: string): SampleProgress | null {
  const sample = records[sampleId];
  if (sample?.type !== 'sample') return null;
  const interviews = recordsGroupedBy(records, 'interview', 'sampleId').get(sampleId) ?? [];
  const notesByInterview = recordsGroupedBy(records, 'note', 'interviewId');
  const tagsByNote = recordsGroupedBy(records, 'note-tag', 'noteId');

  let done = 0;
  const roles = new Map<string, Set<string>>();
  const stagesSpoken = new Set<string>();
  for (const interview of interviews) {
    const notes = notesByInterview.get(interview.id) ?? [];
    // Companies with no code cannot be told apart, so they are left out of the coverage.
    if (interview.companyCode !== '' && !roles.has(interview.companyCode)) roles.set(interview.companyCode, new Set());
    if (!interviewDone(interview, notes.length)) continue;
    done++;
    if (interview.companyCode !== '' && interview.role !== '') roles.get(interview.companyCode)!.add(interview.role);
    for (const note of notes) for (const tag of tagsByNote.get(note.id) ?? []) for (const stageId of stagesNamedBy(records, tag)) stagesSpoken.add(stageId);
  }

  return {
    sample,
    planned: interviews.length,
    done,
    target: sample.targetInterviews,
    companies: [...roles]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([companyCode, set]) => ({ companyCode, roles: [...set].sort(), fewerThanTwoRoles: set.size < 2 })),
    stagesWithoutEvidence: journeysOf(records)
      .map((journey) => ({ journey, stages: stagesOf(records, journey.id).filter((stage) => !stagesSpoken.has(stage.id)) }))
      .filter((entry) => entry.stages.length > 0),
  };
}

/** The stages a tag reaches: its own stage, its step's, its card's step's (lookups by id only). */
function stagesNamedBy(records: RecordMap, tag: NoteTag): string[] {
  const out: string[] = [];
  if (tag.stageId !== null) out.push(tag.stageId);
  const stepIds: string[] = [];
  if (tag.stepId !== null) stepIds.push(tag.stepId);
  if (tag.cardId !== null) {
    const card = records[tag.cardId];
    if (card?.type === 'card') stepIds.push(card.stepId);
  }
  for (const stepId of stepIds) {
    const step = records[stepId];
    if (step?.type === 'step') out.push(step.stageId);
  }
  return out;
}
