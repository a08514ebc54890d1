import { describe, expect, it } from 'vitest';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { evidenceFor } from '../../../shared/interviews/evidence.ts';
import { synthesize } from '../../../shared/interviews/synthesis.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newPseudonym, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { newLane, newPersona, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Card, Note } from '../../../shared/model/records.ts';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { filterOptions, groupViews, laneChoices, noteSource, promoteToCard, readableRecords, stepChoices, UNPLACED } from '../../../renderer/src/interviews/synthesis-view.ts';

const toMap = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));
const minutes = (n: number) => new Date(Date.UTC(2026, 10, 23, 10, n)).toISOString();

/** A journey (2 stages, 3 steps, 2 lanes), two personas, two interviews with notes, one key entry. */
function workshop() {
  const base = newWorkshopRecords('Synthesis');
  const journey = base.find((r) => r.type === 'journey')!;
  const research = newStage({ journeyId: journey.id, name: 'Research', position: 'a0' });
  const evaluate = newStage({ journeyId: journey.id, name: 'Evaluate', position: 'a1' });
  const compare = newStep({ stageId: research.id, name: 'Compare vendors', position: 'a0' });
  const demo = newStep({ stageId: evaluate.id, name: 'Demo', position: 'a0' });
  const security = newStep({ stageId: evaluate.id, name: 'Security review', position: 'a1' });
  const actions = newLane({ journeyId: journey.id, name: 'Actions', laneType: 'actions', position: 'a0' });
  const pains = newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a1' });
  const dana = newPersona({ name: 'Dana, the buyer', position: 'a0' });
  const sam = newPersona({ name: 'Sam, IT security', position: 'a1' });
  const sample = newSample({ name: 'DACH', position: 'a0' });
  const int1 = newInterview({ sampleId: sample.id, code: 'INT-01', position: 'a0', role: 'Buyer', companyCode: 'Company-C', personaId: dana.id, interviewer: 'Lee' });
  const int2 = newInterview({ sampleId: sample.id, code: 'INT-02', position: 'a1', role: 'IT security', companyCode: 'Company-D', personaId: sam.id, interviewer: 'Kim' });
  const pricing = newTag({ name: 'Pricing', position: 'a0' });
  const portal = newTag({ name: 'Portal', group: 'Channels', position: 'a1' });
  const note = (interviewId: string, at: number, text: string) => newNote({ interviewId, position: `a${at}`, takenAt: minutes(at), minutesIn: at, text });
  const n1 = note(int1.id, 1, 'Anna Schmidt says the questionnaire repeats itself');
  const n2 = note(int1.id, 2, 'The portal lost our answers');
  const n3 = note(int2.id, 3, 'We compare three vendors on price');
  const n4 = note(int2.id, 4, 'Nobody knew who signs off');
  const tags = [
    newNoteTag({ noteId: n1.id, kind: 'step', stepId: security.id }),
    newNoteTag({ noteId: n2.id, kind: 'step', stepId: security.id }),
    newNoteTag({ noteId: n2.id, kind: 'tag', tagId: portal.id }),
    newNoteTag({ noteId: n2.id, kind: 'tag', tagId: pricing.id }),
    newNoteTag({ noteId: n3.id, kind: 'stage', stageId: research.id }),
    newNoteTag({ noteId: n3.id, kind: 'tag', tagId: pricing.id }),
  ];
  const key = newPseudonym({ interviewId: int1.id, kind: 'person', realName: 'Anna Schmidt', code: 'Buyer-01' });
  const records = [...base, research, evaluate, compare, demo, security, actions, pains, dana, sam, sample, int1, int2, pricing, portal, n1, n2, n3, n4, ...tags, key];
  return { journey, research, evaluate, compare, demo, security, actions, pains, dana, sam, int1, int2, pricing, portal, n1, n2, n3, n4, records, map: toMap(records) };
}

async function openEditor(records: AnyRecord[]): Promise<Editor> {
  const opened = { path: '/w.journey', fileFormatVersion: 1, records, readOnly: false, notices: [] };
  const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
  (api as any)['workshop-open'] = async () => ({ ok: true, value: opened });
  (api as any)['workshop-apply-change'] = async () => ({ ok: true, value: { savedAt: minutes(0) } });
  const editor = new Editor(api);
  await editor.openWorkshop('/w.journey');
  return editor;
}

describe('what the synthesis shows', () => {
  it('reads the notes with codes, never names, and so cannot be searched for a name', () => {
    const w = workshop();
    const readable = readableRecords(w.map);
    expect((readable[w.n1.id] as Note).text).toBe('Buyer-01 says the questionnaire repeats itself');
    expect(readableRecords(w.map)).toBe(readable);
    expect(synthesize(readable, { search: 'anna' }).notes).toEqual([]);
    expect(synthesize(readable, { search: 'buyer-01' }).notes.map((n) => n.id)).toEqual([w.n1.id]);
    // With no key there is nothing to replace, and the map (and its indexes) is the same.
    const keyless = toMap(w.records.filter((r) => r.type !== 'pseudonym'));
    expect(readableRecords(keyless)).toBe(keyless);
  });

  it('offers in its menus only what some interview has', () => {
    const w = workshop();
    const options = filterOptions(w.map);
    expect(options.roles).toEqual(['Buyer', 'IT security']);
    expect(options.companies).toEqual(['Company-C', 'Company-D']);
    expect(options.interviewers).toEqual(['Kim', 'Lee']);
    expect(options.personas.map((p) => p.label)).toEqual(['Dana, the buyer', 'Sam, IT security']);
  });

  it('labels the groups in map order, with the notes nothing places last', () => {
    const w = workshop();
    const synthesis = synthesize(w.map, {});
    const byStep = groupViews(w.map, synthesis, 'step');
    expect(byStep.map((g) => [g.label, g.detail, g.notes.length, g.interviews])).toEqual([
      ['Security review', 'step in Evaluate', 2, 1],
      ['Not placed yet', 'no stage, step or tag', 1, 1],
    ]);
    expect(byStep[0]).toMatchObject({ stepId: w.security.id, stageId: w.evaluate.id });
    expect(byStep.at(-1)!.key).toBe(UNPLACED);
    expect(groupViews(w.map, synthesis, 'stage').map((g) => g.label)).toEqual(['Research', 'Evaluate', 'Not placed yet']);
    expect(groupViews(w.map, synthesis, 'tag').map((g) => [g.label, g.detail, g.notes.length])).toEqual([
      ['Pricing', 'tag', 2],
      ['Portal', 'tag · Channels', 1],
      ['Not placed yet', 'no stage, step or tag', 1],
    ]);
    // Filtered by role: only the buyer's notes remain.
    expect(groupViews(w.map, synthesize(w.map, { role: 'Buyer' }), 'tag').map((g) => g.label)).toEqual(['Pricing', 'Portal']);
    expect(noteSource(w.map, w.n2)).toBe('INT-01 · Buyer · Company-C · 2 min');
  });

  it('offers the group’s own step, a stage’s steps, or every step of the journey, and the pain-point lane first', () => {
    const w = workshop();
    expect(stepChoices(w.map, { stepId: w.security.id, stageId: w.evaluate.id }, w.journey.id)).toEqual([{ stepId: w.security.id, label: 'Evaluate › Security review' }]);
    expect(stepChoices(w.map, { stepId: null, stageId: w.evaluate.id }, w.journey.id).map((s) => s.label)).toEqual(['Evaluate › Demo', 'Evaluate › Security review']);
    expect(stepChoices(w.map, { stepId: null, stageId: null }, w.journey.id)).toHaveLength(3);
    const lanes = laneChoices(w.map, w.security.id);
    expect(lanes.preferred).toBe(w.pains.id);
    expect(lanes.lanes).toEqual(expect.arrayContaining([w.actions, w.pains]));
  });
});

describe('promoting a group to a card', () => {
  it('makes the card and links each picked note as its evidence in one change; one undo takes it all back', async () => {
    const w = workshop();
    const editor = await openEditor(w.records);
    const result = promoteToCard(editor.state.records, { noteIds: [w.n1.id, w.n2.id, w.n1.id], stepId: w.security.id, laneId: w.pains.id, text: '  Questionnaire repeats itself ' })!;
    expect(editor.perform(result)).toBe(true);
    editor.seal();
    const card = editor.state.records[result.cardId] as Card;
    expect(card).toMatchObject({ type: 'card', stepId: w.security.id, laneId: w.pains.id, text: 'Questionnaire repeats itself' });
    const evidence = evidenceFor(editor.state.records, card.id);
    expect(evidence.notes.map((n) => n.id).sort()).toEqual([w.n1.id, w.n2.id].sort());
    expect(evidence.verdict).toBe('outlier');
    expect(editor.state.focus).toEqual({ kind: 'cell', stepId: w.security.id, laneId: w.pains.id, cardId: card.id });
    editor.undo();
    expect(editor.state.records[card.id]).toBeUndefined();
    expect(Object.values(editor.state.records).filter((r) => r.type === 'note-tag' && r.kind === 'card')).toEqual([]);
  });

  it('refuses without words, without notes, or with a lane of another journey', () => {
    const w = workshop();
    const other = newLane({ journeyId: 'journey-other', name: 'Elsewhere', laneType: 'actions', position: 'a0' });
    const map = toMap([...w.records, other]);
    expect(promoteToCard(map, { noteIds: [w.n1.id], stepId: w.security.id, laneId: w.pains.id, text: '  ' })).toBeNull();
    expect(promoteToCard(map, { noteIds: ['note-gone'], stepId: w.security.id, laneId: w.pains.id, text: 'Card' })).toBeNull();
    expect(promoteToCard(map, { noteIds: [w.n1.id], stepId: w.security.id, laneId: other.id, text: 'Card' })).toBeNull();
  });
});

describe('a filter change at 20 interviews × 100 notes', () => {
  it('regroups within a frame: one pass over the notes, nothing over the whole workshop', () => {
    const w = workshop();
    const steps = [w.compare, w.demo, w.security];
    const records: AnyRecord[] = [...w.records];
    const sample = newSample({ name: 'Big', position: 'b0' });
    records.push(sample);
    for (let i = 0; i < 20; i++) {
      const interview = newInterview({ sampleId: sample.id, code: `INT-${i + 10}`, position: `b${i}`, role: i % 2 ? 'Buyer' : 'IT security', companyCode: `Company-${i % 7}`, interviewer: i % 3 ? 'Lee' : 'Kim' });
      records.push(interview, newPseudonym({ interviewId: interview.id, kind: 'person', realName: `Person Number${i}`, code: `Code-${i}` }));
      for (let n = 0; n < 100; n++) {
        const note = newNote({ interviewId: interview.id, position: `a${String(n).padStart(3, '0')}`, takenAt: minutes(n % 60), minutesIn: n % 60, text: `Person Number${i} said thing ${n} about pricing and the portal` });
        records.push(note, newNoteTag({ noteId: note.id, kind: 'step', stepId: steps[n % 3]!.id }), newNoteTag({ noteId: note.id, kind: 'tag', tagId: n % 2 ? w.pricing.id : w.portal.id }));
      }
    }
    const readable = readableRecords(toMap(records));
    const filters = [{ role: 'Buyer' }, { role: 'Buyer', search: 'thing 4' }, { interviewer: 'Kim' }, {}, { companyCode: 'Company-3' }, { role: 'IT security' }, { search: 'portal' }];
    const regroup = (filter: (typeof filters)[number]) => {
      const started = performance.now();
      groupViews(readable, synthesize(readable, filter), 'step');
      return performance.now() - started;
    };
    // Warmed up first, then the best of three: the work is measured, not the compiler or a neighbour.
    for (const filter of filters) regroup(filter);
    const times = filters.map((filter) => Math.min(regroup(filter), regroup(filter), regroup(filter)));
    expect(synthesize(readable, { role: 'Buyer' }).notes).toHaveLength(1000 + 2);
    // A frame is 16 ms: the regrouping after a filter change fits in one (the median filter).
    expect(times.sort((a, b) => a - b)[Math.floor(times.length / 2)]).toBeLessThan(16);
  });
});
