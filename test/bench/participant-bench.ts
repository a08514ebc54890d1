import { runRoomLoad } from '../support/room-load.ts';
import { summarize, type Row } from './harness.ts';

/**
 * The room on phones: 50 participants × 20 commands on loopback, from a command's first
 * send to its record reaching the facilitator's board feed ('room-changes', what the
 * board applies). Measured on a flaky network (15% of sends cut, then sent again) with
 * the same run on a steady one as its baseline: the ratio is what the reconnects cost.
 */
export async function participantBench(): Promise<Row[]> {
  // A small room first, so neither measured run pays for the first SQLite pages and JIT.
  await runRoomLoad({ participants: 5, commandsEach: 8, dotsEach: 2, dropChance: 0.1, seed: 0 });
  const steady = await runRoomLoad({ participants: 50, commandsEach: 20, dotsEach: 5, dropChance: 0, seed: 1 });
  const flaky = await runRoomLoad({ participants: 50, commandsEach: 20, dotsEach: 5, dropChance: 0.15, seed: 2 });
  const s = summarize(steady.latencies);
  const f = summarize(flaky.latencies);
  const benchmark = 'participant (50 phones × 20 commands)';
  return [
    { benchmark, measure: 'command → on the board, p95 (flaky Wi-Fi)', value: f.p95, unit: 'ms', baselineName: 'steady network', baseline: s.p95, ratio: f.p95 / s.p95, target: '< 1000 ms', met: f.p95 < 1000 },
    { benchmark, measure: 'command → on the board, median (flaky Wi-Fi)', value: f.median, unit: 'ms', baselineName: 'steady network', baseline: s.median, ratio: f.median / s.median },
    { benchmark, measure: 'commands per second, whole room (flaky Wi-Fi)', value: (flaky.acked.length / flaky.elapsedMs) * 1000, unit: '/s', baselineName: 'steady network', baseline: (steady.acked.length / steady.elapsedMs) * 1000 },
    { benchmark, measure: 'sends per acknowledged command (flaky Wi-Fi)', value: flaky.sends / flaky.acked.length, unit: '×' },
  ];
}
