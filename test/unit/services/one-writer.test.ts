import { spawn, type ChildProcess } from 'node:child_process';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { mkdirSync, readFileSync, utimesSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { journeysOf, workshopOf } from '../../../shared/model/document.ts';
import { newStage } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const HOLDER = fileURLToPath(new URL('../../support/hold-workshop.ts', import.meta.url));
const toMap = (records: AnyRecord[]) => Object.fromEntries(records.map((r) => [r.id, r]));
const children: ChildProcess[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

/** Another Journeyboard process with the workshop open. */
async function holdInAnotherProcess(path: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [HOLDER, path], { stdio: ['pipe', 'pipe', 'inherit'] });
  children.push(child);
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (data: Buffer) => data.toString().includes('holding') && resolve());
    child.once('exit', (code) => reject(new Error(`the holder exited with ${code}`)));
    setTimeout(() => reject(new Error('the holder did not start')), 15_000);
  });
  return child;
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('one writer per workshop file', () => {
  it('refuses a second process, names the holder, and lets it open the file read-only', async () => {
    const path = join(tempFolder(), 'Shared.journey');
    WorkshopFile.create(path, 'Shared', { replaceExisting: false }).close();
    const holder = await holdInAnotherProcess(path);
    const before = readFileSync(path);

    expect(thrown(() => WorkshopFile.open(path))).toMatchObject({
      code: 'locked',
      message: expect.stringContaining(`open in another Journeyboard (on ${hostname()}, since `),
    });
    const look = WorkshopFile.open(path, { readOnly: true });
    const records = toMap(look.readRecords());
    expect(workshopOf(records)?.name).toBe('Shared');
    const stage = newStage({ journeyId: journeysOf(records)[0]!.id, name: 'Aware', position: 'a0' });
    expect(thrown(() => look.applyChange(changeFrom(records, { put: [stage] })))).toMatchObject({ code: 'read-only' });
    look.close();
    expect(readFileSync(path).equals(before)).toBe(true);

    holder.stdin!.end();
    await new Promise((resolve) => holder.once('exit', resolve));
    WorkshopFile.open(path).close();
  });

  it('takes over at once from a holder on this machine that died without closing', async () => {
    const path = join(tempFolder(), 'Crashed.journey');
    WorkshopFile.create(path, 'Crashed', { replaceExisting: false }).close();
    const holder = await holdInAnotherProcess(path);
    holder.kill('SIGKILL');
    await new Promise((resolve) => holder.once('exit', resolve));
    WorkshopFile.open(path).close();
  });

  it('takes over a lock whose holder was killed before it could name itself, but not a fresh one', () => {
    const path = join(tempFolder(), 'Nameless.journey');
    WorkshopFile.create(path, 'Nameless', { replaceExisting: false }).close();
    mkdirSync(`${path}.lock`);
    expect(thrown(() => WorkshopFile.open(path))).toMatchObject({ code: 'locked' });
    const aMinuteAgo = new Date(Date.now() - 10_000);
    utimesSync(`${path}.lock`, aMinuteAgo, aMinuteAgo);
    WorkshopFile.open(path).close();
  });

  it('refuses a stale update or removal with a conflict, and writes nothing', () => {
    const path = join(tempFolder(), 'Stale.journey');
    const file = WorkshopFile.create(path, 'Stale', { replaceExisting: false });
    const loaded = toMap(file.readRecords());
    const workshop = workshopOf(loaded)!;
    file.applyChange(changeFrom(loaded, { put: [{ ...workshop, name: 'Renamed elsewhere' }] }));
    const after = file.readRecords();

    // An edit made from the copy loaded before the rename.
    const stale = changeFrom(loaded, { put: [{ ...workshop, name: 'Renamed here' }] });
    expect(thrown(() => file.applyChange(stale))).toMatchObject({ code: 'conflict', message: expect.stringContaining(workshop.id) });
    const journey = journeysOf(loaded)[0]!;
    const renamedJourney = { ...journey, name: 'Changed' };
    file.applyChange(changeFrom(loaded, { put: [renamedJourney] }));
    expect(thrown(() => file.applyChange(changeFrom(loaded, { remove: [journey] })))).toMatchObject({ code: 'conflict' });
    expect(toMap(file.readRecords())[journey.id]).toEqual(renamedJourney);
    expect(toMap(file.readRecords())[workshop.id]).toEqual(toMap(after)[workshop.id]);
    file.close();
  });
});
