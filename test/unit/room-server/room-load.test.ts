import { describe, expect, it } from 'vitest';
import type { Card, Dot } from '../../../shared/model/records.ts';
import { runRoomLoad } from '../../support/room-load.ts';

/**
 * Issue #16, acceptance 2: 50 phones × 20 commands on loopback, with connections cut
 * at random and commands sent again: every acknowledged command is in the file exactly
 * once — none lost, none doubled — and the facilitator's feed heard every one.
 */
describe('a full room on a flaky network', () => {
  it('50 participants × 20 commands with random reconnects: each acknowledged command in the file exactly once', async () => {
    const result = await runRoomLoad({ participants: 50, commandsEach: 20, dotsEach: 5, dropChance: 0.15, seed: 16 });
    expect(result.acked).toHaveLength(1000);
    expect(result.drops).toBeGreaterThan(50);

    const cards = result.records.filter((r): r is Card => r.type === 'card' && /^L\d+ idea \d+$/.test(r.text));
    const authors = result.records.filter((r) => r.type === 'card-author');
    const dots = result.records.filter((r): r is Dot => r.type === 'dot');
    const ideaAcks = result.acked.filter((a) => a.kind === 'add-card');
    const dotAcks = result.acked.filter((a) => a.kind === 'place-dot');
    expect(ideaAcks).toHaveLength(750);
    expect(dotAcks).toHaveLength(250);
    // Exactly once: as many records as acknowledgements, each text once, each ack's record present.
    expect(cards).toHaveLength(750);
    expect(new Set(cards.map((c) => c.text)).size).toBe(750);
    expect(authors).toHaveLength(750);
    expect(dots).toHaveLength(250);
    const ids = new Set<string>(result.records.map((r) => r.id));
    expect(result.acked.every((a) => ids.has(a.recordId))).toBe(true);
    for (const ack of ideaAcks) expect(cards.find((c) => c.id === ack.recordId)?.text).toBe(ack.text);
    expect(result.records.filter((r) => r.type === 'participant')).toHaveLength(50);
    // The board heard them all.
    expect(result.latencies).toHaveLength(1000);
  }, 120_000);
});
