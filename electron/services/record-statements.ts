import type Database from 'better-sqlite3';
import type { AnyRecord } from '../../shared/model/records.ts';
import { parameterOf, recordToRow, rowToRecord, tableOf } from './schema/tables.ts';

type Op = 'insert' | 'update' | 'remove' | 'all' | 'get';

/** Prepared statements per record type, written once against the table descriptions. */
export class RecordStatements {
  private readonly cache = new Map<string, Database.Statement>();
  private readonly db: Database.Database;

  constructor(db: Database.Database) {
    this.db = db;
  }

  insert(record: AnyRecord): void {
    this.statement('insert', record.type).run(recordToRow(record));
  }

  /** False when no row has the record's id. */
  update(record: AnyRecord): boolean {
    return this.statement('update', record.type).run(recordToRow(record)).changes === 1;
  }

  /** False when no row has the record's id. */
  remove(record: AnyRecord): boolean {
    return this.statement('remove', record.type).run({ id: record.id }).changes === 1;
  }

  /** The record as the file holds it now, or undefined. */
  get(type: AnyRecord['type'], id: string): AnyRecord | undefined {
    const row = this.statement('get', type).get({ id }) as Record<string, unknown> | undefined;
    return row ? rowToRecord(type, row) : undefined;
  }

  /** A record as it would read back from the file (booleans, absent fields), for comparing. */
  normalize(record: AnyRecord): AnyRecord {
    return rowToRecord(record.type, recordToRow(record));
  }

  all(type: AnyRecord['type']): AnyRecord[] {
    return (this.statement('all', type).all() as Record<string, unknown>[]).map((row) => rowToRecord(type, row));
  }

  private statement(op: Op, type: AnyRecord['type']): Database.Statement {
    const key = `${op}:${type}`;
    let statement = this.cache.get(key);
    if (!statement) {
      statement = this.db.prepare(sqlFor(op, type));
      this.cache.set(key, statement);
    }
    return statement;
  }
}

function sqlFor(op: Op, type: AnyRecord['type']): string {
  const { table, columns } = tableOf(type);
  const names = Object.values(columns);
  switch (op) {
    case 'insert':
      return `INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((c) => `@${parameterOf(c)}`).join(', ')})`;
    case 'update':
      return `UPDATE ${table} SET ${names.filter((c) => c !== 'id').map((c) => `${c} = @${parameterOf(c)}`).join(', ')} WHERE id = @id`;
    case 'remove':
      return `DELETE FROM ${table} WHERE id = @id`;
    case 'all':
      return `SELECT ${names.join(', ')} FROM ${table}`;
    case 'get':
      return `SELECT ${names.join(', ')} FROM ${table} WHERE id = @id`;
  }
}
