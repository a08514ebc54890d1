import { RECORD_TYPES } from '../../shared/model/ids.ts';
import { positionsBetween } from '../../shared/model/ordering.ts';
import { newEmotion, newKpi, newPainPoint, newPersona, newTollgate, PERSONA_COLORS } from '../../shared/model/record-factories.ts';
import { newDot, newDotVote, newParkingTopic, newVoteOption, newVoteParticipant } from '../../shared/model/room-factories.ts';
import { TOLLGATE_STATUSES, type AnyRecord, type Card } from '../../shared/model/records.ts';
import { generateWorkshop, type WorkshopSize } from './generate-workshop.ts';

/**
 * A generated workshop with what the exports look up per card and per step besides
 * the cards: tollgates, costed pain points, moments of truth, personas with emotions,
 * KPIs, a revealed dot vote and parked topics. Records come in the file's table order,
 * as the services read them, so an export of these is what an export of the file is.
 */
export function generateDetailedWorkshop(size: WorkshopSize): AnyRecord[] {
  const base = generateWorkshop(size);
  const journey = base.find((r) => r.type === 'journey')!;
  const extra: AnyRecord[] = [];
  const personas = positionsBetween(null, null, 2).map((position, i) =>
    newPersona({ name: `Persona ${i + 1}`, role: 'Buyer', goals: 'Get it done', position, color: PERSONA_COLORS[i]! }),
  );
  extra.push(...personas);
  let n = 0;
  for (const record of base) {
    if (record.type === 'stage') extra.push(newKpi({ stageId: record.id, name: 'NPS', currentValue: 10, targetValue: 30, unit: 'points', position: 'a0' }));
    if (record.type === 'step') for (const [i, persona] of personas.entries()) extra.push(newEmotion({ stepId: record.id, personaId: persona.id, score: ((n + i) % 7) - 3, evoker: 'Waiting' }));
    if (record.type !== 'card') continue;
    n++;
    if (n % 10 === 0) extra.push(newTollgate({ cardId: record.id, status: TOLLGATE_STATUSES[n % 3]!, buyerProcess: 'Security review' }));
    if (n % 7 === 0) extra.push(newPainPoint({ cardId: record.id, severity: 1 + (n % 5), affectedPerPeriod: n, costPerOccurrence: 12.5, owner: 'Ops' }));
    if (n % 13 === 0) (record as Card).momentOfTruth = true;
  }
  const cards = base.filter((r): r is Card => r.type === 'card');
  const vote = { ...newDotVote({ journeyId: journey.id, title: 'Top pains', dotsPerParticipant: 3 }), revealed: true, createdAt: '2026-11-23T10:00:00.000Z' };
  const voter = newVoteParticipant({ voteId: vote.id, name: 'Ana', color: '#1f6feb', position: 'a0' });
  const voted = cards.filter((_, i) => i % 50 === 0);
  extra.push(vote, voter, ...voted.map((c) => newVoteOption({ voteId: vote.id, cardId: c.id })));
  extra.push(...voted.slice(0, 3).map((c) => newDot({ voteId: vote.id, participantId: voter.id, cardId: c.id })));
  extra.push(newParkingTopic({ text: 'Partner pricing', position: 'a0', createdAt: '2026-11-23T10:00:00.000Z' }));
  const all = [...base, ...extra];
  return RECORD_TYPES.flatMap((type) => all.filter((r) => r.type === type));
}
