import fc from 'fast-check';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { changeSchema } from '../../../shared/change/change-schema.ts';
import { planCardsCsvImport } from '../../../shared/exchange/cards-csv-import.ts';
import { anyRecordSchema, type AnyRecord } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';
import { fuzzOptions } from './fuzz-runs.ts';

const root = tempFolder('journeyboard-import-fuzz-');
const api = createApiService({ dataFolder: join(root, 'data'), defaultWorkshopFolder: root, appVersion: '0.0.0-fuzz' });
afterAll(() => api.close());

async function openTemplate(name: string): Promise<OpenedWorkshop> {
  const result = await api.call('workshop-create', { path: join(root, `${name}.journey`), name, template: 'b2b-buying' });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as OpenedWorkshop;
}

const sorted = (records: AnyRecord[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));
let counter = 0;

describe('importers under generated input', () => {
  it('a JSON export with any one record damaged is imported whole or not at all, never half', async () => {
    const opened = await openTemplate('Source');
    const exported = join(root, 'source.json');
    await api.call('export-json', { path: exported });
    const text = readFileSync(exported, 'utf8');
    const document = JSON.parse(text) as { records: Record<string, unknown>[] };
    const damage = fc.record({
      record: fc.nat({ max: document.records.length - 1 }),
      field: fc.constantFrom('id', 'type', 'text', 'name', 'position', 'stepId', 'laneId', 'journeyId', 'score', 'severity', 'extra'),
      value: fc.oneof(fc.anything({ maxDepth: 1 }), fc.constant(undefined)),
      truncateAt: fc.option(fc.nat({ max: text.length }), { freq: 4 }),
    });
    await fc.assert(
      fc.asyncProperty(damage, async ({ record, field, value, truncateAt }) => {
        const copy = structuredClone(document);
        copy.records[record]![field] = value;
        const source = join(root, `damaged-${counter}.json`);
        const target = join(root, `imported-${counter++}.journey`);
        const body = JSON.stringify(copy);
        writeFileSync(source, truncateAt === null ? body : body.slice(0, truncateAt));
        const result = await api.call('import-json', { sourcePath: source, path: target });
        if (!result.ok) {
          expect(result.error.code).not.toBe('internal');
          expect(existsSync(target), 'a refused import left a file behind').toBe(false);
        } else {
          const imported = (result.value as OpenedWorkshop).records;
          for (const r of imported) expect(anyRecordSchema.safeParse(r).success).toBe(true);
        }
      }),
      fuzzOptions(),
    );
    expect(opened.records.length).toBeGreaterThan(50);
  }, 600_000);

  it('a CSV of any text plans all rows or none, and what it plans the file accepts', async () => {
    const opened = await openTemplate('Csv target');
    const records = Object.fromEntries(opened.records.map((r) => [r.id, r]));
    const journeyId = opened.records.find((r) => r.type === 'journey')!.id;
    const cell = fc.oneof(fc.constantFrom('Trigger', 'Research', 'Actions', 'Pain points', 'New lane', '', '"', '=1+1'), fc.string({ maxLength: 12 }));
    const row = fc.array(cell, { minLength: 0, maxLength: 6 }).map((cells) => cells.map((c) => (/[",\n]/.test(c) ? `"${c.replaceAll('"', '""')}"` : c)).join(','));
    const csv = fc.oneof(
      fc.array(row, { maxLength: 8 }).map((rows) => ['stage,step,lane,text', ...rows].join('\n')),
      fc.string({ maxLength: 200 }),
    );
    await fc.assert(
      fc.asyncProperty(csv, async (text) => {
        const plan = planCardsCsvImport(records, journeyId, text);
        if (plan.problems.length > 0) expect(plan.change).toBeNull();
        if (!plan.change) return;
        const result = await api.call('workshop-apply-change', { change: plan.change });
        expect(result.ok, JSON.stringify(result)).toBe(true);
        // Put the file back as it was for the next input.
        const undo = { added: plan.change.removed, updated: {}, removed: plan.change.added };
        for (const [id, [from, to]] of Object.entries(plan.change.updated)) (undo.updated as Record<string, unknown>)[id] = [to, from];
        expect((await api.call('workshop-apply-change', { change: undo })).ok).toBe(true);
      }),
      fuzzOptions(),
    );
  }, 600_000);

  it('a change with any field of any record set to anything is refused whole, and the file is unchanged', async () => {
    const opened = await openTemplate('Changes');
    const fieldChange = fc.record({
      record: fc.nat({ max: opened.records.length - 1 }),
      field: fc.constantFrom('text', 'name', 'position', 'stepId', 'laneId', 'journeyId', 'score', 'severity', 'momentOfTruth', 'id', 'type'),
      value: fc.anything({ maxDepth: 1 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.anything({ maxDepth: 3 }), fieldChange), async (input) => {
        expect(() => changeSchema.safeParse(input)).not.toThrow();
        if (!input || typeof input !== 'object' || !('record' in input)) return;
        const { record, field, value } = input as { record: number; field: string; value: unknown };
        const from = opened.records[record]!;
        const to = { ...from, [field]: value } as AnyRecord;
        const before = ((await api.call('workshop-read', {})) as { value: OpenedWorkshop }).value.records;
        const result = await api.call('workshop-apply-change', { change: { added: {}, updated: { [from.id]: [from, to] }, removed: {} } });
        if (result.ok) {
          // A valid edit: take it back so the next input starts from the template.
          expect((await api.call('workshop-apply-change', { change: { added: {}, updated: { [from.id]: [to, from] }, removed: {} } })).ok).toBe(true);
          return;
        }
        expect(result.error.code).not.toBe('internal');
        const after = ((await api.call('workshop-read', {})) as { value: OpenedWorkshop }).value.records;
        expect(sorted(after)).toEqual(sorted(before));
      }),
      fuzzOptions(),
    );
  }, 600_000);
});
