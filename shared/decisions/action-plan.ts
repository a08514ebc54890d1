import { recordsGroupedBy, recordsOfType, type RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import type { Card, Kpi, PlanAction } from '../model/records.ts';

/**
 * The needle-mover action plan: actions with one owner, a due date and a status, what
 * each addresses (pain points, opportunities, tollgates, KPIs), a timeline by month, the
 * first 90 days, and each KPI's progress from the actions that move it.
 */

export interface PlannedAction {
  action: PlanAction;
  cards: Card[];
  kpis: Kpi[];
}

export function plannedActions(records: RecordMap): PlannedAction[] {
  const links = recordsGroupedBy(records, 'plan-link', 'actionId');
  return byPosition(recordsOfType(records, 'plan-action')).map((action) => {
    const cards: Card[] = [];
    const kpis: Kpi[] = [];
    for (const link of links.get(action.id) ?? []) {
      const target = records[link.cardId ?? link.kpiId ?? ''];
      if (target?.type === 'card') cards.push(target);
      else if (target?.type === 'kpi') kpis.push(target);
    }
    return { action, cards, kpis };
  });
}

/** The actions that address one card, for the ranking's "planned" column. */
export function actionsForCard(records: RecordMap, cardId: string): PlanAction[] {
  const out: PlanAction[] = [];
  for (const link of recordsGroupedBy(records, 'plan-link', 'cardId').get(cardId) ?? []) {
    const action = records[link.actionId];
    if (action?.type === 'plan-action') out.push(action);
  }
  return out;
}

/** YYYY-MM-DD of a date in UTC: due dates are calendar days, not instants. */
export const dayOf = (date: Date) => date.toISOString().slice(0, 10);

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return dayOf(date);
}

/**
 * The first 90 days: open actions (not done, not dropped) due by today + 90, overdue
 * ones included — a late action is exactly what the first 90 days must not lose.
 */
export function inFirstNinetyDays(action: PlanAction, today: string): boolean {
  if (action.status === 'done' || action.status === 'dropped' || action.dueDate === '') return false;
  return action.dueDate <= addDays(today, 90);
}

export interface TimelineMonth {
  /** YYYY-MM, or '' for the actions with no due date yet. */
  month: string;
  label: string;
  actions: PlannedAction[];
}

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

export function monthLabel(month: string): string {
  if (month === '') return 'No due date yet';
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/**
 * The timeline: one column per month from the earliest due date to the latest, empty
 * months included so the gaps show; undated actions last. Within a month, by due date.
 */
export function timeline(actions: readonly PlannedAction[]): TimelineMonth[] {
  const dated = actions.filter((a) => a.action.dueDate !== '').sort((a, b) => (a.action.dueDate < b.action.dueDate ? -1 : a.action.dueDate > b.action.dueDate ? 1 : 0));
  const months: TimelineMonth[] = [];
  if (dated.length > 0) {
    let [year, month] = dated[0]!.action.dueDate.split('-').map(Number) as [number, number];
    const last = dated.at(-1)!.action.dueDate.slice(0, 7);
    for (;;) {
      const key = `${year}-${String(month).padStart(2, '0')}`;
      months.push({ month: key, label: monthLabel(key), actions: dated.filter((a) => a.action.dueDate.startsWith(key)) });
      if (key >= last) break;
      month++;
      if (month > 12) [year, month] = [year + 1, 1];
    }
  }
  const undated = actions.filter((a) => a.action.dueDate === '');
  if (undated.length > 0) months.push({ month: '', label: monthLabel(''), actions: undated });
  return months;
}

export interface KpiProgress {
  kpi: Kpi;
  actions: PlanAction[];
  /** Done ÷ actions that still count (dropped ones do not); null with no such action. */
  progress: number | null;
}

/** Per KPI, the actions that move it and how far they have got: what the dashboard shows. */
export function kpiProgress(records: RecordMap, kpi: Kpi): KpiProgress {
  const actions: PlanAction[] = [];
  for (const link of recordsGroupedBy(records, 'plan-link', 'kpiId').get(kpi.id) ?? []) {
    const action = records[link.actionId];
    if (action?.type === 'plan-action') actions.push(action);
  }
  const counted = actions.filter((a) => a.status !== 'dropped');
  return { kpi, actions, progress: counted.length === 0 ? null : counted.filter((a) => a.status === 'done').length / counted.length };
}
