import Database from 'better-sqlite3';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CURRENT_FILE_FORMAT_VERSION, MIGRATIONS, migrate } from '../../../electron/services/schema/migrations.ts';

/**
 * Migrations are frozen: a file made at version N has the schema migrations 1..N gave it
 * when it was made, for ever. These tests pin that schema to checked-in snapshots
 * (test/fixtures/schema/schema-v<N>.sql, one per version, never edited) so that editing
 * an old migration fails here instead of quietly giving new files a different schema
 * from old ones.
 */

const snapshotDir = fileURLToPath(new URL('../../fixtures/schema/', import.meta.url));
const schemaDir = fileURLToPath(new URL('../../../electron/services/schema/', import.meta.url));
const snapshotName = (version: number) => `schema-v${version}.sql`;
const HEADER = /^-- Journeyboard workshop file, format version (\d+):/;

/** To write the snapshot of a NEW version (never an existing one): WRITE_SCHEMA_SNAPSHOT=1 npx vitest … */
const WRITE_MISSING = process.env.WRITE_SCHEMA_SNAPSHOT === '1';
const HOW_TO_WRITE =
  'WRITE_SCHEMA_SNAPSHOT=1 npx vitest run --config test/vitest.config.ts --project unit test/unit/services/migrations-frozen.test.ts';

interface MasterRow {
  type: string;
  name: string;
  tbl_name: string;
  sql: string | null;
}

/** The ordered sqlite_master rows a new file has after migrating to `version`, as readable SQL text. */
function schemaAt(version: number): string {
  const db = new Database(':memory:');
  migrate(db, version);
  const rows = db.prepare('SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name').all() as MasterRow[];
  db.close();
  const lines = [
    `-- Journeyboard workshop file, format version ${version}: sqlite_master after migrations 1..${version}, ORDER BY name.`,
    '-- Frozen: written once when this version was added, never edited. A schema change is a new migration',
    `-- and a new snapshot file (${snapshotName(version + 1)}), written with: ${HOW_TO_WRITE}`,
    '',
  ];
  for (const row of rows) {
    lines.push(`-- ${row.type} ${row.name} on ${row.tbl_name}`);
    lines.push(row.sql === null ? '-- (made by SQLite itself, no SQL)' : `${row.sql};`);
    lines.push('');
  }
  return lines.join('\n');
}

function snapshotVersions(): number[] {
  return readdirSync(snapshotDir)
    .map((file) => /^schema-v(\d+)\.sql$/.exec(file)?.[1])
    .filter((v): v is string => v !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

describe('migrations are frozen', () => {
  if (WRITE_MISSING) {
    it('writes the snapshot of each version that has none (never overwrites one)', () => {
      for (const { version } of MIGRATIONS) {
        const path = snapshotDir + snapshotName(version);
        if (!existsSync(path)) writeFileSync(path, schemaAt(version));
      }
    });
  }

  it('the newest schema snapshot is of the current file format version', () => {
    const versions = snapshotVersions();
    expect(
      versions.at(-1),
      `CURRENT_FILE_FORMAT_VERSION is ${CURRENT_FILE_FORMAT_VERSION} but the newest snapshot in test/fixtures/schema/ is ` +
        `${versions.length ? snapshotName(versions.at(-1)!) : 'missing'}. A new migration needs a new snapshot of the schema ` +
        `it produces: write ${snapshotName(CURRENT_FILE_FORMAT_VERSION)} with ${HOW_TO_WRITE}, check it, and commit it ` +
        '(keep the older snapshots as they are).',
    ).toBe(CURRENT_FILE_FORMAT_VERSION);
    expect(versions, 'There is one snapshot per version, 1..n; old snapshots are kept, never deleted.').toEqual(
      MIGRATIONS.map((m) => m.version),
    );
  });

  it('each snapshot says which version it is', () => {
    for (const version of snapshotVersions()) {
      const text = readFileSync(snapshotDir + snapshotName(version), 'utf8');
      expect(Number(HEADER.exec(text)?.[1]), `${snapshotName(version)} should start with its own version`).toBe(version);
    }
  });

  it.each(MIGRATIONS.map((m) => [m.version, snapshotName(m.version)] as const))('a new file migrated to version %i has exactly the schema of %s', (version) => {
    const path = snapshotDir + snapshotName(version);
    expect(existsSync(path), `${snapshotName(version)} is missing: write it with ${HOW_TO_WRITE}`).toBe(true);
    expect(
      schemaAt(version),
      `The schema migrations 1..${version} produce no longer matches test/fixtures/schema/${snapshotName(version)}. ` +
        'Migrations are FROZEN: every workshop file already at this version keeps the old schema, so an edited old migration ' +
        'makes new files differ from existing ones (and the step-by-step test cannot notice). Revert the change to the old ' +
        'migration (or to whatever it now reads) and ADD A NEW MIGRATION (electron/services/schema/00<N+1>-….ts, appended ' +
        `to MIGRATIONS) instead, then write its snapshot with ${HOW_TO_WRITE}. Do not edit or regenerate this snapshot.`,
    ).toBe(readFileSync(path, 'utf8'));
  });

  it('every migration is literal SQL that imports nothing that can change later', () => {
    const files = readdirSync(schemaDir)
      .filter((file) => /^\d{3}-.+\.ts$/.test(file))
      .sort();
    expect(files.map((file) => Number(file.slice(0, 3)))).toEqual(MIGRATIONS.map((m) => m.version));
    for (const file of files) {
      const source = readFileSync(schemaDir + file, 'utf8');
      const imports = source.split('\n').filter((line) => /^\s*(import|export\s.*\sfrom\s)|require\(|import\(/.test(line));
      expect(
        imports,
        `${file} may import only the Migration type: a migration that reads a live constant (LIMITS, LANE_TYPES, ` +
          'METHOD_AGENDA…) changes when the constant does, so new files would get a different schema from old ones. ' +
          "Write today's values into the SQL literally.",
      ).toEqual(["import type { Migration } from './migrations.ts';"]);
    }
  });
});
