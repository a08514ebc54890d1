import { byPosition } from '../model/ordering.ts';
import { recordsGroupedBy, recordsOfType, workshopOf, type RecordMap } from '../model/document.ts';
import type { Interview, Note, NoteTag } from '../model/records.ts';
import { codeBook, codesOfTag, type Code, type CodeBook } from './qdpx-codes.ts';
import { clock, codePoints, dateTime, JOURNEYBOARD_QDPX, label, oneLine, uuidV5, xmlAttribute, xmlText } from './qdpx-text.ts';


/**
 * The interviews as a REFI-QDA project (QDA-XML project 1.0, the .qdpx exchange format)
 * that NVivo, ATLAS.ti, MAXQDA and QualCoder open: each interview a plain-text source
 * (its transcript, then the notes typed during it), each tagged note a selection in that
 * text, coded with what its tags name. Pure: the caller passes records that may leave
 * the workshop (real names already replaced by their codes) and zips what comes back.
 *
 * Everything is derived from the records, GUIDs included, so exporting the same
 * workshop twice gives the same project, and a record keeps its GUID from one export to
 * the next. Positions count Unicode code points, as the standard says (§10.2), not the
 * UTF-16 units JavaScript strings index by.
 */

export const QDA_NAMESPACE = 'urn:QDA-XML:project:1.0';

export interface QdpxSource {
  /** Where the text goes in the zip: `sources/<guid>.txt`. */
  path: string;
  /** The source's plain text; written as UTF-8 without a byte order mark. */
  text: string;
}

export interface QdpxProject {
  /** project.qde */
  xml: string;
  sources: QdpxSource[];
  /** When the workshop was created: the one date the zip's entries carry, so two exports are byte for byte the same. */
  createdAt: Date;
}

// ---------------------------------------------------------------------------------------
// Sources and selections.

interface Selection {
  guid: string;
  name: string;
  /** Code points from the start of the source text, end exclusive (REFI-QDA §10.2). */
  start: number;
  end: number;
  /** The note's own words where the selection shows something else (an edited note on a span). */
  description: string;
  takenAt: string | null;
  codes: Code[];
}

interface Source {
  guid: string;
  name: string;
  description: string;
  textGuid: string;
  text: string;
  createdAt: string | null;
  selections: Selection[];
}

/** A text being written line by line, counting code points as it goes. */
class Lines {
  private readonly parts: string[] = [];
  points = 0;
  add(text: string): void {
    this.parts.push(text);
    this.points += codePoints(text);
  }
  end(): void {
    this.add('\n');
  }
  toString(): string {
    return this.parts.join('');
  }
}

/** Nearest occurrence of `needle` in `text` to `near`, or -1. */
function nearestIndex(text: string, needle: string, near: number): number {
  let best = -1;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + 1)) {
    if (best === -1 || Math.abs(at - near) < Math.abs(best - near)) best = at;
    if (at > near) break;
  }
  return best;
}

/** A UTF-16 offset moved off the middle of a surrogate pair: back for a start, forward for an end. */
function onCodePoint(text: string, offset: number, forward: boolean): number {
  const unit = text.charCodeAt(offset);
  const before = text.charCodeAt(offset - 1);
  const inPair = unit >= 0xdc00 && unit <= 0xdfff && before >= 0xd800 && before <= 0xdbff;
  return inPair ? offset + (forward ? 1 : -1) : offset;
}

function sourceName(interview: Interview): string {
  const about = [interview.role, interview.companyCode].map((part) => label(part).name).filter((part) => part !== '');
  const name = `${label(interview.code).name || 'Interview'}${about.length > 0 ? ` (${about.join(', ')})` : ''}`;
  // Some programs make a file of each source under its name: nothing a path cannot hold.
  return name.replace(/[\\/:*?"<>|]/g, '-');
}

function sourceDescription(interview: Interview, sampleName: string): string {
  const parts = [
    sampleName && `Sample: ${sampleName}`,
    interview.role && `Role: ${interview.role}`,
    interview.companyCode && `Company: ${interview.companyCode}`,
    interview.segment && `Segment: ${interview.segment}`,
    interview.date && `Date: ${interview.date}`,
    interview.actualMinutes !== null && `${interview.actualMinutes} minutes`,
  ];
  return parts.filter((part): part is string => typeof part === 'string' && part.trim() !== '').map((part) => label(part, 200).name).join('; ');
}

function interviewSource(records: RecordMap, interview: Interview, book: CodeBook, tagsByNote: ReadonlyMap<string, readonly NoteTag[]>, guid: (name: string) => string): Source | null {
  const passages = byPosition(recordsGroupedBy(records, 'passage', 'interviewId').get(interview.id) ?? []);
  const notes = byPosition(recordsGroupedBy(records, 'note', 'interviewId').get(interview.id) ?? []);
  const lines = new Lines();
  const selections: Selection[] = [];
  const select = (note: Note, start: number, end: number, shown: string) => {
    const codes = [...new Set((tagsByNote.get(note.id) ?? []).flatMap((tag) => codesOfTag(tag, book)))].sort((a, b) => book.order.get(a.guid)! - book.order.get(b.guid)!);
    // A selection nobody coded says nothing the text does not: importers would make an empty memo of it.
    if (codes.length === 0 || end <= start) return;
    const own = oneLine(note.text);
    selections.push({
      guid: guid(note.id),
      name: label(own.trim() || shown).name,
      start,
      end,
      description: own.trim() !== '' && own !== shown ? own.trim() : '',
      takenAt: dateTime(note.takenAt),
      codes,
    });
  };

  // The transcript, a passage a line: "Speaker: text". Notes made from a span of a passage select that span.
  const spans = new Map<string, { at: number; text: string }>();
  for (const passage of passages) {
    const speaker = label(passage.speaker).name;
    const prefix = speaker === '' ? '' : `${speaker}: `;
    const text = oneLine(passage.text);
    spans.set(passage.id, { at: lines.points + codePoints(prefix), text });
    lines.add(prefix + text);
    lines.end();
  }
  const typed: Note[] = [];
  for (const note of notes) {
    const span = note.passageId === null ? undefined : spans.get(note.passageId);
    if (!span) {
      typed.push(note);
      continue;
    }
    const found = spanOf(note, span.text);
    if (!found) {
      typed.push(note);
      continue;
    }
    const shown = span.text.slice(found.start, found.end);
    const start = span.at + codePoints(span.text.slice(0, found.start));
    select(note, start, start + codePoints(shown), shown);
  }

  // Then the notes typed during the interview, one a line with the time it was typed at.
  const written = typed.filter((note) => note.text.trim() !== '');
  if (written.length > 0) {
    if (passages.length > 0) {
      lines.end();
      lines.add('Notes');
      lines.end();
    }
    for (const note of written) {
      const text = oneLine(note.text);
      lines.add(`${clock(note.minutesIn)} `);
      const start = lines.points;
      lines.add(text);
      select(note, start, lines.points, text);
      lines.end();
    }
  }
  if (lines.points === 0) return null;
  // In reading order, as the programs list them.
  selections.sort((a, b) => a.start - b.start || a.end - b.end);

  const sample = records[interview.sampleId];
  return {
    guid: guid(interview.id),
    name: sourceName(interview),
    description: sourceDescription(interview, sample?.type === 'sample' ? sample.name : ''),
    textGuid: guid(`text:${interview.id}`),
    text: lines.toString(),
    createdAt: dateTime(interview.startedAt),
    selections,
  };
}

/**
 * Where in its passage a note made from a span sits, as UTF-16 offsets into the passage
 * text. The offsets were taken before real names became codes, which can shift them, so
 * when they no longer cut out the note's words, the words are looked for nearby; a note
 * edited since keeps its span. A note that names its passage but no span is the whole passage.
 */
function spanOf(note: Note, text: string): { start: number; end: number } | null {
  let start = Math.min(Math.max(note.startOffset ?? 0, 0), text.length);
  let end = Math.min(Math.max(note.endOffset ?? text.length, start), text.length);
  start = onCodePoint(text, start, false);
  end = onCodePoint(text, end, true);
  const words = oneLine(note.text);
  if (words.trim() !== '' && text.slice(start, end) !== words) {
    const at = nearestIndex(text, words, start);
    if (at !== -1) return { start: at, end: at + words.length };
  }
  return end > start ? { start, end } : null;
}

// ---------------------------------------------------------------------------------------
// The project.

function interviewsInOrder(records: RecordMap): Interview[] {
  const samples = new Map(byPosition(recordsOfType(records, 'sample')).map((sample, index) => [sample.id, index]));
  const order = (interview: Interview) => samples.get(interview.sampleId) ?? samples.size;
  return byPosition(recordsOfType(records, 'interview')).sort((a, b) => order(a) - order(b));
}

/** Builds project.qde and the source texts. `records` must already be fit to leave the workshop. */
export function qdpxProject(records: RecordMap): QdpxProject {
  const workshop = workshopOf(records);
  const scope = workshop?.id ?? '';
  // Scoped to the workshop: two workshops imported into one project never share a GUID.
  const guid = (name: string) => uuidV5(JOURNEYBOARD_QDPX, `${scope}\u0000${name}`);
  const userGuid = guid('user:journeyboard');

  const tagsByNote = new Map<string, NoteTag[]>();
  for (const tag of recordsOfType(records, 'note-tag').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    if (records[tag.noteId]?.type !== 'note') continue;
    const list = tagsByNote.get(tag.noteId);
    if (list) list.push(tag);
    else tagsByNote.set(tag.noteId, [tag]);
  }
  const book = codeBook(records, [...tagsByNote.values()].flat(), guid);
  const sources = interviewsInOrder(records).flatMap((interview) => interviewSource(records, interview, book, tagsByNote, guid) ?? []);
  // QualCoder keeps one source per name, and two interviews may share a code by mistake.
  const sourceNames = new Set<string>();
  for (const source of sources) {
    let name = source.name;
    for (let n = 2; sourceNames.has(name.toLowerCase()); n++) name = `${source.name} ${n}`;
    source.name = name;
    sourceNames.add(name.toLowerCase());
  }

  const created = dateTime(workshop?.createdAt);
  const out: string[] = [];
  const line = (depth: number, text: string) => out.push(`${'  '.repeat(depth)}${text}\n`);
  const attrs = (pairs: [string, string | null][]) =>
    pairs
      .filter((pair): pair is [string, string] => pair[1] !== null)
      .map(([key, value]) => ` ${key}="${xmlAttribute(value)}"`)
      .join('');

  out.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  line(
    0,
    `<Project xmlns="${QDA_NAMESPACE}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${QDA_NAMESPACE} http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd"${attrs([
      ['name', label(workshop?.name ?? '', 200).name || 'Journeyboard workshop'],
      ['origin', 'Journeyboard'],
      ['creatingUserGUID', userGuid],
      ['creationDateTime', created],
    ])}>`,
  );
  line(1, '<Users>');
  line(2, `<User${attrs([['guid', userGuid], ['name', 'Journeyboard']])}/>`);
  line(1, '</Users>');

  line(1, '<CodeBook>');
  line(2, '<Codes>');
  const writeCode = (c: Code, depth: number) => {
    const open = `<Code${attrs([['guid', c.guid], ['name', c.name], ['isCodable', String(c.codable)]])}`;
    if (c.description === '' && c.children.length === 0) return line(depth, `${open}/>`);
    line(depth, `${open}>`);
    if (c.description !== '') line(depth + 1, `<Description>${xmlText(c.description)}</Description>`);
    for (const child of c.children) writeCode(child, depth + 1);
    line(depth, '</Code>');
  };
  for (const c of book.roots) writeCode(c, 3);
  line(2, '</Codes>');
  line(1, '</CodeBook>');

  if (sources.length > 0) {
    line(1, '<Sources>');
    for (const source of sources) {
      const open = `<TextSource${attrs([
        ['guid', source.guid],
        ['name', source.name],
        ['plainTextPath', `internal://${source.textGuid}.txt`],
        ['creatingUser', userGuid],
        ['creationDateTime', source.createdAt],
      ])}`;
      if (source.description === '' && source.selections.length === 0) {
        line(2, `${open}/>`);
        continue;
      }
      line(2, `${open}>`);
      if (source.description !== '') line(3, `<Description>${xmlText(source.description)}</Description>`);
      for (const selection of source.selections) {
        line(
          3,
          `<PlainTextSelection${attrs([
            ['guid', selection.guid],
            ['name', selection.name],
            ['startPosition', String(selection.start)],
            ['endPosition', String(selection.end)],
            ['creatingUser', userGuid],
            ['creationDateTime', selection.takenAt],
          ])}>`,
        );
        if (selection.description !== '') line(4, `<Description>${xmlText(selection.description)}</Description>`);
        for (const c of selection.codes) {
          line(4, `<Coding${attrs([['guid', uuidV5(JOURNEYBOARD_QDPX, `${selection.guid}\u0000${c.guid}`)], ['creatingUser', userGuid], ['creationDateTime', selection.takenAt]])}>`);
          line(5, `<CodeRef${attrs([['targetGUID', c.guid]])}/>`);
          line(4, '</Coding>');
        }
        line(3, '</PlainTextSelection>');
      }
      line(2, '</TextSource>');
    }
    line(1, '</Sources>');
  }
  line(1, `<Description>${xmlText('Interviews exported from Journeyboard, with real names replaced by their codes. Each interview is a text source: its transcript, one passage a line, then the notes typed during it. Each tagged note is a selection coded with its tags.')}</Description>`);
  line(0, '</Project>');

  return {
    xml: out.join(''),
    sources: sources.map((source) => ({ path: `sources/${source.textGuid}.txt`, text: source.text })),
    createdAt: new Date(Date.parse(workshop?.createdAt ?? '') || Date.UTC(2000, 0, 1)),
  };
}
