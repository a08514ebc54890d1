import { newPassage } from '../model/interview-factories.ts';
import { positionsBetween, type PositionKey } from '../model/ordering.ts';
import type { Passage } from '../model/records.ts';
import { CUE_TIME, parseCues } from './transcript-cues.ts';
import { docxLines } from './transcript-docx.ts';
import { parseLines } from './transcript-lines.ts';
import { TranscriptError, linesOf, mergeBySpeaker, splitLong, type ParsedPassage } from './transcript-text.ts';

/**
 * Transcripts into passages: the interviewer brings what Teams, Zoom or a
 * transcription service wrote (WebVTT, SRT, a .docx, plain text) and gets passages
 * with speakers and times that notes can quote. Pure functions: they run in the
 * renderer as well as in the main process.
 */

export type { ParsedPassage } from './transcript-text.ts';

export type TranscriptFormat = 'webvtt' | 'srt' | 'text' | 'docx';

export type TranscriptResult = { ok: true; format: TranscriptFormat; passages: ParsedPassage[] } | { ok: false; error: string };

// How far into a file a caption time line must appear for the file to be read as captions.
const CUE_SNIFF_LINES = 30;

/** The passages of a text transcript, or one sentence that names the line at fault. */
export function parseTranscript(fileName: string, text: string): TranscriptResult {
  if (text.includes('\u0000') || text.startsWith('PK\u0003\u0004')) {
    return { ok: false, error: `'${fileName}' is not a text file; a Word transcript is read as a .docx.` };
  }
  return attempt(fileName, () => {
    const lines = linesOf(text);
    const webVtt = /^WEBVTT(\s|$)/.test(lines[0] ?? '');
    const captionName = /\.(vtt|srt)$/i.test(fileName);
    if (webVtt || captionName || looksLikeCues(lines)) {
      if (!lines.some((line) => line.includes('-->'))) {
        throw new TranscriptError(`'${fileName}' holds no captions: no line has a time such as 00:00:01.000 --> 00:00:04.000.`);
      }
      return { format: webVtt || /\.vtt$/i.test(fileName) ? 'webvtt' : 'srt', passages: finish(parseCues(lines, { webVtt, nameLines: false }), ' ') };
    }
    return { format: 'text', passages: finish(parseLines(lines), '\n') };
  });
}

/**
 * The passages of a Word transcript: its paragraphs read by the plain-text rules
 * (which include Teams' "Name  0:03" headings), or as cues when it is an older Teams
 * export with "0:0:0.0 --> 0:0:3.720" lines and the speaker's name on the next line.
 */
export async function parseDocxTranscript(fileName: string, bytes: Uint8Array): Promise<TranscriptResult> {
  let lines: string[];
  try {
    lines = await docxLines(fileName, bytes);
  } catch (error) {
    if (error instanceof TranscriptError) return { ok: false, error: error.message };
    throw error;
  }
  const result = attempt(fileName, () => {
    const passages = looksLikeCues(lines) ? finish(parseCues(lines, { webVtt: false, nameLines: true }), ' ') : finish(parseLines(lines), '\n');
    return { format: 'docx', passages };
  });
  // A Word user counts paragraphs, not lines.
  return result.ok ? result : { ok: false, error: result.error.replace(/^Line (\d+):/, 'Paragraph $1:') };
}

/** Captions without a WEBVTT header or a caption file's name: a cue time near the top. */
const looksLikeCues = (lines: readonly string[]) => lines.filter((line) => line.trim() !== '').slice(0, CUE_SNIFF_LINES).some((line) => CUE_TIME.test(line));

function attempt(fileName: string, parse: () => { format: TranscriptFormat; passages: ParsedPassage[] }): TranscriptResult {
  try {
    const parsed = parse();
    if (parsed.passages.length === 0) return { ok: false, error: `'${fileName}' holds no transcript text.` };
    return { ok: true, ...parsed };
  } catch (error) {
    if (error instanceof TranscriptError) return { ok: false, error: error.message };
    throw error;
  }
}

/** Same-speaker runs merged, then anything too long for one record split. */
const finish = (segments: ParsedPassage[], separator: string) => mergeBySpeaker(segments, separator).flatMap((passage) => splitLong(passage));

/**
 * Passage records for an interview, in transcript order: after `after` (the
 * interview's last passage, when a second transcript is added) or from the start.
 */
export function toPassages(interviewId: string, parsed: { readonly passages: readonly ParsedPassage[] }, after: PositionKey | null = null): Passage[] {
  const positions = positionsBetween(after, null, parsed.passages.length);
  return parsed.passages.map((passage, index) => newPassage({ interviewId, position: positions[index]!, ...passage }));
}
