import { newId } from './ids.ts';
import { as } from './record-factories.ts';
import type { Interview, Note, NoteTag, NoteTagKind, Passage, Pseudonym, Sample, Tag } from './records.ts';

/** New interview records with every field at its default (see record-factories.ts). */

export function newSample(fields: { name: string; position: string } & Partial<Omit<Sample, 'id' | 'type'>>): Sample {
  return as<Sample>({ id: newId('sample'), type: 'sample', industry: '', region: '', product: '', targetInterviews: 18, rolesSought: '', ...fields });
}

export function newInterview(fields: { sampleId: string; code: string; position: string } & Partial<Omit<Interview, 'id' | 'type' | 'sampleId'>>): Interview {
  return as<Interview>({
    id: newId('interview'),
    type: 'interview',
    role: '',
    companyCode: '',
    personaId: null,
    segment: '',
    date: '',
    plannedMinutes: 60,
    actualMinutes: null,
    interviewer: '',
    startedAt: null,
    ...fields,
  });
}

export function newNote(fields: { interviewId: string; position: string; takenAt: string; minutesIn: number; text?: string; passageId?: string | null; startOffset?: number | null; endOffset?: number | null }): Note {
  return as<Note>({ id: newId('note'), type: 'note', text: '', passageId: null, startOffset: null, endOffset: null, ...fields });
}

export function newPassage(fields: { interviewId: string; position: string; speaker: string; startMs: number; endMs: number; text: string }): Passage {
  return as<Passage>({ id: newId('passage'), type: 'passage', ...fields });
}

export function newTag(fields: { name: string; position: string; group?: string }): Tag {
  return as<Tag>({ id: newId('tag'), type: 'tag', group: '', ...fields });
}

/** A tag on a note: what it is about, or the card it is evidence for. */
export function newNoteTag(fields: { noteId: string; kind: NoteTagKind; stageId?: string; stepId?: string; cardId?: string; tagId?: string; score?: number }): NoteTag {
  return as<NoteTag>({ id: newId('note-tag'), type: 'note-tag', stageId: null, stepId: null, cardId: null, tagId: null, score: null, ...fields });
}

export function newPseudonym(fields: { interviewId: string; kind: Pseudonym['kind']; realName: string; code: string }): Pseudonym {
  return as<Pseudonym>({ id: newId('pseudonym'), type: 'pseudonym', ...fields });
}
