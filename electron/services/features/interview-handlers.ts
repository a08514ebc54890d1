import { basename } from 'node:path';
import type { FeatureHandlers } from '../../../shared/api/contract.ts';
import type { InterviewValues } from '../../../shared/api/features/interview-calls.ts';
import { WorkshopError } from '../../../shared/api/errors.ts';
import { mergeInterviews, mergedTotal } from '../interview-merge.ts';
import { WorkshopFile } from '../workshop-file.ts';
import type { WorkshopSession } from '../session.ts';

/** The interviews' calls: bringing in interviews held on another copy of the workshop. */
export function interviewHandlers(session: WorkshopSession): FeatureHandlers<keyof InterviewValues> {
  return {
    'interviews-merge': ({ sourcePath }) => {
      const file = session.current();
      const path = session.paths.forReading(sourcePath);
      // Opening it again would fail as "already open"; say what the user actually did.
      if (path === file.path) {
        throw new WorkshopError('invalid-request', `${basename(path)} is the workshop you have open. Pick the other copy to bring its interviews in.`, path);
      }
      // Read-only: no lock taken, not a byte written, so the interviewer's copy stays as it was.
      const source = WorkshopFile.open(path, { readOnly: true });
      let counts;
      try {
        counts = mergeInterviews(file, source.readRecords());
      } finally {
        source.close();
      }
      if (mergedTotal(counts) > 0) session.backups.afterChange(file);
      return { ...counts, workshop: session.describe(file) };
    },
  };
}
