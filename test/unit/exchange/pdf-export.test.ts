import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { changeFrom } from '../../../shared/change/change.ts';
import { workshopWithEveryRecordType } from '../../support/full-workshop.ts';

const TINY_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAK/gH/6M/yvQAAAABJRU5ErkJggg==';

describe('the PDF export', () => {
  it('holds the map picture and the report as real text, in any Latin script and with arrows', async () => {
    const { api, folder, records } = await workshopWithEveryRecordType();
    const workshop = records.find((r) => r.type === 'workshop')!;
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    await api.call('workshop-apply-change', { change: changeFrom(map, { put: [{ ...workshop, name: 'Kundenreise Müller & Søn → 2027', facilitator: 'Zoë Ångström' }] }) });
    const journey = records.find((r) => r.type === 'journey')!;
    const path = join(folder, 'Report.pdf');
    const result = await api.call('export-pdf', { path, jobId: 'pdf-test', overviews: [{ journeyId: journey.id, png: TINY_PNG }] });
    expect(result).toMatchObject({ ok: true, value: { path } });
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
    expect(text).toContain('Kundenreise Müller & Søn → 2027');
    expect(text).toContain('Facilitated by Zoë Ångström');
    for (const card of records.filter((r) => r.type === 'card')) expect(text).toContain(card.text.slice(0, 18));
    expect(text).toContain('Needle movers');
    expect(text).toContain('Onboarding takes six weeks — €104,000 a year');
    const images = execFileSync('pdfimages', ['-list', path], { encoding: 'utf8' });
    expect(images.split('\n').filter((l) => /^\s*\d+/.test(l))).toHaveLength(1);
    api.close();
  });

  it('can be cancelled, and then writes no file', async () => {
    const { api, folder } = await workshopWithEveryRecordType();
    const path = join(folder, 'Cancelled.pdf');
    const running = api.call('export-pdf', { path, jobId: 'pdf-cancel', overviews: [] });
    await api.call('export-cancel', { jobId: 'pdf-cancel' });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(existsSync(path)).toBe(false);
    api.close();
  });
});
