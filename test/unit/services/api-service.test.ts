import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

function service() {
  const folder = tempFolder();
  return { folder, api: createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: '0.1.0' }) };
}

describe('the API service', () => {
  it('answers an unknown call with a value, not a throw', async () => {
    const { api } = service();
    expect(await api.call('drop-everything', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
    expect(await api.call('__proto__', {})).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it('refuses input that does not pass the call schema, saying which field is wrong', async () => {
    const { api, folder } = service();
    expect(await api.call('workshop-create', { path: join(folder, 'x.txt'), name: 'X' })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: 'A workshop file name ends in .journey.' },
    });
    expect(await api.call('workshop-open', { path: 42 })).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect(await api.call('workshop-open', null)).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('says no workshop is open before one is', async () => {
    const { api } = service();
    expect(await api.call('workshop-read', {})).toMatchObject({ ok: false, error: { code: 'no-workshop-open' } });
  });

  it('creates, saves a change, closes and reopens through the calls, and remembers the file', async () => {
    const { api, folder } = service();
    const path = join(folder, 'Onboarding.journey');
    const created = await api.call('workshop-create', { path, name: 'Onboarding' });
    expect(created.ok).toBe(true);
    const { records } = (created as { value: OpenedWorkshop }).value;
    const journey = records.find((r) => r.type === 'journey')!;
    const stage = { id: 'stage:aaaa0001', type: 'stage', journeyId: journey.id, name: 'Aware', position: 'a0' };
    expect(await api.call('workshop-apply-change', { change: { added: { [stage.id]: stage }, updated: {}, removed: {} } })).toMatchObject({ ok: true });
    expect(await api.call('workshop-close', {})).toEqual({ ok: true, value: null });
    const reopened = (await api.call('workshop-open', { path })) as { ok: true; value: OpenedWorkshop };
    expect(reopened.value.records).toContainEqual(stage);
    expect(await api.call('recent-list', {})).toMatchObject({ ok: true, value: [{ path, name: 'Onboarding', exists: true }] });
    api.close();
  });

  it('never writes a change whose records do not validate, and says why', async () => {
    const { api, folder } = service();
    await api.call('workshop-create', { path: join(folder, 'a.journey'), name: 'A' });
    const card = { id: 'card:aaaa0001', type: 'card', stepId: 'step:aaaa0001', laneId: 'lane:aaaa0001', text: 'x'.repeat(LIMITS.cardTextLength + 1), position: 'a0' };
    expect(await api.call('workshop-apply-change', { change: { added: { [card.id]: card }, updated: {}, removed: {} } })).toEqual({
      ok: false,
      error: { code: 'invalid-request', message: `A card can hold at most ${LIMITS.cardTextLength} characters.` },
    });
    const read = (await api.call('workshop-read', {})) as { ok: true; value: OpenedWorkshop };
    expect(read.value.records.some((r) => r.type === 'card')).toBe(false);
    api.close();
  });

  it('turns a refused file into a typed error with the path', async () => {
    const { api, folder } = service();
    const result = await api.call('workshop-open', { path: join(folder, 'missing.journey') });
    expect(result).toMatchObject({ ok: false, error: { code: 'not-found', path: join(folder, 'missing.journey') } });
  });
});
