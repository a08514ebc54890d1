import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { ASPECT_LABELS, ASPECTS, gapAnalysis, STEP_STATUS_LABELS, type AspectGap, type StepGap, type StepStatus } from '../../../shared/decisions/gap-analysis.ts';
import { formatTotals } from '../../../shared/decisions/needle-movers.ts';
import { journeysOf } from '../../../shared/model/document.ts';
import { formatMoney } from '../../../shared/model/pain-point-cost.ts';
import type { Editor } from '../editor/editor.ts';

const signed = (n: number) => (n > 0 ? `+${n}` : n < 0 ? `−${Math.abs(n)}` : '±0');
const money = (totals: ReadonlyMap<string, number>) => ([...totals].map(([c, v]) => formatMoney(v, c)).join(' + ') || '—');

/**
 * The current journey against its future state, step by step: what the future keeps,
 * eliminates, adds and improves, and the yearly cost it takes away. Shown for the
 * journey on the board and its pair, whichever of the two is on the board.
 */
export function GapPanel({ editor, journeyId }: { editor: Editor; journeyId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  // A current journey may have several futures (a bold one, a cautious one): the room picks.
  const [picked, setPicked] = useState<string | null>(null);
  const futures = useMemo(() => {
    const journey = records[journeyId];
    if (journey?.type !== 'journey') return [];
    return journey.state === 'future' ? [journey] : journeysOf(records).filter((j) => j.state === 'future' && j.derivedFromId === journey.id);
  }, [records, journeyId]);
  const futureId = futures.find((j) => j.id === picked)?.id ?? futures[0]?.id;
  const gap = useMemo(() => (futureId ? gapAnalysis(records, futureId) : null), [records, futureId]);

  if (!gap) {
    return (
      <section className="decisions-section" aria-labelledby="gap-title">
        <h2 id="gap-title">Gap analysis</h2>
        <p className="decisions-empty">This journey has no future state to compare with yet. Use “Create future state” in the top bar: the copy remembers each stage, step and card it came from, and the gap shows here.</p>
      </section>
    );
  }
  const stages = [...new Set(gap.steps.map((s) => s.stageName))];
  return (
    <section className="decisions-section" aria-labelledby="gap-title">
      <header className="decisions-head">
        <h2 id="gap-title">Gap analysis</h2>
        {futures.length > 1 ? (
          <label className="gap-picker">
            {gap.current.name} →{' '}
            <select value={gap.future.id} onChange={(e) => setPicked(e.target.value)}>
              {futures.map((j) => (
                <option key={j.id} value={j.id}>
                  {j.name}
                </option>
              ))}
            </select>
          </label>
        ) : (
          <p className="muted">
            {gap.current.name} → {gap.future.name}
          </p>
        )}
      </header>
      <div className="gap-summary">
        <div className="summary-box">
          <span className="summary-figure" data-testid="cost-removed">
            {formatTotals(gap.costRemoved)}
          </span>
          <span className="small">yearly cost the future state removes</span>
        </div>
        <div className="summary-box">
          <ul className="summary-counts">
            {(Object.keys(STEP_STATUS_LABELS) as StepStatus[]).map((status) => (
              <li key={status}>
                <strong>{gap.byStatus[status]}</strong> {STEP_STATUS_LABELS[status].toLowerCase()}
              </li>
            ))}
          </ul>
          <span className="small">steps</span>
        </div>
        <div className="summary-box">
          <ul className="summary-counts">
            {ASPECTS.map((kind) => (
              <li key={kind}>
                {ASPECT_LABELS[kind]}: <strong>+{gap.byAspect[kind].added}</strong> / <strong>−{gap.byAspect[kind].removed}</strong> / <strong>~{gap.byAspect[kind].changed}</strong>
              </li>
            ))}
          </ul>
          <span className="small">added / removed / changed</span>
        </div>
      </div>
      <table className="decisions-table gap-table">
        <thead>
          <tr>
            <th scope="col">Step</th>
            <th scope="col">Gap</th>
            <th scope="col">Emotion</th>
            <th scope="col">Yearly cost</th>
            {ASPECTS.map((kind) => (
              <th key={kind} scope="col">
                {ASPECT_LABELS[kind]}
              </th>
            ))}
          </tr>
        </thead>
        {stages.map((stage) => (
          <tbody key={stage}>
            <tr className="stage-row">
              <th colSpan={4 + ASPECTS.length} scope="colgroup">
                {stage}
              </th>
            </tr>
            {gap.steps
              .filter((s) => s.stageName === stage)
              .map((step) => (
                <GapRow key={(step.future ?? step.current)!.id} step={step} />
              ))}
          </tbody>
        ))}
      </table>
    </section>
  );
}

function GapRow({ step }: { step: StepGap }) {
  const { emotion } = step;
  return (
    <tr className={`gap-${step.status}`}>
      <th scope="row">{step.stepName}</th>
      <td>
        <span className={`gap-badge gap-${step.status}`}>{STEP_STATUS_LABELS[step.status]}</span>
      </td>
      <td>
        {emotion.current ?? '—'} → {emotion.future ?? '—'}
        {emotion.delta !== null && <span className="delta"> ({signed(emotion.delta)})</span>}
      </td>
      <td>
        {money(step.cost.current)} → {money(step.cost.future)}
      </td>
      {step.aspects.map((aspect) => (
        <td key={aspect.kind}>
          <AspectCell aspect={aspect} />
        </td>
      ))}
    </tr>
  );
}

function AspectCell({ aspect }: { aspect: AspectGap }) {
  if (aspect.added.length + aspect.removed.length + aspect.changed.length === 0) return <span className="muted">{aspect.unchanged > 0 ? `${aspect.unchanged} unchanged` : '—'}</span>;
  return (
    <ul className="aspect-list">
      {aspect.removed.map((text, i) => (
        <li key={`r${i}`} className="removed">
          <span aria-hidden="true">−</span>
          <span className="visually-hidden">Removed:</span> {text}
        </li>
      ))}
      {aspect.added.map((text, i) => (
        <li key={`a${i}`} className="added">
          <span aria-hidden="true">+</span>
          <span className="visually-hidden">Added:</span> {text}
        </li>
      ))}
      {aspect.changed.map((c, i) => (
        <li key={`c${i}`} className="changed">
          <span aria-hidden="true">~</span>
          <span className="visually-hidden">Changed:</span> {c.from.startsWith(c.text) ? '' : `${c.text}: `}
          {c.from} → {c.to}
        </li>
      ))}
    </ul>
  );
}
