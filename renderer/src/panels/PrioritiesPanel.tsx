import { useMemo } from 'react';
import { useStore } from 'zustand';
import { formatMoney, rankPainPointsByCost } from '../../../shared/model/pain-point-cost.ts';
import { layoutBoard } from '../../../shared/layout/board-layout.ts';
import type { Editor } from '../editor/editor.ts';

/** The needle movers: pain points by what they cost a year, and the moments of truth. */
export function PrioritiesPanel({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const { ranked, moments } = useMemo(() => {
    if (!journeyId) return { ranked: [], moments: [] };
    const layout = layoutBoard(records, journeyId);
    const ranked = rankPainPointsByCost(records, new Set(layout.cards.map((c) => c.card.id)));
    // Moments of truth in journey order: flagged steps and cards, step by step.
    const moments = layout.steps.flatMap((s) => [
      ...(s.step.momentOfTruth ? [{ id: s.step.id, text: s.step.name, where: 'Step', stepId: s.step.id, laneId: undefined as string | undefined }] : []),
      ...layout.cards.filter((c) => c.card.stepId === s.step.id && c.card.momentOfTruth).map((c) => ({ id: c.card.id, text: c.card.text, where: s.step.name, stepId: s.step.id, laneId: c.card.laneId as string | undefined })),
    ]);
    return { ranked, moments };
  }, [records, journeyId]);
  return (
    <div className="priorities">
      <h3>Pain points by yearly cost</h3>
      {ranked.length === 0 && <p className="muted small">Cards in a pain-point lane appear here with what they cost if nobody fixes them.</p>}
      <ol className="ranked">
        {ranked.map(({ card, painPoint, yearlyCost }) => (
          <li key={card.id}>
            <button className="list-link" onClick={() => editor.setFocus({ kind: 'cell', stepId: card.stepId, laneId: card.laneId, cardId: card.id })}>
              <span className="ranked-text">{card.text || 'Untitled pain point'}</span>
              <span className="ranked-meta">
                {yearlyCost === null ? 'cost unknown' : `${formatMoney(yearlyCost, painPoint.currency)} / year`} · severity {painPoint.severity}
                {painPoint.owner ? ` · ${painPoint.owner}` : ''}
              </span>
            </button>
          </li>
        ))}
      </ol>
      <h3>Moments of truth</h3>
      {moments.length === 0 && <p className="muted small">Flag a card or step as a moment of truth in its details.</p>}
      <ol className="ranked">
        {moments.map((m) => (
          <li key={m.id}>
            <button
              className="list-link"
              onClick={() => editor.setFocus(m.laneId ? { kind: 'cell', stepId: m.stepId, laneId: m.laneId, cardId: m.id } : { kind: 'header', id: m.id })}
            >
              <span className="ranked-text">★ {m.text}</span>
              <span className="ranked-meta">{m.where}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
