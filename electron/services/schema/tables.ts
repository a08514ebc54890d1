import type { AnyRecord } from '../../../shared/model/records.ts';

/**
 * One description per record type: which table holds it and which column holds each
 * field. Loading, inserting, updating and deleting are written once against these.
 */
export interface TableDescription {
  table: string;
  /** record field → column, `id` first. */
  columns: Readonly<Record<string, string>>;
}

export const TABLES: { [T in AnyRecord['type']]: TableDescription } = {
  workshop: { table: 'workshop', columns: { id: 'id', name: 'name', createdAt: 'created_at' } },
  journey: { table: 'journey', columns: { id: 'id', position: 'position', name: 'name', state: 'state' } },
  stage: { table: 'stage', columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name' } },
  step: { table: 'step', columns: { id: 'id', stageId: 'stage_id', position: 'position', name: 'name' } },
  lane: {
    table: 'lane',
    columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name', laneType: 'lane_type' },
  },
  card: {
    table: 'card',
    columns: { id: 'id', stepId: 'step_id', laneId: 'lane_id', position: 'position', text: 'text' },
  },
};

export function rowToRecord(type: AnyRecord['type'], row: Record<string, unknown>): AnyRecord {
  const record: Record<string, unknown> = { type };
  for (const [field, column] of Object.entries(TABLES[type].columns)) record[field] = row[column];
  return record as AnyRecord;
}

export function recordToRow(record: AnyRecord): Record<string, unknown> {
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(TABLES[record.type].columns)) {
    row[column] = (record as unknown as Record<string, unknown>)[field];
  }
  return row;
}
