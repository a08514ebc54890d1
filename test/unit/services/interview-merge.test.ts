import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { mergeInterviews } from '../../../electron/services/interview-merge.ts';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import type { InterviewValues } from '../../../shared/api/features/interview-calls.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { evidenceFor } from '../../../shared/interviews/evidence.ts';
import { newInterview, newNote, newNoteTag, newPassage, newPseudonym, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { newCard, newPersona } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Card, Stage } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const mapOf = (records: readonly AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));

function addTo(path: string, build: (records: AnyRecord[]) => AnyRecord[]): void {
  const file = WorkshopFile.open(path);
  try {
    const records = file.readRecords();
    file.applyChange(changeFrom(mapOf(records), { put: build(records) }));
  } finally {
    file.close();
  }
}

/**
 * One workshop with a sample, copied: the facilitator keeps A, an interviewer takes B on
 * the road. Each copy then gains an interview.
 *
 *   A: INT-01, 1 note, evidence for the first card.
 *   B: INT-02 (persona made only in B), 1 passage, 2 notes, tag "Pricing" (made in B),
 *      note-tags: first card, Pricing, the first stage, and a card made only in B;
 *      1 pseudonym.
 */
function twoCopies() {
  const folder = tempFolder('journeyboard-merge-');
  const a = join(folder, 'A.journey');
  const b = join(folder, 'B.journey');
  const sample = newSample({ name: 'DACH mid-market', targetInterviews: 16, position: 'a0' });
  WorkshopFile.create(a, 'Onboarding', { replaceExisting: false, template: 'b2b-buying' }).close();
  addTo(a, () => [sample]);
  copyFileSync(a, b);

  let firstCard!: Card;
  addTo(a, (records) => {
    firstCard = records.find((r): r is Card => r.type === 'card')!;
    const interview = newInterview({ sampleId: sample.id, code: 'INT-01', role: 'Buyer', companyCode: 'Company-A', position: 'a0' });
    const note = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-20T10:00:00.000Z', minutesIn: 4, text: 'Invoice was wrong' });
    return [interview, note, newNoteTag({ noteId: note.id, kind: 'card', cardId: firstCard.id })];
  });
  let bInterview!: string;
  addTo(b, (records) => {
    const card = records.find((r): r is Card => r.type === 'card')!;
    const stage = records.find((r): r is Stage => r.type === 'stage')!;
    const onlyInB = newCard({ stepId: card.stepId, laneId: card.laneId, text: 'Made on the train', position: 'zz' });
    const persona = newPersona({ name: 'Road persona', position: 'zz' });
    const interview = newInterview({ sampleId: sample.id, code: 'INT-02', role: 'IT security', companyCode: 'Company-A', personaId: persona.id, position: 'a1' });
    bInterview = interview.id;
    const passage = newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Sec-02', startMs: 0, endMs: 9_000, text: 'Nobody told us the price.' });
    const n1 = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-21T09:00:00.000Z', minutesIn: 3, text: 'price unclear', passageId: passage.id, startOffset: 0, endOffset: 24 });
    const n2 = newNote({ interviewId: interview.id, position: 'a1', takenAt: '2026-11-21T09:20:00.000Z', minutesIn: 20, text: 'wants a portal' });
    const pricing = newTag({ name: 'Pricing', group: 'Buying', position: 'a0' });
    return [
      onlyInB, persona, interview, passage, n1, n2, pricing,
      newNoteTag({ noteId: n1.id, kind: 'card', cardId: card.id }),
      newNoteTag({ noteId: n1.id, kind: 'tag', tagId: pricing.id }),
      newNoteTag({ noteId: n2.id, kind: 'stage', stageId: stage.id }),
      newNoteTag({ noteId: n2.id, kind: 'card', cardId: onlyInB.id }), // A has no such card
      newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Jonas Weber', code: 'Sec-02' }),
    ];
  });
  return { folder, a, b, firstCard: () => firstCard, bInterview: () => bInterview };
}

describe('bringing in interviews from another workshop file', () => {
  it('adds what the other copy has and this one lacks, once, however often it is done', async () => {
    const { folder, a, b, firstCard, bInterview } = twoCopies();
    const before = readFileSync(b);
    const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
    expect(await api.call('workshop-open', { path: a })).toMatchObject({ ok: true });

    const first = await api.call('interviews-merge', { sourcePath: b });
    if (!first.ok) throw new Error(JSON.stringify(first.error));
    const merged = first.value as InterviewValues['interviews-merge'];
    // The sample both copies share stays as it is; the note-tag on B's own card cannot be placed.
    expect({ added: merged.added, skipped: merged.skipped, personasUnlinked: merged.personasUnlinked }).toEqual({
      added: { samples: 0, interviews: 1, passages: 1, notes: 2, tags: 1, noteTags: 3, pseudonyms: 1 },
      skipped: 1,
      personasUnlinked: 1,
    });
    const records = merged.workshop.records;
    expect(records.filter((r) => r.type === 'interview').map((r) => 'code' in r && r.code).sort()).toEqual(['INT-01', 'INT-02']);
    expect(records.filter((r) => r.type === 'note')).toHaveLength(3);
    // B's persona did not come with it, so the interview is brought in without one.
    expect(records.find((r) => r.id === bInterview())).toMatchObject({ personaId: null });
    expect(records.some((r) => r.type === 'card' && r.text === 'Made on the train')).toBe(false);
    // The first card is now supported by INT-01 (A) and INT-02 (B): a pattern.
    expect(evidenceFor(mapOf(records), firstCard().id)).toMatchObject({ interviews: 2, verdict: 'pattern' });

    const second = await api.call('interviews-merge', { sourcePath: b });
    if (!second.ok) throw new Error(JSON.stringify(second.error));
    const again = second.value as InterviewValues['interviews-merge'];
    // Nothing new; the unplaceable tag is still unplaceable, and says so again.
    expect(again.added).toEqual({ samples: 0, interviews: 0, passages: 0, notes: 0, tags: 0, noteTags: 0, pseudonyms: 0 });
    expect([again.skipped, again.personasUnlinked]).toEqual([1, 0]);
    expect(again.workshop.records).toHaveLength(records.length);

    // What was brought in is in the file, not only in the answer.
    api.close();
    const reopened = WorkshopFile.open(a, { readOnly: true });
    expect(reopened.readRecords().filter((r) => r.type === 'interview')).toHaveLength(2);
    reopened.close();
    // The interviewer's copy was only read.
    expect(readFileSync(b).equals(before)).toBe(true);
  });

  it('does the same in the other direction, and the two copies end with the same interviews', () => {
    const { a, b } = twoCopies();
    const source = WorkshopFile.open(a, { readOnly: true });
    const target = WorkshopFile.open(b);
    try {
      // A's INT-01 with its one note and its one tag, on a card B has too.
      expect(mergeInterviews(target, source.readRecords())).toEqual({
        added: { samples: 0, interviews: 1, passages: 0, notes: 1, tags: 0, noteTags: 1, pseudonyms: 0 },
        skipped: 0,
        personasUnlinked: 0,
      });
      const codes = target.readRecords().flatMap((r) => (r.type === 'interview' ? [r.code] : []));
      expect(codes.sort()).toEqual(['INT-01', 'INT-02']);
    } finally {
      source.close();
      target.close();
    }
  });

  it('refuses to bring the open workshop into itself', async () => {
    const { folder, a } = twoCopies();
    const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
    await api.call('workshop-open', { path: a });
    expect(await api.call('interviews-merge', { sourcePath: a })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringContaining('the workshop you have open') } });
    expect(await api.call('interviews-merge', { sourcePath: join(folder, 'gone.journey') })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    api.close();
  });
});
