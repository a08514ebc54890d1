import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { Room } from '../../../electron/services/room-server/room.ts';
import { startRoomServer, type RunningRoomServer } from '../../../electron/services/room-server/room-server.ts';
import { startHost, type RunningHost } from '../../../electron/host/server.ts';
import type { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { openVoteOn, phone, roomWorkshop } from '../../support/room-fixtures.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

/**
 * Issue #16, acceptance 3: what the room refuses, and that a refusal writes nothing.
 * Every server listens on 127.0.0.1 (a free port) and is closed by the test.
 */
const cleanup: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function openRoom(file?: WorkshopFile, limits = {}) {
  const workshop = file ? null : roomWorkshop();
  const target = file ?? workshop!.file;
  const room = new Room(target, { input: workshop?.input ?? null, limits });
  const server = await startRoomServer(room, { address: '127.0.0.1', port: 0, pollMs: 200 });
  let closed = false;
  const close = async () => {
    if (!closed) await server.close();
    closed = true;
  };
  cleanup.push(close);
  if (workshop) cleanup.unshift(() => workshop.file.close());
  return { ...workshop, file: target, room, server: { ...server, close } as RunningRoomServer };
}

/** The file's whole content, to show a refusal wrote nothing. */
const snapshot = (file: WorkshopFile) => JSON.stringify(file.readRecords());

describe('nobody else in', () => {
  it('refuses a join without a code, with a wrong code, and with the code of a room that closed', async () => {
    const first = await openRoom();
    const oldCode = first.room.code;
    await first.server.close();
    const { server, room, file } = await openRoom(first.file);
    expect(room.code).not.toBe(oldCode);
    const before = snapshot(file);
    const stranger = phone(server.url);
    expect((await stranger.raw('POST', '/room/join', { name: 'Eve' })).status).toBe(403);
    expect((await stranger.join('', 'Eve')).status).toBe(403);
    expect((await stranger.join('ZZZZZZ', 'Eve')).status).toBe(403);
    expect((await stranger.join(oldCode, 'Eve')).status).toBe(403);
    expect(stranger.token).toBeUndefined();
    // Without a token, nothing answers but "join first".
    expect((await stranger.state()).status).toBe(401);
    expect((await stranger.command('cmd-00000001', { kind: 'add-card', text: 'x' })).status).toBe(401);
    expect(snapshot(file)).toBe(before);
  });

  it('pauses joining for everyone after too many wrong codes: guessing stays hopeless', async () => {
    const { server, room } = await openRoom(undefined, { wrongCodesPerMinute: 5 });
    const guesser = phone(server.url);
    for (let i = 0; i < 5; i++) expect((await guesser.join(`GUESS${i}`)).status).toBe(403);
    expect((await guesser.join(room.code)).status).toBe(429);
  });

  it('a token stolen from a closed room opens nothing: not the old server, not the next room', async () => {
    const first = await openRoom();
    const sam = phone(first.server.url);
    await sam.join(first.room.code, 'Sam');
    const stolen = sam.token!;
    await first.server.close();
    await expect(sam.state()).rejects.toThrow();
    const { server, file } = await openRoom(first.file);
    const before = snapshot(file);
    const thief = phone(server.url);
    thief.token = stolen;
    expect((await thief.state()).status).toBe(401);
    expect((await thief.command('cmd-00000002', { kind: 'add-card', text: 'stolen' })).status).toBe(401);
    expect(snapshot(file)).toBe(before);
  });

  it('a participant the facilitator removed can send nothing more; its cards stay', async () => {
    const { server, room, file } = await openRoom();
    const eve = phone(server.url);
    const joined = await eve.join(room.code, 'Eve');
    expect((await eve.command('idea-00000009', { kind: 'add-card', text: 'Fine idea' })).status).toBe(200);
    expect(room.people()).toEqual([{ id: joined.json.participantId, name: 'Eve' }]);
    expect(room.removeParticipant(joined.json.participantId)).toBe(true);
    const before = snapshot(file);
    expect((await eve.command('idea-00000010', { kind: 'add-card', text: 'Spam' })).status).toBe(403);
    expect((await eve.state()).status).toBe(403);
    expect(snapshot(file)).toBe(before);
    expect(before).toContain('Fine idea');
  });

  it('refuses commands outside the allow-list, extra fields, and records sent as commands', async () => {
    const { server, room, file, input } = await openRoom();
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const before = snapshot(file);
    const refused = [
      { commandId: 'cmd-00000003', command: { kind: 'delete-card', cardId: 'card:abcd1234' } },
      { commandId: 'cmd-00000004', command: { kind: 'add-card', text: 'x', stepId: input!.stepId } },
      { commandId: 'cmd-00000005', command: { kind: 'add-card', text: 'x' }, change: { added: {} } },
      { commandId: 'cmd-00000006', command: { kind: 'reveal' } },
      { commandId: 'x', command: { kind: 'add-card', text: 'x' } },
      { commandId: 'cmd-00000007', command: { kind: 'add-card', text: '   ' } },
      { commandId: 'cmd-00000008', command: { kind: 'place-dot', cardId: "card:1' OR 1=1" } },
      { commandId: 'cmd-00000009', command: { added: { 'card:abcd1234': { id: 'card:abcd1234', type: 'card' } }, updated: {}, removed: {} } },
      { commandId: 'cmd-00000010', command: { kind: 'take-back-dot', dotId: '../../etc/passwd' } },
    ];
    for (const body of refused) expect((await sam.raw('POST', '/room/command', body)).status, JSON.stringify(body)).toBe(400);
    expect(snapshot(file)).toBe(before);
  });

  it('never shows another participant their neighbours’ dots before the reveal, nor anyone’s names after', async () => {
    const { server, room, file, journeyId } = await openRoom();
    const ana = phone(server.url);
    const ben = phone(server.url);
    await ana.join(room.code, 'Ana');
    await ben.join(room.code, 'Ben');
    const card = (await ana.command('idea-00000001', { kind: 'add-card', text: 'Forms twice' })).json.recordId;
    openVoteOn(file, journeyId!, [card], 3);
    const dot = (await ana.command('dot-000000001', { kind: 'place-dot', cardId: card })).json.recordId;
    const seen = JSON.stringify((await ben.state()).json);
    expect(seen).not.toContain(dot);
    expect(seen).not.toContain('Ana');
    expect((await ben.state()).json.view.vote).toMatchObject({ results: null, options: [{ cardId: card, myDots: [] }] });
    // Ben cannot take Ana's dot back either.
    const before = snapshot(file);
    expect((await ben.command('back-00000001', { kind: 'take-back-dot', dotId: dot })).status).toBe(409);
    expect(snapshot(file)).toBe(before);
    // There is no way to ask for another participant's view: no route takes an id.
    expect((await ben.raw('GET', '/room/state?participant=participant:x&after=-1')).json.view.name).toBe('Ben');
  });

  it('refuses oversized, malformed and non-JSON payloads, writing nothing', async () => {
    const { server, room, file } = await openRoom();
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const before = snapshot(file);
    expect((await sam.command('cmd-00000011', { kind: 'add-card', text: 'x'.repeat(501) })).status).toBe(400);
    expect((await sam.raw('POST', '/room/command', JSON.stringify({ commandId: 'cmd-00000012', command: { kind: 'add-card', text: 'x'.repeat(5000) } }), { 'Content-Type': 'application/json' })).status).toBe(413);
    expect((await sam.raw('POST', '/room/command', '{"commandId": "cmd-0000013", "command": {', { 'Content-Type': 'application/json' })).status).toBe(400);
    expect((await sam.raw('POST', '/room/command', 'commandId=cmd-00000014', { 'Content-Type': 'application/x-www-form-urlencoded' })).status).toBe(415);
    expect((await sam.raw('POST', '/room/join', JSON.stringify({ code: room.code, name: 'n'.repeat(61) }), { 'Content-Type': 'application/json' })).status).toBe(403);
    // A huge body announced up front is refused before it is read.
    const huge = await new Promise<number>((done, fail) => {
      const url = new URL(server.url);
      const req = request({ host: url.hostname, port: url.port, path: '/room/command', method: 'POST', headers: { 'Content-Type': 'application/json', 'Content-Length': 50_000_000, Authorization: `Bearer ${sam.token}` } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.write('{');
    });
    expect(huge).toBe(413);
    // A page that rebound its own name to this address is not the room's page.
    const rebound = await new Promise<number>((done, fail) => {
      const url = new URL(server.url);
      // fetch will not set Host; node:http sends what a rebinding page's browser would.
      const req = request({ host: url.hostname, port: url.port, path: '/', method: 'GET', headers: { Host: `evil.example:${url.port}` } }, (res) => {
        res.resume();
        done(res.statusCode ?? 0);
      });
      req.on('error', fail);
      req.end();
    });
    expect(rebound).toBe(421);
    // A request from another site's page is refused even with a token.
    expect((await sam.raw('POST', '/room/command', JSON.stringify({ commandId: 'cmd-00000015', command: { kind: 'add-card', text: 'x' } }), { 'Content-Type': 'application/json', Origin: 'http://evil.example' })).status).toBe(403);
    expect(snapshot(file)).toBe(before);
  });

  it('refuses a flood beyond the rate limit, and writes exactly the acknowledged ones', async () => {
    const { server, room, file } = await openRoom(undefined, { participantBurst: 10, participantPerSecond: 1 });
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const replies = await Promise.all(Array.from({ length: 60 }, (_, i) => sam.command(`flood-${String(i).padStart(6, '0')}`, { kind: 'add-card', text: `Flood ${i}` })));
    const ok = replies.filter((r) => r.status === 200);
    const slowed = replies.filter((r) => r.status === 429);
    expect(ok.length).toBeGreaterThanOrEqual(10);
    expect(ok.length).toBeLessThan(15);
    expect(slowed.length).toBe(60 - ok.length);
    expect(file.readRecords().filter((r) => r.type === 'card' && r.text.startsWith('Flood '))).toHaveLength(ok.length);
  });

  it('serves no app API, no file and no folder, with or without the app’s token', async () => {
    const folder = tempFolder('jb-room-host-');
    const host: RunningHost = await startHost({ rendererDir: folder, dataFolder: folder, defaultWorkshopFolder: folder });
    cleanup.push(() => host.close());
    const { server, room, file, path } = await openRoom();
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const before = snapshot(file);
    const appToken = { 'x-journeyboard-token': host.token };
    const tries: [string, string, unknown?][] = [
      ['GET', '/api/workshop-read'],
      ['POST', '/api/workshop-read', {}],
      ['POST', '/api/workshop-apply-change', { change: { added: {}, updated: {}, removed: {} } }],
      ['POST', '/api/export-json', { path: '/tmp/x.json' }],
      ['GET', '/index.html'],
      ['GET', '/../../../../etc/passwd'],
      ['GET', '/%2e%2e/%2e%2e/package.json'],
      ['GET', `/${encodeURIComponent(path!)}`],
      ['GET', `/file?path=${encodeURIComponent(path!)}`],
      ['GET', '/participant.js/..%2f..%2fpackage.json'],
      ['GET', '/room/'],
      ['GET', '/room/command'],
      ['PUT', '/room/command', {}],
      ['DELETE', '/room/join'],
    ];
    for (const [method, route, body] of tries) {
      const reply = await sam.raw(method as 'GET' | 'POST', route, body, appToken);
      expect(reply.status, `${method} ${route}`).toBe(404);
      expect(JSON.stringify(reply.json)).not.toMatch(/records|workshop:|\/tmp\/|root:/);
    }
    expect(snapshot(file)).toBe(before);
  });
});
