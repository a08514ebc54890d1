import type { InterviewMergeCounts } from '../../shared/api/features/interview-calls.ts';
import { emptyChange, isEmptyChange } from '../../shared/change/change.ts';
import type { AnyRecord, NoteTag } from '../../shared/model/records.ts';
import type { WorkshopFile } from './workshop-file.ts';

/**
 * "Bring in interviews from another workshop file": interviewers work offline on their
 * own copy of the workshop (a customer site, a train), and their interviews come back
 * into the facilitator's file afterwards.
 *
 * Records are created with random ids, so an interview has the same id in every copy it
 * travelled to: a record the target already holds by id is left as the target has it
 * (the target's edits win), and bringing the same file in twice adds nothing.
 */

/** What travels, and the count each adds to (the file inserts parents first whatever the order here). */
const MERGED: Record<string, keyof InterviewMergeCounts['added']> = {
  sample: 'samples',
  interview: 'interviews',
  passage: 'passages',
  note: 'notes',
  tag: 'tags',
  'note-tag': 'noteTags',
  pseudonym: 'pseudonyms',
};

export function noMerge(): InterviewMergeCounts {
  return { added: { samples: 0, interviews: 0, passages: 0, notes: 0, tags: 0, noteTags: 0, pseudonyms: 0 }, skipped: 0, personasUnlinked: 0 };
}

/**
 * Adds the source's interview records the target lacks, as one change (all or nothing,
 * one transaction). Interview records only ever point at each other or at the map:
 * links among interview records hold because every missing one comes along, and links
 * into the map are checked here, since the other copy's map may have grown.
 *  - a note-tag naming a stage, step or card the target does not have is skipped and
 *    counted: evidence for a card nobody here made cannot be placed;
 *  - an interview whose persona the target does not have keeps its notes but loses the
 *    persona link (counted), rather than the whole interview being left behind.
 */
export function mergeInterviews(target: WorkshopFile, source: readonly AnyRecord[]): InterviewMergeCounts {
  const present = new Set(target.readRecords().map((r) => r.id));
  const result = noMerge();
  const change = emptyChange();
  for (const record of source) {
    const counter = MERGED[record.type];
    if (counter === undefined || present.has(record.id)) continue;
    let adding = record;
    if (record.type === 'note-tag' && !placeable(record, present)) {
      result.skipped++;
      continue;
    }
    if (record.type === 'interview' && record.personaId !== null && !present.has(record.personaId)) {
      adding = { ...record, personaId: null };
      result.personasUnlinked++;
    }
    change.added[record.id] = adding;
    result.added[counter]++;
  }
  if (!isEmptyChange(change)) target.applyChange(change);
  return result;
}

/** The map records a note-tag names are all in the target. */
function placeable(tag: NoteTag, present: ReadonlySet<string>): boolean {
  return [tag.stageId, tag.stepId, tag.cardId].every((id) => id === null || present.has(id));
}

/** How many records a merge added, all types together. */
export function mergedTotal(counts: InterviewMergeCounts): number {
  return Object.values(counts.added).reduce((sum, n) => sum + n, 0);
}
