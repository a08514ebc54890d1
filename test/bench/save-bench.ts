import Database from 'better-sqlite3';
import { join } from 'node:path';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import type { AnyRecord, Card } from '../../shared/model/records.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { compare, type Row } from './harness.ts';

/** A workshop file with `cards` cards, and one card to keep editing. */
function workshopOf(cards: number): { file: WorkshopFile; card: Card } {
  const records = generateWorkshop({ stages: Math.max(1, Math.min(20, cards / 10)), stepsPerStage: 3, lanes: 12, cards, seed: cards });
  const file = WorkshopFile.createFromRecords(join(tempFolder('jb-bench-'), `save-${cards}.journey`), records, { replaceExisting: false });
  return { file, card: records.find((r): r is Card => r.type === 'card')! };
}

/** One edit as the app saves it: a change with one updated card, one transaction. */
function editor(file: WorkshopFile, card: Card) {
  let current: AnyRecord = card;
  let n = 0;
  return () => {
    const next = { ...current, text: `Edited ${n++}` } as AnyRecord;
    file.applyChange({ added: {}, removed: {}, updated: { [card.id]: [current, next] } });
    current = next;
  };
}

/** The same write with nothing of ours: a prepared UPDATE in a transaction, same pragmas. */
function bareWrite(path: string, cardId: string) {
  const db = new Database(path);
  db.pragma('journal_mode = DELETE');
  db.pragma('synchronous = FULL');
  const update = db.prepare('UPDATE card SET text = ? WHERE id = ?');
  const write = db.transaction((text: string) => update.run(text, cardId));
  let n = 0;
  return { run: () => write(`Bare ${n++}`), close: () => db.close() };
}

export async function saveBench(): Promise<Row[]> {
  const small = workshopOf(10);
  const large = workshopOf(10_000);
  const atSmall = await compare(editor(small.file, small.card), editor(large.file, large.card), 15, 3);
  small.file.close();
  large.file.close();
  // The bare baseline writes to copies of the same two files.
  const bare = (cards: number) => {
    const { file, card } = workshopOf(cards);
    const path = file.path;
    file.close();
    return bareWrite(path, card.id);
  };
  const bare10 = bare(10);
  const bare10k = bare(10_000);
  const bareTimes = await compare(bare10.run, bare10k.run, 15, 3);
  bare10.close();
  bare10k.close();
  const ratio = atSmall.baseline.median / atSmall.subject.median;
  return [
    { benchmark: 'save', measure: 'one edit, 10 cards (median)', value: atSmall.subject.median, unit: 'ms', baselineName: 'bare SQL transaction', baseline: bareTimes.subject.median, ratio: atSmall.subject.median / bareTimes.subject.median },
    { benchmark: 'save', measure: 'one edit, 10,000 cards (median)', value: atSmall.baseline.median, unit: 'ms', baselineName: 'bare SQL transaction', baseline: bareTimes.baseline.median, ratio: atSmall.baseline.median / bareTimes.baseline.median },
    { benchmark: 'save', measure: 'one edit: 10,000 cards vs 10 cards', value: atSmall.baseline.median, unit: 'ms', baselineName: 'same edit at 10 cards', baseline: atSmall.subject.median, ratio, target: '≤ 1.5×', met: ratio <= 1.5 },
  ];
}
