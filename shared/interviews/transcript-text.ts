import { LIMITS } from '../model/limits.ts';

/**
 * What every transcript format shares: times, who is speaking, and cutting the text
 * into passages the editor can hold. The formats themselves are in transcript-cues.ts
 * (WebVTT, SRT) and transcript-lines.ts (plain text, Word).
 */

export interface ParsedPassage {
  speaker: string;
  startMs: number;
  endMs: number;
  text: string;
}

/** A failure that names the line: the parsers throw it, parseTranscript turns it into a result. */
export class TranscriptError extends Error {}

export const lineError = (line: number, message: string) => new TranscriptError(`Line ${line}: ${message}`);

/** A time as the tools write it: 01:02:03.456, 1:02:03,4, 02:03.456, 0:0:5.200, 0:03. */
export const TIME = String.raw`\d{1,3}:\d{1,2}(?::\d{1,2})?(?:[.,]\d{1,3})?`;
const TIME_PARTS = /^(?:(\d{1,3}):)?(\d{1,2}):(\d{1,2})(?:[.,](\d{1,3}))?$/;

/** Milliseconds, or a TranscriptError naming the line when a field is out of range. */
export function parseTime(text: string, line: number): number {
  const parts = TIME_PARTS.exec(text.trim());
  if (!parts) throw lineError(line, `'${text.trim().slice(0, 40)}' is not a time such as 00:12:30.000.`);
  const [, hours, minutes, seconds, fraction] = parts;
  if (Number(minutes) >= 60 || Number(seconds) >= 60) throw lineError(line, `the time '${text.trim()}' is not a time.`);
  // ".5" is half a second, not five milliseconds.
  const ms = fraction === undefined ? 0 : Number(fraction.padEnd(3, '0'));
  return ((Number(hours ?? 0) * 60 + Number(minutes)) * 60 + Number(seconds)) * 1000 + ms;
}

// Lower-case words that still belong in a name: "Ludwig van Beethoven", "Ana de la Cruz".
const PARTICLES = new Set(['van', 'von', 'de', 'der', 'den', 'da', 'di', 'du', 'la', 'le', 'del', 'dos', 'das', 'bin', 'al', 'ten', 'ter']);
const NAME_WORD = /^[\p{Lu}\p{Lt}\p{Lo}\p{N}][\p{L}\p{M}\p{N}.'’\-]*$/u;
const LABEL = /^([^:\s][^:]{0,59}):(?:\s+|$)([\s\S]*)$/;

/** Whether a label reads like a name ("Christina M.", "Speaker 2", "INTERVIEWER", "Ana de la Cruz"). */
export function looksLikeName(label: string): boolean {
  const words = label.split(' ');
  if (words.length > 5 || label.length > 60) return false;
  if (!NAME_WORD.test(words[0]!)) return false;
  return words.every((word) => NAME_WORD.test(word) || PARTICLES.has(word));
}

/** "Speaker: text" split in two, when the part before the colon reads like a name. */
export function splitLabel(line: string): { label: string; rest: string } | null {
  const parts = LABEL.exec(line);
  if (!parts) return null;
  const label = parts[1]!.trim().replace(/\s+/g, ' ');
  return looksLikeName(label) ? { label, rest: parts[2]!.trim() } : null;
}

/**
 * Which labels are speakers. "Remember: it was late" reads like a label once, so a
 * one-word label must recur before it counts; a full name ("Christina M") or a number
 * ("Speaker 3") counts at once, since someone who speaks once in an interview has a name.
 */
export function speakerLabels(labels: Iterable<string>): (label: string) => boolean {
  const counts = new Map<string, number>();
  for (const label of labels) counts.set(label, (counts.get(label) ?? 0) + 1);
  return (label) => (counts.get(label) ?? 0) >= 2 || label.includes(' ') || /\p{N}/u.test(label);
}

/** The speaker field holds a name's worth of characters: a longer one is cut, not refused. */
export const speakerName = (speaker: string) => speaker.trim().slice(0, LIMITS.nameLength);

/** Consecutive cues by one speaker become one passage, up to about this many characters. */
export const MERGE_LENGTH = 1000;

/**
 * Teams writes a caption line or two per cue, so one answer arrives as a dozen cues.
 * Merging them back gives passages a reader can tag; the cap keeps a monologue from
 * becoming one passage too long to find a quote in.
 */
export function mergeBySpeaker(segments: readonly ParsedPassage[], separator = ' ', limit = MERGE_LENGTH): ParsedPassage[] {
  const merged: ParsedPassage[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    if (last && last.speaker === segment.speaker && last.text.length + separator.length + segment.text.length <= limit) {
      last.text = `${last.text}${separator}${segment.text}`;
      last.endMs = Math.max(last.endMs, segment.endMs);
    } else {
      merged.push({ ...segment });
    }
  }
  return merged;
}

/**
 * A passage longer than a record may hold, cut into pieces that fit: at the last
 * sentence end past half the limit, else the last space, else anywhere (but never
 * inside a surrogate pair). Each piece gets its share of the time by length.
 */
export function splitLong(passage: ParsedPassage, limit: number = LIMITS.cardTextLength): ParsedPassage[] {
  if (passage.text.length <= limit) return [passage];
  const pieces: string[] = [];
  let rest = passage.text;
  while (rest.length > limit) {
    const window = rest.slice(0, limit);
    let cut = Math.max(window.lastIndexOf('. '), window.lastIndexOf('? '), window.lastIndexOf('! '), window.lastIndexOf('\n')) + 1;
    if (cut < limit / 2) cut = window.lastIndexOf(' ');
    if (cut < limit / 2) cut = /[\ud800-\udbff]/.test(window[limit - 1]!) ? limit - 1 : limit;
    pieces.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest !== '') pieces.push(rest);
  const total = pieces.reduce((sum, piece) => sum + piece.length, 0);
  const span = passage.endMs - passage.startMs;
  let done = 0;
  return pieces.map((text) => {
    const startMs = passage.startMs + Math.round((span * done) / total);
    done += text.length;
    return { speaker: passage.speaker, startMs, endMs: passage.startMs + Math.round((span * done) / total), text };
  });
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0', lrm: '', rlm: '' };

/** &amp;, &lt;, &#39;, &#x2019; and the like, as WebVTT and Word's XML write them. */
export function decodeEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** The file's text without a byte-order mark, with \n line ends, as lines. */
export function linesOf(text: string): string[] {
  return text.replace(/^\ufeff/, '').split(/\r\n|\r|\n/);
}
