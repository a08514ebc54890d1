import type { AnyRecord } from '../../../shared/model/records.ts';
import { definitionOf, type RecordDefinition } from '../../../shared/model/record-definition.ts';

/**
 * How a record becomes a row and back, from its type's definition (table, columns,
 * booleans): loading, inserting, updating and deleting are written once against these.
 */
export function tableOf(type: string): RecordDefinition {
  const definition = definitionOf(type);
  if (!definition) throw new Error(`There is no record type ${type}`);
  return definition;
}

/** The parameter name for a column: bare, without the quotes an SQL keyword needs. */
export const parameterOf = (column: string) => column.replaceAll('"', '');

export function rowToRecord(type: AnyRecord['type'], row: Record<string, unknown>): AnyRecord {
  const { columns, booleans = [] } = tableOf(type);
  const record: Record<string, unknown> = { type };
  for (const [field, column] of Object.entries(columns)) {
    const value = row[parameterOf(column)];
    record[field] = booleans.includes(field) ? value === 1 : value;
  }
  return record as AnyRecord;
}

export function recordToRow(record: AnyRecord): Record<string, unknown> {
  const { columns, booleans = [] } = tableOf(record.type);
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    const value = (record as unknown as Record<string, unknown>)[field];
    row[parameterOf(column)] = booleans.includes(field) ? (value ? 1 : 0) : value;
  }
  return row;
}
