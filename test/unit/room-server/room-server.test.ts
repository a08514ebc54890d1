import { afterEach, describe, expect, it } from 'vitest';
import { Room } from '../../../electron/services/room-server/room.ts';
import { startRoomServer, type RunningRoomServer } from '../../../electron/services/room-server/room-server.ts';
import { cardsOf, openVoteOn, phone, revealVote, roomWorkshop } from '../../support/room-fixtures.ts';

/**
 * The participant server on loopback: a phone joins with the code, adds ideas that
 * land in the file with their author, votes within its budget, sees totals only after
 * the reveal, and hears that the room closed. Every server here listens on 127.0.0.1,
 * on a free port, and is closed by the test.
 */
const opened: { server: RunningRoomServer; close(): void }[] = [];

async function openRoom(limits = {}) {
  const workshop = roomWorkshop();
  const room = new Room(workshop.file, { input: workshop.input, limits });
  const server = await startRoomServer(room, { address: '127.0.0.1', port: 0, pollMs: 300 });
  opened.push({ server, close: () => workshop.file.close() });
  return { ...workshop, room, server };
}

afterEach(async () => {
  for (const { server, close } of opened.splice(0)) {
    await server.close();
    close();
  }
});

describe('the participant server', () => {
  it('serves the page with a strict CSP and nothing from elsewhere', async () => {
    const { server } = await openRoom();
    const page = await phone(server.url).raw('GET', '/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(page.json.text).toContain('<script src="/participant.js" defer>');
    expect(page.json.text).not.toMatch(/https?:\/\//);
    const script = await phone(server.url).raw('GET', '/participant.js');
    expect(script.json.text).toContain('participantApp');
    expect(script.json.text).not.toContain('innerHTML');
  });

  it('adds an idea to the open cell, attributed, and acknowledges a retried command once', async () => {
    const { server, room, file, input } = await openRoom();
    const sam = phone(server.url);
    expect((await sam.join(room.code.toLowerCase(), 'Sam')).status).toBe(200);
    const first = await sam.command('cmd-0000001', { kind: 'add-card', text: 'Security forms ask the same twice' });
    const again = await sam.command('cmd-0000001', { kind: 'add-card', text: 'Security forms ask the same twice' });
    expect(first.status).toBe(200);
    expect(again.json).toEqual(first.json);
    const cards = cardsOf(file).filter((c) => c.text === 'Security forms ask the same twice');
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ stepId: input.stepId, laneId: input.laneId });
    const records = file.readRecords();
    const author = records.find((r) => r.type === 'card-author' && r.cardId === cards[0]!.id) as { participantId: string } | undefined;
    expect(records.find((r) => r.id === author?.participantId)).toMatchObject({ type: 'participant', name: 'Sam' });
    const state = await sam.state();
    expect(state.json.view.myCards).toEqual([{ cardId: cards[0]!.id, text: 'Security forms ask the same twice' }]);
    expect(state.json.view.prompt.question).toMatch(/\?$/);
  });

  it('a dot vote: own budget, own dots only, totals after the reveal', async () => {
    const { server, room, file, journeyId } = await openRoom();
    const ana = phone(server.url);
    const ben = phone(server.url);
    await ana.join(room.code, 'Ana');
    await ben.join(room.code, '');
    const [a, b] = await Promise.all([ana.command('idea-a-0001', { kind: 'add-card', text: 'A' }), ana.command('idea-b-0001', { kind: 'add-card', text: 'B' })]);
    const vote = openVoteOn(file, journeyId, [a.json.recordId, b.json.recordId], 2);
    expect((await ana.command('dot-00000001', { kind: 'place-dot', cardId: a.json.recordId })).status).toBe(200);
    expect((await ana.command('dot-00000002', { kind: 'place-dot', cardId: a.json.recordId })).status).toBe(200);
    const over = await ana.command('dot-00000003', { kind: 'place-dot', cardId: b.json.recordId });
    expect(over.status).toBe(409);
    await ben.command('dot-00000001', { kind: 'place-dot', cardId: b.json.recordId });
    const benView = (await ben.state()).json.view;
    expect(benView.vote.options.map((o: { myDots: string[] }) => o.myDots.length)).toEqual([0, 1]);
    expect(benView.vote.results).toBeNull();
    expect(JSON.stringify(benView)).not.toContain('Ana');
    // Taking a dot back frees it; the same take-back sent twice is one.
    const anaDot = (await ana.state()).json.view.vote.options[0].myDots[0];
    expect((await ana.command('back-0000001', { kind: 'take-back-dot', dotId: anaDot })).status).toBe(200);
    expect((await ana.command('back-0000001', { kind: 'take-back-dot', dotId: anaDot })).status).toBe(200);
    expect((await ben.command('back-0000002', { kind: 'take-back-dot', dotId: (await ana.state()).json.view.vote.options[0].myDots[0] })).status).toBe(409);
    revealVote(file, vote.id);
    const results = (await ben.state()).json.view.vote.results;
    expect(results.map((r: { text: string; dots: number }) => [r.text, r.dots])).toEqual([['A', 1], ['B', 1]]);
    expect(file.readRecords().filter((r) => r.type === 'dot')).toHaveLength(2);
  });

  it('an emotion poll: one latest score per phone, counts and median for the facilitator, nothing in the file', async () => {
    const { server, room, file, input } = await openRoom();
    const persona = file.readRecords().find((r) => r.type === 'persona')!;
    const phones = [phone(server.url), phone(server.url), phone(server.url)];
    for (const [i, p] of phones.entries()) await p.join(room.code, `P${i}`);
    expect((await phones[0]!.command('score-0000001', { kind: 'score', score: 2 })).status).toBe(409);
    room.askEmotion({ stepId: input.stepId, personaId: persona.id });
    const before = JSON.stringify(file.readRecords());
    expect((await phones[0]!.state()).json.view.emotion).toMatchObject({ question: expect.stringMatching(/^How does .+ feel at .+\?$/), myScore: null });
    await phones[0]!.command('score-0000002', { kind: 'score', score: 2 });
    await phones[0]!.command('score-0000003', { kind: 'score', score: -2 });
    await phones[1]!.command('score-0000001', { kind: 'score', score: -1 });
    await phones[2]!.command('score-0000001', { kind: 'score', score: 3 });
    expect((await phones[2]!.command('score-0000004', { kind: 'score', score: 4 })).status).toBe(400);
    expect(room.emotionPoll()).toMatchObject({ counts: [0, 1, 1, 0, 0, 0, 1], responses: 3, median: -1 });
    expect((await phones[0]!.state()).json.view.emotion.myScore).toBe(-2);
    expect(JSON.stringify(file.readRecords())).toBe(before);
    room.askEmotion(null);
    expect((await phones[0]!.state()).json.view.emotion).toBeNull();
  });

  it('stops asking when the facilitator deletes the asked step', async () => {
    const { server, room, file, input } = await openRoom();
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const records = file.readRecords();
    const step = records.find((r) => r.id === input.stepId)!;
    const removed = records.filter((r) => r.id === step.id || (r.type === 'card' && r.stepId === step.id) || r.type === 'emotion' && r.stepId === step.id);
    const cardIds = new Set<string>(removed.filter((r) => r.type === 'card').map((r) => r.id));
    removed.push(...records.filter((r) => 'cardId' in r && cardIds.has(r.cardId as string)));
    file.applyChange({ added: {}, updated: {}, removed: Object.fromEntries(removed.map((r) => [r.id, r])) });
    expect(room.inputCell).toBeNull();
    expect((await sam.state()).json.view.prompt).toBeNull();
    expect((await sam.command('late-0000001', { kind: 'add-card', text: 'Too late' })).status).toBe(409);
  });

  it('answers a waiting phone with "closed" when the room closes, then stops listening', async () => {
    const { server, room } = await openRoom();
    const sam = phone(server.url);
    await sam.join(room.code, 'Sam');
    const first = await sam.state();
    const waiting = sam.state(first.json.view.version);
    await new Promise((done) => setTimeout(done, 50));
    await server.close();
    expect((await waiting).json.view.room).toBe('closed');
    await expect(sam.state()).rejects.toThrow();
  });
});
