import { z } from 'zod';
import { positionsBetween } from './ordering.ts';
import { newCard, newEmotion, newJourney, newLane, newPainPoint, newPersona, newStage, newStep, newTollgate, PERSONA_COLORS } from './record-factories.ts';
import { LANE_TYPES, PARTICIPATION_LEVELS, TOLLGATE_STATUSES, type AnyRecord } from './records.ts';

/**
 * A template is a starting map in plain JSON (assets/templates): stages with their
 * steps, lanes, and optionally example cards, personas and emotions, so a facilitator
 * can open a real, editable map of the method's journeys instead of a blank grid.
 */
export const TEMPLATE_IDS = ['blank', 'b2b-buying', 'b2c-service', 'employee'] as const;
export type TemplateId = (typeof TEMPLATE_IDS)[number];

export const TEMPLATE_LABELS: Record<TemplateId, { title: string; description: string }> = {
  blank: { title: 'Blank map', description: 'Five starter lanes and no stages.' },
  'b2b-buying': { title: 'B2B buying journey', description: 'Trigger to renew or retire, with tollgate and content lanes.' },
  'b2c-service': { title: 'B2C service journey', description: 'A consumer from first need to staying or leaving.' },
  employee: { title: 'Employee journey', description: 'From applying to leaving, for employee experience work.' },
};

const cardSpec = z.union([
  z.string(),
  z.object({
    text: z.string(),
    momentOfTruth: z.boolean().optional(),
    tollgate: z.object({ status: z.enum(TOLLGATE_STATUSES), buyerProcess: z.string().optional(), content: z.string().optional(), channel: z.string().optional(), source: z.string().optional() }).optional(),
    painPoint: z.object({ severity: z.number().int().min(1).max(5), affectedPerPeriod: z.number().min(0).optional(), costPerOccurrence: z.number().min(0).optional(), period: z.enum(['day', 'week', 'month', 'quarter', 'year']).optional(), currency: z.string().optional() }).optional(),
  }),
]);

export const templateSchema = z.object({
  journeyName: z.string(),
  lanes: z.array(z.object({ name: z.string(), laneType: z.enum(LANE_TYPES) })).min(1),
  personas: z
    .array(z.object({ name: z.string(), role: z.string(), participation: z.enum(PARTICIPATION_LEVELS), goals: z.string().optional(), baggage: z.string().optional() }))
    .default([]),
  stages: z.array(
    z.object({
      name: z.string(),
      owner: z.string().optional(),
      steps: z.array(
        z.object({
          name: z.string(),
          momentOfTruth: z.boolean().optional(),
          /** Example cards by lane type. */
          cards: z.record(z.string(), z.array(cardSpec)).optional(),
          /** One score per persona, in the order of `personas`. */
          emotions: z.array(z.number().int().min(-3).max(3)).optional(),
        }),
      ),
    }),
  ),
});
export type Template = z.output<typeof templateSchema>;

/** The records of a template's journey (everything but the workshop record itself). */
export function recordsFromTemplate(template: Template): AnyRecord[] {
  const records: AnyRecord[] = [];
  const personaPositions = positionsBetween(null, null, Math.max(1, template.personas.length));
  const personas = template.personas.map((p, i) =>
    newPersona({ ...p, goals: p.goals ?? '', baggage: p.baggage ?? '', color: PERSONA_COLORS[i % PERSONA_COLORS.length]!, position: personaPositions[i]! }),
  );
  const journey = newJourney({ name: template.journeyName, position: 'a0', personaId: personas[0]?.id ?? null });
  const lanePositions = positionsBetween(null, null, template.lanes.length);
  const lanes = template.lanes.map((l, i) => newLane({ journeyId: journey.id, ...l, position: lanePositions[i]! }));
  records.push(...personas, journey, ...lanes);

  const stagePositions = positionsBetween(null, null, template.stages.length);
  template.stages.forEach((stageSpec, s) => {
    const stage = newStage({ journeyId: journey.id, name: stageSpec.name, owner: stageSpec.owner ?? '', position: stagePositions[s]! });
    records.push(stage);
    const stepPositions = positionsBetween(null, null, stageSpec.steps.length);
    stageSpec.steps.forEach((stepSpec, t) => {
      const step = { ...newStep({ stageId: stage.id, name: stepSpec.name, position: stepPositions[t]! }), momentOfTruth: stepSpec.momentOfTruth ?? false };
      records.push(step);
      stepSpec.emotions?.forEach((score, p) => {
        const persona = personas[p];
        if (persona) records.push(newEmotion({ stepId: step.id, personaId: persona.id, score }));
      });
      for (const [laneType, specs] of Object.entries(stepSpec.cards ?? {})) {
        const lane = lanes.find((l) => l.laneType === laneType);
        if (!lane) continue;
        const cardPositions = positionsBetween(null, null, specs.length);
        specs.forEach((spec, c) => {
          const detail = typeof spec === 'string' ? { text: spec } : spec;
          const card = { ...newCard({ stepId: step.id, laneId: lane.id, text: detail.text, position: cardPositions[c]! }), momentOfTruth: detail.momentOfTruth ?? false };
          records.push(card);
          if (detail.tollgate) records.push(newTollgate({ cardId: card.id, ...detail.tollgate }));
          if (detail.painPoint) records.push(newPainPoint({ cardId: card.id, ...detail.painPoint }));
        });
      }
    });
  });
  return records;
}

