import { writeSync } from 'node:fs';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import type { Change } from '../../shared/change/change.ts';
import { positionBetween } from '../../shared/model/ordering.ts';
import { newCard } from '../../shared/model/record-factories.ts';
import type { AnyRecord, Card } from '../../shared/model/records.ts';

/**
 * The process the crash test kills: it opens a workshop the way the app does and saves
 * changes to it as fast as it can until SIGKILL stops it somewhere, perhaps inside a
 * transaction or inside opening. Before each save it says what the change is, and
 * after applyChange returns it says so: the parent holds the file to exactly the saves
 * it heard acknowledged, and to the one in flight being wholly there or wholly absent.
 *
 * Lines go to stdout with writeSync: a pipe write on Linux is done when it returns, so a
 * line written before the kill is one the parent reads.
 *
 *   node crash-child.ts <workshop> <seed> <recovery folder>
 */
export type ChildLine =
  | { opening: true }
  | { refused: string; message: string }
  | { ready: true; cards: Record<string, string> }
  | { begin: number; added: Record<string, string>; updated: Record<string, string>; removed: string[] }
  | { ack: number };

const [path, seedText, recoveryFolder] = process.argv.slice(2);
if (!path || !seedText || !recoveryFolder) throw new Error('usage: crash-child.ts <workshop> <seed> <recovery folder>');
const say = (line: ChildLine) => writeSync(1, `${JSON.stringify(line)}\n`);

let state = Number(seedText) >>> 0;
const random = () => {
  state = (state * 1664525 + 1013904223) >>> 0;
  return state / 2 ** 32;
};
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const WORDS = 'invoice renewal portal login quote contract review onboarding waiting slow unclear missing finally easy manual handover'.split(' ');
const words = (n: number) => Array.from({ length: n }, () => pick(WORDS)).join(' ');

say({ opening: true });
const file = (() => {
  try {
    return WorkshopFile.open(path, { recoveryFolder });
  } catch (error) {
    // The file may be fine and still not open: the parent tells the two apart.
    say({ refused: (error as { code?: string }).code ?? 'error', message: (error as Error).message });
    process.exit(2);
  }
})();
const records = file.readRecords();
const steps = records.filter((r) => r.type === 'step');
const lanes = records.filter((r) => r.type === 'lane');
if (steps.length === 0 || lanes.length === 0) throw new Error('the workshop needs a step and a lane');
const cards = new Map<string, Card>(records.filter((r): r is Card => r.type === 'card').map((c) => [c.id, c]));
say({ ready: true, cards: Object.fromEntries([...cards.values()].map((c) => [c.id, c.text])) });

let lastPosition: string | null = [...cards.values()].map((c) => c.position).sort().at(-1) ?? null;
const card = (seq: number, i: number): Card => {
  lastPosition = positionBetween(lastPosition, null);
  // Now and then a long text, so one save spans several pages of the file.
  const text = `${seq}.${i} ${words(random() < 0.1 ? 300 : 3 + Math.floor(random() * 12))}`.slice(0, 4000);
  return newCard({ stepId: pick(steps).id, laneId: pick(lanes).id, text, position: lastPosition });
};

/** Mostly what a room does (type into a card, add one, delete one), sometimes a big import. */
function nextChange(seq: number): Change {
  const change: Change = { added: {}, updated: {}, removed: {} };
  const existing = [...cards.values()];
  const roll = random();
  const adds = roll < 0.05 ? 50 + Math.floor(random() * 150) : roll < 0.45 ? 1 + Math.floor(random() * 3) : 0;
  const edits = Math.min(existing.length, roll >= 0.45 && roll < 0.85 ? 1 : roll < 0.05 ? 5 : 0);
  // Deletes keep the file from growing without end over hundreds of trials.
  const deletes = Math.min(existing.length, roll >= 0.85 || existing.length > 600 ? 1 + Math.floor(random() * (existing.length > 600 ? 30 : 2)) : 0);
  for (let i = 0; i < adds; i++) {
    const added = card(seq, i);
    change.added[added.id] = added;
  }
  const touched = new Set<string>();
  for (let i = 0; i < edits; i++) {
    const from = pick(existing);
    if (touched.has(from.id)) continue;
    touched.add(from.id);
    change.updated[from.id] = [from, { ...from, text: `${seq} edited ${words(2 + Math.floor(random() * 8))}` }];
  }
  for (let i = 0; i < deletes; i++) {
    const gone = pick(existing);
    if (touched.has(gone.id)) continue;
    touched.add(gone.id);
    change.removed[gone.id] = gone;
  }
  return change;
}

const text = (records: Record<string, AnyRecord>) => Object.fromEntries(Object.values(records).map((r) => [r.id, (r as Card).text]));
const deadline = Date.now() + 30_000; // a parent that died never kills us: stop on our own
for (let seq = 0; Date.now() < deadline; seq++) {
  const change = nextChange(seq);
  say({ begin: seq, added: text(change.added), updated: text(Object.fromEntries(Object.entries(change.updated).map(([id, [, to]]) => [id, to]))), removed: Object.keys(change.removed) });
  file.applyChange(change);
  for (const id of Object.keys(change.removed)) cards.delete(id);
  for (const record of [...Object.values(change.added), ...Object.values(change.updated).map(([, to]) => to)]) cards.set(record.id, record as Card);
  say({ ack: seq });
}
file.close();
process.exit(3);
