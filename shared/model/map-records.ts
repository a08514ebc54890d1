import { z } from 'zod';
import { LIMITS } from './limits.ts';
import { idOf, longText, name, ownerName, position } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/** The map itself: the workshop, its journeys, and the grid of stages, steps, lanes and cards. */

export const LANE_TYPES = [
  'actions',
  'thoughts',
  'needs',
  'touchpoints',
  'channels',
  'content',
  'emotions',
  'pain-points',
  'opportunities',
  'tollgates',
  'moments-of-truth',
  'backstage',
  'kpis',
  'quotes',
] as const;
export type LaneType = (typeof LANE_TYPES)[number];

export const LANE_TYPE_LABELS: Record<LaneType, string> = {
  actions: 'Actions',
  thoughts: 'Thoughts & questions',
  needs: 'Needs',
  touchpoints: 'Touchpoints',
  channels: 'Channels',
  content: 'Content',
  emotions: 'Emotions',
  'pain-points': 'Pain points',
  opportunities: 'Opportunities',
  tollgates: 'Tollgates',
  'moments-of-truth': 'Moments of truth',
  backstage: 'Backstage',
  kpis: 'KPIs',
  quotes: 'Quotes',
};

export const JOURNEY_STATES = ['current', 'future'] as const;
export type JourneyState = (typeof JOURNEY_STATES)[number];

/**
 * Two interviews saying the same make a pattern unless the workshop asks for more: the
 * method's "recurring patterns" need at least two voices, and one is an outlier.
 */
export const DEFAULT_PATTERN_THRESHOLD = 2;

export const workshopSchema = z.object({
  id: idOf('workshop'),
  type: z.literal('workshop'),
  name: name('A workshop name').min(1, 'A workshop needs a name'),
  createdAt: z.iso.datetime(),
  /** Who ran it. */
  facilitator: name("The facilitator's name"),
  /** The sample the journey describes: industry, region, product, roles. */
  sample: longText('The sample'),
  /** How many distinct interviews make a card's evidence a pattern rather than an outlier. */
  patternThreshold: z.number().int('A pattern is a whole number of interviews').min(2, 'A pattern takes at least 2 interviews: one is an outlier').max(200, 'A pattern takes at most 200 interviews'),
});

export const journeySchema = z.object({
  id: idOf('journey'),
  type: z.literal('journey'),
  name: name('A journey name'),
  state: z.enum(JOURNEY_STATES),
  position,
  /** Whose journey this is: a persona or segment. */
  personaId: idOf('persona').nullable(),
  /** For a future ("to be") journey: the current journey it was derived from. */
  derivedFromId: idOf('journey').nullable(),
});

export const stageSchema = z.object({
  id: idOf('stage'),
  type: z.literal('stage'),
  journeyId: idOf('journey'),
  name: name('A stage name'),
  position,
  /** The one accountable owner; empty until the room names one. */
  owner: ownerName("A stage's owner"),
});

export const stepSchema = z.object({
  id: idOf('step'),
  type: z.literal('step'),
  stageId: idOf('stage'),
  name: name('A step name'),
  position,
  who: longText('Who'),
  what: longText('What'),
  when: longText('When'),
  where: longText('Where'),
  why: longText('Why'),
  channels: longText('Channels'),
  touchpoints: longText('Touchpoints'),
  content: longText('Content used'),
  momentOfTruth: z.boolean(),
});

export const laneSchema = z.object({
  id: idOf('lane'),
  type: z.literal('lane'),
  journeyId: idOf('journey'),
  name: name('A lane name'),
  laneType: z.enum(LANE_TYPES),
  position,
});

export const cardSchema = z.object({
  id: idOf('card'),
  type: z.literal('card'),
  stepId: idOf('step'),
  laneId: idOf('lane'),
  text: z.string().max(LIMITS.cardTextLength, `A card can hold at most ${LIMITS.cardTextLength} characters`),
  position,
  momentOfTruth: z.boolean(),
});

export const workshopDefinition = {
  type: 'workshop',
  schema: workshopSchema,
  table: 'workshop',
  columns: { id: 'id', name: 'name', createdAt: 'created_at', facilitator: 'facilitator', sample: 'sample', patternThreshold: 'pattern_threshold' },
  parents: {},
} satisfies RecordDefinition<'workshop'>;

export const journeyDefinition = {
  type: 'journey',
  schema: journeySchema,
  table: 'journey',
  columns: { id: 'id', position: 'position', name: 'name', state: 'state', personaId: 'persona_id', derivedFromId: 'derived_from_id' },
  parents: {},
  references: { personaId: 'persona', derivedFromId: 'journey' },
} satisfies RecordDefinition<'journey'>;

export const stageDefinition = {
  type: 'stage',
  schema: stageSchema,
  table: 'stage',
  columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name', owner: 'owner' },
  parents: { journeyId: 'journey' },
  inFutureState: true,
} satisfies RecordDefinition<'stage'>;

export const stepDefinition = {
  type: 'step',
  schema: stepSchema,
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
  parents: { stageId: 'stage' },
  inFutureState: true,
} satisfies RecordDefinition<'step'>;

export const laneDefinition = {
  type: 'lane',
  schema: laneSchema,
  table: 'lane',
  columns: { id: 'id', journeyId: 'journey_id', position: 'position', name: 'name', laneType: 'lane_type' },
  parents: { journeyId: 'journey' },
  inFutureState: true,
} satisfies RecordDefinition<'lane'>;

export const cardDefinition = {
  type: 'card',
  schema: cardSchema,
  table: 'card',
  columns: { id: 'id', stepId: 'step_id', laneId: 'lane_id', position: 'position', text: 'text', momentOfTruth: 'moment_of_truth' },
  booleans: ['momentOfTruth'],
  parents: { stepId: 'step', laneId: 'lane' },
  inFutureState: true,
} satisfies RecordDefinition<'card'>;
