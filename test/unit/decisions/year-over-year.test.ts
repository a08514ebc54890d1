import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { applyChange, changeFrom } from '../../../shared/change/change.ts';
import { compareWorkshops, type YearOverYear } from '../../../shared/decisions/year-over-year.ts';
import { dependentsOf, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { newId } from '../../../shared/model/ids.ts';
import { definitionOf } from '../../../shared/model/record-definition.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { newCard, newEmotion, newJourney, newPainPoint, newPersona } from '../../../shared/model/record-factories.ts';
import { decisionWorkshop } from '../../support/decision-workshop.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const names = { lastYear: 'last.journey', thisYear: 'this.journey' };
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** Last year's map with one step ("Security review", with card B) removed and A's cost doubled. */
function changedCopy(): { last: RecordMap; now: RecordMap } {
  const { records, security, painA } = decisionWorkshop();
  const now = applyChange(
    records,
    changeFrom(records, { put: [{ ...painA, costPerOccurrence: 70 }], remove: [...dependentsOf(records, security.id), security] }),
  );
  return { last: records, now };
}

describe('this year against last year', () => {
  it('a map compared with itself has no difference', () => {
    const { records } = decisionWorkshop();
    expect(compareWorkshops(records, records, names)).toEqual({ ...names, differences: [], counts: {} });
  });

  it('one step removed and one cost doubled are exactly those two differences', () => {
    const { last, now } = changedCopy();
    // A: 120 × €35 × 12 = €50,400 last year; 120 × €70 × 12 = €100,800 now. The step's card B
    // and its pain point go with the step: one difference, not three.
    expect(compareWorkshops(last, now, names).differences).toEqual([
      { kind: 'step-removed', where: 'Buying (as is) › Buy', subject: 'Security review' },
      { kind: 'cost-changed', where: 'Buying (as is) › Buy › First invoice', subject: 'Invoice is wrong', from: '€50,400 a year', to: '€100,800 a year' },
    ]);
  });

  it('pairs a map rebuilt with new ids by name, and reports emotions, tollgates, KPIs and pain points', () => {
    const { records, a, tollgate, journey } = decisionWorkshop();
    // Every id new: nothing pairs by id, everything by name.
    const ids = new Map(Object.keys(records).map((id) => [id, newId(id.slice(0, id.indexOf(':')) as AnyRecord['type'])]));
    const rebuilt: RecordMap = Object.fromEntries(
      Object.values(records).map((record) => {
        const copy: Record<string, unknown> = { ...record, id: ids.get(record.id) };
        const definition = definitionOf(record.type)!;
        for (const field of [...Object.keys(definition.parents), ...Object.keys(definition.references ?? {})]) {
          const value = copy[field];
          if (typeof value === 'string' && ids.has(value)) copy[field] = ids.get(value);
        }
        return [copy.id as string, copy as AnyRecord];
      }),
    );
    expect(compareWorkshops(records, rebuilt, names).differences).toEqual([]);
    // Now change it: the tollgate passes, A is resolved (its card gone), a KPI moved.
    const gate = recordsOfType(rebuilt, 'tollgate')[0]!;
    const cardA = rebuilt[ids.get(a.id)!]!;
    const stage = recordsOfType(rebuilt, 'stage').find((s) => s.name === 'Use')!;
    const kpiBefore = { id: 'kpi:k0000001', type: 'kpi', stageId: recordsOfType(records, 'stage').find((s) => s.name === 'Use')!.id, name: 'NPS', currentValue: 12, targetValue: 30, unit: 'points', position: 'a0' } as AnyRecord;
    const kpiAfter = { ...kpiBefore, id: 'kpi:k0000002', stageId: stage.id, currentValue: 21 } as AnyRecord;
    const last = { ...records, [kpiBefore.id]: kpiBefore };
    const now = applyChange(rebuilt, changeFrom(rebuilt, { put: [{ ...gate, status: 'passes' }, kpiAfter], remove: [...dependentsOf(rebuilt, cardA.id), cardA] }));
    expect(tollgate.status).toBe('friction');
    expect(compareWorkshops(last, now, names).differences).toEqual([
      { kind: 'pain-point-resolved', where: `${journey.name} › Buy › First invoice`, subject: 'Invoice is wrong', from: '€50,400 a year' },
      { kind: 'tollgate-changed', where: `${journey.name} › Use › Renewal talk`, subject: 'Budget renewed', from: 'Budget renewed: Friction', to: 'Budget renewed: Passes easily' },
      { kind: 'kpi-moved', where: `${journey.name} › Use`, subject: 'NPS', from: '12 points', to: '21 points' },
    ]);
  });

  it('reports a changed emotion, a new pain point, a stage gone and a journey added', () => {
    const { records, invoice, use, pains, journey } = decisionWorkshop();
    const dana = newPersona({ name: 'Dana', position: 'a0' });
    const last = applyChange(records, changeFrom(records, { put: [dana, newEmotion({ stepId: invoice.id, personaId: dana.id, score: -3 })] }));
    const emotion = recordsOfType(last, 'emotion')[0]!;
    const card = newCard({ stepId: invoice.id, laneId: pains.id, text: 'Credit note takes a month', position: 'a9' });
    const other = newJourney({ name: 'Renewal (as is)', position: 'b0' });
    const now = applyChange(
      last,
      changeFrom(last, {
        put: [{ ...emotion, score: -1 }, card, newPainPoint({ cardId: card.id, severity: 3, costBasis: 'amount', directAmount: 2_000, period: 'month', currency: 'EUR' }), other],
        remove: [...dependentsOf(last, use.id), use],
      }),
    );
    // €2,000 a month × 12 = €24,000 a year. The Use stage goes with its step, cards and tollgate: one difference.
    expect(compareWorkshops(last, now, names).differences).toEqual([
      { kind: 'journey-added', where: '', subject: 'Renewal (as is)' },
      { kind: 'stage-removed', where: journey.name, subject: 'Use' },
      { kind: 'emotion-changed', where: `${journey.name} › Buy › First invoice`, subject: 'Dana', from: '-3', to: '-1' },
      { kind: 'pain-point-new', where: `${journey.name} › Buy › First invoice`, subject: 'Credit note takes a month', to: '€24,000 a year' },
    ]);
  });

  it('through the API: itself, a changed copy, and an older file, and neither file’s bytes change', async () => {
    const folder = tempFolder('journeyboard-compare-');
    const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
    const path = join(folder, 'This year.journey');
    const created = (await api.call('workshop-create', { path, name: 'This year', template: 'b2b-buying' })) as { ok: true; value: OpenedWorkshop };
    const records = Object.fromEntries(created.value.records.map((r) => [r.id, r]));
    // Last year: a copy with one step removed and one cost doubled.
    const lastYear = join(folder, 'Last year.journey');
    copyFileSync(path, lastYear);
    const copy = WorkshopFile.open(lastYear);
    const step = recordsOfType(records, 'step').find((s) => s.name === 'Shortlists vendors')!;
    const pain = recordsOfType(records, 'pain-point')[0]!;
    copy.applyChange(changeFrom(records, { put: [{ ...pain, costPerOccurrence: pain.costPerOccurrence! * 2 }], remove: [...dependentsOf(records, step.id), step] }));
    copy.close();
    const older = fileURLToPath(new URL('../../fixtures/exports/workshop-v3.journey', import.meta.url));
    const hashes = [hash(path), hash(lastYear), hash(older)];

    const itself = await api.call('decisions-compare', { otherPath: path });
    expect(itself).toMatchObject({ ok: true, value: { differences: [] } });
    const changed = (await api.call('decisions-compare', { otherPath: lastYear })) as { ok: true; value: YearOverYear };
    expect(changed.value.differences.map((d) => [d.kind, d.subject])).toEqual([
      ['step-added', 'Shortlists vendors'],
      ['cost-changed', 'Questionnaire asks the same thing three times'],
    ]);
    // An older file is upgraded on a temporary copy, never in place.
    const old = await api.call('decisions-compare', { otherPath: older });
    expect(old.ok).toBe(true);
    expect([hash(path), hash(lastYear), hash(older)]).toEqual(hashes);
    await api.call('workshop-close', {});
  });
});
