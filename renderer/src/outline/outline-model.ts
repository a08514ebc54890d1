import { cellKey } from '../../../shared/layout/board-layout.ts';
import { lanesOf, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition, comparePositions } from '../../../shared/model/ordering.ts';
import { formatMoney, yearlyCost } from '../../../shared/model/pain-point-cost.ts';
import { TOLLGATE_STATUS_LABELS } from '../../../shared/model/detail-records.ts';
import type { Card, Emotion, PainPoint, Persona, Tollgate } from '../../../shared/model/records.ts';
import type { Focus } from '../editor/editor-state.ts';
import { allRecords } from '../../../shared/model/record-map.ts';

/**
 * The journey as text: the canvas's alternative for a screen reader, and a way to find a
 * card by reading. Stages hold their steps, steps the lanes that have something in them,
 * lanes their cards (or, for the emotions lane, each persona's score); each item says
 * what the board draws round it (moment of truth, tollgate status, a pain point's cost).
 */
export interface OutlineNode {
  id: string;
  kind: 'stage' | 'step' | 'lane' | 'card' | 'emotion';
  label: string;
  /** What the board shows as marks and badges, in words. */
  detail: string;
  /** Where Enter puts the board's focus. */
  target: Focus;
  children: OutlineNode[];
}

const signed = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function journeyOutline(records: RecordMap, journeyId: string): OutlineNode[] {
  const cardsByCell = new Map<string, Card[]>();
  const tollgates = new Map<string, Tollgate>();
  const painPoints = new Map<string, PainPoint>();
  const emotionsByStep = new Map<string, Emotion[]>();
  for (const record of allRecords(records)) {
    if (record.type === 'card') {
      const key = cellKey(record.stepId, record.laneId);
      cardsByCell.set(key, [...(cardsByCell.get(key) ?? []), record]);
    } else if (record.type === 'tollgate') tollgates.set(record.cardId, record);
    else if (record.type === 'pain-point') painPoints.set(record.cardId, record);
    else if (record.type === 'emotion') emotionsByStep.set(record.stepId, [...(emotionsByStep.get(record.stepId) ?? []), record]);
  }
  const lanes = lanesOf(records, journeyId);

  const cardDetail = (card: Card): string => {
    const parts: string[] = [];
    if (card.momentOfTruth) parts.push('moment of truth');
    const gate = tollgates.get(card.id);
    if (gate) parts.push(`tollgate: ${TOLLGATE_STATUS_LABELS[gate.status].toLowerCase()}`);
    const pain = painPoints.get(card.id);
    if (pain) {
      const cost = yearlyCost(pain);
      parts.push(`severity ${pain.severity}`, cost === null ? 'cost unknown' : `${formatMoney(cost, pain.currency)} a year`);
    }
    return parts.join(', ');
  };

  return stagesOf(records, journeyId).map((stage) => {
    const steps = stepsOf(records, stage.id).map((step): OutlineNode => {
      const children: OutlineNode[] = [];
      for (const lane of lanes) {
        const cell = { kind: 'cell' as const, stepId: step.id, laneId: lane.id };
        if (lane.laneType === 'emotions') {
          const scores = (emotionsByStep.get(step.id) ?? [])
            .map((e) => ({ e, persona: records[e.personaId] }))
            .filter((x): x is { e: Emotion; persona: Persona } => x.persona?.type === 'persona')
            .sort((a, b) => comparePositions(a.persona, b.persona));
          if (scores.length === 0) continue;
          children.push({
            id: `${step.id}|${lane.id}`,
            kind: 'lane',
            label: lane.name || 'Emotions',
            detail: plural(scores.length, 'score'),
            target: cell,
            children: scores.map(({ e, persona }) => ({
              id: e.id,
              kind: 'emotion',
              label: `${persona.name}: ${signed(e.score)}`,
              detail: e.evoker,
              target: cell,
              children: [],
            })),
          });
          continue;
        }
        const cards = byPosition(cardsByCell.get(cellKey(step.id, lane.id)) ?? []);
        if (cards.length === 0) continue;
        children.push({
          id: `${step.id}|${lane.id}`,
          kind: 'lane',
          label: lane.name || 'Untitled lane',
          detail: plural(cards.length, 'card'),
          target: cell,
          children: cards.map((card) => ({ id: card.id, kind: 'card', label: card.text || 'Empty card', detail: cardDetail(card), target: { ...cell, cardId: card.id }, children: [] })),
        });
      }
      const gates = children.flatMap((lane) => lane.children).map((c) => tollgates.get(c.id)).filter((g): g is Tollgate => g !== undefined);
      const detail = [step.momentOfTruth ? 'moment of truth' : '', gates.length ? `${plural(gates.length, 'tollgate')}: ${gates.map((g) => TOLLGATE_STATUS_LABELS[g.status].toLowerCase()).join(', ')}` : '']
        .filter(Boolean)
        .join(', ');
      return { id: step.id, kind: 'step', label: step.name || 'Untitled step', detail, target: { kind: 'header', id: step.id }, children };
    });
    const detail = [plural(steps.length, 'step'), stage.owner ? `owner ${stage.owner}` : 'no owner yet'].join(', ');
    return { id: stage.id, kind: 'stage', label: stage.name || 'Untitled stage', detail, target: { kind: 'header', id: stage.id }, children: steps };
  });
}

/** The items a reader can move to: the tree in reading order, skipping closed branches. */
export function visibleItems(nodes: readonly OutlineNode[], collapsed: ReadonlySet<string>, parent: OutlineNode | null = null, level = 1): { node: OutlineNode; parent: OutlineNode | null; level: number }[] {
  return nodes.flatMap((node) => [{ node, parent, level }, ...(collapsed.has(node.id) ? [] : visibleItems(node.children, collapsed, node, level + 1))]);
}

export function countNodes(nodes: readonly OutlineNode[]): number {
  return nodes.reduce((n, node) => n + 1 + countNodes(node.children), 0);
}
