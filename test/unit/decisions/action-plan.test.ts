import { describe, expect, it } from 'vitest';
import { applyChange } from '../../../shared/change/change.ts';
import { inFirstNinetyDays, kpiProgress, plannedActions, timeline } from '../../../shared/decisions/action-plan.ts';
import { recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { newKpi } from '../../../shared/model/record-factories.ts';
import { newPlanAction } from '../../../shared/model/records.ts';
import { addAction, deleteAction, setRating, setScoring, toggleLink, updateAction } from '../../../renderer/src/decisions/decision-actions.ts';
import { decisionWorkshop } from '../../support/decision-workshop.ts';

const today = '2027-01-10';

describe('the action plan', () => {
  it('the first 90 days: open actions due by 10 April 2027, the overdue ones too', () => {
    const action = (dueDate: string, status: 'planned' | 'doing' | 'done' | 'dropped' = 'planned') => newPlanAction({ title: 'x', position: 'a0', dueDate, status });
    // 10 January + 90 days = 10 April (21 + 28 + 31 + 10).
    expect(inFirstNinetyDays(action('2027-04-10'), today)).toBe(true);
    expect(inFirstNinetyDays(action('2027-04-11'), today)).toBe(false);
    expect(inFirstNinetyDays(action('2026-12-01', 'doing'), today)).toBe(true);
    expect(inFirstNinetyDays(action('2027-02-01', 'done'), today)).toBe(false);
    expect(inFirstNinetyDays(action('2027-02-01', 'dropped'), today)).toBe(false);
    expect(inFirstNinetyDays(action(''), today)).toBe(false);
  });

  it('a timeline by month from the first due date to the last, empty months kept, undated last', () => {
    const plan = (['2027-03-31', '', '2027-01-15', '2027-03-01'] as const).map((dueDate, i) => ({ action: newPlanAction({ title: `A${i}`, position: `a${i}`, dueDate }), cards: [], kpis: [] }));
    expect(timeline(plan).map((m) => [m.label, m.actions.map((a) => a.action.title)])).toEqual([
      ['January 2027', ['A2']],
      ['February 2027', []],
      ['March 2027', ['A3', 'A0']],
      ['No due date yet', ['A1']],
    ]);
    // Across a year's end.
    const late = [{ action: newPlanAction({ title: 'Dec', position: 'a0', dueDate: '2026-12-20' }), cards: [], kpis: [] }, { action: newPlanAction({ title: 'Feb', position: 'a1', dueDate: '2027-02-02' }), cards: [], kpis: [] }];
    expect(timeline(late).map((m) => m.month)).toEqual(['2026-12', '2027-01', '2027-02']);
  });

  it('is edited as changes: add with links, edit, link a KPI, progress rolls up, delete takes the links', () => {
    const { records: base, a, b, buy } = decisionWorkshop();
    const kpi = newKpi({ stageId: buy.id, name: 'Invoice disputes', currentValue: 12, targetValue: 2, unit: '%', position: 'a0' });
    let records: RecordMap = { ...base, [kpi.id]: kpi };
    const first = addAction(records, { title: 'Check first invoices by hand', owner: 'Ana Ruiz' }, [a.id]);
    records = applyChange(records, first.change);
    const second = addAction(records, { title: 'Shorter questionnaire' }, [b.id]);
    records = applyChange(records, second.change);
    records = applyChange(records, toggleLink(records, first.actionId, { kpiId: kpi.id })!.change);
    records = applyChange(records, toggleLink(records, second.actionId, { kpiId: kpi.id })!.change);
    records = applyChange(records, updateAction(records, first.actionId, { status: 'done', dueDate: '2027-02-01' })!.change);
    expect(plannedActions(records).map((p) => [p.action.title, p.cards.map((c) => c.id), p.kpis.map((k) => k.id)])).toEqual([
      ['Check first invoices by hand', [a.id], [kpi.id]],
      ['Shorter questionnaire', [b.id], [kpi.id]],
    ]);
    // One of two actions done: 50 %. Dropping the other leaves one of one: 100 %.
    expect(kpiProgress(records, kpi).progress).toBe(0.5);
    records = applyChange(records, updateAction(records, second.actionId, { status: 'dropped' })!.change);
    expect(kpiProgress(records, kpi).progress).toBe(1);
    // Linking again unlinks; deleting an action takes its links and leaves the cards.
    records = applyChange(records, toggleLink(records, first.actionId, { kpiId: kpi.id })!.change);
    expect(kpiProgress(records, kpi).actions.map((x) => x.title)).toEqual(['Shorter questionnaire']);
    records = applyChange(records, deleteAction(records, second.actionId)!.change);
    expect(recordsOfType(records, 'plan-link').map((l) => l.cardId)).toEqual([a.id]);
    expect(records[b.id]).toBeDefined();
  });

  it('weights and ratings are one record each, made on the first change', () => {
    const { records: base, a } = decisionWorkshop();
    let records = applyChange(base, setScoring(base, { costWeight: 7 })!.change);
    records = applyChange(records, setScoring(records, { matrixX: 'customerValue' })!.change);
    expect(recordsOfType(records, 'scoring')).toEqual([expect.objectContaining({ costWeight: 7, evidenceWeight: 2, matrixX: 'customerValue', matrixY: 'score' })]);
    expect(setScoring(records, { costWeight: 7 })).toBeNull();
    records = applyChange(records, setRating(records, a.id, { effort: 2 })!.change);
    records = applyChange(records, setRating(records, a.id, { customerValue: 5 })!.change);
    expect(recordsOfType(records, 'rating')).toEqual([expect.objectContaining({ cardId: a.id, effort: 2, customerValue: 5, businessValue: null })]);
  });
});
