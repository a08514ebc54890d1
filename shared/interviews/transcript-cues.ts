import { TIME, lineError, decodeEntities, looksLikeName, parseTime, speakerLabels, speakerName, splitLabel, type ParsedPassage } from './transcript-text.ts';

/**
 * Caption files: WebVTT as Teams and Zoom export it, SRT, and the cue layout of older
 * Teams .docx transcripts. A cue is an optional id line, a time line
 * (`00:00:03.489 --> 00:00:05.129`, maybe with position settings after it) and text
 * lines until a blank line. Teams names the speaker in a voice tag
 * (`<v Christina M>Well…</v>`), Zoom in front of the text (`Christina M: Well…`), old
 * Teams .docx on a line of its own.
 */

interface Cue {
  startMs: number;
  endMs: number;
  lines: string[];
}

export interface CueOptions {
  /** The file starts with a WEBVTT header block (and may hold NOTE, STYLE and REGION blocks). */
  webVtt: boolean;
  /** A cue's first line is its speaker's name on its own (old Teams .docx). */
  nameLines: boolean;
}

const TIMING_LINE = /-->/;
/** A line that is surely a cue's time: how a file without a WEBVTT header is told to be captions. */
export const CUE_TIME = new RegExp(String.raw`^\s*${TIME}\s+-->\s+${TIME}(\s|$)`);
const TIMING = /^\s*(\S+)\s+-->\s+(\S+)(?:\s.*)?$/;
// A time range written some other way ("00:00:01,000 -> 00:00:04,000"): a typo to point at, not text.
const MISWRITTEN_TIMING = new RegExp(String.raw`^\s*${TIME}\s*(?:-+>?|–|—)\s*\d`);
const VTT_BLOCK = /^(NOTE|STYLE|REGION)(\s|$)/;
const VOICE = /<v(?:\.[^\s>]*)?(?:\s+([^>]*))?>/g;
const TAG = /<[^>]*>/g;

/** The cues of a caption file, or a TranscriptError naming the first line that is wrong. */
function readCues(lines: readonly string[], options: CueOptions): Cue[] {
  const cues: Cue[] = [];
  let state: 'header' | 'skip' | 'between' | 'cue' = options.webVtt ? 'header' : 'between';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const trimmed = line.trim();
    const lineNo = i + 1;
    if (trimmed === '') {
      state = 'between';
      continue;
    }
    // A time line starts a cue wherever it is, even right under the header.
    if (TIMING_LINE.test(line)) {
      const parts = TIMING.exec(line);
      if (!parts) throw lineError(lineNo, `'${trimmed.slice(0, 60)}' is not a cue time such as 00:00:01.000 --> 00:00:04.000.`);
      const startMs = parseTime(parts[1]!, lineNo);
      const endMs = parseTime(parts[2]!, lineNo);
      if (endMs < startMs) throw lineError(lineNo, `the cue ends (${parts[2]}) before it starts (${parts[1]}).`);
      // An SRT written without blank lines leaves the next cue's number on the last line.
      const last = cues[cues.length - 1];
      if (state === 'cue' && last && /^\d+$/.test(last.lines[last.lines.length - 1] ?? '')) last.lines.pop();
      cues.push({ startMs, endMs, lines: [] });
      state = 'cue';
      continue;
    }
    if (state === 'header' || state === 'skip') continue;
    if (MISWRITTEN_TIMING.test(line)) throw lineError(lineNo, `'${trimmed.slice(0, 60)}' is not a cue time such as 00:00:01.000 --> 00:00:04.000.`);
    if (state === 'cue') {
      cues[cues.length - 1]!.lines.push(trimmed);
      continue;
    }
    // Between cues: a NOTE block, a cue id (the next line is its time), or stray text.
    if (options.webVtt && VTT_BLOCK.test(trimmed)) {
      state = 'skip';
      continue;
    }
    if (TIMING_LINE.test(lines[i + 1] ?? '')) continue;
    const last = cues[cues.length - 1];
    // Text after a stray blank line still belongs to the cue before: keep it rather than lose it.
    if (last) last.lines.push(trimmed);
    else throw lineError(lineNo, `expected a cue time such as 00:00:01.000 --> 00:00:04.000, not '${trimmed.slice(0, 40)}'.`);
  }
  return cues;
}

interface Piece {
  /** The speaker a voice tag or a name line names, if this piece starts with one. */
  voice?: string;
  text: string;
}

const clean = (text: string) => decodeEntities(text.replace(TAG, '')).replace(/\s+/g, ' ').trim();

/** A cue line cut at its voice tags: `<v A>yes</v> <v B>no` is two pieces. */
function piecesOf(line: string): Piece[] {
  const pieces: Piece[] = [];
  let at = 0;
  let voice: string | undefined;
  for (const tag of line.matchAll(VOICE)) {
    const before = clean(line.slice(at, tag.index));
    if (before !== '' || voice !== undefined) pieces.push({ ...(voice !== undefined && { voice }), text: before });
    voice = clean(tag[1] ?? '');
    at = tag.index + tag[0].length;
  }
  pieces.push({ ...(voice !== undefined && { voice }), text: clean(line.slice(at)) });
  return pieces;
}

/**
 * A caption file as speaker segments, one or more per cue, in file order. A cue that
 * names no speaker continues the one before it: a caption's second line rarely repeats
 * the voice tag.
 */
export function parseCues(lines: readonly string[], options: CueOptions): ParsedPassage[] {
  const cues = readCues(lines, options).map((cue) => {
    const pieces: Piece[][] = cue.lines.map(piecesOf);
    if (options.nameLines && pieces.length >= 2) {
      const first = pieces[0]!;
      const only = first[0]!;
      if (first.length === 1 && only.voice === undefined && !only.text.includes(':') && looksLikeName(only.text)) pieces[0] = [{ voice: only.text, text: '' }];
    }
    return { cue, pieces };
  });

  // Zoom's "Name: text" is a speaker only where it reads like one (see speakerLabels).
  const labelOf = (piece: Piece, first: boolean) => (first && piece.voice === undefined ? splitLabel(piece.text) : null);
  const candidates = cues.flatMap(({ pieces }) => pieces.flatMap((line) => line.flatMap((piece, index) => labelOf(piece, index === 0)?.label ?? [])));
  const isSpeaker = speakerLabels(candidates);

  const segments: ParsedPassage[] = [];
  let speaker = '';
  for (const { cue, pieces } of cues) {
    let current: ParsedPassage | undefined;
    const start = (name: string) => {
      speaker = speakerName(name);
      current = { speaker, startMs: cue.startMs, endMs: cue.endMs, text: '' };
      segments.push(current);
    };
    for (const line of pieces) {
      line.forEach((piece, index) => {
        let text = piece.text;
        const label = labelOf(piece, index === 0);
        if (piece.voice !== undefined) start(piece.voice);
        else if (label && isSpeaker(label.label)) {
          start(label.label);
          text = label.rest;
        } else if (!current) start(speaker);
        if (text !== '') current!.text = current!.text === '' ? text : `${current!.text} ${text}`;
      });
    }
  }
  return segments.filter((segment) => segment.text !== '');
}
