import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseWorkshopJson, workshopToJson } from '../../../shared/exchange/workshop-json.ts';
import { workshopWithEveryRecordType } from '../../support/full-workshop.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../../../electron/services/schema/migrations.ts';

describe('the JSON export', () => {
  it('round-trips a workshop with every record type: export → import into a new file → export gives identical JSON', async () => {
    const { api, folder, records } = await workshopWithEveryRecordType();
    const first = join(folder, 'first.json');
    expect(await api.call('export-json', { path: first })).toMatchObject({ ok: true });
    const imported = await api.call('import-json', { sourcePath: first, path: join(folder, 'Imported.journey') });
    expect(imported.ok).toBe(true);
    // Everything but the interviews' private keys, which never leave the workshop.
    const shared = records.filter((r) => r.type !== 'pseudonym');
    expect(new Set((imported as { value: OpenedWorkshop }).value.records.map((r) => r.id))).toEqual(new Set(shared.map((r) => r.id)));
    const second = join(folder, 'second.json');
    await api.call('export-json', { path: second });
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const parsed = JSON.parse(readFileSync(first, 'utf8'));
    expect(parsed).toMatchObject({ format: 'journeyboard', version: 1, fileFormatVersion: CURRENT_FILE_FORMAT_VERSION });
    api.close();
  });

  it('refuses what is not an export, a newer export, a broken record and a dangling reference, creating nothing', async () => {
    const { api, folder } = await workshopWithEveryRecordType();
    const good = JSON.parse(readFileSync((await exportTo(api, folder)).path, 'utf8'));
    const cases: [string, unknown, RegExp][] = [
      ['not-json.json', '{ nope', /not valid JSON/],
      ['other.json', { hello: 'world' }, /not a Journeyboard export/],
      ['newer.json', { ...good, version: 99 }, /newer version of Journeyboard/],
      ['broken.json', { ...good, records: good.records.map((r: { type: string }) => (r.type === 'emotion' ? { ...r, score: 7 } : r)) }, /Record \d+ \(emotion:[^)]+\) is not valid: An emotion is a whole number/],
      ['dangling.json', { ...good, records: good.records.filter((r: { type: string }) => r.type !== 'stage') }, /Record \d+ \(step:[^)]+\) is not valid: its stage stage:\S+ is not in the export/],
    ];
    for (const [name, content, message] of cases) {
      const source = join(folder, name);
      writeFileSync(source, typeof content === 'string' ? content : JSON.stringify(content));
      const target = join(folder, `${name}.journey`);
      const result = await api.call('import-json', { sourcePath: source, path: target });
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request', message: expect.stringMatching(message) } });
      expect(() => readFileSync(target)).toThrow();
    }
    api.close();
  });

  it('is deterministic: the same records in any order give the same text', async () => {
    const { records } = await workshopWithEveryRecordType();
    const version = CURRENT_FILE_FORMAT_VERSION;
    expect(workshopToJson([...records].reverse(), version)).toBe(workshopToJson(records, version));
    const back = parseWorkshopJson(workshopToJson(records, version), version);
    expect(back.ok && back.value.length).toBe(records.length);
  });
});

async function exportTo(api: Awaited<ReturnType<typeof workshopWithEveryRecordType>>['api'], folder: string) {
  const path = join(folder, 'export.json');
  await api.call('export-json', { path });
  return { path };
}
