// The record definitions register themselves there; their schemas say which fields are free text.
import '../model/records.ts';
import { definitionOf } from '../model/record-definition.ts';
import type { AnyRecord, Pseudonym } from '../model/records.ts';

/**
 * Pseudonyms: the real names in interview material become codes ("Buyer-03",
 * "Company-C") in everything that leaves the interview editor. A name that slips
 * through is a broken promise to an interviewee, so the matching errs towards
 * replacing: it ignores case and accents ("Müller", "Muller", "MÜLLER"), curly or
 * straight apostrophes and the kind of space between words, and it replaces the
 * longest names first, so "Christina M" is not left as "Buyer-01 M" because
 * "Christina" went first (the complaint QualCoder users made about its own feature).
 * It never replaces part of a word ("Ann" leaves "Annual" alone) and never rescans a
 * code it put in, so one substitution cannot set off another.
 */

export interface KeyEntry {
  readonly realName: string;
  readonly code: string;
}

export type PseudonymKey = readonly KeyEntry[];

/**
 * A text folded for matching, and where it differs from the original: each span maps
 * folded [fs, fe) to original [os, oe). Between spans the two run one for one, which
 * is most of any text, so a 100 KB transcript costs a few thousand spans, not 100,000.
 */
interface Folded {
  text: string;
  spans: Span[];
}

interface Span {
  fs: number;
  fe: number;
  os: number;
  oe: number;
}

// Letters that do not decompose into a base letter and a mark, yet a reader takes as
// one; and the curly apostrophes and hyphens word processors put in names.
const FOLD_SPECIAL: Readonly<Record<string, string>> = {
  ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  '\u2019': "'", '\u2018': "'", '\u02bc': "'", '\u2010': '-', '\u2011': '-',
};
const MARKS = /\p{M}/gu;
const SPACE = /\s/u;
const WORD = /[\p{L}\p{N}]/u;
/**
 * What does not fold one for one: white space other than a single space, a non-ASCII
 * character, and any character with combining marks after it (the marks go with it, so
 * replacing "José" written with a separate accent does not leave the accent behind).
 */
const UNEVEN = /\s{2,}|[^\S ]|[^\x00-\x7f]\p{M}*|[\x00-\x7f]\p{M}+/gu;

function foldChar(char: string): string {
  const bare = char.normalize('NFD').toLowerCase().replace(MARKS, '');
  let out = '';
  for (const c of bare) out += FOLD_SPECIAL[c] ?? c;
  return out;
}

/** Lower case, no accents, one space for any run of white space. */
function fold(text: string): Folded {
  const parts: string[] = [];
  const spans: Span[] = [];
  let kept = 0;
  let length = 0;
  for (const uneven of text.matchAll(UNEVEN)) {
    // ASCII lower-cases to the same length: the stretch since the last span maps one for one.
    const even = text.slice(kept, uneven.index).toLowerCase();
    const folded = SPACE.test(uneven[0]) ? ' ' : foldChar(uneven[0]);
    parts.push(even, folded);
    length += even.length;
    kept = uneven.index + uneven[0].length;
    spans.push({ fs: length, fe: length + folded.length, os: uneven.index, oe: kept });
    length += folded.length;
  }
  parts.push(text.slice(kept).toLowerCase());
  return { text: parts.join(''), spans };
}

/** The last span that starts at or before a folded index, or undefined. */
function spanAt(spans: readonly Span[], index: number): Span | undefined {
  let low = 0;
  let high = spans.length - 1;
  let found: Span | undefined;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (spans[mid]!.fs <= index) {
      found = spans[mid];
      low = mid + 1;
    } else high = mid - 1;
  }
  return found;
}

/** Where the folded unit at `index` starts in the original text. */
function originalStart(folded: Folded, index: number): number {
  const span = spanAt(folded.spans, index);
  if (!span) return index;
  return index < span.fe ? span.os : span.oe + (index - span.fe);
}

/** Where the folded unit at `index` ends in the original text. */
function originalEnd(folded: Folded, index: number): number {
  const span = spanAt(folded.spans, index);
  if (!span) return index + 1;
  return index < span.fe ? span.oe : span.oe + (index - span.fe) + 1;
}

function isWordAt(text: string, index: number): boolean {
  if (index < 0 || index >= text.length) return false;
  const code = text.charCodeAt(index);
  // Step back onto the start of a surrogate pair, so letters beyond the BMP count.
  if (code >= 0xdc00 && code <= 0xdfff && index > 0) return WORD.test(text.slice(index - 1, index + 1));
  return WORD.test(String.fromCodePoint(text.codePointAt(index)!));
}

interface CompiledName {
  entry: number;
  folded: string;
  /** Whether the name starts or ends with a letter or digit, where a word boundary is required. */
  wordStart: boolean;
  wordEnd: boolean;
}

interface Match {
  entry: number;
  start: number;
  end: number;
}

/**
 * The key's names folded, longest first (ties in key order, so the result is stable).
 * Not cached by key: a key edited in place must never be matched with its old names.
 */
function compile(key: PseudonymKey): CompiledName[] {
  const names: CompiledName[] = [];
  key.forEach((entry, index) => {
    const folded = fold(entry.realName.trim()).text;
    if (folded.trim() === '') return;
    names.push({ entry: index, folded, wordStart: isWordAt(folded, 0), wordEnd: isWordAt(folded, folded.length - 1) });
  });
  return names.sort((a, b) => b.folded.length - a.folded.length || a.entry - b.entry);
}

/** Where names occur in a folded text, longest names claiming their spans first. */
function findMatches(folded: string, names: readonly CompiledName[]): Match[] {
  const claimed = new Uint8Array(folded.length);
  const matches: Match[] = [];
  for (const name of names) {
    let at = folded.indexOf(name.folded);
    while (at !== -1) {
      const end = at + name.folded.length;
      const whole = !(name.wordStart && isWordAt(folded, at - 1)) && !(name.wordEnd && isWordAt(folded, end));
      if (whole && !claimed.subarray(at, end).includes(1)) {
        claimed.fill(1, at, end);
        matches.push({ entry: name.entry, start: at, end });
        at = folded.indexOf(name.folded, end);
      } else {
        at = folded.indexOf(name.folded, at + 1);
      }
    }
  }
  return matches.sort((a, b) => a.start - b.start);
}

/** Every real name of the key in the text replaced by its code; everything else kept as it was. */
export function pseudonymize(text: string, key: PseudonymKey): string {
  return replaceNames(text, key, compile(key));
}

function replaceNames(text: string, key: PseudonymKey, names: readonly CompiledName[]): string {
  if (names.length === 0 || text === '') return text;
  const folded = fold(text);
  const matches = findMatches(folded.text, names);
  if (matches.length === 0) return text;
  let out = '';
  let kept = 0;
  for (const match of matches) {
    out += text.slice(kept, originalStart(folded, match.start)) + key[match.entry]!.code;
    kept = originalEnd(folded, match.end - 1);
  }
  return out + text.slice(kept);
}

/**
 * pseudonymize with the key's names compiled once, for many texts read through one key
 * (every card of the board): the compiling is the part that grows with the key.
 */
export function pseudonymizer(key: PseudonymKey): (text: string) => string {
  const names = compile(key);
  return (text) => replaceNames(text, key, names);
}

/**
 * The key's entries whose names pseudonymize would replace in the text, in the order
 * they first occur: the scan run before anything leaves the editor.
 */
export function findRealNames<E extends KeyEntry>(text: string, key: readonly E[]): E[] {
  const names = compile(key);
  if (names.length === 0 || text === '') return [];
  const seen = new Set<number>();
  for (const match of findMatches(fold(text).text, names)) seen.add(match.entry);
  return [...seen].map((index) => key[index]!);
}

/** Every pseudonym of every interview: a name from any key must not appear anywhere. */
export function keyOf(records: Iterable<AnyRecord>): Pseudonym[] {
  const key: Pseudonym[] = [];
  for (const record of records) if (record.type === 'pseudonym') key.push(record);
  return key;
}

// Strings that are not prose: ordering keys, and times and dates written by the app.
const NOT_PROSE = new Set(['id', 'type', 'position', 'date']);
const isProseField = (field: string) => !NOT_PROSE.has(field) && !field.endsWith('Id') && !field.endsWith('At');

interface SchemaDef {
  type: string;
  innerType?: { _zod: { def: SchemaDef } };
}

const proseFields = new Map<string, (field: string) => boolean>();

/**
 * Which fields of a type hold free text: every string but ids, positions, times, and
 * choices. A choice ("current", "person", "future") is left alone even if a company is
 * called Future: changing one would make the record invalid. Anything else that holds
 * a string is treated as text, since a name left in place is the worse mistake.
 */
function proseFieldsOf(type: string): (field: string) => boolean {
  let test = proseFields.get(type);
  if (!test) {
    const shape = definitionOf(type)?.schema.shape ?? {};
    const choices = new Set(
      Object.entries(shape)
        .filter(([, schema]) => {
          let def = schema._zod.def as SchemaDef;
          while (def.innerType && ['nullable', 'optional', 'default'].includes(def.type)) def = def.innerType._zod.def;
          return def.type === 'enum' || def.type === 'literal';
        })
        .map(([field]) => field),
    );
    test = (field) => isProseField(field) && !choices.has(field);
    proseFields.set(type, test);
  }
  return test;
}

/**
 * The records as they may leave the interview editor (exports, JSON, the board): every
 * free-text field pseudonymized, and the key itself, every pseudonym record, gone.
 */
export function pseudonymizeRecords<R extends AnyRecord>(records: Iterable<R>, key: PseudonymKey): Exclude<R, Pseudonym>[] {
  const names = compile(key);
  const out: Exclude<R, Pseudonym>[] = [];
  for (const record of records) {
    if (record.type === 'pseudonym') continue;
    const isProse = proseFieldsOf(record.type);
    let copy: Record<string, unknown> | undefined;
    for (const [field, value] of Object.entries(record)) {
      if (typeof value !== 'string' || !isProse(field)) continue;
      const replaced = replaceNames(value, key, names);
      if (replaced !== value) (copy ??= { ...record })[field] = replaced;
    }
    out.push((copy ?? record) as Exclude<R, Pseudonym>);
  }
  return out;
}
