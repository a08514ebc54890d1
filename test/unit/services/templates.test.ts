import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { TEMPLATE_IDS } from '../../../shared/model/templates.ts';
import { stagesOf, journeysOf, lanesOf } from '../../../shared/model/document.ts';
import { rankPainPointsByCost } from '../../../shared/model/pain-point-cost.ts';
import { anyRecordSchema } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const open = (template: (typeof TEMPLATE_IDS)[number]) => {
  const file = WorkshopFile.create(join(tempFolder(), `${template}.journey`), 'From a template', { replaceExisting: false, template });
  const records = Object.fromEntries(file.readRecords().map((r) => [r.id, r]));
  file.close();
  return records;
};

describe('templates', () => {
  it.each(TEMPLATE_IDS)('%s opens as a valid, complete map', (template) => {
    const records = open(template);
    for (const record of Object.values(records)) expect(anyRecordSchema.safeParse(record).success).toBe(true);
    expect(journeysOf(records)).toHaveLength(1);
  });

  it("the B2B buying journey follows the method: trigger to renew or retire, with tollgate and content lanes", () => {
    const records = open('b2b-buying');
    const journey = journeysOf(records)[0]!;
    expect(stagesOf(records, journey.id).map((s) => s.name)).toEqual(['Trigger', 'Research', 'Evaluate', 'Purchase', 'Implement', 'Use', 'Renew or retire']);
    expect(lanesOf(records, journey.id).map((l) => l.laneType)).toEqual(expect.arrayContaining(['tollgates', 'content', 'emotions', 'pain-points']));
    const types = Object.values(records).map((r) => r.type);
    expect(types.filter((t) => t === 'persona')).toHaveLength(2);
    expect(types.filter((t) => t === 'tollgate')).toHaveLength(3);
    // 40 × 650 € a quarter = 104,000 €; 6 × 4,000 € a quarter = 96,000 €; 120 × 35 € a month = 50,400 €.
    expect(rankPainPointsByCost(records).map((r) => [r.card.text, r.yearlyCost])).toEqual([
      ['Onboarding takes six weeks', 104_000],
      ['Questionnaire asks the same thing three times', 96_000],
      ['First invoice is wrong', 50_400],
    ]);
  });
});
