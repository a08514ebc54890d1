import { closeSync, fstatSync, openSync, readSync } from 'node:fs';

/**
 * What the rollback journal beside a workshop is, read with plain fs before SQLite sees
 * it. SQLite replays any hot journal it finds under the file's name into the file and
 * then deletes it, whether or not the journal was written for that file: a leftover
 * journal from another copy of the workshop, or from another program, destroys it. So
 * we only let SQLite replay a journal we can tie to this very file.
 *
 * The tie: a write transaction in rollback mode always journals page 1 and bumps the
 * file change counter (header offset 24) by one when it writes page 1 back. So the
 * journal's copy of page 1 carries the counter the file had before the cut-short write,
 * and the file now has that counter or one more. An older or newer copy of the
 * workshop, or another program's database, fails that test; whatever passes it is still
 * rolled back on a copy and checked before the file is touched (journal-recovery.ts).
 */
export type JournalVerdict =
  /** No journal, or an empty one: nothing to replay. */
  | { kind: 'none' }
  /** Written for this file by an interrupted save: SQLite may roll it back. */
  | { kind: 'ours' }
  /** Anything else: never replayed, never deleted; the reason is for the user. */
  | { kind: 'foreign'; reason: string };

const JOURNAL_MAGIC = Buffer.from([0xd9, 0xd5, 0x05, 0xf9, 0x20, 0xa1, 0x63, 0xd7]);
const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const COUNTER_OFFSET = 24;
const PAGE_COUNT_OFFSET = 28;
const APPLICATION_ID_OFFSET = 68;
/** Enough records to find page 1 in any real journal, without reading a huge one whole. */
const MAX_RECORDS_SCANNED = 10_000;

export function journalPathOf(path: string): string {
  return `${path}-journal`;
}

export function inspectJournal(journalPath: string, dbPage1: Buffer, applicationId: number): JournalVerdict {
  let fd: number;
  try {
    fd = openSync(journalPath, 'r');
  } catch (error) {
    if ((error as { code?: string }).code === 'ENOENT') return { kind: 'none' };
    throw error;
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return { kind: 'foreign', reason: 'it is not a regular file' };
    if (stat.size === 0) return { kind: 'none' };
    const header = readAt(fd, 0, 28);
    if (header.length < 28 || !header.subarray(0, 8).equals(JOURNAL_MAGIC)) {
      return { kind: 'foreign', reason: 'it is not an SQLite journal' };
    }
    const records = header.readUInt32BE(8);
    const checksumInit = header.readUInt32BE(12);
    const originalPages = header.readUInt32BE(16);
    const sectorSize = header.readUInt32BE(20);
    const pageSize = header.readUInt32BE(24);
    if (pageSize !== dbPage1.length) return { kind: 'foreign', reason: 'it was written for a file with another page size' };
    if (sectorSize < 512 || sectorSize > 65536) return { kind: 'foreign', reason: 'its header is damaged' };
    if (records === 0) return { kind: 'foreign', reason: 'it holds no pages to restore' };

    const recordSize = 4 + pageSize + 4;
    const count = records === 0xffffffff ? Math.floor((stat.size - sectorSize) / recordSize) : records;
    for (let i = 0; i < Math.min(count, MAX_RECORDS_SCANNED); i++) {
      const offset = sectorSize + i * recordSize;
      const pageNumber = readAt(fd, offset, 4);
      if (pageNumber.length < 4) break;
      if (pageNumber.readUInt32BE(0) !== 1) continue;
      const record = readAt(fd, offset + 4, pageSize + 4);
      if (record.length < pageSize + 4) break;
      const page = record.subarray(0, pageSize);
      if (checksum(page, checksumInit) !== record.readUInt32BE(pageSize)) return { kind: 'foreign', reason: 'its copy of the first page is damaged' };
      return belongs(page, dbPage1, applicationId);
    }
    // A save cut short before it reached page 1 (a large one spills pages early): page 1
    // is then untouched, so the file's own size must be the one the journal started from.
    const sizeInHeader = dbPage1.readUInt32BE(PAGE_COUNT_OFFSET);
    if (sizeInHeader === originalPages && dbPage1.readUInt32BE(APPLICATION_ID_OFFSET) === applicationId) return { kind: 'ours' };
    return { kind: 'foreign', reason: 'it was written for a file of another size' };
  } finally {
    closeSync(fd);
  }
}

function belongs(journalPage1: Buffer, dbPage1: Buffer, applicationId: number): JournalVerdict {
  if (!journalPage1.subarray(0, 16).equals(SQLITE_MAGIC) || journalPage1.readUInt32BE(APPLICATION_ID_OFFSET) !== applicationId) {
    return { kind: 'foreign', reason: 'it was written for another program’s database' };
  }
  // Equal counters: the cut-short write had not reached page 1 yet (or spilled it early).
  const before = journalPage1.readUInt32BE(COUNTER_OFFSET);
  const now = dbPage1.readUInt32BE(COUNTER_OFFSET);
  if (now === before || now === ((before + 1) >>> 0)) return { kind: 'ours' };
  return { kind: 'foreign', reason: 'it was written for another copy of this workshop, or another workshop' };
}

/** SQLite's journal checksum: the nonce plus every 200th byte, from the end. */
function checksum(page: Buffer, init: number): number {
  let sum = init;
  for (let i = page.length - 200; i > 0; i -= 200) sum = (sum + page[i]!) >>> 0;
  return sum;
}

function readAt(fd: number, position: number, length: number): Buffer {
  const buffer = Buffer.alloc(length);
  const read = readSync(fd, buffer, 0, length, position);
  return buffer.subarray(0, read);
}

/** The first page of a database file, as its header says it is sized. */
export function readPage1(path: string, pageSize: number): Buffer {
  const fd = openSync(path, 'r');
  try {
    return readAt(fd, 0, pageSize);
  } finally {
    closeSync(fd);
  }
}
