import { useMemo } from 'react';
import { useStore } from 'zustand';
import { formatMoney, rankPainPointsByCost } from '../../../shared/model/pain-point-cost.ts';
import { layoutBoard } from '../../../shared/layout/board-layout.ts';
import type { Editor } from '../editor/editor.ts';
import { rankVote, voteState } from '../../../shared/model/dot-votes.ts';
import type { DotVote } from '../../../shared/model/records.ts';
import { allRecords } from '../../../shared/model/record-map.ts';

/** The needle movers: pain points by what they cost a year, and the moments of truth. */
export function PrioritiesPanel({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const { ranked, moments, votes } = useMemo(() => {
    if (!journeyId) return { ranked: [], moments: [], votes: [] };
    const layout = layoutBoard(records, journeyId);
    const ranked = rankPainPointsByCost(records, new Set(layout.cards.map((c) => c.card.id)));
    // Moments of truth in journey order: flagged steps and cards, step by step.
    const moments = layout.steps.flatMap((s) => [
      ...(s.step.momentOfTruth ? [{ id: s.step.id, text: s.step.name, where: 'Step', stepId: s.step.id, laneId: undefined as string | undefined }] : []),
      ...layout.cards.filter((c) => c.card.stepId === s.step.id && c.card.momentOfTruth).map((c) => ({ id: c.card.id, text: c.card.text, where: s.step.name, stepId: s.step.id, laneId: c.card.laneId as string | undefined })),
    ]);
    // What the room's revealed votes put on top, newest vote first.
    const votes = allRecords(records)
      .filter((r): r is DotVote => r.type === 'dot-vote' && r.journeyId === journeyId && r.revealed)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((vote) => {
        const state = voteState(records, vote.id);
        return { vote, top: state ? rankVote(records, state).filter((r) => r.dots > 0).slice(0, 5) : [] };
      });
    return { ranked, moments, votes };
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
      {votes.map(({ vote, top }) => (
        <div key={vote.id}>
          <h3>Dot vote: {vote.title || 'cards'}</h3>
          <ol className="ranked">
            {top.map((r) => (
              <li key={r.card.id}>
                <button className="list-link" onClick={() => editor.setFocus({ kind: 'cell', stepId: r.card.stepId, laneId: r.card.laneId, cardId: r.card.id })}>
                  <span className="ranked-text">{r.card.text}</span>
                  <span className="ranked-meta">
                    {r.dots} {r.dots === 1 ? 'dot' : 'dots'}
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </div>
      ))}
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
