import type { AnyRecord } from '../model/records.ts';
import type { RecordMap } from '../model/document.ts';
import { changeFrom, type Change } from '../change/change.ts';
import { findRealNames, keyOf, pseudonymizeRecords } from './pseudonyms.ts';
import { allRecords } from '../model/record-map.ts';

/**
 * What leaves the workshop (every export, the JSON, the report): the records with each
 * real name from any interview's key replaced by its code and the keys themselves left
 * out. The scan afterwards is the promise made to interviewees: if a name from a key
 * could still be read in the output, nothing is written.
 */
export function outgoingRecords(records: readonly AnyRecord[]): { records: AnyRecord[]; leaks: string[] } {
  const key = keyOf(records);
  const outgoing = pseudonymizeRecords(records, key);
  if (key.length === 0) return { records: outgoing, leaks: [] };
  const leaks = new Set<string>();
  for (const record of outgoing) {
    for (const value of Object.values(record)) {
      if (typeof value !== 'string' || value.length < 2) continue;
      for (const found of findRealNames(value, key)) leaks.add(found.realName);
    }
  }
  return { records: outgoing, leaks: [...leaks] };
}

/**
 * "Anonymize workshop for sharing": every real name in the workshop replaced by its
 * code, and every key removed, as one change (one undo step). With the file's
 * secure_delete on, the names leave no trace in its bytes once it is saved.
 */
export function anonymizeChange(records: RecordMap): Change | null {
  const all = allRecords(records);
  const key = keyOf(all);
  if (key.length === 0) return null;
  return changeFrom(records, { put: pseudonymizeRecords(all, key), remove: key });
}
