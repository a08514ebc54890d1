import { z } from 'zod';
import { newId } from './ids.ts';
import { idOf, longText, name, ownerName, position } from './record-fields.ts';
import type { RecordDefinition } from './record-definition.ts';

/**
 * Step 5 of the method: what the room decides to fix. How the workshop weighs a
 * needle mover, the room's value and effort ratings of a card, which record a future
 * state's copy was made from, and the action plan with what each action addresses.
 */

/** What the matrix can put on an axis: the needle-mover score, or one of the room's ratings. */
export const MATRIX_MEASURES = ['score', 'customerValue', 'businessValue', 'effort'] as const;
export type MatrixMeasure = (typeof MATRIX_MEASURES)[number];

const weight = (what: string) =>
  z.number({ error: `${what} is a whole number from 0 to 10` }).int(`${what} is a whole number from 0 to 10`).min(0, `${what} is a whole number from 0 to 10`).max(10, `${what} is a whole number from 0 to 10`);

/**
 * The workshop's weights for the needle-mover score, and the matrix's axes. One per
 * workshop, made on the first change; until then DEFAULT_SCORING applies.
 */
export const scoringSchema = z.object({
  id: idOf('scoring'),
  type: z.literal('scoring'),
  costWeight: weight('The cost weight'),
  evidenceWeight: weight('The evidence weight'),
  voteWeight: weight('The vote weight'),
  severityWeight: weight('The severity weight'),
  matrixX: z.enum(MATRIX_MEASURES),
  matrixY: z.enum(MATRIX_MEASURES),
});

const rating = (what: string) =>
  z.number({ error: `${what} is a whole number from 1 to 5` }).int(`${what} is a whole number from 1 to 5`).min(1, `${what} is a whole number from 1 to 5`).max(5, `${what} is a whole number from 1 to 5`).nullable();

/** The room's 1–5 ratings of a pain point or an opportunity; null until the room sets one. */
export const ratingSchema = z.object({
  id: idOf('rating'),
  type: z.literal('rating'),
  cardId: idOf('card'),
  customerValue: rating('Customer value'),
  businessValue: rating('Business value'),
  effort: rating('Effort'),
});

/**
 * A future state's copy remembers its original: (journey of the copy, copy's id, the
 * original's id). Kept beside the records rather than in them, so stages, steps and
 * cards keep their shape; it goes with the future journey. The ids are plain text: when
 * either side is deleted the link just stops matching, which the gap reads as removed.
 */
export const copyOriginSchema = z.object({
  id: idOf('copy-origin'),
  type: z.literal('copy-origin'),
  journeyId: idOf('journey'),
  recordId: z.string().min(1).max(80),
  originId: z.string().min(1).max(80),
});

export const ACTION_STATUSES = ['planned', 'doing', 'done', 'dropped'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];
export const ACTION_STATUS_LABELS: Record<ActionStatus, string> = { planned: 'Planned', doing: 'In progress', done: 'Done', dropped: 'Dropped' };

/** One action of the needle-mover plan: one named owner, a due date, a status. */
export const planActionSchema = z.object({
  id: idOf('plan-action'),
  type: z.literal('plan-action'),
  title: name('An action').min(1, 'An action needs a title'),
  owner: ownerName("An action's owner"),
  /** YYYY-MM-DD, or empty until the room sets one. */
  dueDate: z.string().regex(/^(\d{4}-\d{2}-\d{2})?$/, 'A due date is written like 2026-03-31'),
  status: z.enum(ACTION_STATUSES),
  expectedEffect: longText('The expected effect'),
  position,
});

/** What an action addresses: a card (pain point, opportunity, tollgate) or a KPI. */
export const planLinkSchema = z
  .object({
    id: idOf('plan-link'),
    type: z.literal('plan-link'),
    actionId: idOf('plan-action'),
    cardId: idOf('card').nullable(),
    kpiId: idOf('kpi').nullable(),
  })
  .refine((l) => (l.cardId === null) !== (l.kpiId === null), { message: 'A link names one card or one KPI' });

export const scoringDefinition = {
  type: 'scoring',
  schema: scoringSchema,
  table: 'scoring',
  columns: {
    id: 'id',
    costWeight: 'cost_weight',
    evidenceWeight: 'evidence_weight',
    voteWeight: 'vote_weight',
    severityWeight: 'severity_weight',
    matrixX: 'matrix_x',
    matrixY: 'matrix_y',
  },
  parents: {},
} satisfies RecordDefinition<'scoring'>;

export const ratingDefinition = {
  type: 'rating',
  schema: ratingSchema,
  table: 'rating',
  columns: { id: 'id', cardId: 'card_id', customerValue: 'customer_value', businessValue: 'business_value', effort: 'effort' },
  parents: { cardId: 'card' },
  // A rating is a detail of its card, like its pain point: the future state starts from it.
  inFutureState: true,
} satisfies RecordDefinition<'rating'>;

export const copyOriginDefinition = {
  type: 'copy-origin',
  schema: copyOriginSchema,
  table: 'copy_origin',
  columns: { id: 'id', journeyId: 'journey_id', recordId: 'record_id', originId: 'origin_id' },
  parents: { journeyId: 'journey' },
} satisfies RecordDefinition<'copy-origin'>;

export const planActionDefinition = {
  type: 'plan-action',
  schema: planActionSchema,
  table: 'plan_action',
  columns: { id: 'id', position: 'position', title: 'title', owner: 'owner', dueDate: 'due_date', status: 'status', expectedEffect: 'expected_effect' },
  parents: {},
} satisfies RecordDefinition<'plan-action'>;

export const planLinkDefinition = {
  type: 'plan-link',
  schema: planLinkSchema,
  table: 'plan_link',
  columns: { id: 'id', actionId: 'action_id', cardId: 'card_id', kpiId: 'kpi_id' },
  parents: { actionId: 'plan-action', cardId: 'card', kpiId: 'kpi' },
} satisfies RecordDefinition<'plan-link'>;

type Scoring = z.output<typeof scoringSchema>;
type Rating = z.output<typeof ratingSchema>;
type PlanAction = z.output<typeof planActionSchema>;
type PlanLink = z.output<typeof planLinkSchema>;
type CopyOrigin = z.output<typeof copyOriginSchema>;

/**
 * Cost first: it is the argument executives hear (domain.md); evidence and votes next,
 * so the loudest voice in the room does not win on its own; severity last.
 */
export const DEFAULT_WEIGHTS = { costWeight: 4, evidenceWeight: 2, voteWeight: 2, severityWeight: 1 } as const;

export function newScoring(fields: Partial<Omit<Scoring, 'id' | 'type'>> = {}): Scoring {
  return { id: newId('scoring'), type: 'scoring', ...DEFAULT_WEIGHTS, matrixX: 'effort', matrixY: 'score', ...fields };
}

export function newRating(fields: Partial<Omit<Rating, 'id' | 'type' | 'cardId'>> & { cardId: string }): Rating {
  return { id: newId('rating'), type: 'rating', customerValue: null, businessValue: null, effort: null, ...fields } as Rating;
}

export function newCopyOrigin(fields: { journeyId: string; recordId: string; originId: string }): CopyOrigin {
  return { id: newId('copy-origin'), type: 'copy-origin', ...fields } as CopyOrigin;
}

export function newPlanAction(fields: Partial<Omit<PlanAction, 'id' | 'type'>> & { title: string; position: string }): PlanAction {
  return { id: newId('plan-action'), type: 'plan-action', owner: '', dueDate: '', status: 'planned', expectedEffect: '', ...fields };
}

export function newPlanLink(fields: { actionId: string; cardId?: string | null; kpiId?: string | null }): PlanLink {
  return { id: newId('plan-link'), type: 'plan-link', cardId: null, kpiId: null, ...fields } as PlanLink;
}
