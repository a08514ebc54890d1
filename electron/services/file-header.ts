import { closeSync, openSync, readSync } from 'node:fs';

/**
 * What the first 100 bytes of a file say, read with plain fs before SQLite touches it:
 * SQLite would happily treat an empty or foreign file as a database and write to it.
 */
export type FileHeader =
  | { kind: 'empty' }
  | { kind: 'not-sqlite' }
  | { kind: 'sqlite'; applicationId: number; userVersion: number; pageCount: number; pageSize: number };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
const HEADER_SIZE = 100;

export function readFileHeader(path: string): FileHeader {
  const fd = openSync(path, 'r');
  try {
    const header = Buffer.alloc(HEADER_SIZE);
    const read = readSync(fd, header, 0, HEADER_SIZE, 0);
    if (read === 0) return { kind: 'empty' };
    if (read < HEADER_SIZE || !header.subarray(0, 16).equals(SQLITE_MAGIC)) return { kind: 'not-sqlite' };
    const rawPageSize = header.readUInt16BE(16);
    return {
      kind: 'sqlite',
      pageSize: rawPageSize === 1 ? 65536 : rawPageSize,
      pageCount: header.readUInt32BE(28),
      userVersion: header.readUInt32BE(60),
      applicationId: header.readUInt32BE(68),
    };
  } finally {
    closeSync(fd);
  }
}
