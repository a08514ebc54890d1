import type { AnyRecord } from '../../../shared/model/records.ts';

/**
 * One description per record type: which table holds it and which column holds each
 * field. Loading, inserting, updating and deleting are written once against these.
 */
export interface TableDescription {
  table: string;
  /** record field → column (quoted where the name is an SQL keyword), `id` first. */
  columns: Readonly<Record<string, string>>;
  /** Fields stored as 0/1 integers. */
  booleans?: readonly string[];
}

export const TABLES: { [T in AnyRecord['type']]: TableDescription } = {
  workshop: { table: 'workshop', columns: { id: 'id', name: 'name', createdAt: 'created_at', facilitator: 'facilitator', sample: 'sample' } },
  persona: {
    table: 'persona',
    columns: {
      id: 'id',
      position: 'position',
      name: 'name',
      role: 'role',
      goals: 'goals',
      needs: 'needs',
      contentPreferences: 'content_preferences',
      participation: 'participation',
      baggage: 'baggage',
      color: 'color',
    },
  },
  journey: {
    table: 'journey',
    columns: { id: 'id', position: 'position', name: 'name', state: 'state', personaId: 'persona_id', derivedFromId: 'derived_from_id' },
  },
  stage: { table: 'stage', columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name', owner: 'owner' } },
  step: {
    table: 'step',
    columns: {
      id: 'id',
      stageId: 'stage_id',
      position: 'position',
      name: 'name',
      who: 'who',
      what: 'what',
      when: '"when"',
      where: '"where"',
      why: 'why',
      channels: 'channels',
      touchpoints: 'touchpoints',
      content: 'content',
      momentOfTruth: 'moment_of_truth',
    },
    booleans: ['momentOfTruth'],
  },
  lane: {
    table: 'lane',
    columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name', laneType: 'lane_type' },
  },
  card: {
    table: 'card',
    columns: { id: 'id', stepId: 'step_id', laneId: 'lane_id', position: 'position', text: 'text', momentOfTruth: 'moment_of_truth' },
    booleans: ['momentOfTruth'],
  },
  kpi: {
    table: 'kpi',
    columns: { id: 'id', stageId: 'stage_id', position: 'position', name: 'name', currentValue: 'current_value', targetValue: 'target_value', unit: 'unit' },
  },
  emotion: { table: 'emotion', columns: { id: 'id', stepId: 'step_id', personaId: 'persona_id', score: 'score', evoker: 'evoker' } },
  tollgate: {
    table: 'tollgate',
    columns: { id: 'id', cardId: 'card_id', status: 'status', buyerProcess: 'buyer_process', content: 'content', channel: 'channel', source: 'source' },
  },
  'pain-point': {
    table: 'pain_point',
    columns: {
      id: 'id',
      cardId: 'card_id',
      severity: 'severity',
      costBasis: 'cost_basis',
      affectedPerPeriod: 'affected_per_period',
      costPerOccurrence: 'cost_per_occurrence',
      directAmount: 'direct_amount',
      period: 'period',
      currency: 'currency',
      experienceArea: 'experience_area',
      owner: 'owner',
    },
  },
  'agenda-item': {
    table: 'agenda_item',
    columns: { id: 'id', position: 'position', title: 'title', note: 'note', minutes: 'minutes', done: 'done' },
    booleans: ['done'],
  },
  'parking-topic': { table: 'parking_topic', columns: { id: 'id', position: 'position', text: 'text', createdAt: 'created_at' } },
  'dot-vote': {
    table: 'dot_vote',
    columns: {
      id: 'id',
      journeyId: 'journey_id',
      title: 'title',
      dotsPerParticipant: 'dots_per_participant',
      revealed: 'revealed',
      closed: 'closed',
      createdAt: 'created_at',
    },
    booleans: ['revealed', 'closed'],
  },
  'vote-option': { table: 'vote_option', columns: { id: 'id', voteId: 'vote_id', cardId: 'card_id' } },
  'vote-participant': { table: 'vote_participant', columns: { id: 'id', voteId: 'vote_id', position: 'position', name: 'name', color: 'color' } },
  dot: { table: 'dot', columns: { id: 'id', voteId: 'vote_id', participantId: 'participant_id', cardId: 'card_id' } },
};

/** The parameter name for a column: bare, without the quotes an SQL keyword needs. */
export const parameterOf = (column: string) => column.replaceAll('"', '');

export function rowToRecord(type: AnyRecord['type'], row: Record<string, unknown>): AnyRecord {
  const { columns, booleans = [] } = TABLES[type];
  const record: Record<string, unknown> = { type };
  for (const [field, column] of Object.entries(columns)) {
    const value = row[parameterOf(column)];
    record[field] = booleans.includes(field) ? value === 1 : value;
  }
  return record as AnyRecord;
}

export function recordToRow(record: AnyRecord): Record<string, unknown> {
  const { columns, booleans = [] } = TABLES[record.type];
  const row: Record<string, unknown> = {};
  for (const [field, column] of Object.entries(columns)) {
    const value = (record as unknown as Record<string, unknown>)[field];
    row[parameterOf(column)] = booleans.includes(field) ? (value ? 1 : 0) : value;
  }
  return row;
}
