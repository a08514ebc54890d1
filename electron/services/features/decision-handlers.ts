import { copyFileSync, mkdtempSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FeatureHandlers } from '../../../shared/api/contract.ts';
import type { DecisionValues } from '../../../shared/api/features/decision-calls.ts';
import { WorkshopError } from '../../../shared/api/errors.ts';
import { compareWorkshops } from '../../../shared/decisions/year-over-year.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { WorkshopFile } from '../workshop-file.ts';
import type { WorkshopSession } from '../session.ts';

const toMap = (records: readonly AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

/**
 * Last year's records without touching last year's file. Read-only first (no lock, not
 * a byte written); a file from an older version cannot be shown read-only, since showing
 * it needs the upgrade, so that upgrade runs on a copy in a temporary folder instead.
 */
export function readOtherWorkshop(path: string): AnyRecord[] {
  try {
    const file = WorkshopFile.open(path, { readOnly: true });
    try {
      return file.readRecords();
    } finally {
      file.close();
    }
  } catch (error) {
    if (!(error instanceof WorkshopError) || error.code !== 'read-only') throw error;
  }
  const folder = mkdtempSync(join(tmpdir(), 'journeyboard-compare-'));
  try {
    const copy = join(folder, basename(path));
    copyFileSync(path, copy);
    const file = WorkshopFile.open(copy, { recoveryFolder: folder });
    try {
      return file.readRecords();
    } finally {
      file.close();
    }
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const samePath = (a: string, b: string) => {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return a === b;
  }
};

export function decisionHandlers(session: WorkshopSession): FeatureHandlers<keyof DecisionValues> {
  return {
    'decisions-compare': ({ otherPath }) => {
      const file = session.current();
      const path = session.paths.forReading(otherPath);
      const now = file.readRecords();
      // The open file cannot be opened a second time; compared with itself it is its own records.
      const last = samePath(path, file.path) ? now : readOtherWorkshop(path);
      return compareWorkshops(toMap(last), toMap(now), { lastYear: basename(path), thisYear: basename(file.path) });
    },
  };
}
