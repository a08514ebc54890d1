import { byPosition } from '../model/ordering.ts';
import { cardsIn, journeysOf, lanesOf, recordsGroupedBy, recordsOfType, stagesOf, stepsOf, workshopOf, type RecordMap } from '../model/document.ts';
import type { Interview, Note, NoteTag } from '../model/records.ts';

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
// GUIDs: RFC 4122 version 5 (name-based, SHA-1), so a record always gets the same one.

/** Journeyboard's namespace for the names its QDPX GUIDs are made from. */
const JOURNEYBOARD_QDPX = 'c4a60f4b-39d4-4c0d-b081-53eabb4aa78d';

/** A name-based UUID (RFC 4122 §4.3, version 5): the same namespace and name give the same UUID. */
export function uuidV5(namespace: string, name: string): string {
  const ns = namespace.replace(/-/g, '');
  if (!/^[0-9a-f]{32}$/i.test(ns)) throw new Error(`Not a UUID: ${namespace}`);
  const nameBytes = new TextEncoder().encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  for (let i = 0; i < 16; i++) input[i] = parseInt(ns.slice(i * 2, i * 2 + 2), 16);
  input.set(nameBytes, 16);
  const hash = sha1(input).subarray(0, 16);
  hash[6] = (hash[6]! & 0x0f) | 0x50; // version 5
  hash[8] = (hash[8]! & 0x3f) | 0x80; // the RFC 4122 variant
  const hex = [...hash].map((b) => b.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** SHA-1 (FIPS 180-4), enough for name-based UUIDs; here so the module runs anywhere. */
function sha1(message: Uint8Array): Uint8Array {
  const length = message.length;
  const padded = new Uint8Array((((length + 8) >> 6) + 1) << 6);
  padded.set(message);
  padded[length] = 0x80;
  const view = new DataView(padded.buffer);
  view.setUint32(padded.length - 8, Math.floor(length / 0x20000000));
  view.setUint32(padded.length - 4, (length * 8) >>> 0);
  const h = [0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476, 0xc3d2e1f0];
  const w = new Uint32Array(80);
  for (let block = 0; block < padded.length; block += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(block + i * 4);
    for (let i = 16; i < 80; i++) {
      const x = w[i - 3]! ^ w[i - 8]! ^ w[i - 14]! ^ w[i - 16]!;
      w[i] = (x << 1) | (x >>> 31);
    }
    let [a, b, c, d, e] = h as [number, number, number, number, number];
    for (let i = 0; i < 80; i++) {
      const f = i < 20 ? (b & c) | (~b & d) : i < 40 ? b ^ c ^ d : i < 60 ? (b & c) | (b & d) | (c & d) : b ^ c ^ d;
      const k = i < 20 ? 0x5a827999 : i < 40 ? 0x6ed9eba1 : i < 60 ? 0x8f1bbcdc : 0xca62c1d6;
      const t = (((a << 5) | (a >>> 27)) + f + e + k + w[i]!) >>> 0;
      e = d;
      d = c;
      c = ((b << 30) | (b >>> 2)) >>> 0;
      b = a;
      a = t;
    }
    h[0] = (h[0]! + a) >>> 0;
    h[1] = (h[1]! + b) >>> 0;
    h[2] = (h[2]! + c) >>> 0;
    h[3] = (h[3]! + d) >>> 0;
    h[4] = (h[4]! + e) >>> 0;
  }
  const out = new Uint8Array(20);
  const outView = new DataView(out.buffer);
  h.forEach((word, i) => outView.setUint32(i * 4, word));
  return out;
}

// ---------------------------------------------------------------------------------------
// Text: what goes in the source files, and how it is escaped in the XML.

/**
 * A text made safe for a one-line-per-entry source, one UTF-16 unit for one, so offsets
 * into the original still point at the same characters: line breaks and other control
 * characters (tab aside) become spaces, and broken surrogates and non-characters U+FFFD.
 */
function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u0008\u000a-\u001f\u007f\u0085\u2028\u2029]/g, ' ')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]|[\ufffe\uffff]/g, '\ufffd');
}

/** Characters XML 1.0 cannot carry at all, even escaped. */
const NOT_XML = /[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

function xmlText(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

/** Attribute values keep their tabs and line breaks as references, which attribute normalization would otherwise turn into spaces. */
function xmlAttribute(text: string): string {
  return text.replace(NOT_XML, '\ufffd').replace(/[&<>"'\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c]!);
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;' };

/** Unicode code points in a string whose surrogates are paired (after oneLine). */
function codePoints(text: string): number {
  let count = text.length;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) count--;
  }
  return count;
}

/** A name for a code, source or selection: one line, trimmed, at most `max` code points. */
function label(text: string, max = 100): { name: string; truncated: boolean } {
  const flat = oneLine(text).replace(/\s+/g, ' ').trim();
  const points = [...flat];
  if (points.length <= max) return { name: flat, truncated: false };
  return { name: `${points.slice(0, max - 1).join('').trimEnd()}…`, truncated: true };
}

/** Minutes into the interview as [mm:ss]; past an hour the minutes go on counting ([75:10]). */
function clock(minutes: number): string {
  const seconds = Math.max(0, Math.round(minutes * 60));
  return `[${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}]`;
}

/** An ISO time as xsd:dateTime to the second, or null if it is not a time. */
function dateTime(iso: string | null | undefined): string | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? null : `${new Date(time).toISOString().slice(0, 19)}Z`;
}

// ---------------------------------------------------------------------------------------
// The code book.

interface Code {
  guid: string;
  name: string;
  /** Said after the name when another code already has it: "Pricing (Support)". */
  qualifier: string;
  codable: boolean;
  description: string;
  children: Code[];
}

const EMOTION_SCORES = [-3, -2, -1, 0, 1, 2, 3] as const;
const emotionName = (score: number) => `Emotion ${score > 0 ? '+' : ''}${score}`;

interface CodeBook {
  roots: Code[];
  /** GUIDs by what they code: `tag:…`, `stage:…`, `step:…`, `card:…` ids, and `quote`, `outlier`, `moment-of-truth`, `emotion:+2`. */
  byKey: Map<string, Code>;
  /** Code order in the book: a selection's codings follow it. */
  order: Map<string, number>;
}

function codeBook(records: RecordMap, tagsInUse: readonly NoteTag[], guid: (name: string) => string): CodeBook {
  const byKey = new Map<string, Code>();
  const code = (key: string | null, fields: { guid: string; text: string; fallback: string; qualifier: string; codable: boolean; description?: string }): Code => {
    const { name, truncated } = label(fields.text);
    const made: Code = {
      guid: fields.guid,
      name: name || fields.fallback,
      qualifier: fields.qualifier,
      codable: fields.codable,
      // A long card keeps its whole text where the name had to stop.
      description: fields.description ?? (truncated ? oneLine(fields.text).trim() : ''),
      children: [],
    };
    if (key !== null) byKey.set(key, made);
    return made;
  };
  const roots: Code[] = [];

  // The workshop's own tags, every one, in their groups.
  const groups = new Map<string, Code>();
  for (const tag of byPosition(recordsOfType(records, 'tag'))) {
    const group = label(tag.group).name;
    const made = code(tag.id, { guid: guid(tag.id), text: tag.name, fallback: 'Untitled tag', qualifier: group || 'tag', codable: true });
    if (group === '') {
      roots.push(made);
      continue;
    }
    let parent = groups.get(group);
    if (!parent) {
      parent = code(null, { guid: guid(`tag-group:${group}`), text: group, fallback: group, qualifier: 'tag group', codable: false });
      groups.set(group, parent);
      roots.push(parent);
    }
    parent.children.push(made);
  }

  // The journey map, as far as notes are tagged with it: journey › stage › step › card.
  const stages = new Set<string>();
  const steps = new Set<string>();
  const cards = new Set<string>();
  for (const tag of tagsInUse) {
    const card = tag.cardId === null ? undefined : records[tag.cardId];
    const stepId = card?.type === 'card' ? card.stepId : tag.stepId;
    const step = stepId === null ? undefined : records[stepId];
    const stageId = step?.type === 'step' ? step.stageId : tag.stageId;
    if (card?.type === 'card') cards.add(card.id);
    if (step?.type === 'step') steps.add(step.id);
    if (stageId !== null) stages.add(stageId);
  }
  for (const journey of journeysOf(records)) {
    const journeyCode = code(null, { guid: guid(journey.id), text: journey.name, fallback: 'Untitled journey', qualifier: `${journey.state} journey`, codable: false });
    const lanes = lanesOf(records, journey.id);
    for (const stage of stagesOf(records, journey.id)) {
      if (!stages.has(stage.id)) continue;
      const stageCode = code(stage.id, { guid: guid(stage.id), text: stage.name, fallback: 'Untitled stage', qualifier: journeyCode.name, codable: true });
      journeyCode.children.push(stageCode);
      for (const step of stepsOf(records, stage.id)) {
        if (!steps.has(step.id)) continue;
        const stepCode = code(step.id, { guid: guid(step.id), text: step.name, fallback: 'Untitled step', qualifier: stageCode.name, codable: true });
        stageCode.children.push(stepCode);
        for (const lane of lanes) {
          for (const card of cardsIn(records, step.id, lane.id)) {
            if (!cards.has(card.id)) continue;
            stepCode.children.push(code(card.id, { guid: guid(card.id), text: card.text, fallback: 'Untitled card', qualifier: stepCode.name, codable: true }));
          }
        }
      }
    }
    if (journeyCode.children.length > 0) roots.push(journeyCode);
  }

  // The method's own marks, always there, so a researcher can go on coding with them.
  roots.push(
    code('quote', { guid: guid('method:quote'), text: 'Quote', fallback: 'Quote', qualifier: 'Journeyboard', codable: true, description: 'Worth quoting as it was said.' }),
    code('outlier', { guid: guid('method:outlier'), text: 'Outlier', fallback: 'Outlier', qualifier: 'Journeyboard', codable: true, description: 'Said by one customer, not (yet) a pattern.' }),
    code('moment-of-truth', { guid: guid('method:moment-of-truth'), text: 'Moment of truth', fallback: 'Moment of truth', qualifier: 'Journeyboard', codable: true, description: 'A moment that decides how the customer feels about the whole journey.' }),
  );
  const emotion = code(null, { guid: guid('method:emotion'), text: 'Emotion', fallback: 'Emotion', qualifier: 'Journeyboard', codable: false, description: 'How the customer felt, from -3 to +3.' });
  for (const score of EMOTION_SCORES) emotion.children.push(code(`emotion:${score}`, { guid: guid(`method:emotion:${score}`), text: emotionName(score), fallback: emotionName(score), qualifier: 'Journeyboard', codable: true }));
  roots.push(emotion);

  uniqueNames(roots);
  const order = new Map<string, number>();
  const walk = (codes: readonly Code[]) => {
    for (const c of codes) {
      order.set(c.guid, order.size);
      walk(c.children);
    }
  };
  walk(roots);
  return { roots, byKey, order };
}

/**
 * Every code named differently, ignoring case: QualCoder and ATLAS.ti keep one code per
 * name and would fold "Pricing" in Buying into "Pricing" in Support. The second gets
 * its qualifier, "Pricing (Support)", then a number if even that is taken.
 */
function uniqueNames(roots: readonly Code[]): void {
  const taken = new Set<string>();
  const visit = (codes: readonly Code[]) => {
    for (const c of codes) {
      let name = c.name;
      if (taken.has(name.toLowerCase())) name = `${c.name} (${c.qualifier})`;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${c.name} (${c.qualifier}) ${n}`;
      c.name = name;
      taken.add(name.toLowerCase());
      visit(c.children);
    }
  };
  visit(roots);
}

/** The codes one note-tag stands for: its kind's own, and every stage, step, card or tag it names. */
function codesOfTag(tag: NoteTag, book: CodeBook): Code[] {
  const keys: string[] = [];
  if (tag.kind === 'quote' || tag.kind === 'outlier' || tag.kind === 'moment-of-truth') keys.push(tag.kind);
  if (tag.kind === 'emotion' && tag.score !== null) keys.push(`emotion:${tag.score}`);
  for (const id of [tag.tagId, tag.cardId, tag.stepId, tag.stageId]) if (id !== null) keys.push(id);
  return keys.flatMap((key) => book.byKey.get(key) ?? []);
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
