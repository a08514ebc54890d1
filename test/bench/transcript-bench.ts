import { pseudonymize } from '../../shared/interviews/pseudonyms.ts';
import { parseTranscript, toPassages } from '../../shared/interviews/transcripts.ts';
import { compare, type Row } from './harness.ts';

/**
 * Bringing in a transcript: a 60-minute Teams WebVTT (1,200 cues, 4 speakers) parsed
 * and turned into passage records, against simply splitting the same text into lines,
 * which is the least any reader of the file must do. Then pseudonymizing that
 * transcript with a 50-name key, against a naive exact-case replaceAll per name.
 */

const SPEAKERS = ['Christina Müller', "Tom O'Brien", 'Ana de la Cruz', 'Jean-Luc Martin'];
const WORDS = 'we looked at three vendors and the security review took six weeks because finance wanted the budget signed off before the renewal date so the invoice was late again'.split(' ');

/** A deterministic generator, so every run parses the same file. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
}

const stamp = (ms: number) => {
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(ms / 3_600_000))}:${pad(Math.floor(ms / 60_000) % 60)}:${pad(Math.floor(ms / 1000) % 60)}.${pad(ms % 1000, 3)}`;
};

/** Teams' layout: a GUID-ish cue id, the time, one voice-tagged caption of 8–20 words. */
export function teamsVtt(cues = 1200, minutes = 60): string {
  const next = random(7);
  const cueMs = Math.floor((minutes * 60_000) / cues);
  const out = ['WEBVTT', ''];
  let speaker = 0;
  let turnLeft = 0;
  for (let i = 0; i < cues; i++) {
    if (turnLeft-- <= 0) {
      speaker = (speaker + 1 + Math.floor(next() * 3)) % SPEAKERS.length;
      turnLeft = 1 + Math.floor(next() * 8);
    }
    const words = Array.from({ length: 8 + Math.floor(next() * 13) }, () => WORDS[Math.floor(next() * WORDS.length)]!);
    out.push(`5f1d1c2e-7a4b-4c1e-9d2f-6b3a8e0c4d17/${i}-0`, `${stamp(i * cueMs)} --> ${stamp((i + 1) * cueMs)}`, `<v ${SPEAKERS[speaker]}>${words.join(' ')}.</v>`, '');
  }
  return out.join('\n');
}

export async function transcriptBench(): Promise<Row[]> {
  const vtt = teamsVtt();
  let passages = 0;
  const parse = await compare(
    () => {
      const parsed = parseTranscript('INT-07.vtt', vtt);
      if (!parsed.ok) throw new Error(parsed.error);
      passages = toPassages('interview:bench0000001', parsed).length;
    },
    () => vtt.split('\n'),
    15,
    3,
  );

  const key = Array.from({ length: 50 }, (_, i) => ({ realName: i < SPEAKERS.length ? SPEAKERS[i]! : `Person${i} Surname${i}`, code: `Code-${i}` }));
  const pseudonyms = await compare(
    () => pseudonymize(vtt, key),
    () => key.reduce((text, entry) => text.replaceAll(entry.realName, entry.code), vtt),
    15,
    3,
  );

  return [
    {
      benchmark: `import a 60-minute WebVTT (1,200 cues → ${passages} passages)`,
      measure: 'median (parse + toPassages)',
      value: parse.subject.median,
      unit: 'ms',
      baselineName: 'split into lines',
      baseline: parse.baseline.median,
      ratio: parse.subject.median / parse.baseline.median,
      target: '≤ 1,000 ms',
      met: parse.subject.median <= 1000,
    },
    {
      benchmark: `pseudonymize that transcript (${Math.round(vtt.length / 1000)} KB, 50 names)`,
      measure: 'median',
      value: pseudonyms.subject.median,
      unit: 'ms',
      baselineName: 'exact-case replaceAll per name',
      baseline: pseudonyms.baseline.median,
      ratio: pseudonyms.subject.median / pseudonyms.baseline.median,
    },
  ];
}
