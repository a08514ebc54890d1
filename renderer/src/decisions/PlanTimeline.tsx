import { monthLabel, timeline, type PlannedAction } from '../../../shared/decisions/action-plan.ts';
import { ACTION_STATUS_LABELS } from '../../../shared/model/records.ts';

/**
 * The plan by month: one column per month from the first due date to the last (empty
 * months kept, so a quiet quarter shows), undated actions at the end. Overdue open
 * actions say so in words, not only in colour.
 */
export function PlanTimeline({ actions, today }: { actions: readonly PlannedAction[]; today: string }) {
  const months = timeline(actions);
  if (months.length === 0) return null;
  return (
    <section className="plan-timeline" aria-labelledby="timeline-title">
      <h3 id="timeline-title">Timeline</h3>
      <ol className="timeline-months" style={{ gridTemplateColumns: `repeat(${months.length}, minmax(150px, 1fr))` }}>
        {months.map((month) => (
          <li key={month.month || 'undated'} className={`timeline-month${month.month !== '' && month.month === today.slice(0, 7) ? ' this-month' : ''}`}>
            <h4>
              {month.label}
              {month.month === today.slice(0, 7) && <span className="small"> (now)</span>}
            </h4>
            <ul>
              {month.actions.map(({ action }) => {
                const overdue = action.dueDate !== '' && action.dueDate < today && action.status !== 'done' && action.status !== 'dropped';
                return (
                  <li key={action.id} className={`timeline-action status-${action.status}${overdue ? ' overdue' : ''}`}>
                    <span className="timeline-title">{action.title}</span>
                    <span className="small">
                      {action.owner || 'no owner yet'}
                      {action.dueDate ? ` · due ${Number(action.dueDate.slice(8, 10))} ${monthLabel(action.dueDate.slice(0, 7)).slice(0, 3)}` : ''} · {overdue ? 'Overdue' : ACTION_STATUS_LABELS[action.status]}
                    </span>
                  </li>
                );
              })}
            </ul>
          </li>
        ))}
      </ol>
    </section>
  );
}
