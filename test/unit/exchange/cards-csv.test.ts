import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { workshopWithEveryRecordType } from '../../support/full-workshop.ts';

describe('the CSV exports', () => {
  it('list every card with its place on the map, tags and votes, opening cleanly in a spreadsheet', async () => {
    const { api, folder, records } = await workshopWithEveryRecordType();
    const path = join(folder, 'cards.csv');
    expect(await api.call('export-csv', { path, table: 'cards' })).toMatchObject({ ok: true });
    const text = readFileSync(path, 'utf8');
    expect(text.startsWith('\uFEFF"journey","stage","step","lane","text","tags","evidence count","votes","journeyboard id"\r\n')).toBe(true);
    const rows = Papa.parse<string[]>(text.slice(1).trim()).data;
    expect(rows.length - 1).toBe(records.filter((r) => r.type === 'card').length);
    const invoice = rows.find((r) => r[4] === 'First invoice is wrong')!;
    expect(invoice.slice(0, 4)).toEqual(['B2B buying journey (as is)', 'Use', 'First invoice', 'Pain points']);
    expect(invoice[5]).toBe('moment of truth; pain point: severity 4, €50,400 a year');
    expect(rows.some((r) => r[7] === '1')).toBe(true);
    api.close();
  });

  it('rank the needle movers by yearly cost', async () => {
    const { api, folder } = await workshopWithEveryRecordType();
    const path = join(folder, 'priorities.csv');
    await api.call('export-csv', { path, table: 'priorities' });
    const rows = Papa.parse<string[]>(readFileSync(path, 'utf8').slice(1).trim()).data;
    expect(rows.slice(1).map((r) => [r[0], r[1], r[5]])).toEqual([
      ['1', 'Onboarding takes six weeks', '104000'],
      ['2', 'Questionnaire asks the same thing three times', '96000'],
      ['3', 'First invoice is wrong', '50400'],
    ]);
    api.close();
  });
});
