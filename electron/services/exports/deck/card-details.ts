import { recordsOfType, type RecordMap } from '../../../../shared/model/document.ts';
import { formatMoney, yearlyCost } from '../../../../shared/model/pain-point-cost.ts';
import { TOLLGATE_STATUS_LABELS, type Emotion, type Step, type Tollgate } from '../../../../shared/model/records.ts';

/**
 * What the board shows on a card beyond its text (renderer/src/board/decorations.ts),
 * said in words a slide can carry: a consultant who deletes the colour still keeps the
 * meaning, and a screen reader reads it.
 */
export interface CardBadges {
  momentOfTruth: boolean;
  /** e.g. "S4 · €120,000/yr" for a pain point, "Tollgate: Blocks", "3 interview notes". */
  badges: string[];
  /** The tollgate's status colour, drawn as the card's border as the board's stripe is. */
  border?: string;
}

/** The board's tollgate colours (decorations.ts), without '#'. */
export const TOLLGATE_BORDER: Record<Tollgate['status'], string> = { passes: '2E7D32', friction: 'E09F3E', blocks: 'C62828' };
export const BADGE_COLOR = '8A1C1C';
export const STAR_COLOR = 'C98A00';

export function cardBadges(records: RecordMap): Map<string, CardBadges> {
  const out = new Map<string, CardBadges>();
  const of = (id: string) => {
    let b = out.get(id);
    if (!b) out.set(id, (b = { momentOfTruth: false, badges: [] }));
    return b;
  };
  for (const card of recordsOfType(records, 'card')) if (card.momentOfTruth) of(card.id).momentOfTruth = true;
  for (const pain of recordsOfType(records, 'pain-point')) {
    const cost = yearlyCost(pain);
    of(pain.cardId).badges.push(`S${pain.severity}${cost === null ? '' : ` · ${formatMoney(cost, pain.currency, 'en')}/yr`}`);
  }
  for (const gate of recordsOfType(records, 'tollgate')) {
    const b = of(gate.cardId);
    b.badges.push(`Tollgate: ${TOLLGATE_STATUS_LABELS[gate.status]}`);
    b.border = TOLLGATE_BORDER[gate.status];
  }
  // Evidence: how many interview notes support the card (a pattern, or an outlier).
  const evidence = new Map<string, number>();
  for (const tag of recordsOfType(records, 'note-tag')) if (tag.kind === 'card' && tag.cardId) evidence.set(tag.cardId, (evidence.get(tag.cardId) ?? 0) + 1);
  for (const [cardId, n] of evidence) of(cardId).badges.push(`${n} interview ${n === 1 ? 'note' : 'notes'}`);
  return out;
}

/** The step's five W's and channels in one compact line; empty fields are left out. */
export function stepDetails(step: Step): string {
  const fields: [string, string][] = [
    ['Who', step.who],
    ['What', step.what],
    ['When', step.when],
    ['Where', step.where],
    ['Why', step.why],
    ['Channels', step.channels],
    ['Touchpoints', step.touchpoints],
    ['Content', step.content],
  ];
  return fields
    .filter(([, v]) => v.trim())
    .map(([k, v]) => `${k}: ${v.trim().replace(/\s*\n\s*/g, '; ')}`)
    .join(' · ');
}

/** How each persona feels at a step, with what evoked it: "Anna +2 — demo went well". */
export function stepEmotions(records: RecordMap, emotions: readonly Emotion[]): { text: string; score: number; color: string }[] {
  return emotions.map((e) => {
    const persona = records[e.personaId];
    const name = persona?.type === 'persona' ? shortName(persona.name) : 'Persona';
    const score = e.score > 0 ? `+${e.score}` : `${e.score}`;
    return { text: `${name} ${score}${e.evoker.trim() ? ` — ${e.evoker.trim()}` : ''}`, score: e.score, color: persona?.type === 'persona' ? persona.color.slice(1).toUpperCase() : '666666' };
  });
}

/** "Dana Okafor, Head of Operations" → "Dana Okafor": the role is on the persona slide. */
export const shortName = (name: string) => name.split(/,|\s\(/)[0]!.trim() || name;
