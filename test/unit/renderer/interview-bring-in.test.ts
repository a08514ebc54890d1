import { describe, expect, it } from 'vitest';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import type { InterviewMergeCounts } from '../../../shared/api/features/interview-calls.ts';
import { newInterview, newNote, newSample } from '../../../shared/model/interview-factories.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { addSample } from '../../../renderer/src/interviews/interview-actions.ts';
import { bringInInterviews, mergeSummary } from '../../../renderer/src/interviews/reload.ts';

const none = { samples: 0, interviews: 0, passages: 0, notes: 0, tags: 0, noteTags: 0, pseudonyms: 0 };
const counts = (added: Partial<typeof none>, skipped = 0, personasUnlinked = 0): InterviewMergeCounts => ({ added: { ...none, ...added }, skipped, personasUnlinked });

describe('what a merge says it did', () => {
  it('names what came, then what was left behind and why', () => {
    expect(mergeSummary(counts({ interviews: 2, notes: 31, noteTags: 40 }, 1), '/road/copy.journey')).toBe('Added 2 interviews, 31 notes; 1 tag skipped because the stage, step or card it names is not in this map.');
    expect(mergeSummary(counts({ samples: 1, interviews: 1, notes: 1, passages: 212, tags: 2 }, 3, 1), 'x.journey')).toBe(
      'Added 1 sample, 1 interview, 1 note, 212 transcript passages, 2 new tags; 3 tags skipped because the stage, step or card they name are not in this map; 1 interview came without its persona, which this workshop does not have.',
    );
    expect(mergeSummary(counts({ noteTags: 2, pseudonyms: 1 }), 'x.journey')).toBe('Added 2 tags and 1 key entry to interviews already here.');
  });

  it('says so when the file brings nothing new (the same file twice)', () => {
    expect(mergeSummary(counts({}), 'C:\\Users\\lee\\road copy.journey')).toBe('Nothing new: the interviews in road copy.journey are already here.');
    expect(mergeSummary(counts({}, 1), '/road copy.journey')).toBe('Nothing new: the interviews in road copy.journey are already here; 1 tag skipped because the stage, step or card it names is not in this map.');
  });
});

describe('bringing another file’s interviews onto the board', () => {
  async function setUp(merge: (input: { sourcePath: string }) => unknown) {
    const base: AnyRecord[] = newWorkshopRecords('Facilitator');
    const sample = newSample({ name: 'DACH', position: 'a0' });
    const interview = newInterview({ sampleId: sample.id, code: 'INT-09', position: 'a0' });
    const note = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-23T10:00:00.000Z', minutesIn: 3, text: 'From the road' });
    const calls: string[] = [];
    let fileRecords = [...base, sample];
    const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
    (api as any)['workshop-open'] = async () => ({ ok: true, value: { path: '/w.journey', fileFormatVersion: 1, records: fileRecords, readOnly: false, notices: [] } });
    (api as any)['workshop-apply-change'] = async () => {
      calls.push('apply');
      return { ok: true, value: { savedAt: '2026-11-23T10:00:00.000Z' } };
    };
    (api as any)['interviews-merge'] = async (input: { sourcePath: string }) => {
      calls.push(`merge ${input.sourcePath}`);
      const result = merge(input) as { ok: boolean; value?: { added: { interviews: number } } };
      if (result.ok && result.value!.added.interviews > 0) fileRecords = [...fileRecords, interview, note];
      return result;
    };
    (api as any)['workshop-read'] = async () => {
      calls.push('read');
      return { ok: true, value: { records: fileRecords } };
    };
    const editor = new Editor(api);
    await editor.openWorkshop('/w.journey');
    return { editor, calls, interview, note, sample };
  }

  it('saves what is pending, merges, and shows the file as it now is; undo starts afresh', async () => {
    const { editor, calls, interview, note } = await setUp(() => ({ ok: true, value: { ...counts({ interviews: 1, notes: 1 }, 1), workshop: {} } }));
    editor.perform(addSample(editor.state.records, { name: 'Nordics', industry: '', region: '', product: '', targetInterviews: 18, rolesSought: '' }));
    const result = await bringInInterviews(editor, '/road/copy.journey');
    expect(result).toEqual({ ok: true, counts: counts({ interviews: 1, notes: 1 }, 1), message: 'Added 1 interview, 1 note; 1 tag skipped because the stage, step or card it names is not in this map. Undo starts again from here.' });
    expect(calls).toEqual(['apply', 'merge /road/copy.journey', 'read']);
    expect(editor.state.records[interview.id]).toEqual(interview);
    expect(editor.state.records[note.id]).toEqual(note);
    expect(editor.state.undoStack).toEqual([]);
  });

  it('reads nothing back when nothing came, and passes the file’s refusal on in its words', async () => {
    const nothing = await setUp(() => ({ ok: true, value: { ...counts({}), workshop: {} } }));
    expect(await bringInInterviews(nothing.editor, '/w2.journey')).toMatchObject({ ok: true, message: 'Nothing new: the interviews in w2.journey are already here.' });
    expect(nothing.calls).toEqual(['merge /w2.journey']);

    const refused = await setUp(() => ({ ok: false, error: { code: 'invalid-request', message: 'w.journey is the workshop you have open. Pick the other copy to bring its interviews in.' } }));
    expect(await bringInInterviews(refused.editor, '/w.journey')).toEqual({ ok: false, message: 'w.journey is the workshop you have open. Pick the other copy to bring its interviews in.' });
    expect(refused.calls).toEqual(['merge /w.journey']);
  });
});
