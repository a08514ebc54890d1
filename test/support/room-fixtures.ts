import { join } from 'node:path';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { recordMapOf } from '../../shared/model/record-map.ts';
import { journeysOf, lanesOf, stagesOf, stepsOf } from '../../shared/model/document.ts';
import { newDotVote, newVoteOption } from '../../shared/model/room-factories.ts';
import type { Card } from '../../shared/model/records.ts';
import { tempFolder } from './workshop-fixtures.ts';

/** A real workshop file from the B2B template, and the cell a room asks about. */
export function roomWorkshop(prefix = 'journeyboard-room-') {
  const folder = tempFolder(prefix);
  const path = join(folder, 'room.journey');
  const file = WorkshopFile.create(path, 'Renewals 2026', { replaceExisting: false, template: 'b2b-buying' });
  const records = recordMapOf(file.readRecords());
  const journey = journeysOf(records)[0]!;
  const step = stepsOf(records, stagesOf(records, journey.id)[0]!.id)[0]!;
  const lane = lanesOf(records, journey.id).find((l) => l.laneType === 'pain-points') ?? lanesOf(records, journey.id)[0]!;
  return { folder, path, file, journeyId: journey.id, input: { stepId: step.id, laneId: lane.id } };
}

/** Opens a dot vote on the given cards, as the facilitator's Vote panel would. */
export function openVoteOn(file: WorkshopFile, journeyId: string, cardIds: readonly string[], dotsPerParticipant = 3) {
  const records = recordMapOf(file.readRecords());
  const vote = newDotVote({ journeyId, title: 'Worst pains', dotsPerParticipant });
  const options = cardIds.map((cardId) => newVoteOption({ voteId: vote.id, cardId }));
  file.applyChange(changeFrom(records, { put: [vote, ...options] }));
  return vote;
}

export function revealVote(file: WorkshopFile, voteId: string) {
  const records = recordMapOf(file.readRecords());
  const vote = records[voteId]!;
  file.applyChange(changeFrom(records, { put: [{ ...vote, revealed: true } as typeof vote] }));
}

export const cardsOf = (file: WorkshopFile) => file.readRecords().filter((r): r is Card => r.type === 'card');

/** A small loopback client for the participant server, as a phone's page would call it. */
export function phone(baseUrl: string) {
  let token: string | undefined;
  const call = async (method: 'GET' | 'POST', path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(new URL(path, baseUrl), {
      method,
      headers: { ...(body === undefined ? {} : { 'Content-Type': 'application/json' }), ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: Record<string, any> = {};
    try {
      json = JSON.parse(text);
    } catch {
      json = { text };
    }
    return { status: response.status, json, headers: response.headers };
  };
  return {
    get token() {
      return token;
    },
    set token(value: string | undefined) {
      token = value;
    },
    async join(code: string, name = '') {
      const reply = await call('POST', '/room/join', { code, name });
      if (reply.status === 200) token = reply.json.token;
      return reply;
    },
    command: (commandId: string, command: unknown) => call('POST', '/room/command', { commandId, command }),
    state: (after = -1) => call('GET', `/room/state?after=${after}`),
    raw: call,
  };
}
