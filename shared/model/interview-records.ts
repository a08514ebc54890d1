import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { idOf, longText, name, position } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/**
 * Interviews, the method's second step: a sample of customers, 45–60 minute interviews
 * (two roles per company), timestamped notes and transcript passages, tags that link
 * them to the map as evidence, and a private key of pseudonyms per interview.
 */

const wholeMinutes = (what: string) => z.number({ error: `${what} must be a number` }).int(`${what} is whole minutes`).min(0, `${what} cannot be negative`).max(1440, `${what} is at most a day`);

export const sampleSchema = z.object({
  id: idOf('sample'),
  type: z.literal('sample'),
  position,
  name: name('A sample name').min(1, 'A sample needs a name'),
  industry: name('The industry'),
  region: name('The region'),
  product: name('The product'),
  /** The method asks for 15–20 interviews per sample. */
  targetInterviews: z.number().int('The target is a whole number of interviews').min(1, 'A sample needs at least one interview').max(200, 'A sample has at most 200 interviews'),
  /** The customer roles sought, one per line (e.g. "Buyer", "IT security"). */
  rolesSought: longText('The roles sought'),
});

export const interviewSchema = z.object({
  id: idOf('interview'),
  type: z.literal('interview'),
  sampleId: idOf('sample'),
  position,
  /** The code that stands for the interview everywhere: INT-07. */
  code: name('An interview code').min(1, 'An interview needs a code, such as INT-07'),
  /** The interviewee's role, never their name. */
  role: name("The interviewee's role"),
  /** The company as a code: Company-C. */
  companyCode: name('A company code'),
  personaId: idOf('persona').nullable(),
  segment: name('The segment'),
  /** The day it took place, YYYY-MM-DD, or empty until it does. */
  date: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'A date is written YYYY-MM-DD'),
  plannedMinutes: wholeMinutes('The planned length'),
  actualMinutes: wholeMinutes('The actual length').nullable(),
  interviewer: name("The interviewer's name"),
  /** When the interview clock was started (ISO time), or null before it is. */
  startedAt: z.iso.datetime().nullable(),
});

export const passageSchema = z.object({
  id: idOf('passage'),
  type: z.literal('passage'),
  interviewId: idOf('interview'),
  position,
  speaker: name('A speaker'),
  /** Where the passage starts and ends in the recording, in milliseconds. */
  startMs: z.number().int().min(0),
  endMs: z.number().int().min(0),
  text: longText('A passage'),
});

export const noteSchema = z.object({
  id: idOf('note'),
  type: z.literal('note'),
  interviewId: idOf('interview'),
  position,
  text: z.string().max(LIMITS.cardTextLength, `A note can hold at most ${LIMITS.cardTextLength} characters`),
  /** When it was typed (ISO time). */
  takenAt: z.iso.datetime(),
  /** Minutes into the interview when it was typed (or where its passage starts). */
  minutesIn: z.number().min(0).max(1440),
  /** A note made from a span of a transcript passage: the passage and the span's offsets. */
  passageId: idOf('passage').nullable(),
  startOffset: z.number().int().min(0).nullable(),
  endOffset: z.number().int().min(0).nullable(),
});

/** The workshop's own tag vocabulary, in groups ("Pricing" in "Buying"). */
export const tagSchema = z.object({
  id: idOf('tag'),
  type: z.literal('tag'),
  position,
  group: name('A tag group'),
  name: name('A tag name').min(1, 'A tag needs a name'),
});

export const NOTE_TAG_KINDS = ['stage', 'step', 'card', 'emotion', 'quote', 'outlier', 'moment-of-truth', 'tag'] as const;
export type NoteTagKind = (typeof NOTE_TAG_KINDS)[number];

/**
 * A structured tag on a note, never parsed text: a stage or step it is about, a card it
 * is evidence for (a pain point, a tollgate, any card), an emotion score at a step, a
 * quote, an outlier, a moment of truth, or one of the workshop's own tags.
 */
export const noteTagSchema = z
  .object({
    id: idOf('note-tag'),
    type: z.literal('note-tag'),
    noteId: idOf('note'),
    kind: z.enum(NOTE_TAG_KINDS),
    stageId: idOf('stage').nullable(),
    stepId: idOf('step').nullable(),
    cardId: idOf('card').nullable(),
    tagId: idOf('tag').nullable(),
    score: z.number().int('An emotion is a whole number from -3 to +3').min(-3, 'An emotion is a whole number from -3 to +3').max(3, 'An emotion is a whole number from -3 to +3').nullable(),
  })
  .refine((t) => t.kind !== 'stage' || t.stageId !== null, { message: 'A stage tag names its stage' })
  .refine((t) => t.kind !== 'step' || t.stepId !== null, { message: 'A step tag names its step' })
  .refine((t) => t.kind !== 'card' || t.cardId !== null, { message: 'Evidence names the card it supports' })
  .refine((t) => t.kind !== 'tag' || t.tagId !== null, { message: 'A tag names the tag' })
  .refine((t) => t.kind !== 'emotion' || t.score !== null, { message: 'An emotion tag has a score from -3 to +3' });

export const PSEUDONYM_KINDS = ['person', 'company'] as const;

/**
 * One entry of an interview's private key: a real name and the code that replaces it
 * everywhere outside the interview editor. Never exported; removed whole by
 * "Anonymize workshop for sharing".
 */
export const pseudonymSchema = z.object({
  id: idOf('pseudonym'),
  type: z.literal('pseudonym'),
  interviewId: idOf('interview'),
  kind: z.enum(PSEUDONYM_KINDS),
  realName: name('A real name').min(1, 'A real name is needed to replace it'),
  code: name('A code').min(1, 'A code such as Buyer-03 replaces the name'),
});

export const sampleDefinition = {
  type: 'sample',
  schema: sampleSchema,
  table: 'sample',
  columns: { id: 'id', position: 'position', name: 'name', industry: 'industry', region: 'region', product: 'product', targetInterviews: 'target_interviews', rolesSought: 'roles_sought' },
  parents: {},
} satisfies RecordDefinition<'sample'>;

export const interviewDefinition = {
  type: 'interview',
  schema: interviewSchema,
  table: 'interview',
  columns: {
    id: 'id',
    sampleId: 'sample_id',
    position: 'position',
    code: 'code',
    role: 'role',
    companyCode: 'company_code',
    personaId: 'persona_id',
    segment: 'segment',
    date: 'date',
    plannedMinutes: 'planned_minutes',
    actualMinutes: 'actual_minutes',
    interviewer: 'interviewer',
    startedAt: 'started_at',
  },
  parents: { sampleId: 'sample' },
  references: { personaId: 'persona' },
} satisfies RecordDefinition<'interview'>;

export const passageDefinition = {
  type: 'passage',
  schema: passageSchema,
  table: 'passage',
  columns: { id: 'id', interviewId: 'interview_id', position: 'position', speaker: 'speaker', startMs: 'start_ms', endMs: 'end_ms', text: 'text' },
  parents: { interviewId: 'interview' },
} satisfies RecordDefinition<'passage'>;

export const noteDefinition = {
  type: 'note',
  schema: noteSchema,
  table: 'note',
  columns: {
    id: 'id',
    interviewId: 'interview_id',
    position: 'position',
    text: 'text',
    takenAt: 'taken_at',
    minutesIn: 'minutes_in',
    passageId: 'passage_id',
    startOffset: 'start_offset',
    endOffset: 'end_offset',
  },
  parents: { interviewId: 'interview', passageId: 'passage' },
} satisfies RecordDefinition<'note'>;

export const tagDefinition = {
  type: 'tag',
  schema: tagSchema,
  table: 'tag',
  columns: { id: 'id', position: 'position', group: '"group"', name: 'name' },
  parents: {},
} satisfies RecordDefinition<'tag'>;

export const noteTagDefinition = {
  type: 'note-tag',
  schema: noteTagSchema,
  table: 'note_tag',
  columns: { id: 'id', noteId: 'note_id', kind: 'kind', stageId: 'stage_id', stepId: 'step_id', cardId: 'card_id', tagId: 'tag_id', score: 'score' },
  // A tag goes with its note, or with the stage, step, card or tag it names.
  parents: { noteId: 'note', stageId: 'stage', stepId: 'step', cardId: 'card', tagId: 'tag' },
} satisfies RecordDefinition<'note-tag'>;

export const pseudonymDefinition = {
  type: 'pseudonym',
  schema: pseudonymSchema,
  table: 'pseudonym',
  columns: { id: 'id', interviewId: 'interview_id', kind: 'kind', realName: 'real_name', code: 'code' },
  parents: { interviewId: 'interview' },
} satisfies RecordDefinition<'pseudonym'>;
