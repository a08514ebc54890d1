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
import { newInterview, newNote, newNoteTag, newPassage, newPseudonym, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import type { AnyRecord, Card, Stage, Step } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';
import { mapOf, TINY_PROJECT_QDE, tinyWorkshop, withId } from './qdpx-fixtures.ts';
import { all, child, expectSchemaShape, GUID, parseXml, readBack } from './qdpx-reader.ts';

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
