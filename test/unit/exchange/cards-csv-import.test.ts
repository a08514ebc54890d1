import { describe, expect, it } from 'vitest';
import { planCardsCsvImport } from '../../../shared/exchange/cards-csv-import.ts';
import { applyChange } from '../../../shared/change/change.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { anyRecordSchema } from '../../../shared/model/records.ts';
import { lanesOf, stagesOf, stepsOf } from '../../../shared/model/document.ts';

const workshop = () => Object.fromEntries(newWorkshopRecords('Import').map((r) => [r.id, r]));
const journeyOf = (records: ReturnType<typeof workshop>) => Object.values(records).find((r) => r.type === 'journey')!.id;
const csv = (lines: string[]) => `stage,step,lane,text\r\n${lines.join('\r\n')}\r\n`;

describe('importing cards from CSV', () => {
  it('imports 200 rows as one change, creating stages and steps in order and matching lanes by name', () => {
    const records = workshop();
    const journeyId = journeyOf(records);
    const lanes = ['Actions', 'Pain points', 'touchpoints', 'Thoughts & questions'];
    const lines = Array.from({ length: 200 }, (_, i) => `Stage ${1 + Math.floor(i / 50)},Step ${1 + (Math.floor(i / 10) % 5)},${lanes[i % 4]},"Card ${i + 1}, with a comma"`);
    const plan = planCardsCsvImport(records, journeyId, `\uFEFF${csv(lines)}`);
    expect(plan.problems).toEqual([]);
    expect(plan.created).toMatchObject({ stages: ['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4'], lanes: [] });
    const after = applyChange(records, plan.change!);
    for (const record of Object.values(plan.change!.added)) expect(anyRecordSchema.safeParse(record).success).toBe(true);
    expect(Object.values(after).filter((r) => r.type === 'card')).toHaveLength(200);
    expect(stagesOf(after, journeyId).map((s) => s.name)).toEqual(['Stage 1', 'Stage 2', 'Stage 3', 'Stage 4']);
    expect(stepsOf(after, stagesOf(after, journeyId)[0]!.id).map((s) => s.name)).toEqual(['Step 1', 'Step 2', 'Step 3', 'Step 4', 'Step 5']);
    expect(lanesOf(after, journeyId)).toHaveLength(5);
  });

  it('imports nothing when one row is malformed, and names the row and the reason', () => {
    const records = workshop();
    const lines = Array.from({ length: 30 }, (_, i) => `Aware,Sees an ad,Actions,Card ${i}`);
    lines[16] = 'Aware,Sees an ad,Actions'; // line 18 of the file: a field is missing
    lines[22] = 'Aware,,Actions,Orphan card'; // line 24: no step
    const plan = planCardsCsvImport(records, journeyOf(records), csv(lines));
    expect(plan.change).toBeNull();
    expect(plan.problems).toEqual([
      { line: 18, message: 'it has 3 fields where the header has 4 (a missing or extra comma, or an unclosed quote?)' },
      { line: 24, message: 'the step is empty' },
    ]);
  });

  it('says which columns the first line must name', () => {
    const plan = planCardsCsvImport(workshop(), 'journey:x', 'phase,card\nAware,hello\n');
    expect(plan.problems).toEqual([{ line: 1, message: 'The first line must name the columns stage, step, lane and text (missing: stage, step, lane, text).' }]);
  });

  it('creates a lane it does not know, typed by its name when the name is a lane type', () => {
    const records = workshop();
    const plan = planCardsCsvImport(records, journeyOf(records), csv(['Aware,Sees ad,Moments of truth,First call', 'Aware,Sees ad,Gossip,Heard from a friend']));
    expect(plan.created.lanes).toEqual(['Moments of truth', 'Gossip']);
    const types = Object.values(plan.change!.added).filter((r) => r.type === 'lane').map((l) => (l as { laneType: string }).laneType);
    expect(types).toEqual(['moments-of-truth', 'actions']);
  });
});
