import type { RecordMap } from '../../../shared/model/document.ts';
import { formatMoney, yearlyCost } from '../../../shared/model/pain-point-cost.ts';
import type { Tollgate } from '../../../shared/model/records.ts';
import { allRecords } from '../../../shared/model/record-map.ts';

export interface CardDecoration {
  momentOfTruth: boolean;
  /** Tollgate status colour, drawn as a stripe on the card's left edge. */
  stripe?: string;
  /** A short badge, e.g. a pain point's yearly cost. */
  badge?: string;
}

export interface StepMarker {
  momentOfTruth: boolean;
  gates: Tollgate['status'][];
}

export const TOLLGATE_COLORS: Record<Tollgate['status'], string> = { passes: '#2e7d32', friction: '#e09f3e', blocks: '#c62828' };

/** What the board draws on cards and step headers beyond their text, from the records. */
export function decorationsFor(records: RecordMap): { cards: Map<string, CardDecoration>; steps: Map<string, StepMarker> } {
  const cards = new Map<string, CardDecoration>();
  const steps = new Map<string, StepMarker>();
  const step = (id: string) => {
    let marker = steps.get(id);
    if (!marker) steps.set(id, (marker = { momentOfTruth: false, gates: [] }));
    return marker;
  };
  const card = (id: string) => {
    let decoration = cards.get(id);
    if (!decoration) cards.set(id, (decoration = { momentOfTruth: false }));
    return decoration;
  };
  for (const record of allRecords(records)) {
    if (record.type === 'card' && record.momentOfTruth) card(record.id).momentOfTruth = true;
    else if (record.type === 'step' && record.momentOfTruth) step(record.id).momentOfTruth = true;
    else if (record.type === 'tollgate') {
      card(record.cardId).stripe = TOLLGATE_COLORS[record.status];
      const owner = records[record.cardId];
      if (owner?.type === 'card') step(owner.stepId).gates.push(record.status);
    } else if (record.type === 'pain-point') {
      const cost = yearlyCost(record);
      card(record.cardId).badge = `S${record.severity}${cost === null ? '' : ` · ${formatMoney(cost, record.currency)}/yr`}`;
    }
  }
  return { cards, steps };
}
