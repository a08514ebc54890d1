import { join } from 'node:path';
import { createApiService, type ApiService } from '../../electron/services/api-service.ts';
import type { OpenedWorkshop } from '../../shared/api/contract.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { newKpi } from '../../shared/model/record-factories.ts';
import { newDot, newDotVote, newParkingTopic, newVoteOption, newVoteParticipant } from '../../shared/model/room-factories.ts';
import { newCopyOrigin, newPlanAction, newPlanLink, newRating, newScoring, type AnyRecord } from '../../shared/model/records.ts';
import { newId, RECORD_TYPES } from '../../shared/model/ids.ts';
import { tempFolder } from './workshop-fixtures.ts';
import { newInterview, newNote, newNoteTag, newPassage, newPseudonym, newSample, newTag } from '../../shared/model/interview-factories.ts';

/** One interview of a sample with a passage, a note on it, tags and a key entry. */
function interviewRecords(_journeyId: string, stageId: string, cardId: string): AnyRecord[] {
  const sample = newSample({ name: 'DACH mid-market', targetInterviews: 16, rolesSought: 'Buyer\nIT security', position: 'a0' });
  const interview = newInterview({ sampleId: sample.id, code: 'INT-01', role: 'Buyer', companyCode: 'Company-A', date: '2026-11-20', position: 'a0' });
  const passage = newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Buyer-01', startMs: 12_000, endMs: 19_500, text: 'The security review took three months.' });
  const note = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-20T10:12:00.000Z', minutesIn: 12, text: 'security review took three months', passageId: passage.id, startOffset: 4, endOffset: 37 });
  const tag = newTag({ name: 'Compliance', group: 'Buying', position: 'a0' });
  return [
    sample,
    interview,
    passage,
    note,
    tag,
    newNoteTag({ noteId: note.id, kind: 'card', cardId }),
    newNoteTag({ noteId: note.id, kind: 'stage', stageId }),
    newNoteTag({ noteId: note.id, kind: 'tag', tagId: tag.id }),
    newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Christina Meyer', code: 'Buyer-01' }),
  ];
}

/** The room's weights, a rating, an action linked to a card, and a copy origin (journey's own card, for the type's sake). */
function decisionRecords(journeyId: string, _stageId: string, cardId: string, otherCardId: string): AnyRecord[] {
  const action = newPlanAction({ title: 'Pre-fill the security questionnaire', owner: 'Ana', dueDate: '2027-01-31', status: 'doing', expectedEffect: 'Reviews in 3 weeks', position: 'a0' });
  return [
    newScoring({ costWeight: 5 }),
    newRating({ cardId, customerValue: 4, businessValue: 3, effort: 2 }),
    action,
    newPlanLink({ actionId: action.id, cardId }),
    newCopyOrigin({ journeyId, recordId: otherCardId, originId: cardId }),
  ];
}

/** Someone who joined from a phone, and the card they wrote. */
function participantRecords(cardId: `card:${string}`): AnyRecord[] {
  const participant = { id: newId('participant'), type: 'participant', name: 'Jonas', joinedAt: '2026-11-23T10:20:00.000Z' } as const;
  return [participant, { id: newId('card-author'), type: 'card-author', cardId, participantId: participant.id, createdAt: '2026-11-23T10:21:00.000Z' }];
}

/**
 * A workshop that uses every record type: the B2B template (personas, emotions,
 * tollgates, pain points, agenda) plus a KPI, a parked topic and a dot vote.
 */
export async function workshopWithEveryRecordType(): Promise<{ api: ApiService; folder: string; path: string; records: AnyRecord[] }> {
  const folder = tempFolder('journeyboard-full-');
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const path = join(folder, 'Full.journey');
  const created = (await api.call('workshop-create', { path, name: 'Full "quoted", with commas', template: 'b2b-buying' })) as { ok: true; value: OpenedWorkshop };
  const records = created.value.records;
  const map = Object.fromEntries(records.map((r) => [r.id, r]));
  const journey = records.find((r) => r.type === 'journey')!;
  const stage = records.find((r) => r.type === 'stage')!;
  const cards = records.filter((r) => r.type === 'card').slice(0, 2);
  const vote = newDotVote({ journeyId: journey.id, title: 'Top pains', dotsPerParticipant: 2 });
  const ana = newVoteParticipant({ voteId: vote.id, name: 'Ana', color: '#1f6feb', position: 'a0' });
  const extra: AnyRecord[] = [
    newKpi({ stageId: stage.id, name: 'NPS', currentValue: 12, targetValue: 30, unit: 'points', position: 'a0' }),
    newParkingTopic({ text: 'Partner pricing, “later”', position: 'a0', createdAt: '2026-11-23T10:00:00.000Z' }),
    { ...vote, createdAt: '2026-11-23T10:05:00.000Z' },
    ana,
    ...cards.map((c) => newVoteOption({ voteId: vote.id, cardId: c.id })),
    newDot({ voteId: vote.id, participantId: ana.id, cardId: cards[0]!.id }),
    ...interviewRecords(journey.id, stage.id, cards[0]!.id),
    ...decisionRecords(journey.id, stage.id, cards[0]!.id, cards[1]!.id),
    ...participantRecords(cards[1]!.id),
  ];
  const result = await api.call('workshop-apply-change', { change: changeFrom(map, { put: extra }) });
  if (!result.ok) throw new Error(JSON.stringify(result));
  const all = [...records, ...extra];
  const missing = RECORD_TYPES.filter((type) => !all.some((r) => r.type === type));
  if (missing.length) throw new Error(`the fixture misses ${missing.join(', ')}`);
  return { api, folder, path, records: all };
}
