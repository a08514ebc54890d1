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
    const stage = { id: 'stage:aaaa0001', type: 'stage', journeyId: journey.id, name: 'Aware', position: 'a0', owner: '' };
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
    const card = { id: 'card:aaaa0001', type: 'card', stepId: 'step:aaaa0001', laneId: 'lane:aaaa0001', text: 'x'.repeat(LIMITS.cardTextLength + 1), position: 'a0', momentOfTruth: false };
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

describe('the journey detail in the file', () => {
  it('keeps personas, emotions, tollgates, pain points, KPIs, owners, five Ws and moments of truth across a reopen', async () => {
    const f = await import('../../../shared/model/record-factories.ts');
    const { api, folder } = service();
    const path = join(folder, 'detail.journey');
    const created = (await api.call('workshop-create', { path, name: 'Detail' })) as { ok: true; value: OpenedWorkshop };
    const journey = created.value.records.find((r) => r.type === 'journey')!;
    const lane = created.value.records.find((r) => r.type === 'lane')!;
    const persona = f.newPersona({ name: 'Dana the buyer', role: 'Head of IT', participation: 'driver', baggage: 'Browbeating boss', position: 'a0' });
    const stage = f.newStage({ journeyId: journey.id, name: 'Buy', position: 'a0', owner: 'Marta Ruiz' });
    const step = { ...f.newStep({ stageId: stage.id, name: 'Security review', position: 'a0' }), who: 'CISO', when: 'Week 3', momentOfTruth: true };
    const card = { ...f.newCard({ stepId: step.id, laneId: lane.id, text: 'Security review approved', position: 'a0' }), momentOfTruth: true };
    const added = [
      persona,
      { ...journey, personaId: persona.id },
      stage,
      step,
      card,
      f.newKpi({ stageId: stage.id, name: 'NPS', currentValue: 12, targetValue: 30, position: 'a0' }),
      f.newEmotion({ stepId: step.id, personaId: persona.id, score: -2, evoker: 'Forms ask the same thing three times' }),
      f.newTollgate({ cardId: card.id, status: 'blocks', buyerProcess: 'Questionnaire, then a call', content: 'SOC 2 report', channel: 'Email', source: 'Trust portal' }),
      f.newPainPoint({ cardId: card.id, severity: 4, affectedPerPeriod: 10, costPerOccurrence: 900, period: 'quarter', experienceArea: 'buying', owner: 'Lee' }),
    ];
    const change = {
      added: Object.fromEntries(added.filter((r) => r.id !== journey.id).map((r) => [r.id, r])),
      updated: { [journey.id]: [journey, { ...journey, personaId: persona.id }] },
      removed: {},
    };
    expect(await api.call('workshop-apply-change', { change })).toMatchObject({ ok: true });
    await api.call('workshop-close', {});
    const reopened = (await api.call('workshop-open', { path })) as { ok: true; value: OpenedWorkshop };
    for (const record of added) expect(reopened.value.records).toContainEqual(record);
    api.close();
  });

  it('never writes an emotion of 7, a negative cost, "everyone" as an owner or 1 MB of text', async () => {
    const f = await import('../../../shared/model/record-factories.ts');
    const { api, folder } = service();
    await api.call('workshop-create', { path: join(folder, 'bad.journey'), name: 'Bad' });
    const persona = f.newPersona({ name: 'Dana', position: 'a0' });
    const bad = [
      f.newEmotion({ stepId: 'step:s0000001', personaId: persona.id, score: 7 }),
      f.newPainPoint({ cardId: 'card:c0000001', affectedPerPeriod: -5 }),
      f.newStage({ journeyId: 'journey:j0000001', name: 'Buy', position: 'a0', owner: 'Everyone' }),
      { ...persona, goals: 'x'.repeat(1024 * 1024) },
    ];
    const messages = [];
    for (const record of bad) {
      const result = await api.call('workshop-apply-change', { change: { added: { [record.id]: record }, updated: {}, removed: {} } });
      expect(result.ok).toBe(false);
      messages.push((result as { error: { message: string } }).error.message);
    }
    expect(messages).toEqual([
      'An emotion is a whole number from -3 to +3.',
      'Customers affected cannot be negative.',
      'A stage\'s owner must be one named person, not "everyone".',
      'Goals can be at most 4000 characters.',
    ]);
    api.close();
  });
});
