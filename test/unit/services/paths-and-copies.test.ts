import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import type { BackupEntry, OpenedWorkshop } from '../../../shared/api/contract.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

function service(options: { requirePickedPaths?: boolean } = {}) {
  const folder = tempFolder();
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: join(folder, 'Workshops'), appVersion: '0.1.0', ...options });
  return { folder, api };
}

const value = <T,>(result: { ok: boolean }) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return (result as unknown as { value: T }).value;
};

function withCard(records: AnyRecord[]) {
  const journey = records.find((r) => r.type === 'journey')!;
  const lane = records.find((r) => r.type === 'lane')!;
  const stage = { id: 'stage:aaaa0001', type: 'stage', journeyId: journey.id, name: 'Aware', position: 'a0', owner: '' };
  const step = { id: 'step:aaaa0001', type: 'step', stageId: stage.id, name: 'Sees an ad', position: 'a0', who: '', what: '', when: '', where: '', why: '', channels: '', touchpoints: '', content: '', momentOfTruth: false };
  const card = { id: 'card:aaaa0001', type: 'card', stepId: step.id, laneId: lane.id, position: 'a0', text: 'Typed after the file vanished', momentOfTruth: false };
  return { stage, step, card };
}

describe('paths a request names', () => {
  it('are refused when relative, so nothing lands in the working folder', async () => {
    const { api } = service();
    expect(await api.call('workshop-create', { path: 'Onboarding.journey', name: 'X' })).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(/not a full path/) } });
    expect(existsSync(join(process.cwd(), 'Onboarding.journey'))).toBe(false);
  });

  it('never read a device or a pipe: an import of /dev/zero and the opening of a FIFO answer at once', async () => {
    const { api, folder } = service();
    expect(await api.call('import-json', { sourcePath: '/dev/zero', path: join(folder, 'Workshops', 'x.journey') })).toMatchObject({ ok: false, error: { code: 'not-a-workshop' } });
    const fifo = join(folder, 'pipe.journey');
    execFileSync('mkfifo', [fifo]);
    expect(await api.call('workshop-open', { path: fifo })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/not a regular file/) } });
  });

  it('replace an existing file only when the request says the user confirmed it', async () => {
    const { api, folder } = service();
    const path = join(folder, 'Workshops', 'W.journey');
    value(await api.call('workshop-create', { path, name: 'W' }));
    const target = join(folder, 'cards.csv');
    writeFileSync(target, 'precious spreadsheet');
    expect(await api.call('export-csv', { path: target, table: 'cards' })).toMatchObject({ ok: false, error: { code: 'already-exists' } });
    expect(readFileSync(target, 'utf8')).toBe('precious spreadsheet');
    expect(await api.call('export-csv', { path: target, table: 'cards', replaceExisting: true })).toMatchObject({ ok: true });
    expect(await api.call('export-csv', { path: join(folder, 'no-such-folder', 'c.csv'), table: 'cards' })).toMatchObject({ ok: false, error: { code: 'not-found' } });
    api.close();
  });

  it('must have been picked by the user where the shell has dialogs', async () => {
    const { api, folder } = service({ requirePickedPaths: true });
    const path = join(folder, 'Workshops', 'W.journey');
    expect(await api.call('workshop-create', { path, name: 'W' })).toMatchObject({ ok: false, error: { message: expect.stringMatching(/chose yourself/) } });
    expect(existsSync(path)).toBe(false);
    api.grant(path);
    value(await api.call('workshop-create', { path, name: 'W' }));
    expect(await api.call('export-json', { path: join(folder, 'x.json') })).toMatchObject({ ok: false });
    value(await api.call('workshop-close', {}));
    // Reopening from the recent list needs no new pick.
    value(await api.call('workshop-open', { path }));
    api.close();
  });
});

describe('a workshop whose file went away', () => {
  it('keeps the board: the change is refused as file-moved, and Save a copy writes everything to a new file', async () => {
    const { api, folder } = service();
    const path = join(folder, 'Workshops', 'Vanishing.journey');
    const opened = value<OpenedWorkshop>(await api.call('workshop-create', { path, name: 'Vanishing' }));
    rmSync(path);
    const { stage, step, card } = withCard(opened.records);
    const change = { added: { [stage.id]: stage, [step.id]: step, [card.id]: card }, updated: {}, removed: {} };
    expect(await api.call('workshop-apply-change', { change })).toMatchObject({ ok: false, error: { code: 'file-moved', message: expect.stringMatching(/Save a copy as/) } });

    const copy = join(folder, 'Rescued.journey');
    const saved = value<OpenedWorkshop>(await api.call('workshop-save-copy', { path: copy, records: [...opened.records, stage, step, card] }));
    expect(saved.path).toBe(copy);
    expect(saved.records).toContainEqual(card);
    value(await api.call('workshop-close', {}));
    expect(value<OpenedWorkshop>(await api.call('workshop-open', { path: copy })).records).toContainEqual(card);
    api.close();
  });
});

describe('rolling backups', () => {
  it('are taken on opening, listed with time, size and cards, and restored to a new file', async () => {
    const { api, folder } = service();
    const path = join(folder, 'Workshops', 'Kept.journey');
    value(await api.call('workshop-create', { path, name: 'Kept', template: 'b2b-buying' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const backups = value<BackupEntry[]>(await api.call('backup-list', {}));
    expect(backups).toHaveLength(1);
    expect(backups[0]).toMatchObject({ workshopName: 'Kept', cards: expect.any(Number), bytes: expect.any(Number) });
    expect(backups[0]!.cards).toBeGreaterThan(0);
    expect(readdirSync(join(folder, 'data', 'backups'))).toHaveLength(1);

    const restored = join(folder, 'Kept restored.journey');
    const opened = value<OpenedWorkshop>(await api.call('backup-restore', { backupId: backups[0]!.id, path: restored }));
    expect(opened.path).toBe(restored);
    expect(opened.records.filter((r) => r.type === 'card')).toHaveLength(backups[0]!.cards);
    expect(await api.call('backup-restore', { backupId: '../../etc/passwd', path: join(folder, 'y.journey') })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    api.close();
  });
});
