import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { dayOf, inFirstNinetyDays, plannedActions, type PlannedAction } from '../../../shared/decisions/action-plan.ts';
import { ACTION_STATUSES, ACTION_STATUS_LABELS } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { fieldCommitter, SelectField, TextField } from '../panels/fields.tsx';
import { addAction, deleteAction, toggleLink } from './decision-actions.ts';
import { decisionsStore } from './decisions-store.ts';
import { KpiDashboard } from './KpiDashboard.tsx';
import { PlanTimeline } from './PlanTimeline.tsx';
import { linkTargets } from './link-targets.ts';

/**
 * The needle-mover action plan: each action with one named owner, a due date, a status,
 * what it addresses and the effect the room expects; then the same actions on a timeline
 * by month, and the KPIs they move. "First 90 days" keeps the open actions due soon.
 */
export function ActionPlanPanel({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const firstNinetyDays = useStore(decisionsStore, (s) => s.firstNinetyDays);
  const [title, setTitle] = useState('');
  const today = dayOf(new Date());
  const all = useMemo(() => plannedActions(records), [records]);
  const shown = firstNinetyDays ? all.filter((a) => inFirstNinetyDays(a.action, today)) : all;

  const add = () => {
    if (title.trim() === '') return;
    if (editor.perform(addAction(editor.state.records, { title: title.trim() }))) {
      editor.seal();
      setTitle('');
    }
  };

  return (
    <section className="decisions-section" aria-labelledby="plan-title">
      <header className="decisions-head">
        <h2 id="plan-title">Action plan</h2>
        <label className="field-check ninety">
          <input type="checkbox" checked={firstNinetyDays} onChange={(e) => decisionsStore.setState({ firstNinetyDays: e.target.checked })} />
          First 90 days only
        </label>
      </header>
      <form
        className="new-action"
        onSubmit={(e) => {
          e.preventDefault();
          add();
        }}
      >
        <label htmlFor="new-action-title" className="visually-hidden">
          New action
        </label>
        <input id="new-action-title" placeholder="A new action: what will be done" value={title} maxLength={200} onChange={(e) => setTitle(e.target.value)} />
        <button type="submit" className="primary" disabled={title.trim() === ''}>
          Add action
        </button>
      </form>
      {shown.length === 0 ? (
        <p className="decisions-empty">{all.length === 0 ? 'No actions yet. Add one here, or use “Plan…” on a needle mover.' : 'No open action is due in the next 90 days.'}</p>
      ) : (
        <ol className="plan-list">
          {shown.map((planned) => (
            <ActionRow key={planned.action.id} editor={editor} planned={planned} />
          ))}
        </ol>
      )}
      <PlanTimeline actions={shown} today={today} />
      <KpiDashboard editor={editor} />
    </section>
  );
}

function ActionRow({ editor, planned }: { editor: Editor; planned: PlannedAction }) {
  const { action } = planned;
  const records = useStore(editor.store, (s) => s.records);
  const targets = useMemo(() => linkTargets(records), [records]);
  const linked = new Set<string>([...planned.cards.map((c) => c.id), ...planned.kpis.map((k) => k.id)]);
  const seal = () => editor.seal();
  return (
    <li className={`plan-action status-${action.status}`} data-action-id={action.id}>
      <div className="plan-fields">
        <TextField label="Action" value={action.title} onCommit={fieldCommitter(editor, action.id, 'title', 'An action needs a title')} onDone={seal} />
        <TextField label="Owner (one named person)" value={action.owner} onCommit={fieldCommitter(editor, action.id, 'owner')} onDone={seal} />
        <DateField label="Due" value={action.dueDate} onCommit={fieldCommitter(editor, action.id, 'dueDate')} onDone={seal} />
        <SelectField label="Status" value={action.status} options={ACTION_STATUSES.map((s) => ({ value: s, label: ACTION_STATUS_LABELS[s] }))} onCommit={fieldCommitter(editor, action.id, 'status')} onDone={seal} />
      </div>
      <TextField label="Expected effect" value={action.expectedEffect} onCommit={fieldCommitter(editor, action.id, 'expectedEffect')} onDone={seal} />
      <div className="plan-links">
        <span className="muted small">Addresses:</span>
        {[...planned.cards, ...planned.kpis].map((target) => (
          <span key={target.id} className="link-chip">
            {target.type === 'card' ? target.text || 'Untitled card' : `KPI: ${target.name}`}
            <button className="chip-remove" aria-label={`No longer addresses ${target.type === 'card' ? target.text : target.name}`} onClick={() => editor.perform(toggleLink(editor.state.records, action.id, target.type === 'card' ? { cardId: target.id } : { kpiId: target.id })) && seal()}>
              ×
            </button>
          </span>
        ))}
        <select
          aria-label={`Link “${action.title}” to a pain point, opportunity, tollgate or KPI`}
          value=""
          onChange={(e) => {
            const target = targets.find((t) => t.id === e.target.value);
            if (target) editor.perform(toggleLink(editor.state.records, action.id, target.kind === 'kpi' ? { kpiId: target.id } : { cardId: target.id })) && seal();
          }}
        >
          <option value="">Link to…</option>
          {targets
            .filter((t) => !linked.has(t.id))
            .map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
        </select>
        <button className="link danger" onClick={() => editor.perform(deleteAction(editor.state.records, action.id)) && seal()}>
          Delete action
        </button>
      </div>
    </li>
  );
}

/** A calendar day, or none: the browser's date picker, committed as YYYY-MM-DD. */
function DateField({ label, value, onCommit, onDone }: { label: string; value: string; onCommit(value: string): string | null; onDone(): void }) {
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <label className="field">
      {label}
      <input
        type="date"
        value={value}
        onChange={(e) => {
          setProblem(onCommit(e.target.value));
          onDone();
        }}
      />
      {problem && <span className="field-problem" role="alert">{problem}</span>}
    </label>
  );
}
