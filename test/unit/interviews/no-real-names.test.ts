import JSZip from 'jszip';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { changeFrom } from '../../../shared/change/change.ts';
import { anonymizeChange } from '../../../shared/interviews/outgoing.ts';
import { newInterview, newNote, newPassage, newPseudonym, newSample } from '../../../shared/model/interview-factories.ts';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const REAL = /christina|meyer|acme/i;

async function workshopWithNames() {
  const folder = tempFolder('journeyboard-names-');
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const path = join(folder, 'Interviews.journey');
  const opened = (await api.call('workshop-create', { path, name: 'Interviews', template: 'b2b-buying' })) as { ok: true; value: OpenedWorkshop };
  const records = Object.fromEntries(opened.value.records.map((r) => [r.id, r]));
  const card = opened.value.records.find((r): r is Card => r.type === 'card')!;
  const sample = newSample({ name: 'Nordics', position: 'a0' });
  const interview = newInterview({ sampleId: sample.id, code: 'INT-01', role: 'Buyer', companyCode: 'Company-A', position: 'a0' });
  const added: AnyRecord[] = [
    sample,
    interview,
    newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Christina Meyer', code: 'Buyer-01' }),
    newPseudonym({ interviewId: interview.id, kind: 'person', realName: 'Christina', code: 'Buyer-01' }),
    newPseudonym({ interviewId: interview.id, kind: 'company', realName: 'Acme Corp', code: 'Company-A' }),
    newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-20T10:00:00.000Z', minutesIn: 3, text: "Christina Meyer said Acme Corp's audit took months; Christina was furious." }),
    newPassage({ interviewId: interview.id, position: 'a0', speaker: 'Christina Meyer', startMs: 0, endMs: 4000, text: 'I am Christina, I buy for ACME CORP.' }),
    { ...card, text: `${card.text} (Christina Meyer complained)` },
  ];
  const saved = await api.call('workshop-apply-change', { change: changeFrom(records, { put: added }) });
  if (!saved.ok) throw new Error(JSON.stringify(saved));
  return { api, folder, path };
}

describe('real names from the interview keys', () => {
  it('appear in no export: JSON, both CSVs, the deck and the PDF carry the codes instead', async () => {
    const { api, folder } = await workshopWithNames();
    const out = (name: string) => join(folder, name);
    for (const [call, input] of [
      ['export-json', { path: out('w.json') }],
      ['export-csv', { path: out('cards.csv'), table: 'cards' }],
      ['export-csv', { path: out('priorities.csv'), table: 'priorities' }],
      ['export-pptx', { path: out('w.pptx'), jobId: 'names-deck', theme: 'light', overviews: [] }],
      ['export-pdf', { path: out('w.pdf'), jobId: 'names-pdf', overviews: [] }],
    ] as const) {
      const result = await api.call(call, input);
      expect(result, call).toMatchObject({ ok: true });
    }
    const json = readFileSync(out('w.json'), 'utf8');
    expect(json).not.toMatch(REAL);
    expect(json).toContain('Buyer-01');
    expect(json).not.toContain('"pseudonym"');
    expect(readFileSync(out('cards.csv'), 'utf8')).not.toMatch(REAL);
    expect(readFileSync(out('cards.csv'), 'utf8')).toContain('Buyer-01 complained');
    expect(readFileSync(out('priorities.csv'), 'utf8')).not.toMatch(REAL);
    const deck = await JSZip.loadAsync(readFileSync(out('w.pptx')));
    for (const name of Object.keys(deck.files).filter((n) => n.endsWith('.xml'))) {
      expect(await deck.file(name)!.async('string'), name).not.toMatch(REAL);
    }
    expect(execFileSync('pdftotext', [out('w.pdf'), '-'], { encoding: 'utf8' })).not.toMatch(REAL);
    api.close();
  }, 120_000);

  it('leave no trace in the file after Anonymize workshop for sharing', async () => {
    const { api, path } = await workshopWithNames();
    const read = (await api.call('workshop-read', {})) as { ok: true; value: OpenedWorkshop };
    const change = anonymizeChange(Object.fromEntries(read.value.records.map((r) => [r.id, r])));
    expect(change).not.toBeNull();
    expect(await api.call('workshop-apply-change', { change })).toMatchObject({ ok: true });
    await api.call('workshop-close', {});
    const bytes = readFileSync(path).toString('latin1');
    expect(bytes).not.toMatch(REAL);
    expect(bytes).toContain('Buyer-01');
    api.close();
  });
});
