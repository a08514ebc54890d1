import { z } from 'zod';
import type { YearOverYear } from '../../decisions/year-over-year.ts';
import { filePath } from './fields.ts';

/** Decisions: this year's workshop against last year's file. */
export const decisionCalls = {
  /**
   * Compares the open workshop with another workshop file, opened read-only (an older
   * file is read from a temporary copy, never upgraded in place): neither file changes.
   */
  'decisions-compare': z.object({ otherPath: filePath }),
} as const;

export interface DecisionValues {
  'decisions-compare': YearOverYear;
}
