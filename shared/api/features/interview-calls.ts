import { z } from 'zod';
import { filePath } from './fields.ts';
import type { OpenedWorkshop } from './workshop-calls.ts';

/** Interviews: bringing in the interviews held on another copy of the workshop. */
export const interviewCalls = {
  /**
   * Adds the interviews, notes and tags of another workshop file (opened read-only, left
   * untouched) that the open workshop does not have yet.
   */
  'interviews-merge': z.object({ sourcePath: filePath }),
} as const;

/** What a merge brought in, by kind, and what it had to leave behind. */
export interface InterviewMergeCounts {
  added: { samples: number; interviews: number; passages: number; notes: number; tags: number; noteTags: number; pseudonyms: number };
  /** Tags on notes naming a stage, step or card this workshop does not have: not brought in. */
  skipped: number;
  /** Interviews brought in without their persona, which this workshop does not have. */
  personasUnlinked: number;
}

export interface InterviewValues {
  /** The counts, and the workshop as it now is, for the board to reload. */
  'interviews-merge': InterviewMergeCounts & { workshop: OpenedWorkshop };
}
