import { changeFrom } from '../../../shared/change/change.ts';
import { recordsGroupedBy, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import { newPlanAction, newPlanLink, newRating, newScoring, type PlanAction, type Rating, type Scoring } from '../../../shared/model/records.ts';
import type { ActionResult } from '../editor/document-actions.ts';

/**
 * The Decisions view's edits as pure changes, like the board's: the editor commits them,
 * so undo, autosave and the one SQLite transaction come with every one. Dragging a
 * weight or typing an action's title merges into one undo step by its merge key.
 */

/** The workshop's weights or matrix axes; the scoring record is made on the first change. */
export function setScoring(records: RecordMap, patch: Partial<Omit<Scoring, 'id' | 'type'>>): ActionResult | null {
  const existing = recordsOfType(records, 'scoring')[0];
  const record = existing ? { ...existing, ...patch } : newScoring(patch);
  if (existing && Object.entries(patch).every(([key, value]) => (existing as Record<string, unknown>)[key] === value)) return null;
  return { change: changeFrom(records, { put: [record] }), mergeKey: `scoring:${Object.keys(patch).sort().join(',')}` };
}

/** A card's customer value, business value or effort (1–5, or null to clear). */
export function setRating(records: RecordMap, cardId: string, patch: Partial<Pick<Rating, 'customerValue' | 'businessValue' | 'effort'>>): ActionResult | null {
  if (records[cardId]?.type !== 'card') return null;
  const existing = recordsGroupedBy(records, 'rating', 'cardId').get(cardId)?.[0];
  const record = existing ? { ...existing, ...patch } : newRating({ cardId, ...patch });
  return { change: changeFrom(records, { put: [record] }) };
}

/** A new action at the end of the plan, addressing the given cards from the start. */
export function addAction(records: RecordMap, fields: Partial<Omit<PlanAction, 'id' | 'type' | 'position'>> & { title: string }, cardIds: readonly string[] = []): ActionResult & { actionId: string } {
  const siblings = byPosition(recordsOfType(records, 'plan-action'));
  const action = newPlanAction({ ...fields, position: positionAtIndex(siblings, siblings.length) });
  const links = cardIds.map((cardId) => newPlanLink({ actionId: action.id, cardId }));
  return { change: changeFrom(records, { put: [action, ...links] }), actionId: action.id };
}

/** Edits fields of an action; typing in one field is one undo step. */
export function updateAction(records: RecordMap, actionId: string, patch: Partial<Omit<PlanAction, 'id' | 'type'>>, mergeKey?: string): ActionResult | null {
  const action = records[actionId];
  if (action?.type !== 'plan-action') return null;
  const change = changeFrom(records, { put: [{ ...action, ...patch }] });
  return mergeKey === undefined ? { change } : { change, mergeKey };
}

/** An action goes with its links; what it addressed stays. */
export function deleteAction(records: RecordMap, actionId: string): ActionResult | null {
  const action = records[actionId];
  if (action?.type !== 'plan-action') return null;
  const links = recordsGroupedBy(records, 'plan-link', 'actionId').get(actionId) ?? [];
  return { change: changeFrom(records, { remove: [...links, action] }) };
}

/** Links an action to a card or a KPI, or unlinks it when it is linked already. */
export function toggleLink(records: RecordMap, actionId: string, target: { cardId: string } | { kpiId: string }): ActionResult | null {
  if (records[actionId]?.type !== 'plan-action') return null;
  const links = recordsGroupedBy(records, 'plan-link', 'actionId').get(actionId) ?? [];
  const existing = links.find((l) => ('cardId' in target ? l.cardId === target.cardId : l.kpiId === target.kpiId));
  if (existing) return { change: changeFrom(records, { remove: [existing] }) };
  return { change: changeFrom(records, { put: [newPlanLink({ actionId, ...target })] }) };
}
