import { TIME, looksLikeName, parseTime, speakerLabels, speakerName, splitLabel, type ParsedPassage } from './transcript-text.ts';

/**
 * Transcripts typed or exported as plain lines, and the paragraphs of a Word file:
 *
 *   Christina M: We looked at three vendors.          a speaker and what they said
 *   [00:12:30] Christina M: The first one…            with the time it was said
 *   00:12:30 Christina M: The first one…
 *   Christina M   0:03                                Teams .docx and Otter: a heading
 *   We looked at three vendors.                       line, then the words
 *
 * A line that names no speaker continues the passage before it.
 */

interface Line {
  lineNo: number;
  /** The time written on the line, if any, still as text (checked when it is used). */
  stamp: string | undefined;
  /** The name before a colon, or a heading's name; whether it is a speaker is judged later. */
  label: string | undefined;
  /** What follows the label. */
  said: string;
  /** The line after its time, as written: the text when the label is not a speaker. */
  rest: string;
  /** A "Name  0:03" heading: the name counts as a speaker without recurring. */
  heading: boolean;
}

const HEADING = new RegExp(String.raw`^(.+?)\s+[\[(]?(${TIME})[\])]?$`);
const BRACKETED = new RegExp(String.raw`^[\[(](${TIME})[\])]\s*(.*)$`);
const BARE = new RegExp(String.raw`^(${TIME})(?:\s+(.*))?$`);

function readLine(raw: string, lineNo: number): Line {
  const line = raw.trim();
  const heading = HEADING.exec(line);
  if (heading) {
    const name = heading[1]!.replace(/\s+/g, ' ');
    if (looksLikeName(name)) return { lineNo, stamp: heading[2]!, label: name, said: '', rest: '', heading: true };
  }
  let stamp: string | undefined;
  let rest = line;
  const bracketed = BRACKETED.exec(line);
  const bare = BARE.exec(line);
  if (bracketed) [stamp, rest] = [bracketed[1]!, bracketed[2]!];
  // "10:30 was when we met" is text: a bare time counts only alone or before a name.
  else if (bare && (bare[2] === undefined || splitLabel(bare[2]))) [stamp, rest] = [bare[1]!, bare[2] ?? ''];
  const label = splitLabel(rest);
  return { lineNo, stamp, label: label?.label, said: label ? label.rest : rest, rest, heading: false };
}

interface Draft {
  speaker: string;
  /** The time the passage's first line gives, if any. */
  stampMs: number | null;
  lines: string[];
}

/** Plain lines as passages, one per turn, with times where the lines give them. */
export function parseLines(lines: readonly string[]): ParsedPassage[] {
  const read = lines.map((raw, index) => (raw.trim() === '' ? null : readLine(raw, index + 1)));
  const isSpeaker = speakerLabels(read.flatMap((line) => (line?.label !== undefined && !line.heading ? [line.label] : [])));

  const drafts: Draft[] = [];
  let current: Draft | undefined;
  for (const line of read) {
    if (!line) continue;
    const stampMs = line.stamp === undefined ? null : parseTime(line.stamp, line.lineNo);
    const speaks = line.label !== undefined && (line.heading || isSpeaker(line.label));
    if (speaks || stampMs !== null || !current) {
      current = { speaker: speaks ? speakerName(line.label!) : (current?.speaker ?? ''), stampMs, lines: [] };
      drafts.push(current);
    }
    // A label that is not a speaker ("Remember: …") stays in the text as it was written.
    const text = speaks ? line.said : line.rest;
    if (text !== '') current.lines.push(text);
  }

  // A passage without a time starts where the last time given left off, and each
  // lasts until the next one starts.
  const passages: ParsedPassage[] = [];
  let lastMs = 0;
  for (const draft of drafts) {
    if (draft.stampMs !== null) lastMs = draft.stampMs;
    passages.push({ speaker: draft.speaker, startMs: lastMs, endMs: lastMs, text: draft.lines.join('\n') });
  }
  for (let i = 0; i < passages.length - 1; i++) passages[i]!.endMs = Math.max(passages[i]!.startMs, passages[i + 1]!.startMs);
  return passages.filter((passage) => passage.text !== '');
}
