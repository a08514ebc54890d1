import { z } from 'zod';
import { idOf, longText, name, nonNegative, ownerName, position } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/** Who the journey is for and what the room learns about each step beyond its cards. */

export const PARTICIPATION_LEVELS = ['driver', 'participant', 'gatekeeper'] as const;
export const BAGGAGE_PHRASES = ['In a panic', 'Browbeating boss', 'Newcomer with a big decision'] as const;

export const personaSchema = z.object({
  id: idOf('persona'),
  type: z.literal('persona'),
  name: name("A persona's name").min(1, 'A persona needs a name'),
  role: name('A role'),
  goals: longText('Goals'),
  needs: longText('Needs'),
  contentPreferences: longText('Content preferences'),
  participation: z.enum(PARTICIPATION_LEVELS),
  baggage: longText('Baggage'),
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/, 'A colour is written like #1f6feb'),
  position,
});

export const EMOTION_MIN = -3;
export const EMOTION_MAX = 3;

/** How one persona feels at one step, -3 (furious) to +3 (delighted), and why. */
export const emotionSchema = z.object({
  id: idOf('emotion'),
  type: z.literal('emotion'),
  stepId: idOf('step'),
  personaId: idOf('persona'),
  score: z
    .number({ error: 'An emotion is a whole number from -3 to +3' })
    .int('An emotion is a whole number from -3 to +3')
    .min(EMOTION_MIN, 'An emotion is a whole number from -3 to +3')
    .max(EMOTION_MAX, 'An emotion is a whole number from -3 to +3'),
  evoker: longText('An emotion evoker'),
});

export const TOLLGATE_STATUSES = ['passes', 'friction', 'blocks'] as const;
export const TOLLGATE_STATUS_LABELS: Record<(typeof TOLLGATE_STATUSES)[number], string> = {
  passes: 'Passes easily',
  friction: 'Friction',
  blocks: 'Blocks',
};

/** A hurdle the buyer must pass before moving on; the card in a tollgate lane names it. */
export const tollgateSchema = z.object({
  id: idOf('tollgate'),
  type: z.literal('tollgate'),
  cardId: idOf('card'),
  status: z.enum(TOLLGATE_STATUSES),
  buyerProcess: longText("The buyer's process"),
  content: longText('Helpful content'),
  channel: longText('Channel'),
  source: longText('Source'),
});

export const EXPERIENCE_AREAS = ['channel', 'product', 'buying', 'service', 'exit', 'employee'] as const;
export const COST_PERIODS = ['day', 'week', 'month', 'quarter', 'year'] as const;
export type CostPeriod = (typeof COST_PERIODS)[number];

/**
 * What a pain point costs if nobody fixes it: customers affected per period × cost per
 * occurrence, or a direct amount per period. That figure, not the cost of the fix, is
 * the argument executives hear.
 */
export const painPointSchema = z.object({
  id: idOf('pain-point'),
  type: z.literal('pain-point'),
  cardId: idOf('card'),
  severity: z
    .number()
    .int('Severity is a whole number from 1 to 5')
    .min(1, 'Severity is a whole number from 1 to 5')
    .max(5, 'Severity is a whole number from 1 to 5'),
  costBasis: z.enum(['rate', 'amount']),
  affectedPerPeriod: nonNegative('Customers affected').nullable(),
  costPerOccurrence: nonNegative('The cost per occurrence').nullable(),
  directAmount: nonNegative('The amount').nullable(),
  period: z.enum(COST_PERIODS),
  currency: z.string().regex(/^[A-Z]{3}$/, 'A currency is a three-letter code such as EUR'),
  experienceArea: z.enum(EXPERIENCE_AREAS).nullable(),
  owner: ownerName("A pain point's owner"),
});

export const KPI_PRESETS = ['Customer effort score', 'CSAT', 'NPS', 'Churn', 'Conversion', 'Sentiment'] as const;

export const kpiSchema = z.object({
  id: idOf('kpi'),
  type: z.literal('kpi'),
  stageId: idOf('stage'),
  name: name('A KPI name').min(1, 'A KPI needs a name'),
  currentValue: z.number().finite().nullable(),
  targetValue: z.number().finite().nullable(),
  unit: name('A unit'),
  position,
});

export const personaDefinition = {
  type: 'persona',
  schema: personaSchema,
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
  parents: {},
} satisfies RecordDefinition<'persona'>;

export const kpiDefinition = {
  type: 'kpi',
  schema: kpiSchema,
  table: 'kpi',
  columns: { id: 'id', stageId: 'stage_id', position: 'position', name: 'name', currentValue: 'current_value', targetValue: 'target_value', unit: 'unit' },
  parents: { stageId: 'stage' },
  inFutureState: true,
} satisfies RecordDefinition<'kpi'>;

export const emotionDefinition = {
  type: 'emotion',
  schema: emotionSchema,
  table: 'emotion',
  columns: { id: 'id', stepId: 'step_id', personaId: 'persona_id', score: 'score', evoker: 'evoker' },
  parents: { stepId: 'step', personaId: 'persona' },
  inFutureState: true,
} satisfies RecordDefinition<'emotion'>;

export const tollgateDefinition = {
  type: 'tollgate',
  schema: tollgateSchema,
  table: 'tollgate',
  columns: { id: 'id', cardId: 'card_id', status: 'status', buyerProcess: 'buyer_process', content: 'content', channel: 'channel', source: 'source' },
  parents: { cardId: 'card' },
  inFutureState: true,
} satisfies RecordDefinition<'tollgate'>;

export const painPointDefinition = {
  type: 'pain-point',
  schema: painPointSchema,
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
  parents: { cardId: 'card' },
  inFutureState: true,
} satisfies RecordDefinition<'pain-point'>;
