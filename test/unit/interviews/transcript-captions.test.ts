import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTranscript, type TranscriptResult } from '../../../shared/interviews/transcripts.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

function passagesOf(result: TranscriptResult) {
  if (!result.ok) throw new Error(`expected passages, got: ${result.error}`);
  return result.passages;
}

const errorOf = (result: TranscriptResult) => (result.ok ? 'no error' : result.error);

describe('WebVTT as Teams exports it', () => {
  const teams = fixture('teams.vtt');

  it('reads speakers from voice tags and merges the cues Teams splits one answer into', () => {
    const result = parseTranscript('INT-07.vtt', teams);
    expect(result).toMatchObject({ ok: true, format: 'webvtt' });
    expect(passagesOf(result)).toEqual([
      { speaker: 'Christina Müller', startMs: 3489, endMs: 8890, text: "Good morning, and thanks for making the time. I'd like to start with how the project began." },
      {
        speaker: "Tom O'Brien",
        startMs: 9200,
        endMs: 18310,
        text: 'Sure. It started when our old invoicing system went down for two days in March. Finance was furious & the CFO asked for options by Friday.',
      },
      { speaker: 'Christina Müller', startMs: 140000, endMs: 144500, text: 'Who else was involved in the decision?' },
    ]);
  });

  it('reads the same file saved with a byte-order mark and Windows line ends', () => {
    const windows = `\ufeff${teams.replace(/\n/g, '\r\n')}`;
    expect(parseTranscript('INT-07.vtt', windows)).toEqual(parseTranscript('INT-07.vtt', teams));
  });

  it('skips NOTE blocks, and STYLE and REGION blocks, however many lines they have', () => {
    const text = 'WEBVTT\n\nSTYLE\n::cue { color: yellow }\n\nNOTE\nchecked by hand\n00 files\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>Hello</v>\n';
    expect(passagesOf(parseTranscript('a.vtt', text))).toEqual([{ speaker: 'Ana', startMs: 1000, endMs: 2000, text: 'Hello' }]);
  });

  it('reads voice tags with a class, two voices in one cue, and other tags inside the text', () => {
    const text = 'WEBVTT\n\n00:01:00.000 --> 00:01:04.000\n<v.loud Jean-Luc>Hello <i>there</i>,<c.yellow> all</c></v> <v Ana>Hi</v>\n';
    expect(passagesOf(parseTranscript('a.vtt', text))).toEqual([
      { speaker: 'Jean-Luc', startMs: 60000, endMs: 64000, text: 'Hello there, all' },
      { speaker: 'Ana', startMs: 60000, endMs: 64000, text: 'Hi' },
    ]);
  });

  it('gives a cue that names no speaker to the speaker before it', () => {
    const text = 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana>We chose them</v>\n\n00:00:02.000 --> 00:00:03.000\nbecause of the price.\n';
    expect(passagesOf(parseTranscript('a.vtt', text))).toEqual([{ speaker: 'Ana', startMs: 1000, endMs: 3000, text: 'We chose them because of the price.' }]);
  });

  it('reads captions with no speakers at all as passages with an empty speaker', () => {
    const text = 'WEBVTT\n\n00:00.000 --> 00:02.500\nFirst line\n\n00:02.500 --> 00:05.000\nsecond line\n';
    expect(passagesOf(parseTranscript('a.vtt', text))).toEqual([{ speaker: '', startMs: 0, endMs: 5000, text: 'First line second line' }]);
  });

  it('merges one speaker’s cues only up to about 1,000 characters, losing no words', () => {
    const sentence = 'We compared three vendors on price, support and the security review that took weeks.';
    const cues = Array.from({ length: 40 }, (_, i) => `00:00:${String(i).padStart(2, '0')}.000 --> 00:00:${String(i + 1).padStart(2, '0')}.000\n<v Ana>${sentence}</v>\n`);
    const passages = passagesOf(parseTranscript('a.vtt', `WEBVTT\n\n${cues.join('\n')}`));
    expect(passages.length).toBeGreaterThan(3);
    for (const passage of passages) expect(passage.text.length).toBeLessThanOrEqual(1000);
    expect(passages.map((p) => p.text).join(' ')).toBe(Array(40).fill(sentence).join(' '));
    expect(passages[0]!.startMs).toBe(0);
    expect(passages.at(-1)!.endMs).toBe(40_000);
  });
});

describe('WebVTT as Zoom exports it', () => {
  it('reads "Name: text" as the speaker, ignores cue settings, and keeps colons inside the text', () => {
    expect(passagesOf(parseTranscript('zoom.vtt', fixture('zoom.vtt')))).toEqual([
      { speaker: 'Christina M', startMs: 1140, endMs: 4380, text: 'So tell me about the first time you heard of us.' },
      { speaker: 'Tom', startMs: 4950, endMs: 12800, text: 'Honestly, a colleague mentioned you at a conference. We were already looking, though. Price: that was the trigger.' },
      { speaker: 'Christina M', startMs: 13400, endMs: 15000, text: 'What did the price look like?' },
    ]);
  });

  it('does not take a one-off "Word:" at the start of a cue for a speaker', () => {
    const text = 'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\nAna: We had one rule.\n\n2\n00:00:02.000 --> 00:00:03.000\nRemember: never sign in December.\n\n3\n00:00:03.000 --> 00:00:04.000\nAna: That was it.\n';
    expect(passagesOf(parseTranscript('z.vtt', text))).toEqual([
      { speaker: 'Ana', startMs: 1000, endMs: 4000, text: 'We had one rule. Remember: never sign in December. That was it.' },
    ]);
  });
});

describe('SRT', () => {
  it('reads numbered cues with comma milliseconds, CRLF line ends, multi-line cues and italics', () => {
    const result = parseTranscript('interview.srt', fixture('interview.srt'));
    expect(result).toMatchObject({ ok: true, format: 'srt' });
    expect(passagesOf(result)).toEqual([
      { speaker: 'INTERVIEWER', startMs: 1000, endMs: 4000, text: 'How did you choose between the vendors?' },
      { speaker: 'Ana de la Cruz', startMs: 4500, endMs: 8250, text: 'Price, mostly. Then the support contract.' },
      { speaker: 'INTERVIEWER', startMs: 8900, endMs: 10000, text: 'And security?' },
      { speaker: 'Ana de la Cruz', startMs: 10400, endMs: 16020, text: 'The questionnaire took six weeks.' },
    ]);
  });

  it('reads an SRT written without blank lines between cues, dropping the cue numbers', () => {
    const text = '1\n00:00:01,000 --> 00:00:02,000\nAna: First.\n2\n00:00:02,000 --> 00:00:03,000\nBen: Second.\n3\n00:00:03,000 --> 00:00:04,000\nAna: Third.\n4\n00:00:04,000 --> 00:00:05,000\nBen: Fourth.\n';
    expect(passagesOf(parseTranscript('a.srt', text)).map((p) => `${p.speaker}: ${p.text}`)).toEqual(['Ana: First.', 'Ben: Second.', 'Ana: Third.', 'Ben: Fourth.']);
  });
});

describe('a caption file that is wrong says which line and why', () => {
  it('names a time with 61 minutes', () => {
    const lines = fixture('teams.vtt').split('\n');
    lines[11] = '00:61:00.000 --> 00:61:04.000';
    expect(errorOf(parseTranscript('INT-07.vtt', lines.join('\n')))).toBe("Line 12: the time '00:61:00.000' is not a time.");
  });

  it('names a time that is not a time at all', () => {
    expect(errorOf(parseTranscript('a.srt', '1\n00:00:01,000 --> soon\nHello\n'))).toBe("Line 2: 'soon' is not a time such as 00:12:30.000.");
  });

  it('names a cue that ends before it starts', () => {
    expect(errorOf(parseTranscript('a.srt', '1\n00:00:05,000 --> 00:00:01,000\nHello\n'))).toBe('Line 2: the cue ends (00:00:01,000) before it starts (00:00:05,000).');
  });

  it('names a time range written with the wrong arrow', () => {
    expect(errorOf(parseTranscript('a.srt', '1\n00:00:01,000 --> 00:00:02,000\nHi\n\n2\n00:00:02,000 -> 00:00:03,000\nHo\n'))).toBe(
      "Line 6: '00:00:02,000 -> 00:00:03,000' is not a cue time such as 00:00:01.000 --> 00:00:04.000.",
    );
  });

  it('names text where the first cue should be', () => {
    expect(errorOf(parseTranscript('a.srt', 'Transcript of INT-07\nby hand\n\n1\n00:00:01,000 --> 00:00:02,000\nHi\n'))).toBe(
      "Line 1: expected a cue time such as 00:00:01.000 --> 00:00:04.000, not 'Transcript of INT-07'.",
    );
  });

  it('says so when a .vtt or .srt file has no cues, is empty, or is not text', () => {
    expect(errorOf(parseTranscript('a.vtt', 'Just some words\n'))).toBe("'a.vtt' holds no captions: no line has a time such as 00:00:01.000 --> 00:00:04.000.");
    expect(errorOf(parseTranscript('a.vtt', 'WEBVTT\n\n'))).toBe("'a.vtt' holds no captions: no line has a time such as 00:00:01.000 --> 00:00:04.000.");
    expect(errorOf(parseTranscript('a.vtt', 'WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<v Ana></v>\n'))).toBe("'a.vtt' holds no transcript text.");
    expect(errorOf(parseTranscript('a.txt', '\ufeff\r\n'))).toBe("'a.txt' holds no transcript text.");
    expect(errorOf(parseTranscript('a.docx', 'PK\u0003\u0004\u0014\u0000'))).toBe("'a.docx' is not a text file; a Word transcript is read as a .docx.");
  });
});
