import { useMemo } from 'react';
import { useStore } from 'zustand';
import { kpiProgress } from '../../../shared/decisions/action-plan.ts';
import { journeysOf, recordsGroupedBy, stagesOf } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Editor } from '../editor/editor.ts';

/** Per stage, each KPI's current value and target, and how far the actions that move it have got. */
export function KpiDashboard({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const rows = useMemo(
    () =>
      journeysOf(records).flatMap((journey) =>
        stagesOf(records, journey.id).flatMap((stage) => byPosition(recordsGroupedBy(records, 'kpi', 'stageId').get(stage.id) ?? []).map((kpi) => ({ journey, stage, ...kpiProgress(records, kpi) }))),
      ),
    [records],
  );
  if (rows.length === 0) return null;
  const value = (v: number | null, unit: string) => (v === null ? '—' : `${v}${unit ? ` ${unit}` : ''}`);
  return (
    <section className="kpi-dashboard" aria-labelledby="kpi-title">
      <h3 id="kpi-title">KPIs and the actions that move them</h3>
      <table className="decisions-table">
        <thead>
          <tr>
            <th scope="col">Stage</th>
            <th scope="col">KPI</th>
            <th scope="col">Now</th>
            <th scope="col">Target</th>
            <th scope="col">Actions</th>
            <th scope="col">Done</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ journey, stage, kpi, actions, progress }) => (
            <tr key={kpi.id}>
              <td>
                {stage.name} <span className="muted small">({journey.name})</span>
              </td>
              <th scope="row">{kpi.name}</th>
              <td>{value(kpi.currentValue, kpi.unit)}</td>
              <td>{value(kpi.targetValue, kpi.unit)}</td>
              <td>{actions.length === 0 ? <span className="muted">none yet</span> : actions.map((a) => a.title).join('; ')}</td>
              <td>
                {progress === null ? (
                  '—'
                ) : (
                  <span className="progress">
                    <progress max={1} value={progress} aria-label={`${kpi.name}: ${Math.round(progress * 100)} % of its actions done`} /> {Math.round(progress * 100)} %
                  </span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
