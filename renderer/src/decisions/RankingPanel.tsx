import { useMemo } from 'react';
import { useStore } from 'zustand';
import { actionsForCard } from '../../../shared/decisions/action-plan.ts';
import { formatTotals, formulaText, rankNeedleMovers, totalYearlyCost, weightsOf, type NeedleMover, type Weights } from '../../../shared/decisions/needle-movers.ts';
import { formatMoney } from '../../../shared/model/pain-point-cost.ts';
import type { Editor } from '../editor/editor.ts';
import { addAction, setScoring } from './decision-actions.ts';
import { decisionsStore } from './decisions-store.ts';
import { showView } from '../interviews/interview-view-store.ts';

const WEIGHTS: { key: keyof Weights; label: string; explains: string }[] = [
  { key: 'costWeight', label: 'Cost', explains: 'yearly cost of not fixing ÷ the highest in this journey (same currency)' },
  { key: 'evidenceWeight', label: 'Evidence', explains: 'distinct interviews ÷ the most any item has' },
  { key: 'voteWeight', label: 'Votes', explains: 'dots in revealed votes ÷ the most any item has' },
  { key: 'severityWeight', label: 'Severity', explains: 'severity ÷ 5 (opportunities: 0)' },
];

// A no-break space: "40 %" must not break across lines in a narrow column.
const pct = (share: number) => `${Math.round(share * 100)}\u00a0%`;

/** The needle movers of the journey on the board, with the formula and every input on screen. */
export function RankingPanel({ editor, journeyId }: { editor: Editor; journeyId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const weights = useMemo(() => weightsOf(records), [records]);
  const ranked = useMemo(() => rankNeedleMovers(records, journeyId, weights), [records, journeyId, weights]);
  const total = totalYearlyCost(ranked);

  const setWeight = (key: keyof Weights, value: number) => {
    if (editor.perform(setScoring(editor.state.records, { [key]: value }))) editor.seal();
  };
  const planFor = (item: NeedleMover) => {
    const result = addAction(editor.state.records, { title: `Fix: ${item.card.text || 'untitled'}`.slice(0, 200), owner: item.painPoint?.owner ?? '' }, [item.card.id]);
    if (editor.perform(result)) {
      editor.seal();
      decisionsStore.setState({ tab: 'plan', firstNinetyDays: false });
    }
  };

  // Every figure leads back to its card: the map shows it with its cost, evidence and votes.
  const showOnMap = (item: NeedleMover) => {
    showView('map');
    editor.setFocus({ kind: 'cell', stepId: item.card.stepId, laneId: item.card.laneId, cardId: item.card.id });
  };
  return (
    <section className="decisions-section" aria-labelledby="ranking-title">
      <header className="decisions-head">
        <h2 id="ranking-title">Needle movers</h2>
        <p className="decisions-total">
          Ranked cost of not fixing: <strong data-testid="ranking-total">{formatTotals(total)}</strong>
        </p>
      </header>
      <div className="formula" aria-label="How the score is worked out">
        <p className="formula-text" data-testid="formula">
          {formulaText(weights)}
        </p>
        <div className="weights">
          {WEIGHTS.map((w) => (
            <label key={w.key} className="weight">
              <span>
                {w.label} weight <span className="muted">— {w.explains}</span>
              </span>
              <input type="number" min={0} max={10} step={1} value={weights[w.key]} onChange={(e) => setWeight(w.key, Math.max(0, Math.min(10, Math.round(Number(e.target.value) || 0))))} />
            </label>
          ))}
        </div>
        <p className="muted small">Ties go to the higher yearly cost, then severity, dots, interviews, and the map's order. A future state is ranked on its own.</p>
      </div>
      {ranked.length === 0 ? (
        <p className="decisions-empty">Cards in a pain-point or opportunity lane appear here, ranked by what fixing them is worth.</p>
      ) : (
        <table className="decisions-table ranking-table">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">Pain point or opportunity</th>
              <th scope="col">Yearly cost of not fixing</th>
              <th scope="col">Evidence</th>
              <th scope="col">Votes</th>
              <th scope="col">Severity</th>
              <th scope="col">Score</th>
              <th scope="col">Plan</th>
            </tr>
          </thead>
          <tbody>
            {ranked.map((item) => {
              const planned = actionsForCard(records, item.card.id);
              return (
                <tr key={item.card.id} data-card-id={item.card.id}>
                  <td className="rank">{item.rank}</td>
                  <th scope="row" className="item">
                    <button className="list-link item-text" title="Show it on the map, with its details" onClick={() => showOnMap(item)}>
                      {item.card.text || 'Untitled'}
                    </button>
                    <span className="muted small">
                      {item.kind === 'pain-point' ? 'Pain point' : 'Opportunity'} · {item.stage.name} › {item.step.name}
                    </span>
                  </th>
                  <td>
                    <span className="figure">{item.yearlyCost === null ? '—' : formatMoney(item.yearlyCost, item.currency!)}</span>
                    <span className="muted small">{item.costWorking}</span>
                    <span className="share">cost {pct(item.shares.cost)}</span>
                  </td>
                  <td>
                    <span className="figure">{item.interviews}</span>
                    <span className="muted small">{item.interviews === 1 ? 'interview' : 'interviews'}{item.evidenceFrom === 'original' ? ', on the original' : ''}</span>
                    <span className="share">evidence {pct(item.shares.evidence)}</span>
                  </td>
                  <td>
                    <span className="figure">{item.dots}</span>
                    <span className="muted small">{item.dots === 1 ? 'dot' : 'dots'}</span>
                    <span className="share">votes {pct(item.shares.votes)}</span>
                  </td>
                  <td>
                    <span className="figure">{item.severity ?? '—'}</span>
                    <span className="share">severity {pct(item.shares.severity)}</span>
                  </td>
                  <td className="score" data-testid="score">
                    {item.score.toFixed(1)}
                  </td>
                  <td>
                    {planned.length > 0 ? (
                      <span className="small">{planned.map((a) => a.title).join('; ')}</span>
                    ) : (
                      <button className="plan-button" aria-label={`Plan an action for ${item.card.text || 'this item'}`} onClick={() => planFor(item)}>
                        Plan…
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
