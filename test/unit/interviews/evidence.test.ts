import { describe, expect, it } from 'vitest';
import { cardsWithoutEvidence, emotionFromNotes, evidenceFor, evidenceForStep, evidenceIndex, NO_EVIDENCE, patternThreshold, sampleProgress } from '../../../shared/interviews/evidence.ts';
import { newInterview, newNote, newNoteTag, newSample } from '../../../shared/model/interview-factories.ts';
import { newCard, newJourney, newLane, newPersona, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord, Interview } from '../../../shared/model/records.ts';

/**
 * One journey (Decide → Use → Renew), three cards, and a sample of four interviews:
 *
 *   INT-01  Buyer        @ Company-A  Pia    held, 55 min   notes n1, n2
 *   INT-02  IT security  @ Company-A  Pia    held, notes    note  n3
 *   INT-03  Buyer        @ Company-B  Quinn  held, 50 min   note  n4
 *   INT-04  Buyer        @ Company-C  —      not held yet
 *
 * plus INT-05 in another sample, whose only note is about the Renew stage.
 *
 *   "Invoice in the wrong currency"  ← n1 (tagged twice), n2, n3: 3 notes, 2 interviews, 1 company, 2 roles
 *   "Audit log missing"              ← n2:                        1 note,  1 interview
 *   "Cancel form hidden"             ← nobody
 */
function workshop() {
  const journey = newJourney({ name: 'B2B buying', position: 'a0' });
  const decide = newStage({ journeyId: journey.id, name: 'Decide', position: 'a0' });
  const use = newStage({ journeyId: journey.id, name: 'Use', position: 'a1' });
  const renew = newStage({ journeyId: journey.id, name: 'Renew', position: 'a2' });
  const security = newStep({ stageId: decide.id, name: 'Security review', position: 'a0' });
  const invoiceStep = newStep({ stageId: use.id, name: 'First invoice', position: 'a0' });
  const cancelStep = newStep({ stageId: renew.id, name: 'Cancel', position: 'a0' });
  const lane = newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a0' });
  const invoice = newCard({ stepId: invoiceStep.id, laneId: lane.id, text: 'Invoice in the wrong currency', position: 'a0' });
  const audit = newCard({ stepId: security.id, laneId: lane.id, text: 'Audit log missing', position: 'a0' });
  const cancel = newCard({ stepId: cancelStep.id, laneId: lane.id, text: 'Cancel form hidden', position: 'a0' });
  const pia = newPersona({ name: 'Pia Procurement', position: 'a0' });
  const quinn = newPersona({ name: 'Quinn CIO', position: 'a1' });

  const sample = newSample({ name: 'DACH mid-market', targetInterviews: 4, position: 'a0' });
  const other = newSample({ name: 'Nordics', position: 'a1' });
  const int = (code: string, fields: Partial<Omit<Interview, 'id' | 'type' | 'sampleId'>>, sampleId: string = sample.id) =>
    newInterview({ sampleId, code, position: `a${code.slice(-1)}`, ...fields });
  const i1 = int('INT-01', { role: 'Buyer', companyCode: 'Company-A', personaId: pia.id, date: '2026-11-20', actualMinutes: 55 });
  const i2 = int('INT-02', { role: 'IT security', companyCode: 'Company-A', personaId: pia.id, date: '2026-11-21' });
  const i3 = int('INT-03', { role: 'Buyer', companyCode: 'Company-B', personaId: quinn.id, date: '2026-11-22', actualMinutes: 50 });
  const i4 = int('INT-04', { role: 'Buyer', companyCode: 'Company-C' });
  const i5 = int('INT-05', { role: 'Buyer', companyCode: 'Company-N', date: '2026-12-01' }, other.id);
  const note = (interviewId: string, takenAt: string, text: string) => newNote({ interviewId, position: 'a0', takenAt, minutesIn: 10, text });
  const n1 = note(i1.id, '2026-11-20T10:10:00.000Z', 'The invoice came in dollars');
  const n2 = note(i1.id, '2026-11-20T10:30:00.000Z', 'Nobody could show an audit log; then the invoice was wrong too');
  const n3 = note(i2.id, '2026-11-21T14:05:00.000Z', 'Finance sent the invoice back');
  const n4 = note(i3.id, '2026-11-22T09:15:00.000Z', 'The invoice was fine, honestly');
  const n5 = note(i5.id, '2026-12-01T11:00:00.000Z', 'We nearly cancelled');
  const records: AnyRecord[] = [
    journey, decide, use, renew, security, invoiceStep, cancelStep, lane, invoice, audit, cancel, pia, quinn,
    sample, other, i1, i2, i3, i4, i5, n1, n2, n3, n4, n5,
    newNoteTag({ noteId: n1.id, kind: 'card', cardId: invoice.id }),
    newNoteTag({ noteId: n1.id, kind: 'card', cardId: invoice.id }), // tagged twice by mistake: still one note
    newNoteTag({ noteId: n1.id, kind: 'emotion', stepId: invoiceStep.id, score: -2 }),
    newNoteTag({ noteId: n2.id, kind: 'card', cardId: invoice.id }),
    newNoteTag({ noteId: n2.id, kind: 'card', cardId: audit.id }),
    newNoteTag({ noteId: n2.id, kind: 'emotion', stepId: invoiceStep.id, score: -1 }),
    newNoteTag({ noteId: n3.id, kind: 'card', cardId: invoice.id }),
    newNoteTag({ noteId: n3.id, kind: 'emotion', stepId: invoiceStep.id, score: -1 }),
    newNoteTag({ noteId: n3.id, kind: 'step', stepId: security.id }),
    newNoteTag({ noteId: n4.id, kind: 'emotion', stepId: invoiceStep.id, score: 1 }),
    newNoteTag({ noteId: n5.id, kind: 'stage', stageId: renew.id }),
  ];
  const map = Object.fromEntries(records.map((r) => [r.id, r]));
  return { map, journey, decide, use, renew, security, invoiceStep, cancelStep, invoice, audit, cancel, pia, quinn, sample, other, n1, n2, n3 };
}

describe('the evidence for a card', () => {
  const w = workshop();

  it('counts distinct interviews, companies and roles, not notes', () => {
    const evidence = evidenceFor(w.map, w.invoice.id);
    // n1, n2 (INT-01) and n3 (INT-02): 3 notes, 2 interviews, both at Company-A, Buyer and IT security.
    expect(evidence.notes.map((n) => n.id)).toEqual([w.n1.id, w.n2.id, w.n3.id]);
    expect(evidence).toMatchObject({ interviews: 2, companies: 1, roles: 2, verdict: 'pattern' });
  });

  it('calls one interview an outlier, none nothing, and at least the threshold a pattern', () => {
    expect(evidenceFor(w.map, w.audit.id)).toMatchObject({ interviews: 1, companies: 1, roles: 1, verdict: 'outlier' });
    expect(evidenceFor(w.map, w.cancel.id)).toEqual(NO_EVIDENCE);
    // A room that wants three interviews before it believes anything: two are still an outlier.
    expect(evidenceFor(w.map, w.invoice.id, 3).verdict).toBe('outlier');
  });

  it('for a step, counts only the notes tagged with the step, not those on its cards', () => {
    // n3 is tagged with the Security review step; n2 is evidence for a card there, not for the step.
    expect(evidenceForStep(w.map, w.security.id)).toMatchObject({ interviews: 1, verdict: 'outlier' });
    expect(evidenceForStep(w.map, w.security.id).notes.map((n) => n.id)).toEqual([w.n3.id]);
    expect(evidenceForStep(w.map, w.invoiceStep.id)).toEqual(NO_EVIDENCE);
  });

  it('is the same card by card as all at once', () => {
    const index = evidenceIndex(w.map);
    expect([...index.cards.keys()].sort()).toEqual([w.invoice.id, w.audit.id].sort());
    expect(index.cards.get(w.invoice.id)).toEqual(evidenceFor(w.map, w.invoice.id));
    expect(index.cards.get(w.audit.id)).toEqual(evidenceFor(w.map, w.audit.id));
    expect(index.steps.get(w.security.id)).toEqual(evidenceForStep(w.map, w.security.id));
    expect(evidenceIndex(w.map)).toBe(index);
    expect(evidenceIndex(w.map, 3).cards.get(w.invoice.id)?.verdict).toBe('outlier');
  });

  it("follows the workshop's own threshold when none is asked for", () => {
    // The map above has no workshop record: the default, two interviews, applies.
    expect(patternThreshold(w.map)).toBe(2);
    const strict: AnyRecord = { id: 'workshop:w1', type: 'workshop', name: 'Strict room', createdAt: '2026-11-01T09:00:00.000Z', facilitator: '', sample: '', patternThreshold: 3 };
    const map = { ...w.map, [strict.id]: strict };
    expect(patternThreshold(map)).toBe(3);
    expect(evidenceFor(map, w.invoice.id)).toMatchObject({ interviews: 2, verdict: 'outlier' });
    expect(evidenceIndex(map).cards.get(w.invoice.id)?.verdict).toBe('outlier');
    expect(evidenceForStep(map, w.security.id).verdict).toBe('outlier');
    const lenient = { ...map, [strict.id]: { ...strict, patternThreshold: 2 } };
    expect(evidenceFor(lenient, w.invoice.id).verdict).toBe('pattern');
  });

  it('lists the cards of a journey no interview supports yet', () => {
    expect(cardsWithoutEvidence(w.map, w.journey.id).map((c) => c.text)).toEqual(['Cancel form hidden']);
  });
});

describe('the emotion the notes give a step', () => {
  const w = workshop();

  it('is the mean of the scores of that persona, to one decimal, with how many there are', () => {
    // Pia: -2 (n1), -1 (n2), -1 (n3) → -4 / 3 = -1.33 → -1.3.
    expect(emotionFromNotes(w.map, w.invoiceStep.id, w.pia.id)).toEqual({ score: -1.3, n: 3 });
    // Quinn: +1 (n4) alone.
    expect(emotionFromNotes(w.map, w.invoiceStep.id, w.quinn.id)).toEqual({ score: 1, n: 1 });
  });

  it('is unknown, not neutral, where no note gives one', () => {
    expect(emotionFromNotes(w.map, w.security.id, w.pia.id)).toBeNull();
  });
});

describe("a sample's progress", () => {
  const w = workshop();

  it('counts the interviews held against the target', () => {
    // INT-01 (date, 55 min), INT-02 (date, a note), INT-03 (date, 50 min) held; INT-04 has no date.
    expect(sampleProgress(w.map, w.sample.id)).toMatchObject({ planned: 4, done: 3, target: 4 });
  });

  it('shows the roles covered per company and flags those with fewer than two', () => {
    expect(sampleProgress(w.map, w.sample.id)!.companies).toEqual([
      { companyCode: 'Company-A', roles: ['Buyer', 'IT security'], fewerThanTwoRoles: false },
      { companyCode: 'Company-B', roles: ['Buyer'], fewerThanTwoRoles: true },
      // Planned, not held: the company is known, no role is covered yet.
      { companyCode: 'Company-C', roles: [], fewerThanTwoRoles: true },
    ]);
  });

  it("lists the stages this sample's notes do not speak to yet", () => {
    // Decide (n2 → Audit log card, n3 → Security review step) and Use (invoice card) are covered;
    // Renew is spoken to only by the other sample's INT-05.
    const progress = sampleProgress(w.map, w.sample.id)!;
    expect(progress.stagesWithoutEvidence.map((e) => [e.journey.name, e.stages.map((s) => s.name)])).toEqual([['B2B buying', ['Renew']]]);
    expect(sampleProgress(w.map, w.other.id)!.stagesWithoutEvidence[0]!.stages.map((s) => s.name)).toEqual(['Decide', 'Use']);
  });

  it('is null for a sample that is not there', () => {
    expect(sampleProgress(w.map, 'sample:gone0000')).toBeNull();
  });
});
