import { recordsOfType } from '../../../shared/model/document.ts';
import type { BoardLayout, LaneBox } from '../../../shared/layout/board-layout.ts';
import { EMOTION_MAX, EMOTION_MIN, type Emotion, type Persona } from '../../../shared/model/records.ts';
import type { RecordMap } from '../../../shared/model/document.ts';
import { MAX_OVERLAID_PERSONAS } from '../editor/detail-actions.ts';
import { byPosition } from '../../../shared/model/ordering.ts';

const PADDING = 22;

/** The y of a score inside the emotions lane: +3 at the top, -3 at the bottom. */
export function scoreToY(lane: LaneBox, score: number): number {
  const usable = lane.height - 2 * PADDING;
  return lane.y + PADDING + ((EMOTION_MAX - score) / (EMOTION_MAX - EMOTION_MIN)) * usable;
}

/** The nearest whole score to a y, clamped to -3..+3. */
export function yToScore(lane: LaneBox, y: number): number {
  const usable = lane.height - 2 * PADDING;
  const raw = EMOTION_MAX - ((y - lane.y - PADDING) / usable) * (EMOTION_MAX - EMOTION_MIN);
  return Math.max(EMOTION_MIN, Math.min(EMOTION_MAX, Math.round(raw)));
}

export interface EmotionCurve {
  persona: Persona;
  points: { stepId: string; x: number; score: number; evoker: string }[];
}

/**
 * The curves to draw for a journey: its own persona first, then every other persona
 * scored on its steps, at most five, each through the steps it has a score for.
 */
export function emotionCurves(records: RecordMap, layout: BoardLayout, journeyPersonaId: string | null): EmotionCurve[] {
  const stepX = new Map(layout.steps.map((s) => [s.step.id, s.x + s.width / 2]));
  const byPersona = new Map<string, Emotion[]>();
  for (const record of recordsOfType(records, 'emotion')) {
    if (!stepX.has(record.stepId)) continue;
    byPersona.set(record.personaId, [...(byPersona.get(record.personaId) ?? []), record]);
  }
  const personas = byPosition(recordsOfType(records, 'persona'));
  const shown = personas
    .filter((p) => p.id === journeyPersonaId || byPersona.has(p.id))
    .sort((a, b) => Number(b.id === journeyPersonaId) - Number(a.id === journeyPersonaId))
    .slice(0, MAX_OVERLAID_PERSONAS);
  return shown.map((persona) => ({
    persona,
    points: (byPersona.get(persona.id) ?? [])
      .map((e) => ({ stepId: e.stepId, x: stepX.get(e.stepId)!, score: e.score, evoker: e.evoker }))
      .sort((a, b) => a.x - b.x),
  }));
}
