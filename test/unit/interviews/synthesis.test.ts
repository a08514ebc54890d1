import { describe, expect, it } from 'vitest';
import { foldText, synthesize, type NoteGroup } from '../../../shared/interviews/synthesis.ts';
import { newInterview, newNote, newNoteTag, newSample, newTag } from '../../../shared/model/interview-factories.ts';
import { newCard, newJourney, newLane, newPersona, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, NoteTag } from '../../../shared/model/records.ts';

/**
 * Three interviews × four notes, tagged as a researcher would:
 *
 *   INT-01 Buyer       @ Company-A  Pia    by Lena
 *     a1 "Price list was hard to find"              Pricing · step Contract
 *     a2 "Security questionnaire took three months" Compliance · step Security review
 *     a3 "Réseau partner helped us choose"           Support · stage Decide
 *     a4 "Nothing else to add"                       (nothing)
 *   INT-02 IT security @ Company-A  Pia    by Lena
 *     b1 "Pricing for the security add-on unclear"  Pricing · Compliance · step Security review
 *     b2 "Audit log missing"                         Compliance · card Audit log (Security review)
 *     b3 "Invoice in the wrong currency"             Pricing · card Invoice (First invoice)
 *     b4 "Support ticket closed without an answer"   Support · stage Use
 *   INT-03 Buyer       @ Company-B  Quinn  by Marco
 *     c1 "Discount needed CFO approval"             Pricing · Compliance
 *     c2 "Invoice arrived late"                      card Invoice · emotion -2 at First invoice
 *     c3 "support via reseau lent"                   Support
 *     c4 "“We almost walked away”"                   quote only
 *
 * Map: Decide (Security review, Contract) → Use (First invoice).
 */
function interviews() {
  const journey = newJourney({ name: 'B2B buying', position: 'a0' });
  const decide = newStage({ journeyId: journey.id, name: 'Decide', position: 'a0' });
  const use = newStage({ journeyId: journey.id, name: 'Use', position: 'a1' });
  const security = newStep({ stageId: decide.id, name: 'Security review', position: 'a0' });
  const contract = newStep({ stageId: decide.id, name: 'Contract', position: 'a1' });
  const firstInvoice = newStep({ stageId: use.id, name: 'First invoice', position: 'a0' });
  const lane = newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a0' });
  const audit = newCard({ stepId: security.id, laneId: lane.id, text: 'Audit log missing', position: 'a0' });
  const invoice = newCard({ stepId: firstInvoice.id, laneId: lane.id, text: 'Wrong invoice', position: 'a0' });
  const pia = newPersona({ name: 'Pia', position: 'a0' });
  const quinn = newPersona({ name: 'Quinn', position: 'a1' });
  // Support's group sorts after Buying's, though it was made first.
  const support = newTag({ name: 'Support', group: 'Service', position: 'a0' });
  const pricing = newTag({ name: 'Pricing', group: 'Buying', position: 'a0' });
  const compliance = newTag({ name: 'Compliance', group: 'Buying', position: 'a1' });
  const sample = newSample({ name: 'DACH', position: 'a0' });
  const i1 = newInterview({ sampleId: sample.id, code: 'INT-01', position: 'a0', role: 'Buyer', companyCode: 'Company-A', personaId: pia.id, interviewer: 'Lena' });
  const i2 = newInterview({ sampleId: sample.id, code: 'INT-02', position: 'a1', role: 'IT security', companyCode: 'Company-A', personaId: pia.id, interviewer: 'Lena' });
  const i3 = newInterview({ sampleId: sample.id, code: 'INT-03', position: 'a2', role: 'Buyer', companyCode: 'Company-B', personaId: quinn.id, interviewer: 'Marco' });

  const records: AnyRecord[] = [journey, decide, use, security, contract, firstInvoice, lane, audit, invoice, pia, quinn, support, pricing, compliance, sample, i1, i2, i3];
  const notes: Record<string, string> = {};
  const note = (label: string, interviewId: string, day: number, minute: number, text: string, tags: Omit<Parameters<typeof newNoteTag>[0], 'noteId'>[]) => {
    const n = newNote({ interviewId, position: 'a0', takenAt: `2026-11-${day}T10:${String(minute).padStart(2, '0')}:00.000Z`, minutesIn: minute, text });
    notes[n.id] = label;
    records.push(n, ...tags.map((t) => newNoteTag({ noteId: n.id, ...t })));
  };
  const tag = (t: { id: string }) => ({ kind: 'tag' as NoteTag['kind'], tagId: t.id });
  note('a1', i1.id, 20, 10, 'Price list was hard to find', [tag(pricing), { kind: 'step', stepId: contract.id }]);
  note('a2', i1.id, 20, 20, 'Security questionnaire took three months', [tag(compliance), { kind: 'step', stepId: security.id }]);
  note('a3', i1.id, 20, 30, 'Réseau partner helped us choose', [tag(support), { kind: 'stage', stageId: decide.id }]);
  note('a4', i1.id, 20, 40, 'Nothing else to add', []);
  note('b1', i2.id, 21, 10, 'Pricing for the security add-on unclear', [tag(pricing), tag(compliance), { kind: 'step', stepId: security.id }]);
  note('b2', i2.id, 21, 20, 'Audit log missing', [tag(compliance), { kind: 'card', cardId: audit.id }]);
  note('b3', i2.id, 21, 30, 'Invoice in the wrong currency', [tag(pricing), { kind: 'card', cardId: invoice.id }]);
  note('b4', i2.id, 21, 40, 'Support ticket closed without an answer', [tag(support), { kind: 'stage', stageId: use.id }]);
  note('c1', i3.id, 22, 10, 'Discount needed CFO approval', [tag(pricing), tag(compliance)]);
  note('c2', i3.id, 22, 20, 'Invoice arrived late', [{ kind: 'card', cardId: invoice.id }, { kind: 'emotion', stepId: firstInvoice.id, score: -2 }]);
  note('c3', i3.id, 22, 30, 'support via reseau lent', [tag(support)]);
  note('c4', i3.id, 22, 40, '“We almost walked away”', [{ kind: 'quote' }]);

  const map = Object.fromEntries(records.map((r) => [r.id, r]));
  const labels = (list: readonly { id: string }[]) => list.map((n) => notes[n.id]);
  const summary = (groups: NoteGroup<{ name: string }>[]) => groups.map((g) => [g.record.name, labels(g.notes), g.interviews]);
  return { map, pia, summary, labels };
}

describe('synthesis across interviews', () => {
  const { map, pia, summary, labels } = interviews();

  it('groups every note by stage, reaching stages through steps and cards, in map order', () => {
    const all = synthesize(map);
    expect(all.notes).toHaveLength(12);
    expect(all.interviews).toBe(3);
    expect(summary(all.byStage)).toEqual([
      // a1 (Contract), a2 (Security review), a3 (the stage), b1 (Security review), b2 (Audit log card).
      ['Decide', ['a1', 'a2', 'a3', 'b1', 'b2'], 2],
      // b3 (Invoice card), b4 (the stage), c2 (Invoice card and an emotion there: once).
      ['Use', ['b3', 'b4', 'c2'], 2],
    ]);
  });

  it('groups by step', () => {
    expect(summary(synthesize(map).byStep)).toEqual([
      ['Security review', ['a2', 'b1', 'b2'], 2],
      ['Contract', ['a1'], 1],
      ['First invoice', ['b3', 'c2'], 2],
    ]);
  });

  it('groups by tag, a note with two tags in both, tag group first', () => {
    expect(summary(synthesize(map).byTag)).toEqual([
      ['Pricing', ['a1', 'b1', 'b3', 'c1'], 3],
      ['Compliance', ['a2', 'b1', 'b2', 'c1'], 3],
      ['Support', ['a3', 'b4', 'c3'], 3],
    ]);
  });

  it('keeps the notes nothing places yet, so they are not lost from the synthesis', () => {
    expect(labels(synthesize(map).unplaced)).toEqual(['a4', 'c4']);
  });

  it('counts how often tags go together', () => {
    const { tags, counts } = synthesize(map).coOccurrence;
    expect(tags.map((t) => t.name)).toEqual(['Pricing', 'Compliance', 'Support']);
    // Pricing and Compliance share b1 and c1; Support goes with neither. The diagonal is each tag's count.
    expect(counts).toEqual([
      [4, 2, 0],
      [2, 4, 0],
      [0, 0, 3],
    ]);
  });

  it('filters by persona, role, company and interviewer', () => {
    // Pia: INT-01 and INT-02, 8 notes. Pricing a1, b1, b3; Compliance a2, b1, b2; together only in b1.
    const pias = synthesize(map, { personaId: pia.id });
    expect([pias.notes.length, pias.interviews]).toEqual([8, 2]);
    expect(summary(pias.byTag)).toEqual([
      ['Pricing', ['a1', 'b1', 'b3'], 2],
      ['Compliance', ['a2', 'b1', 'b2'], 2],
      ['Support', ['a3', 'b4'], 2],
    ]);
    expect(pias.coOccurrence.counts).toEqual([
      [3, 1, 0],
      [1, 3, 0],
      [0, 0, 2],
    ]);
    expect(labels(synthesize(map, { role: 'Buyer' }).notes)).toEqual(['a1', 'a2', 'a3', 'a4', 'c1', 'c2', 'c3', 'c4']);
    expect(labels(synthesize(map, { companyCode: 'Company-B' }).notes)).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(labels(synthesize(map, { interviewer: 'Lena', role: 'IT security' }).notes)).toEqual(['b1', 'b2', 'b3', 'b4']);
    // A filter no interview matches leaves no groups, not empty ones.
    const nobody = synthesize(map, { interviewer: 'Nobody' });
    expect([nobody.notes.length, nobody.byStage.length, nobody.byTag.length, nobody.coOccurrence.counts]).toEqual([0, 0, 0, []]);
  });

  it('searches the notes ignoring case and accents', () => {
    expect(labels(synthesize(map, { search: 'réseau' }).notes)).toEqual(['a3', 'c3']);
    expect(labels(synthesize(map, { search: 'RESEAU' }).notes)).toEqual(['a3', 'c3']);
    expect(labels(synthesize(map, { search: '  invoice ' }).notes)).toEqual(['b3', 'c2']);
    // With the persona too: "Price list" (a1) does not say "pricing"; b1 does.
    const found = synthesize(map, { personaId: pia.id, search: 'pricing' });
    expect(labels(found.notes)).toEqual(['b1']);
    expect(summary(found.byStep)).toEqual([['Security review', ['b1'], 1]]);
    expect(foldText('Ça coûte Énormément')).toBe('ca coute enormement');
  });
});
