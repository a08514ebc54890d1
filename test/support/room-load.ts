import { Agent, request } from 'node:http';
import { join } from 'node:path';
import { createApiService, type ApiService } from '../../electron/services/api-service.ts';
import type { OpenedWorkshop, RoomFeed, RoomStatus } from '../../shared/api/contract.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { journeysOf, lanesOf, recordsOfType, stagesOf, stepsOf } from '../../shared/model/document.ts';
import { recordMapOf } from '../../shared/model/record-map.ts';
import { newDotVote, newVoteOption } from '../../shared/model/room-factories.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { tempFolder } from './workshop-fixtures.ts';

/**
 * A room full of phones on a flaky network, on loopback: each simulated participant
 * joins, then sends its commands one after another; now and then its connection drops
 * (the request is cut mid-flight or its answer is lost) and it sends the same command
 * again on a new connection, as the participant page does. The facilitator's side
 * listens through the app's own API ('room-changes'), as the board does, and notes when
 * each record arrives. Bounded: a fixed number of commands, a deadline, loopback only.
 */
export interface LoadOptions {
  participants: number;
  commandsEach: number;
  /** Of the commands, how many are dots (the rest are ideas); also each one's budget. */
  dotsEach: number;
  /** Chance that a send is cut off (before or after the room got it). */
  dropChance: number;
  seed: number;
  deadlineMs?: number;
  /** A pause of up to this long before each command (people tap, think, type); 0: flat out. */
  paceMs?: number;
}

export interface LoadResult {
  acked: { participant: number; commandId: string; kind: 'add-card' | 'place-dot'; recordId: string; text?: string }[];
  sends: number;
  drops: number;
  slowDowns: number;
  /** ms from a command's first send to its record reaching the facilitator's feed. */
  latencies: number[];
  records: AnyRecord[];
  elapsedMs: number;
}

type Call = <T>(name: string, input: unknown) => Promise<T>;

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function post(agent: Agent, url: URL, path: string, body: unknown, token: string | undefined, cutAfterMs: number | null): Promise<{ status: number; json: any } | 'dropped'> {
  return new Promise((done) => {
    const payload = JSON.stringify(body);
    const req = request(
      { host: url.hostname, port: url.port, path, method: 'POST', agent, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload), ...(token ? { Authorization: `Bearer ${token}` } : {}) } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done({ status: res.statusCode ?? 0, json: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
        res.on('error', () => done('dropped'));
      },
    );
    req.on('error', () => done('dropped'));
    if (cutAfterMs !== null) setTimeout(() => req.destroy(), cutAfterMs);
    req.end(payload);
  });
}

export async function runRoomLoad(options: LoadOptions): Promise<LoadResult> {
  const folder = tempFolder('jb-room-load-');
  const service: ApiService = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const call: Call = async (name, input) => {
    const result = await service.call(name, input);
    if (!result.ok) throw new Error(`${name}: ${result.error.message}`);
    return result.value as never;
  };
  const random = rng(options.seed);
  try {
    const opened = await call<OpenedWorkshop>('workshop-create', { path: join(folder, 'load.journey'), name: 'Load', replaceExisting: false, template: 'b2b-buying' });
    const records = recordMapOf(opened.records);
    const journey = journeysOf(records)[0]!;
    const step = stepsOf(records, stagesOf(records, journey.id)[0]!.id)[0]!;
    const lane = lanesOf(records, journey.id)[0]!;
    // The facilitator's vote on the template's cards, saved as the board saves it.
    const vote = newDotVote({ journeyId: journey.id, title: 'Load', dotsPerParticipant: options.dotsEach });
    const voteCards = recordsOfType(records, 'card').slice(0, 8).map((c) => c.id);
    await call('workshop-apply-change', { change: changeFrom(records, { put: [vote, ...voteCards.map((cardId) => newVoteOption({ voteId: vote.id, cardId }))] }) });
    const status = await call<Extract<RoomStatus, { open: true }>>('room-open', { address: '127.0.0.1', port: 0, input: { stepId: step.id, laneId: lane.id } });
    const url = new URL(status.url);

    const firstSent = new Map<string, number>();
    const arrived = new Map<string, number>();
    let listening = true;
    const board = (async () => {
      let after = 0;
      while (listening) {
        const feed = await call<RoomFeed>('room-changes', { after, waitMs: 500 });
        const now = performance.now();
        for (const change of feed.changes) for (const id of Object.keys(change.added)) if (!arrived.has(id)) arrived.set(id, now);
        after = feed.seq;
      }
    })();

    const result: LoadResult = { acked: [], sends: 0, drops: 0, slowDowns: 0, latencies: [], records: [], elapsedMs: 0 };
    const start = performance.now();
    const deadline = start + (options.deadlineMs ?? 60_000);
    await Promise.all(
      Array.from({ length: options.participants }, async (_, p) => {
        let agent = new Agent({ keepAlive: true, maxSockets: 1 });
        const joined = await post(agent, url, '/room/join', { code: status.code, name: `L${p}` }, undefined, null);
        if (joined === 'dropped' || joined.status !== 200) throw new Error(`participant ${p} could not join`);
        const token: string = joined.json.token;
        const kinds = Array.from({ length: options.commandsEach }, (_, i) => (i % 4 === 1 && Math.floor(i / 4) < options.dotsEach ? 'place-dot' : 'add-card'));
        for (const [i, kind] of kinds.entries()) {
          if (options.paceMs) await new Promise((r) => setTimeout(r, random() * options.paceMs!));
          const commandId = `p${p}-c${i}-${Math.floor(random() * 1e9).toString(36)}`;
          const text = `L${p} idea ${i}`;
          const command = kind === 'add-card' ? { kind, text } : { kind, cardId: voteCards[Math.floor(random() * voteCards.length)] };
          for (;;) {
            if (performance.now() > deadline) throw new Error('the load test ran past its deadline');
            const drop = random() < options.dropChance;
            if (!firstSent.has(commandId)) firstSent.set(commandId, performance.now());
            result.sends++;
            const reply = await post(agent, url, '/room/command', { commandId, command }, token, drop ? Math.floor(random() * 4) : null);
            if (reply === 'dropped' || drop) {
              // A reconnect: a new connection, the same token, the same command id.
              result.drops++;
              agent.destroy();
              agent = new Agent({ keepAlive: true, maxSockets: 1 });
              continue;
            }
            if (reply.status === 429) {
              result.slowDowns++;
              await new Promise((r) => setTimeout(r, 100 + random() * 200));
              continue;
            }
            if (reply.status !== 200) throw new Error(`command ${commandId} refused: ${reply.status} ${JSON.stringify(reply.json)}`);
            result.acked.push({ participant: p, commandId, kind, recordId: reply.json.recordId, ...(kind === 'add-card' ? { text } : {}) });
            break;
          }
        }
        agent.destroy();
      }),
    );
    result.elapsedMs = performance.now() - start;
    // Let the board hear the last ones, then stop listening.
    for (let i = 0; i < 50 && result.acked.some((a) => !arrived.has(a.recordId)); i++) await new Promise((r) => setTimeout(r, 20));
    listening = false;
    await board;
    for (const ack of result.acked) {
      const at = arrived.get(ack.recordId);
      if (at !== undefined) result.latencies.push(at - firstSent.get(ack.commandId)!);
    }
    await call('room-close', {});
    result.records = (await call<OpenedWorkshop>('workshop-read', {})).records;
    return result;
  } finally {
    service.close();
  }
}
