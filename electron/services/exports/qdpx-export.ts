import JSZip from 'jszip';
import type { RecordMap } from '../../../shared/model/document.ts';
import { qdpxProject } from '../../../shared/interviews/qdpx.ts';

/** The earliest time a zip entry can carry (MS-DOS dates start in 1980). */
const EARLIEST_ZIP_DATE = Date.UTC(1980, 0, 1, 0, 0, 2);

/**
 * The interviews as a REFI-QDA project file (.qdpx): a zip of project.qde and the
 * sources folder, which the standard names in lower case ("sources"), one text file a
 * source, UTF-8 without a byte order mark (a mark would count as a character and move
 * every selection by one in programs that do not skip it).
 *
 * Every entry carries the workshop's creation time, never the clock's, so exporting
 * the same workshop twice gives the same bytes. `records` must already be fit to leave
 * the workshop (outgoing()).
 */
export async function qdpxFile(records: RecordMap): Promise<Uint8Array> {
  const project = qdpxProject(records);
  const date = new Date(Math.max(project.createdAt.getTime(), EARLIEST_ZIP_DATE));
  const utf8 = new TextEncoder();
  const zip = new JSZip();
  // Folders are added by hand: the ones JSZip adds for itself are stamped with the time of export.
  const options = { date, createFolders: false, binary: true } as const;
  zip.file('project.qde', utf8.encode(project.xml), options);
  zip.file('sources/', null, { date, createFolders: false, dir: true });
  for (const source of project.sources) zip.file(source.path, utf8.encode(source.text), options);
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 6 }, platform: 'DOS' });
}
