import Database from 'better-sqlite3';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../../../electron/services/schema/migrations.ts';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { parseWorkshopJson, restoreWorkshopJson, sortRecords, workshopToJson } from '../../../shared/exchange/workshop-json.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

/**
 * Exports made at every earlier file format version (test/fixtures/exports): v1, v2 and
 * v3 were made by checking out the commit where that version was current and running
 * that commit's own code (WorkshopFile, templates, factories and, at v3, its
 * workshopToJson); each comes with the `.journey` file it was exported from. v4 is
 * today's. An old export must import as exactly what the old file becomes when today's
 * Journeyboard opens (and so migrates) it.
 */
const fixtures = fileURLToPath(new URL('../../fixtures/exports/', import.meta.url));
const OLD_VERSIONS = [1, 2, 3] as const;
const ALL_VERSIONS = [...OLD_VERSIONS, 4] as const;

const exportText = (version: number) => readFileSync(join(fixtures, `workshop-v${version}.json`), 'utf8');

function imported(version: number): AnyRecord[] {
  const result = parseWorkshopJson(exportText(version), CURRENT_FILE_FORMAT_VERSION);
  if (!result.ok) throw new Error(`workshop-v${version}.json: ${result.error}`);
  return result.value;
}

const folder = tempFolder('journeyboard-json-versions-');

/** The old file as today's Journeyboard opens it: a copy, since opening migrates it in place. */
function migrated(version: number): { records: AnyRecord[]; versionBefore: number; versionAfter: number } {
  const source = join(fixtures, `workshop-v${version}.journey`);
  const probe = new Database(source, { readonly: true, fileMustExist: true });
  const versionBefore = probe.pragma('user_version', { simple: true }) as number;
  probe.close();
  const copy = join(folder, `opened-v${version}.journey`);
  copyFileSync(source, copy);
  const file = WorkshopFile.open(copy, { recoveryFolder: join(folder, 'recovery') });
  try {
    return { records: file.readRecords(), versionBefore, versionAfter: file.fileFormatVersion };
  } finally {
    file.close();
  }
}

/**
 * Records compared one for one by id, except the agenda migration 3 seeds into an older
 * file: SQLite gives those random ids, so they are compared by what they say and where.
 */
function comparable(records: readonly AnyRecord[], version: number) {
  const seeded = version < 3;
  const byId = Object.fromEntries(records.filter((r) => !(seeded && r.type === 'agenda-item')).map((r) => [r.id, r]));
  const agenda = records
    .filter((r) => seeded && r.type === 'agenda-item')
    .map(({ id: _id, ...rest }) => rest)
    .sort((a, b) => ((a as { position: string }).position < (b as { position: string }).position ? -1 : 1));
  return { byId, agenda };
}

describe('JSON exports from every earlier file format version', () => {
  it.each(ALL_VERSIONS)('the v%i fixture is what it claims: an export at that version', (version) => {
    const document = JSON.parse(exportText(version));
    expect(document).toMatchObject({ format: 'journeyboard', version: 1, fileFormatVersion: version });
    expect(document.records.length).toBeGreaterThan(10);
  });

  it.each(OLD_VERSIONS)('the v%i export imports, and equals record for record its old file after migration', (version) => {
    const records = imported(version);
    const file = migrated(version);
    expect(file.versionBefore).toBe(version);
    expect(file.versionAfter).toBe(CURRENT_FILE_FORMAT_VERSION);
    expect(records.length).toBe(file.records.length);
    expect(comparable(records, version)).toEqual(comparable(file.records, version));
  });

  it('old exports get what each migration gave existing rows', () => {
    const v1 = imported(1);
    const of = <T extends AnyRecord['type']>(records: AnyRecord[], type: T) => records.filter((r) => r.type === type) as Extract<AnyRecord, { type: T }>[];
    expect(of(v1, 'workshop')[0]).toMatchObject({ facilitator: '', sample: '' });
    expect(of(v1, 'journey').every((j) => j.personaId === null && j.derivedFromId === null)).toBe(true);
    expect(of(v1, 'stage').every((s) => s.owner === '')).toBe(true);
    expect(of(v1, 'step').every((s) => s.who === '' && s.what === '' && s.when === '' && s.where === '' && s.why === '' && !s.momentOfTruth)).toBe(true);
    expect(of(v1, 'card').every((c) => c.momentOfTruth === false)).toBe(true);
    expect(of(v1, 'agenda-item').map((a) => [a.position, a.title, a.minutes, a.done])).toEqual([
      ['a0', 'Data breadcrumbs', 30, false],
      ['a1', 'Interviews', 20, false],
      ['a2', 'Journey map', 60, false],
      ['a3', 'Tollgates and content', 40, false],
      ['a4', 'Gap analysis', 40, false],
    ]);
    // What v2 and v3 recorded survives untouched; only v4's fields are new to them.
    const v3 = imported(3);
    expect(of(v3, 'dot').length).toBeGreaterThan(0);
    expect(of(v3, 'workshop')[0]).toMatchObject({ facilitator: '', sample: '' });
    const v2 = imported(2);
    expect(of(v2, 'journey').some((j) => j.derivedFromId !== null && j.personaId !== null)).toBe(true);
  });

  it.each(ALL_VERSIONS)('the v%i export restores the same way every time, with nothing to report', (version) => {
    const raw = JSON.parse(exportText(version));
    const first = restoreWorkshopJson(raw, CURRENT_FILE_FORMAT_VERSION);
    const second = restoreWorkshopJson(JSON.parse(exportText(version)), CURRENT_FILE_FORMAT_VERSION);
    expect(first).toEqual(second);
    expect(first.ok && first.value.notes).toEqual([]);
  });

  it('a current export restores to exactly its own records', () => {
    const document = JSON.parse(exportText(4)) as { records: AnyRecord[] };
    // Today's records but for what version 7 added: the workshop's pattern threshold, filled with its default.
    const today = document.records.map((r) => (r.type === 'workshop' ? { ...r, patternThreshold: 2 } : r));
    expect(sortRecords(imported(4))).toEqual(sortRecords(today));
  });

  it.each(ALL_VERSIONS)('the v%i export re-exports without loss: exported again and read back, the records are the same', (version) => {
    const records = imported(version);
    const again = workshopToJson(records, CURRENT_FILE_FORMAT_VERSION);
    const back = parseWorkshopJson(again, CURRENT_FILE_FORMAT_VERSION);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(sortRecords(back.value)).toEqual(sortRecords(records));
    expect(workshopToJson(back.value, CURRENT_FILE_FORMAT_VERSION)).toBe(again);
  });

  describe('through the API', () => {
    const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
    afterAll(() => api.close());

    it.each(OLD_VERSIONS)('import-json of the v%i export makes a file that holds the migrated records', async (version) => {
      const result = await api.call('import-json', { sourcePath: join(fixtures, `workshop-v${version}.json`), path: join(folder, `imported-v${version}.journey`) });
      expect(result.ok, JSON.stringify(result)).toBe(true);
      const records = (result as { value: OpenedWorkshop }).value.records;
      expect(comparable(records, version)).toEqual(comparable(migrated(version).records, version));
      const exported = join(folder, `reexported-v${version}.json`);
      expect(await api.call('export-json', { path: exported })).toMatchObject({ ok: true });
      const back = parseWorkshopJson(readFileSync(exported, 'utf8'), CURRENT_FILE_FORMAT_VERSION);
      expect(back.ok && sortRecords(back.value)).toEqual(sortRecords(imported(version)));
    });
  });
});
