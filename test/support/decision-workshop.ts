import type { RecordMap } from '../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newSample } from '../../shared/model/interview-factories.ts';
import { newCard, newJourney, newLane, newPainPoint, newStage, newStep, newTollgate } from '../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { newDot, newDotVote, newVoteParticipant } from '../../shared/model/room-factories.ts';

/**
 * A small journey whose needle-mover figures are worked out by hand in the tests:
 *
 *   A "Invoice is wrong"        pain  120 a month × €35 = €50,400 a year, severity 4, 2 interviews, 3 dots
 *   B "Questionnaire repeats"   pain  6 a quarter × €4,000 = €96,000 a year, severity 4, 1 interview, 1 dot
 *   C "Onboarding is slow"      pain  no cost yet, severity 5, no interview, no dot
 *   D "Quarterly value review"  opportunity, 1 interview, 4 dots
 *
 * Stage "Buy" holds step "Security review" (B) and "First invoice" (A, C); stage "Use"
 * holds "Renewal talk" (D) with a tollgate. Dots are in one revealed vote.
 */
export function decisionWorkshop() {
  const journey = newJourney({ name: 'Buying (as is)', position: 'a0' });
  const buy = newStage({ journeyId: journey.id, name: 'Buy', position: 'a0' });
  const use = newStage({ journeyId: journey.id, name: 'Use', position: 'a1' });
  const security = newStep({ stageId: buy.id, name: 'Security review', position: 'a0' });
  const invoice = newStep({ stageId: buy.id, name: 'First invoice', position: 'a1' });
  const renewal = newStep({ stageId: use.id, name: 'Renewal talk', position: 'a0' });
  const pains = newLane({ journeyId: journey.id, name: 'Pain points', laneType: 'pain-points', position: 'a0' });
  const opportunities = newLane({ journeyId: journey.id, name: 'Opportunities', laneType: 'opportunities', position: 'a1' });
  const gates = newLane({ journeyId: journey.id, name: 'Tollgates', laneType: 'tollgates', position: 'a2' });
  const a = newCard({ stepId: invoice.id, laneId: pains.id, text: 'Invoice is wrong', position: 'a0' });
  const b = newCard({ stepId: security.id, laneId: pains.id, text: 'Questionnaire repeats', position: 'a0' });
  const c = newCard({ stepId: invoice.id, laneId: pains.id, text: 'Onboarding is slow', position: 'a1' });
  const d = newCard({ stepId: renewal.id, laneId: opportunities.id, text: 'Quarterly value review', position: 'a0' });
  const gate = newCard({ stepId: renewal.id, laneId: gates.id, text: 'Budget renewed', position: 'a0' });
  const painA = newPainPoint({ cardId: a.id, severity: 4, affectedPerPeriod: 120, costPerOccurrence: 35, period: 'month', currency: 'EUR' });
  const painB = newPainPoint({ cardId: b.id, severity: 4, affectedPerPeriod: 6, costPerOccurrence: 4000, period: 'quarter', currency: 'EUR' });
  const painC = newPainPoint({ cardId: c.id, severity: 5, currency: 'EUR' });
  const tollgate = newTollgate({ cardId: gate.id, status: 'friction' });

  const sample = newSample({ name: 'Nordic buyers', position: 'a0' });
  const i1 = newInterview({ sampleId: sample.id, code: 'INT-01', position: 'a0' });
  const i2 = newInterview({ sampleId: sample.id, code: 'INT-02', position: 'a1' });
  const note = (interviewId: string, position: string) => newNote({ interviewId, position, takenAt: '2026-01-20T09:00:00.000Z', minutesIn: 1, text: 'said so' });
  const n1 = note(i1.id, 'a0');
  const n2 = note(i2.id, 'a0');
  const n3 = note(i1.id, 'a1');
  const n4 = note(i2.id, 'a1');
  const evidence = [
    newNoteTag({ noteId: n1.id, kind: 'card', cardId: a.id }),
    newNoteTag({ noteId: n2.id, kind: 'card', cardId: a.id }),
    newNoteTag({ noteId: n3.id, kind: 'card', cardId: b.id }),
    newNoteTag({ noteId: n4.id, kind: 'card', cardId: d.id }),
  ];

  const vote = { ...newDotVote({ journeyId: journey.id, title: 'What hurts most', dotsPerParticipant: 4 }), revealed: true };
  const ana = newVoteParticipant({ voteId: vote.id, name: 'Ana', color: '#1f6feb', position: 'a0' });
  const ben = newVoteParticipant({ voteId: vote.id, name: 'Ben', color: '#d1495b', position: 'a1' });
  const dot = (participantId: string, cardId: string) => newDot({ voteId: vote.id, participantId, cardId });
  const dots = [dot(ana.id, a.id), dot(ana.id, a.id), dot(ben.id, a.id), dot(ben.id, b.id), dot(ana.id, d.id), dot(ana.id, d.id), dot(ben.id, d.id), dot(ben.id, d.id)];

  const all: AnyRecord[] = [
    journey, buy, use, security, invoice, renewal, pains, opportunities, gates, a, b, c, d, gate, painA, painB, painC, tollgate,
    sample, i1, i2, n1, n2, n3, n4, ...evidence, vote, ana, ben, ...dots,
  ];
  const records: RecordMap = Object.fromEntries(all.map((r) => [r.id, r]));
  return { records, journey, buy, use, security, invoice, renewal, pains, opportunities, gates, a, b, c, d, gate, painA, painB, painC, tollgate };
}
