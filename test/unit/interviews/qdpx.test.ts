import JSZip from 'jszip';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { qdpxFile } from '../../../electron/services/exports/qdpx-export.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { QDA_NAMESPACE, qdpxProject } from '../../../shared/interviews/qdpx.ts';
import { uuidV5 } from '../../../shared/interviews/qdpx-text.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newPassage, newPseudonym, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { newCard, newJourney, newLane, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Card, Stage, Step } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

// ---------------------------------------------------------------------------------------
// A small, strict XML reader: enough of XML 1.0 to read project.qde back the way an
// importer would (entities, character references, attribute-value normalization), and
// to fail loudly on anything malformed.

interface Element {
  name: string;
  attrs: Record<string, string>;
  children: Element[];
  text: string;
}

function parseXml(xml: string): Element {
  let at = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at ${at}: ${JSON.stringify(xml.slice(at, at + 40))}`);
  };
  const decode = (raw: string): string => {
    let out = '';
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i]!;
      if (c === '<') fail('raw < in text');
      if (c !== '&') {
        out += c;
        continue;
      }
      const end = raw.indexOf(';', i);
      if (end === -1) fail('unterminated reference');
      const ref = raw.slice(i + 1, end);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) out += named[ref];
      else if (ref.startsWith('#x')) out += String.fromCodePoint(parseInt(ref.slice(2), 16));
      else if (ref.startsWith('#')) out += String.fromCodePoint(parseInt(ref.slice(1), 10));
      else fail(`unknown entity &${ref};`);
      i = end;
    }
    return out;
  };
  const isNameChar = (c: string | undefined) => c !== undefined && !' \t\r\n/>=<"\''.includes(c);
  const readName = () => {
    const start = at;
    while (isNameChar(xml[at])) at++;
    if (at === start) fail('expected a name');
    return xml.slice(start, at);
  };
  const skipSpace = () => {
    while (' \t\r\n'.includes(xml[at] ?? 'x')) at++;
  };
  const element = (): Element => {
    if (xml[at] !== '<') fail('expected <');
    at++;
    const name = readName();
    const attrs: Record<string, string> = {};
    for (;;) {
      skipSpace();
      if (xml.startsWith('/>', at)) {
        at += 2;
        return { name, attrs, children: [], text: '' };
      }
      if (xml[at] === '>') {
        at++;
        break;
      }
      const key = readName();
      if (key in attrs) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (xml[at] !== '=') fail('expected =');
      at++;
      skipSpace();
      const quote = xml[at] === '"' || xml[at] === "'" ? xml[at]! : fail('expected a quote');
      const end = xml.indexOf(quote, at + 1);
      if (end === -1) fail('unterminated attribute');
      // Attribute-value normalization (XML 1.0 §3.3.3): literal white space becomes a space, references survive.
      attrs[key] = decode(xml.slice(at + 1, end).replace(/[\t\n\r]/g, ' '));
      at = end + 1;
    }
    const children: Element[] = [];
    let text = '';
    for (;;) {
      const next = xml.indexOf('<', at);
      if (next === -1) fail(`unclosed <${name}>`);
      text += decode(xml.slice(at, next));
      at = next;
      if (xml.startsWith('</', at)) {
        at += 2;
        if (readName() !== name) fail(`mismatched </…> for <${name}>`);
        skipSpace();
        if (xml[at] !== '>') fail('expected >');
        at++;
        return { name, attrs, children, text };
      }
      children.push(element());
    }
  };
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n')) fail('missing XML declaration');
  at = xml.indexOf('\n') + 1;
  const root = element();
  skipSpace();
  if (at !== xml.length) fail('content after the root element');
  return root;
}

const all = (root: Element, name: string): Element[] => [root, ...root.children.flatMap((child) => all(child, name))].filter((e) => e.name === name);
const child = (parent: Element, name: string): Element | undefined => parent.children.find((c) => c.name === name);

/** REFI-QDA positions count Unicode code points (§10.2), end exclusive. */
const cut = (text: string, start: number, end: number) => Array.from(text).slice(start, end).join('');

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

// The child order Project.xsd's sequences allow, for the elements this export writes.
const SEQUENCES: Record<string, readonly string[]> = {
  Project: ['Users', 'CodeBook', 'Variables', 'Cases', 'Sources', 'Notes', 'Links', 'Sets', 'Graphs', 'Description', 'NoteRef'],
  Users: ['User'],
  CodeBook: ['Codes'],
  Codes: ['Code'],
  Code: ['Description', 'NoteRef', 'Code'],
  Sources: ['TextSource'],
  TextSource: ['Description', 'PlainTextContent', 'PlainTextSelection', 'Coding', 'NoteRef', 'VariableValue'],
  PlainTextSelection: ['Description', 'Coding', 'NoteRef'],
  Coding: ['CodeRef', 'NoteRef'],
};
const REQUIRED: Record<string, readonly string[]> = {
  Project: ['name'],
  User: ['guid'],
  Code: ['guid', 'name', 'isCodable'],
  TextSource: ['guid'],
  PlainTextSelection: ['guid', 'startPosition', 'endPosition'],
  Coding: ['guid'],
  CodeRef: ['targetGUID'],
};

/** What Project.xsd asks of the parts this export uses: child order, required attributes, GUID syntax. */
function expectSchemaShape(element: Element): void {
  const order = SEQUENCES[element.name];
  if (order) {
    const indexes = element.children.map((c) => order.indexOf(c.name));
    expect(indexes, `children of <${element.name}>`).not.toContain(-1);
    expect([...indexes].sort((a, b) => a - b), `order of children of <${element.name}>`).toEqual(indexes);
  }
  for (const attr of REQUIRED[element.name] ?? []) expect(element.attrs, `<${element.name}> needs ${attr}`).toHaveProperty(attr);
  for (const [key, value] of Object.entries(element.attrs)) if (/guid$|^creatingUser$/i.test(key)) expect(value, `${element.name}@${key}`).toMatch(GUID);
  if (element.name === 'Codes' || element.name === 'Users' || element.name === 'Sources') expect(element.children.length).toBeGreaterThan(0);
  for (const c of element.children) expectSchemaShape(c);
}

// ---------------------------------------------------------------------------------------
// A tiny workshop with fixed ids, so its project can be written out in full below.

const withId = <T extends AnyRecord>(record: T, id: string): T => ({ ...record, id }) as T;

function tinyWorkshop(): AnyRecord[] {
  const journey = withId(newJourney({ name: 'Buying', position: 'a0' }), 'journey:j0001');
  const lane = withId(newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a0' }), 'lane:l0001');
  const stage = withId(newStage({ journeyId: journey.id, name: 'Evaluate', position: 'a0' }), 'stage:s0001');
  const step = withId(newStep({ stageId: stage.id, name: 'Compare offers', position: 'a0' }), 'step:t0001');
  const card = withId(newCard({ stepId: step.id, laneId: lane.id, text: 'Pricing page is confusing', position: 'a0' }), 'card:c0001');
  const sample = withId(newSample({ name: 'Nordics', position: 'a0' }), 'sample:p0001');
  const interview = withId(
    newInterview({ sampleId: sample.id, code: 'INT-07', role: 'Buyer', companyCode: 'Company-C', date: '2026-11-20', position: 'a0', startedAt: '2026-11-20T10:00:00.000Z' }),
    'interview:i0001',
  );
  const question = withId(newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Interviewer', startMs: 0, endMs: 3000, text: 'How did you compare offers?' }), 'passage:a0001');
  const answerText = 'Honestly 😅 the pricing page was confusing & slow.';
  const answer = withId(newPassage({ interviewId: interview.id, position: 'a1', speaker: 'Buyer', startMs: 3000, endMs: 9000, text: answerText }), 'passage:a0002');
  const spanText = 'the pricing page was confusing';
  const fromSpan = withId(
    newNote({
      interviewId: interview.id,
      position: 'a0',
      takenAt: '2026-11-20T10:01:00.000Z',
      minutesIn: 0.05,
      text: spanText,
      passageId: answer.id,
      startOffset: answerText.indexOf(spanText),
      endOffset: answerText.indexOf(spanText) + spanText.length,
    }),
    'note:n0001',
  );
  const typed = withId(newNote({ interviewId: interview.id, position: 'a1', takenAt: '2026-11-20T10:12:30.000Z', minutesIn: 12.5, text: 'Wants a <trial> before "buying"' }), 'note:n0002');
  const untagged = withId(newNote({ interviewId: interview.id, position: 'a2', takenAt: '2026-11-20T10:13:00.000Z', minutesIn: 13, text: 'Coffee break' }), 'note:n0003');
  const pricing = withId(newTag({ name: 'Pricing', group: 'Buying', position: 'a0' }), 'tag:g0001');
  const supportPricing = withId(newTag({ name: 'Pricing', group: 'Support', position: 'a1' }), 'tag:g0002');
  const trust = withId(newTag({ name: 'Trust', position: 'a2' }), 'tag:g0003');
  return [
    { id: 'workshop:w0001', type: 'workshop', name: 'Tiny & <quick>', createdAt: '2026-11-20T09:00:00.000Z', facilitator: '', sample: '', patternThreshold: 2 },
    journey,
    lane,
    stage,
    step,
    card,
    sample,
    interview,
    question,
    answer,
    fromSpan,
    typed,
    untagged,
    pricing,
    supportPricing,
    trust,
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'card', cardId: card.id }), 'note-tag:x0001'),
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'tag', tagId: pricing.id }), 'note-tag:x0002'),
    withId(newNoteTag({ noteId: fromSpan.id, kind: 'emotion', stepId: step.id, score: -2 }), 'note-tag:x0003'),
    withId(newNoteTag({ noteId: typed.id, kind: 'quote' }), 'note-tag:x0004'),
    withId(newNoteTag({ noteId: typed.id, kind: 'step', stepId: step.id }), 'note-tag:x0005'),
    withId(newNoteTag({ noteId: typed.id, kind: 'tag', tagId: supportPricing.id }), 'note-tag:x0006'),
  ];
}

const mapOf = (records: readonly AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

/** project.qde read back, with each source's text found through its plainTextPath. */
function readBack(project: { xml: string; sources: { path: string; text: string }[] }) {
  const root = parseXml(project.xml);
  const texts = new Map(project.sources.map((s) => [s.path, s.text]));
  const codes = new Map(all(root, 'Code').map((c) => [c.attrs.guid!, c]));
  const sources = all(root, 'TextSource').map((source) => {
    const path = source.attrs.plainTextPath!;
    expect(path).toMatch(/^internal:\/\/[0-9a-f-]{36}\.txt$/);
    const text = texts.get(`sources/${path.slice('internal://'.length)}`);
    expect(text, path).toBeDefined();
    const selections = source.children
      .filter((c) => c.name === 'PlainTextSelection')
      .map((selection) => ({
        element: selection,
        text: cut(text!, Number(selection.attrs.startPosition), Number(selection.attrs.endPosition)),
        codes: selection.children.filter((c) => c.name === 'Coding').map((coding) => codes.get(child(coding, 'CodeRef')!.attrs.targetGUID!)?.attrs.name),
      }));
    return { element: source, name: source.attrs.name!, text: text!, selections };
  });
  return { root, codes, sources };
}

describe('the REFI-QDA project (project.qde and its sources)', () => {
  it('reads back: a source per interview, each note a selection that cuts out its own words, coded with its tags', () => {
    const { root, sources, codes } = readBack(qdpxProject(mapOf(tinyWorkshop())));
    expect(root.name).toBe('Project');
    expect(root.attrs.xmlns).toBe(QDA_NAMESPACE);
    expect(root.attrs.name).toBe('Tiny & <quick>');
    expect(root.attrs.origin).toBe('Journeyboard');
    expectSchemaShape(root);

    expect(sources.map((s) => s.name)).toEqual(['INT-07 (Buyer, Company-C)']);
    const [source] = sources;
    expect(source!.text).toBe(
      'Interviewer: How did you compare offers?\n' +
        'Buyer: Honestly 😅 the pricing page was confusing & slow.\n' +
        '\n' +
        'Notes\n' +
        '[12:30] Wants a <trial> before "buying"\n' +
        '[13:00] Coffee break\n',
    );
    // The untagged note is in the text, but no selection: there is nothing to code it with.
    expect(source!.selections.map((s) => [s.text, s.codes])).toEqual([
      ['the pricing page was confusing', ['Pricing', 'Compare offers', 'Pricing page is confusing', 'Emotion -2']],
      ['Wants a <trial> before "buying"', ['Pricing (Support)', 'Compare offers', 'Quote']],
    ]);
    // Code points, not UTF-16 units: the emoji before the span counts once.
    const first = source!.selections[0]!.element.attrs;
    expect(source!.text.slice(Number(first.startPosition), Number(first.endPosition))).not.toBe('the pricing page was confusing');

    // Every tag is a code, grouped; a coding only ever points at a code that can be coded.
    const names = [...codes.values()].map((c) => c.attrs.name);
    expect(names).toEqual(expect.arrayContaining(['Buying', 'Pricing', 'Support', 'Pricing (Support)', 'Trust', 'Evaluate', 'Compare offers', 'Quote', 'Outlier', 'Moment of truth', 'Emotion', 'Emotion +3', 'Emotion -3']));
    expect(new Set(names.map((n) => n!.toLowerCase())).size).toBe(names.length);
    const buying = [...codes.values()].find((c) => c.attrs.name === 'Buying' && c.attrs.isCodable === 'false')!;
    expect(buying.children.map((c) => c.attrs.name)).toEqual(['Pricing']);
    for (const ref of all(root, 'CodeRef')) expect(codes.get(ref.attrs.targetGUID!)?.attrs.isCodable).toBe('true');

    // GUIDs are unique within the project.
    const guids = [...all(root, 'Code'), ...all(root, 'TextSource'), ...all(root, 'PlainTextSelection'), ...all(root, 'Coding')].map((e) => e.attrs.guid);
    expect(new Set(guids).size).toBe(guids.length);
  });

  it('is written out exactly so, GUIDs included: they are derived from the records and must never drift', () => {
    const project = qdpxProject(mapOf(tinyWorkshop()));
    expect(project.sources.map((s) => s.path)).toEqual(['sources/40777467-a0b4-5f78-8e17-cfe3f378a15b.txt']);
    expect(project.xml).toBe(TINY_PROJECT_QDE);
  });

  it('is read back by a reader that refuses what an importer would', () => {
    const head = '<?xml version="1.0" encoding="UTF-8"?>\n';
    expect(parseXml(`${head}<a x="1&#10;2&amp;"><b>&lt;c&gt;</b></a>`)).toEqual({ name: 'a', attrs: { x: '1\n2&' }, children: [{ name: 'b', attrs: {}, children: [], text: '<c>' }], text: '' });
    for (const bad of ['<a><b></a>', '<a x="1" x="2"/>', '<a>&nbsp;</a>', '<a>1 < 2</a>', '<a/><b/>', '<a x="<"/>']) expect(() => parseXml(head + bad), bad).toThrow();
  });

  it('makes RFC 4122 version 5 GUIDs', () => {
    // The RFC's own example namespace (DNS) and a well-known name.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'www.example.com')).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'python.org')).toBe('886313e1-3b8a-5372-9b90-0c9aee199e5d');
    // Names longer than one SHA-1 block, and beyond ASCII.
    expect(uuidV5('6ba7b810-9dad-11d1-80b4-00c04fd430c8', 'ü'.repeat(100))).toMatch(GUID);
  });

  it('escapes what the records hold: markup, quotes, line breaks, control characters and characters beyond the BMP', () => {
    const records = tinyWorkshop().map((r) => {
      if (r.id === 'tag:g0003') return { ...r, name: 'A&B <"x"> \'y\'\tz\u0001', group: 'Line\nbreak' };
      if (r.id === 'note:n0002') return { ...r, text: 'Two\r\nlines & a 𝄞 clef\u0007' };
      if (r.id === 'interview:i0001') return { ...r, role: 'Buyer/IT', segment: '</Description>' };
      return r;
    });
    const noteTag = newNoteTag({ noteId: 'note:n0002', kind: 'tag', tagId: 'tag:g0003' });
    const { root, sources, codes } = readBack(qdpxProject(mapOf([...records, noteTag])));
    expectSchemaShape(root);
    const names = [...codes.values()].map((c) => c.attrs.name);
    expect(names).toContain('A&B <"x"> \'y\' z');
    expect(names).toContain('Line break');
    // A name some programs turn into a file name holds no path separators.
    expect(sources[0]!.name).toBe('INT-07 (Buyer-IT, Company-C)');
    expect(child(sources[0]!.element, 'Description')!.text).toContain('Segment: </Description>');
    const typed = sources[0]!.selections.find((s) => s.text.startsWith('Two'))!;
    // Line breaks and controls become spaces one for one, so the note stays one line and its offsets hold.
    expect(typed.text).toBe('Two  lines & a 𝄞 clef ');
    expect(typed.codes).toContain('A&B <"x"> \'y\' z');
    expect(sources[0]!.text.split('\n')).toContain(`[12:30] ${typed.text}`);
  });

  it('finds a span again when replacing names has moved it, and keeps an edited note as the selection’s description', () => {
    const records = tinyWorkshop().map((r) => {
      // Offsets as taken before a longer name became a shorter code: they no longer cut out the words.
      if (r.id === 'note:n0001' && r.type === 'note') return { ...r, startOffset: r.startOffset! + 7, endOffset: r.endOffset! + 7 };
      return r;
    });
    const edited = withId(
      newNote({ interviewId: 'interview:i0001', position: 'a3', takenAt: '2026-11-20T10:20:00.000Z', minutesIn: 20, text: 'Pricing unclear', passageId: 'passage:a0001', startOffset: 0, endOffset: 3 }),
      'note:n0004',
    );
    const whole = withId(newNote({ interviewId: 'interview:i0001', position: 'a4', takenAt: '2026-11-20T10:21:00.000Z', minutesIn: 21, text: '', passageId: 'passage:a0001' }), 'note:n0005');
    const tags = [newNoteTag({ noteId: edited.id, kind: 'outlier' }), newNoteTag({ noteId: whole.id, kind: 'moment-of-truth' })];
    const { sources } = readBack(qdpxProject(mapOf([...records, edited, whole, ...tags])));
    const selections = sources[0]!.selections;
    expect(selections.map((s) => s.text)).toEqual(['How', 'How did you compare offers?', 'the pricing page was confusing', 'Wants a <trial> before "buying"']);
    expect(child(selections[0]!.element, 'Description')!.text).toBe('Pricing unclear');
    expect(child(selections[2]!.element, 'Description')).toBeUndefined();
  });

  it('leaves out interviews with nothing said or written yet, and still has a code book for an empty workshop', () => {
    const records = [...tinyWorkshop(), withId(newInterview({ sampleId: 'sample:p0001', code: 'INT-08', position: 'a1' }), 'interview:i0002')];
    expect(readBack(qdpxProject(mapOf(records))).sources.map((s) => s.name)).toEqual(['INT-07 (Buyer, Company-C)']);
    // Two interviews under one code by mistake are still two sources, told apart.
    const twin = withId(newInterview({ sampleId: 'sample:p0001', code: 'INT-07', role: 'Buyer', companyCode: 'Company-C', position: 'a2' }), 'interview:i0003');
    const said = withId(newNote({ interviewId: twin.id, position: 'a0', takenAt: '2026-11-21T10:00:00.000Z', minutesIn: 1, text: 'Hello' }), 'note:n0009');
    expect(readBack(qdpxProject(mapOf([...tinyWorkshop(), twin, said]))).sources.map((s) => s.name)).toEqual(['INT-07 (Buyer, Company-C)', 'INT-07 (Buyer, Company-C) 2']);
    const empty = readBack(qdpxProject(mapOf(tinyWorkshop().filter((r) => r.type === 'workshop'))));
    expectSchemaShape(empty.root);
    expect(child(empty.root, 'Sources')).toBeUndefined();
    expect(empty.codes.size).toBeGreaterThan(0);
  });
});

describe('the .qdpx file', () => {
  it('holds project.qde and a source text per interview, UTF-8 without a byte order mark, the same bytes every time', async () => {
    const records = mapOf(tinyWorkshop());
    const bytes = await qdpxFile(records);
    expect(Buffer.from(await qdpxFile(records)).equals(Buffer.from(bytes))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const project = qdpxProject(records);
    expect(Object.keys(zip.files).sort()).toEqual(['project.qde', 'sources/', ...project.sources.map((s) => s.path)].sort());
    expect(await zip.file('project.qde')!.async('string')).toBe(project.xml);
    for (const source of project.sources) {
      const raw = await zip.file(source.path)!.async('uint8array');
      expect([...raw.slice(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder('utf-8', { fatal: true }).decode(raw)).toBe(source.text);
    }
  });
});

// ---------------------------------------------------------------------------------------
// Through the service, as the app exports: real names from the key never reach the file.

const REAL = /christina|meyer|acme/i;

describe('export-qdpx', () => {
  it('writes codes where the key has real names, finds the spans again, and gives the same bytes twice', async () => {
    const folder = tempFolder('journeyboard-qdpx-');
    const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
    const opened = (await api.call('workshop-create', { path: join(folder, 'Names.journey'), name: 'Interviews', template: 'b2b-buying' })) as { ok: true; value: OpenedWorkshop };
    const records = mapOf(opened.value.records);
    const stage = opened.value.records.find((r): r is Stage => r.type === 'stage')!;
    const step = opened.value.records.find((r): r is Step => r.type === 'step' && r.stageId === stage.id)!;
    const card = opened.value.records.find((r): r is Card => r.type === 'card' && r.stepId === step.id)!;
    const sample = newSample({ name: 'Nordics', position: 'a0' });
    const interview = newInterview({ sampleId: sample.id, code: 'INT-01', role: 'Buyer', companyCode: 'Company-A', position: 'a0' });
    const said = 'I am Christina Meyer from Acme Corp, and the audit took months.';
    const passage = newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Christina Meyer', startMs: 0, endMs: 4000, text: said });
    const span = newNote({
      interviewId: interview.id,
      position: 'a0',
      takenAt: '2026-11-20T10:00:00.000Z',
      minutesIn: 0,
      text: 'the audit took months',
      passageId: passage.id,
      startOffset: said.indexOf('the audit'),
      endOffset: said.length - 1,
    });
    const typed = newNote({ interviewId: interview.id, position: 'a1', takenAt: '2026-11-20T10:05:00.000Z', minutesIn: 5, text: 'Christina Meyer says Acme Corp never reads the terms' });
    const tag = newTag({ name: 'Acme Corp renewal', group: 'Buying', position: 'a0' });
    const added: AnyRecord[] = [
      sample,
      interview,
      passage,
      span,
      typed,
      tag,
      newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Christina Meyer', code: 'Buyer-01' }),
      newPseudonym({ interviewId: interview.id, kind: 'company', realName: 'Acme Corp', code: 'Company-A' }),
      newNoteTag({ noteId: span.id, kind: 'card', cardId: card.id }),
      newNoteTag({ noteId: span.id, kind: 'emotion', stepId: step.id, score: 2 }),
      newNoteTag({ noteId: typed.id, kind: 'quote' }),
      newNoteTag({ noteId: typed.id, kind: 'tag', tagId: tag.id }),
    ];
    expect(await api.call('workshop-apply-change', { change: changeFrom(records, { put: added }) })).toMatchObject({ ok: true });

    const first = join(folder, 'a.qdpx');
    const second = join(folder, 'b.qdpx');
    expect(await api.call('export-qdpx', { path: first })).toMatchObject({ ok: true, value: { path: first } });
    expect(await api.call('export-qdpx', { path: second })).toMatchObject({ ok: true });
    expect(await api.call('export-qdpx', { path: first })).toMatchObject({ ok: false });
    expect(await api.call('export-qdpx', { path: first, replaceExisting: true })).toMatchObject({ ok: true });
    api.close();

    const bytes = readFileSync(first);
    expect(bytes.equals(readFileSync(second))).toBe(true);
    const zip = await JSZip.loadAsync(bytes);
    const files: { path: string; text: string }[] = [];
    for (const path of Object.keys(zip.files)) if (!zip.files[path]!.dir) files.push({ path, text: await zip.file(path)!.async('string') });
    // The zip's own bytes too (names of entries, anything stored uncompressed).
    expect(bytes.toString('latin1')).not.toMatch(REAL);
    for (const file of files) expect(file.text, file.path).not.toMatch(REAL);

    const xml = files.find((f) => f.path === 'project.qde')!.text;
    const { root, sources, codes } = readBack({ xml, sources: files.filter((f) => f.path.startsWith('sources/')) });
    expectSchemaShape(root);
    expect([...codes.values()].map((c) => c.attrs.name)).toContain('Company-A renewal');
    const source = sources.find((s) => s.name === 'INT-01 (Buyer, Company-A)')!;
    expect(source.text).toContain('Buyer-01: I am Buyer-01 from Company-A, and the audit took months.');
    expect(source.selections.map((s) => s.text)).toEqual(['the audit took months', 'Buyer-01 says Company-A never reads the terms']);
    // The step the emotion was felt at, the card the note is evidence for (nested under its step), the emotion.
    const [stepCode, cardCode, emotion] = source.selections[0]!.codes;
    expect(source.selections[0]!.codes).toHaveLength(3);
    expect(stepCode).toBe(step.name);
    expect(card.text.startsWith(cardCode!.replace(/…$/, ''))).toBe(true);
    expect(emotion).toBe('Emotion +2');
    expect(source.selections[1]!.codes).toEqual(['Company-A renewal', 'Quote']);
  }, 60_000);
});

/** The tiny workshop's project.qde, checked against Project.xsd (REFI-QDA 1.0) with xmllint when it was written. */
const TINY_PROJECT_QDE = `<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="urn:QDA-XML:project:1.0 http://schema.qdasoftware.org/versions/Project/v1.0/Project.xsd" name="Tiny &amp; &lt;quick&gt;" origin="Journeyboard" creatingUserGUID="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T09:00:00Z">
  <Users>
    <User guid="154ca383-7e80-5d8a-81d5-4470a0734c37" name="Journeyboard"/>
  </Users>
  <CodeBook>
    <Codes>
      <Code guid="210cd516-bab4-5423-be5e-68c2b885d915" name="Buying" isCodable="false">
        <Code guid="79059301-05e5-569d-8dfe-1b3c4dfceeec" name="Pricing" isCodable="true"/>
      </Code>
      <Code guid="30ccc0d1-d6b4-58af-8641-90960b081703" name="Support" isCodable="false">
        <Code guid="d49841ae-1927-5cd7-a82a-9d7bffdac35e" name="Pricing (Support)" isCodable="true"/>
      </Code>
      <Code guid="d7e7fe05-df1e-55c2-96df-2a921b0d7fa6" name="Trust" isCodable="true"/>
      <Code guid="ff94e56a-381c-5261-bef5-075470857eca" name="Buying (current journey)" isCodable="false">
        <Code guid="4c038248-92e3-51f5-955d-d888b103aaa0" name="Evaluate" isCodable="true">
          <Code guid="493d79fb-1908-5b08-95bb-0792ab7cc7b9" name="Compare offers" isCodable="true">
            <Code guid="716940d6-ceab-5234-8f1c-d9f24673a463" name="Pricing page is confusing" isCodable="true"/>
          </Code>
        </Code>
      </Code>
      <Code guid="41e0dfad-19a3-51f8-951f-0eb19179dcdc" name="Quote" isCodable="true">
        <Description>Worth quoting as it was said.</Description>
      </Code>
      <Code guid="3903353a-10db-50bf-94cf-00879abe434d" name="Outlier" isCodable="true">
        <Description>Said by one customer, not (yet) a pattern.</Description>
      </Code>
      <Code guid="2acca2ab-3369-5ec5-8590-2b23ba6f2a77" name="Moment of truth" isCodable="true">
        <Description>A moment that decides how the customer feels about the whole journey.</Description>
      </Code>
      <Code guid="3f339b0a-4d7b-5ae6-968c-23c34c450349" name="Emotion" isCodable="false">
        <Description>How the customer felt, from -3 to +3.</Description>
        <Code guid="a5c67518-6ea2-54bc-a08a-3835235e7d65" name="Emotion -3" isCodable="true"/>
        <Code guid="f1df56f8-9df7-5d2e-bce8-2bc101bc760e" name="Emotion -2" isCodable="true"/>
        <Code guid="31f57cfe-a92d-55a9-92f8-8b78b94b7ef5" name="Emotion -1" isCodable="true"/>
        <Code guid="9511b291-cc74-5547-8c26-0c9e3e7086f9" name="Emotion 0" isCodable="true"/>
        <Code guid="b2ed83de-70a9-530b-a5e4-cb28c5afa343" name="Emotion +1" isCodable="true"/>
        <Code guid="54f36d87-8513-5d67-b430-0398e699ccd0" name="Emotion +2" isCodable="true"/>
        <Code guid="4fe59b4d-9e0c-5862-a175-d7ba81e3019c" name="Emotion +3" isCodable="true"/>
      </Code>
    </Codes>
  </CodeBook>
  <Sources>
    <TextSource guid="651b25d2-6567-5598-9e74-24c95e928d22" name="INT-07 (Buyer, Company-C)" plainTextPath="internal://40777467-a0b4-5f78-8e17-cfe3f378a15b.txt" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:00:00Z">
      <Description>Sample: Nordics; Role: Buyer; Company: Company-C; Date: 2026-11-20</Description>
      <PlainTextSelection guid="fa124edc-ef80-5c6f-925b-4ceeb7209735" name="the pricing page was confusing" startPosition="59" endPosition="89" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
        <Coding guid="423223db-10a1-59a4-9b1e-a672538e776b" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="79059301-05e5-569d-8dfe-1b3c4dfceeec"/>
        </Coding>
        <Coding guid="35bfcdda-cee0-50ad-ad10-281843cc08ec" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="493d79fb-1908-5b08-95bb-0792ab7cc7b9"/>
        </Coding>
        <Coding guid="8f95f0bf-68ac-5789-a7c9-2c1c941f50ae" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="716940d6-ceab-5234-8f1c-d9f24673a463"/>
        </Coding>
        <Coding guid="9ececa24-3756-5f32-bb36-a5d7054cbcb9" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:01:00Z">
          <CodeRef targetGUID="f1df56f8-9df7-5d2e-bce8-2bc101bc760e"/>
        </Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="871b6bcf-169a-5ca0-a51b-7cfdaece7598" name="Wants a &lt;trial&gt; before &quot;buying&quot;" startPosition="113" endPosition="144" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
        <Coding guid="8ac8fcd8-a545-5734-af87-3e43d49137c0" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="d49841ae-1927-5cd7-a82a-9d7bffdac35e"/>
        </Coding>
        <Coding guid="ebda6ff9-bb39-58bc-8bca-6f95b66a83d9" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="493d79fb-1908-5b08-95bb-0792ab7cc7b9"/>
        </Coding>
        <Coding guid="48b83fa4-4513-56ad-9975-c511355d8028" creatingUser="154ca383-7e80-5d8a-81d5-4470a0734c37" creationDateTime="2026-11-20T10:12:30Z">
          <CodeRef targetGUID="41e0dfad-19a3-51f8-951f-0eb19179dcdc"/>
        </Coding>
      </PlainTextSelection>
    </TextSource>
  </Sources>
  <Description>Interviews exported from Journeyboard, with real names replaced by their codes. Each interview is a text source: its transcript, one passage a line, then the notes typed during it. Each tagged note is a selection coded with its tags.</Description>
</Project>
`;
