import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { documentLines } from '../../../shared/interviews/transcript-docx.ts';
import { splitLong } from '../../../shared/interviews/transcript-text.ts';
import { parseDocxTranscript, parseTranscript, toPassages, type TranscriptResult } from '../../../shared/interviews/transcripts.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import { anyRecordSchema } from '../../../shared/model/records.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/transcripts/${name}`, import.meta.url), 'utf8');

function passagesOf(result: TranscriptResult) {
  if (!result.ok) throw new Error(`expected passages, got: ${result.error}`);
  return result.passages;
}

describe('plain text with "Speaker: text" lines', () => {
  it('reads speakers, [00:12:30] and bare 00:12:30 times, and lines that continue a turn', () => {
    const result = parseTranscript('notes.txt', fixture('notes.txt'));
    expect(result).toMatchObject({ ok: true, format: 'text' });
    expect(passagesOf(result)).toEqual([
      { speaker: '', startMs: 0, endMs: 5000, text: 'Interview INT-07, 12 March, customer site' },
      { speaker: 'Christina M', startMs: 5000, endMs: 9000, text: 'So tell me how it started.' },
      // "Remember:" is said once, so it is words, not a speaker.
      { speaker: 'Tom', startMs: 9000, endMs: 90000, text: 'The invoicing system went down.\nIt was down for two days.\nRemember: this was during the quarter close.' },
      { speaker: 'Christina M', startMs: 90000, endMs: 90000, text: 'Who decided?' },
      // A line with a time and no speaker starts a passage for the same speaker; then it merges.
      { speaker: 'Tom', startMs: 90000, endMs: 130000, text: 'The CFO, in the end.\nThe recording dropped here.' },
    ]);
  });

  it('takes a time at the start of a line as text unless a speaker follows it', () => {
    const text = 'Ana: We met the vendor\n10:30 was when we met.\nBen: Right.\nAna: Yes.\nBen: Ok.\n';
    expect(passagesOf(parseTranscript('a.txt', text))[0]).toEqual({ speaker: 'Ana', startMs: 0, endMs: 0, text: 'We met the vendor\n10:30 was when we met.' });
  });

  it('reads Otter-style headings: a name and a time on a line, then the words', () => {
    const text = 'Speaker 1  0:03\nSo how did it start?\n\nAna de la Cruz  0:09\nWith an outage.\nA long one.\n\nSpeaker 1  1:02:03\nThanks.\n';
    expect(passagesOf(parseTranscript('otter.txt', text))).toEqual([
      { speaker: 'Speaker 1', startMs: 3000, endMs: 9000, text: 'So how did it start?' },
      { speaker: 'Ana de la Cruz', startMs: 9000, endMs: 3723000, text: 'With an outage.\nA long one.' },
      { speaker: 'Speaker 1', startMs: 3723000, endMs: 3723000, text: 'Thanks.' },
    ]);
  });

  it('reads the same text with a byte-order mark and CRLF line ends', () => {
    const windows = `\ufeff${fixture('notes.txt').replace(/\n/g, '\r\n')}`;
    expect(parseTranscript('notes.txt', windows)).toEqual(parseTranscript('notes.txt', fixture('notes.txt')));
  });

  it('names the line of a time that is not one', () => {
    const text = 'Ana: Hello\n[00:01:00] Ben: Hi\n[00:61:00] Ana: Bye\n';
    expect(parseTranscript('a.txt', text)).toEqual({ ok: false, error: "Line 3: the time '00:61:00' is not a time." });
  });
});

describe('passages longer than a record holds', () => {
  const sentence = 'The security review asked for the same documents three times over. ';

  it('are cut at a sentence end into pieces of at most 4,000 characters, with the time shared out', () => {
    const monologue = sentence.repeat(150).trim();
    const passages = passagesOf(parseTranscript('a.txt', `[00:10:00] Ana de la Cruz: ${monologue}\n[00:20:00] Ben Ode: Thanks.\n`));
    const ana = passages.filter((p) => p.speaker === 'Ana de la Cruz');
    expect(ana.length).toBe(3);
    for (const piece of ana) {
      expect(piece.text.length).toBeLessThanOrEqual(LIMITS.cardTextLength);
      expect(piece.text.endsWith('over.')).toBe(true);
    }
    expect(ana.map((p) => p.text).join(' ')).toBe(monologue);
    expect(ana[0]!.startMs).toBe(600_000);
    expect(ana.at(-1)!.endMs).toBe(1_200_000);
    for (let i = 1; i < ana.length; i++) expect(ana[i]!.startMs).toBe(ana[i - 1]!.endMs);
  });

  it('are cut anywhere when there is no space, but never inside a character outside the BMP', () => {
    const pieces = splitLong({ speaker: 'Ana', startMs: 0, endMs: 9000, text: '🙂'.repeat(4500) });
    expect(pieces.map((p) => p.text).join('')).toBe('🙂'.repeat(4500));
    for (const piece of pieces) {
      expect(piece.text.length).toBeLessThanOrEqual(LIMITS.cardTextLength);
      expect(piece.text).toMatch(/^(?:\ud83d\ude42)+$/);
    }
  });
});

const WORD_XML = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}<w:sectPr/></w:body></w:document>`;
const p = (...runs: string[]) => `<w:p w:rsidR="00A1"><w:pPr><w:tabs><w:tab w:val="left" w:pos="720"/></w:tabs></w:pPr>${runs.join('')}</w:p>`;
const r = (text: string) => `<w:r><w:t xml:space="preserve">${text}</w:t></w:r>`;

async function docx(body: string, withDocument = true): Promise<Uint8Array> {
  const zip = new JSZip();
  zip.file('[Content_Types].xml', '<Types/>');
  if (withDocument) zip.file('word/document.xml', WORD_XML(body));
  return zip.generateAsync({ type: 'uint8array' });
}

describe('Word transcripts', () => {
  it('reads paragraphs as lines: runs joined, tabs and line breaks kept, tab stops and entities handled', () => {
    const xml = WORD_XML(p(r('Good '), '<w:r><w:rPr><w:b/></w:rPr><w:t>morning</w:t></w:r>', r(' &amp; thanks')) + '<w:p/>' + p(r('Tom'), '<w:r><w:tab/></w:r>', r('0:09')) + p(r('One'), '<w:r><w:br/></w:r>', r('Two')));
    expect(documentLines(xml)).toEqual(['Good morning & thanks', '', 'Tom\t0:09', 'One', 'Two']);
  });

  it('reads a Teams .docx: "Name  0:03" headings, then what was said', async () => {
    const body =
      p(r('Transcript')) +
      p(r('March 12, 2025, 2:03PM')) +
      p(r('Christina Müller'), r('   0:03')) +
      p(r('Good morning &amp; thanks for the time.')) +
      p(r('Tom O’Brien'), '<w:r><w:tab/></w:r>', r('0:09')) +
      p(r('Sure. It started '), r('in March.')) +
      '<w:p/>' +
      p(r('Christina Müller   1:02:03')) +
      p(r('Who else was involved?'));
    const result = await parseDocxTranscript('INT-07.docx', await docx(body));
    expect(result).toMatchObject({ ok: true, format: 'docx' });
    expect(passagesOf(result)).toEqual([
      { speaker: '', startMs: 0, endMs: 3000, text: 'Transcript\nMarch 12, 2025, 2:03PM' },
      { speaker: 'Christina Müller', startMs: 3000, endMs: 9000, text: 'Good morning & thanks for the time.' },
      { speaker: 'Tom O’Brien', startMs: 9000, endMs: 3723000, text: 'Sure. It started in March.' },
      { speaker: 'Christina Müller', startMs: 3723000, endMs: 3723000, text: 'Who else was involved?' },
    ]);
  });

  it('reads an older Teams .docx: time ranges, the name on its own line, then the words', async () => {
    const body = [
      p(r('0:0:0.0 --> 0:0:3.720')),
      p(r('Christina Müller')),
      p(r('Good morning.')),
      p(r('0:0:3.720 --> 0:0:8.290')),
      p(r("Tom O'Brien")),
      p(r('Morning. Glad to help.')),
      '<w:p/>',
      p(r('0:0:8.290 --> 0:0:9.5')),
      p(r("Tom O'Brien")),
      p(r('Where do we start?')),
    ].join('');
    expect(passagesOf(await parseDocxTranscript('old.docx', await docx(body)))).toEqual([
      { speaker: 'Christina Müller', startMs: 0, endMs: 3720, text: 'Good morning.' },
      { speaker: "Tom O'Brien", startMs: 3720, endMs: 9500, text: 'Morning. Glad to help. Where do we start?' },
    ]);
  });

  it('names the paragraph, not the line, when an older Teams .docx has a wrong time', async () => {
    const body = p(r('0:0:0.0 --> 0:0:3.720')) + p(r('Ana')) + p(r('Hello.')) + p(r('0:0:3.720 --> 0:0:61.0')) + p(r('Ben')) + p(r('Hi.'));
    expect(await parseDocxTranscript('old.docx', await docx(body))).toEqual({ ok: false, error: "Paragraph 4: the time '0:0:61.0' is not a time." });
  });

  it('says so, naming the file, when the bytes are not a Word document', async () => {
    expect(await parseDocxTranscript('notes.docx', new TextEncoder().encode('Ana: hello'))).toEqual({ ok: false, error: "'notes.docx' is not a Word document (.docx): it cannot be opened as one." });
    expect(await parseDocxTranscript('empty.docx', await docx('', false))).toEqual({ ok: false, error: "'empty.docx' is not a Word document (.docx): it has no document text." });
    expect(await parseDocxTranscript('blank.docx', await docx('<w:p/>'))).toEqual({ ok: false, error: "'blank.docx' holds no transcript text." });
  });
});

describe('toPassages', () => {
  const parsed = passagesOf(parseTranscript('zoom.vtt', fixture('zoom.vtt')));
  const interviewId = 'interview:i0000007';

  it('makes one valid passage record per parsed passage, in transcript order', () => {
    const records = toPassages(interviewId, { passages: parsed });
    expect(records.map(({ speaker, startMs, endMs, text }) => ({ speaker, startMs, endMs, text }))).toEqual(parsed);
    expect(byPosition(records)).toEqual(records);
    expect(new Set(records.map((record) => record.id)).size).toBe(records.length);
    for (const record of records) {
      expect(record).toMatchObject({ type: 'passage', interviewId });
      expect(anyRecordSchema.safeParse(record).success).toBe(true);
    }
  });

  it('places a second transcript after the passages the interview already has', () => {
    const first = toPassages(interviewId, { passages: parsed });
    const second = toPassages(interviewId, { passages: parsed }, first.at(-1)!.position);
    expect(byPosition([...second, ...first])).toEqual([...first, ...second]);
  });
});
