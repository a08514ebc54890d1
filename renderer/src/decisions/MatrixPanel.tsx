import { useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { MEASURE_LABELS, measureOf, QUADRANT_LABELS, quadrantAt, quadrantOf } from '../../../shared/decisions/matrix.ts';
import { rankNeedleMovers, scoringOf, type NeedleMover } from '../../../shared/decisions/needle-movers.ts';
import { MATRIX_MEASURES, type MatrixMeasure } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { setRating, setScoring } from './decision-actions.ts';

type RatingField = Exclude<MatrixMeasure, 'score'>;
const isRating = (m: MatrixMeasure): m is RatingField => m !== 'score';

/** 1–5 on an axis → percent along it: 1 at the low edge's inside, 5 at the high one's. */
const along = (value: number) => 6 + ((value - 1) / 4) * 88;
/** Percent along → the nearest whole rating, for a drop. */
const ratingAt = (percent: number) => Math.max(1, Math.min(5, Math.round(1 + ((percent - 6) / 88) * 4)));

/**
 * Impact and effort, 2×2: any two of the score and the room's ratings on the axes. The
 * room sets a rating by dragging a numbered item, or with the arrow keys on it; items
 * not rated yet wait beside the matrix, numbered like the ranking.
 */
export function MatrixPanel({ editor, journeyId }: { editor: Editor; journeyId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const scoring = scoringOf(records);
  const x: MatrixMeasure = scoring?.matrixX ?? 'effort';
  const y: MatrixMeasure = scoring?.matrixY ?? 'score';
  const ranked = useMemo(() => rankNeedleMovers(records, journeyId), [records, journeyId]);
  const plotted = ranked.filter((item) => measureOf(item, x) !== null && measureOf(item, y) !== null);
  const waiting = ranked.filter((item) => !plotted.includes(item));
  const plot = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ cardId: string; left: number; top: number } | null>(null);

  const rate = (item: NeedleMover, patch: Partial<Record<RatingField, number>>) => {
    if (Object.keys(patch).length === 0) return;
    if (editor.perform(setRating(editor.state.records, item.card.id, patch))) editor.seal();
    // The item may have moved from the waiting list into the plot: keep the keys on it.
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-matrix-card="${item.card.id}"]`)?.focus());
  };
  const onKey = (item: NeedleMover, event: React.KeyboardEvent) => {
    const dx = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    const dy = event.key === 'ArrowUp' ? 1 : event.key === 'ArrowDown' ? -1 : 0;
    if (dx === 0 && dy === 0) return;
    event.preventDefault();
    const patch: Partial<Record<RatingField, number>> = {};
    const move = (measure: MatrixMeasure, by: number) => {
      if (by === 0 || !isRating(measure)) return;
      const now = item.rating?.[measure] ?? null;
      patch[measure] = now === null ? 3 : Math.max(1, Math.min(5, now + by));
    };
    move(x, dx);
    move(y, dy);
    rate(item, patch);
  };
  const pointAt = (event: React.PointerEvent) => {
    const box = plot.current!.getBoundingClientRect();
    return { left: ((event.clientX - box.left) / box.width) * 100, top: ((event.clientY - box.top) / box.height) * 100 };
  };
  const dragHandlers = (item: NeedleMover) => ({
    onPointerDown: (event: React.PointerEvent) => {
      (event.target as HTMLElement).setPointerCapture(event.pointerId);
      setDrag({ cardId: item.card.id, ...pointAt(event) });
    },
    onPointerMove: (event: React.PointerEvent) => {
      if (drag?.cardId === item.card.id) setDrag({ cardId: item.card.id, ...pointAt(event) });
    },
    onPointerUp: (event: React.PointerEvent) => {
      if (drag?.cardId !== item.card.id) return;
      setDrag(null);
      const at = pointAt(event);
      if (at.left < 0 || at.left > 100 || at.top < 0 || at.top > 100) return;
      const patch: Partial<Record<RatingField, number>> = {};
      if (isRating(x)) patch[x] = ratingAt(at.left);
      if (isRating(y)) patch[y] = ratingAt(100 - at.top);
      rate(item, patch);
    },
  });

  const label = (item: NeedleMover) => {
    const quadrant = quadrantOf(item, x, y);
    const values = [x, y].map((m) => `${MEASURE_LABELS[m]} ${measureOf(item, m)?.toFixed(m === 'score' ? 1 : 0) ?? 'not set'}`).join(', ');
    return `${item.rank}. ${item.card.text || 'Untitled'}: ${values}${quadrant ? `, ${QUADRANT_LABELS[quadrant]}` : ''}`;
  };
  // Items on the same spot fan out a little, so each number stays readable.
  const seen = new Map<string, number>();

  return (
    <section className="decisions-section matrix-section" aria-labelledby="matrix-title">
      <header className="decisions-head">
        <h2 id="matrix-title">Impact / effort</h2>
        <div className="axis-pickers">
          {(['matrixX', 'matrixY'] as const).map((field) => (
            <label key={field}>
              {field === 'matrixX' ? 'Across' : 'Up'}
              <select value={field === 'matrixX' ? x : y} onChange={(e) => editor.perform(setScoring(editor.state.records, { [field]: e.target.value as MatrixMeasure })) && editor.seal()}>
                {MATRIX_MEASURES.map((m) => (
                  <option key={m} value={m}>
                    {MEASURE_LABELS[m]}
                  </option>
                ))}
              </select>
            </label>
          ))}
        </div>
      </header>
      <p className="muted small matrix-hint">Drag a numbered item, or focus it and use the arrow keys, to set its {[x, y].filter(isRating).map((m) => MEASURE_LABELS[m].toLowerCase()).join(' and ') || 'ratings'} (1–5). The score comes from the ranking.</p>
      <div className="matrix-layout">
        <div className="matrix-frame">
          <span className="axis-label axis-y">{MEASURE_LABELS[y]} →</span>
          <div className="matrix-plot" ref={plot} role="group" aria-label={`${MEASURE_LABELS[x]} across, ${MEASURE_LABELS[y]} up`}>
            {([true, false] as const).flatMap((top) =>
              ([false, true] as const).map((right) => {
                const quadrant = quadrantAt(x, y, right, top);
                return (
                  <div key={`${top}${right}`} className={`quadrant ${quadrant ?? ''} ${top ? 'top' : 'bottom'} ${right ? 'right' : 'left'}`}>
                    <span className="quadrant-label">{quadrant ? QUADRANT_LABELS[quadrant] : `${top ? 'High' : 'Low'} ${MEASURE_LABELS[y].toLowerCase()}, ${right ? 'high' : 'low'} ${MEASURE_LABELS[x].toLowerCase()}`}</span>
                  </div>
                );
              }),
            )}
            {plotted.map((item) => {
              const spot = `${measureOf(item, x)!.toFixed(1)}|${measureOf(item, y)!.toFixed(1)}`;
              const nth = seen.get(spot) ?? 0;
              seen.set(spot, nth + 1);
              const dragging = drag?.cardId === item.card.id;
              const left = dragging ? drag.left : along(measureOf(item, x)!) + nth * 2.2;
              const top = dragging ? drag.top : 100 - along(measureOf(item, y)!) - nth * 2.2;
              return (
                <button key={item.card.id} data-matrix-card={item.card.id} className={`matrix-item ${item.kind}${dragging ? ' dragging' : ''}`} style={{ left: `${left}%`, top: `${top}%` }} aria-label={label(item)} title={label(item)} onKeyDown={(e) => onKey(item, e)} {...dragHandlers(item)}>
                  {item.rank}
                </button>
              );
            })}
          </div>
          <span className="axis-label axis-x">{MEASURE_LABELS[x]} →</span>
        </div>
        <div className="matrix-legend">
          <h3>On the matrix</h3>
          <ol className="legend-list">
            {plotted.map((item) => (
              <li key={item.card.id}>
                <span className={`legend-number ${item.kind}`}>{item.rank}</span>
                <span>
                  {item.card.text || 'Untitled'}
                  <span className="muted small"> {quadrantOf(item, x, y) ? QUADRANT_LABELS[quadrantOf(item, x, y)!] : ''}</span>
                </span>
              </li>
            ))}
          </ol>
          {waiting.length > 0 && (
            <>
              <h3>Not rated yet</h3>
              <ul className="legend-list waiting">
                {waiting.map((item) => (
                  <li key={item.card.id}>
                    <button data-matrix-card={item.card.id} className={`legend-number ${item.kind}`} aria-label={`${label(item)}. Arrow keys rate it`} onKeyDown={(e) => onKey(item, e)} {...dragHandlers(item)}>
                      {item.rank}
                    </button>
                    <span>{item.card.text || 'Untitled'}</span>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      </div>
    </section>
  );
}
