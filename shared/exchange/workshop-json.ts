import { z } from 'zod';
import { RECORD_TYPE_ORDER, type AnyRecord } from '../model/records.ts';
import { err, ok, type Result } from '../api/result.ts';
import { restoreRecords, type Restored } from './restore-records.ts';

/**
 * The workshop as plain JSON: every record, lossless and versioned, so a workshop can
 * leave Journeyboard and come back exactly. The output is deterministic (records in a
 * fixed order, fields in schema order, no timestamps of its own): exporting, importing
 * and exporting again gives the same bytes.
 */
export const JSON_FORMAT = 'journeyboard';
export const JSON_VERSION = 1;

export interface WorkshopJson {
  format: typeof JSON_FORMAT;
  version: number;
  /** The `.journey` schema version the records follow. */
  fileFormatVersion: number;
  records: AnyRecord[];
}

// Read at each call: the registry grows when a type is defined after this module loads.
const typeRank = (type: string) => RECORD_TYPE_ORDER.indexOf(type as AnyRecord['type']);

export function sortRecords(records: readonly AnyRecord[]): AnyRecord[] {
  return [...records].sort((a, b) => typeRank(a.type) - typeRank(b.type) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function workshopToJson(records: readonly AnyRecord[], fileFormatVersion: number): string {
  const document: WorkshopJson = { format: JSON_FORMAT, version: JSON_VERSION, fileFormatVersion, records: sortRecords(records) };
  return `${JSON.stringify(document, null, 2)}\n`;
}

const envelope = z.object({
  format: z.literal(JSON_FORMAT, { error: 'This is not a Journeyboard export (its "format" is not "journeyboard").' }),
  version: z.number().int().min(1),
  fileFormatVersion: z.number().int().min(1),
  records: z.array(z.unknown()),
});

/**
 * Reads an export back: the envelope first, then every record brought up from the file
 * format version it was made at (restore-records.ts). Refuses a newer export, and a
 * record that cannot be made valid, naming it.
 */
export function parseWorkshopJson(text: string, maxFileFormatVersion: number): Result<AnyRecord[], string> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return err('The file is not valid JSON.');
  }
  const restored = restoreWorkshopJson(raw, maxFileFormatVersion);
  return restored.ok ? ok(restored.value.records) : restored;
}

/** The same as parseWorkshopJson for an export already parsed, with what restoring left out or repaired. */
export function restoreWorkshopJson(raw: unknown, maxFileFormatVersion: number): Result<Restored, string> {
  const head = envelope.safeParse(raw);
  if (!head.success) return err(head.error.issues[0]?.message.startsWith('This is not') ? head.error.issues[0].message : 'The file is not a Journeyboard export.');
  if (head.data.version > JSON_VERSION || head.data.fileFormatVersion > maxFileFormatVersion) {
    return err('This export was made by a newer version of Journeyboard. Update Journeyboard to import it.');
  }
  return restoreRecords(head.data.records, head.data.fileFormatVersion);
}
