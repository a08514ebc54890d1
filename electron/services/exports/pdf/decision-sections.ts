import { plannedActions } from '../../../../shared/decisions/action-plan.ts';
import { gapAnalysis, STEP_STATUS_LABELS } from '../../../../shared/decisions/gap-analysis.ts';
import { formatTotals } from '../../../../shared/decisions/needle-movers.ts';
import { journeysOf, type RecordMap } from '../../../../shared/model/document.ts';
import { ACTION_STATUS_LABELS } from '../../../../shared/model/records.ts';
import { executiveSummary } from '../deck/decision-slides.ts';
import { DIFFERENCE_LABELS, type YearOverYear } from '../../../../shared/decisions/year-over-year.ts';

/**
 * The decisions as the PDF's text sections: the same executive summary, gap, action plan
 * and (when asked) year-over-year report the deck shows, as titled lists of lines, so a reader without PowerPoint gets them.
 */
export function decisionSections(records: RecordMap, date: Date, yearOverYear?: YearOverYear): [string, string[]][] {
  const summary = executiveSummary({ records }, date);
  const several = summary.rankings.length > 1;
  const sections: [string, string[]][] = [];
  if (summary.rankings.some((r) => r.ranked.length > 0)) {
    sections.push([
      'Executive summary',
      [
        `Yearly cost of the ranked pain points: ${formatTotals(summary.total, 'en')}`,
        summary.costRemoved.size > 0 ? `The future state removes ${formatTotals(summary.costRemoved, 'en')}` : 'No future state to compare with yet',
        ...summary.rankings.flatMap(({ journey, ranked }) =>
          ranked.slice(0, 5).map((item) => `${item.rank}. ${item.card.text} — ${item.yearlyCost === null ? (item.kind === 'opportunity' ? 'opportunity' : 'cost not yet known') : formatTotals(new Map([[item.currency!, item.yearlyCost]]), 'en')}, score ${item.score.toFixed(1)}${several ? ` (${journey.name})` : ''}`),
        ),
        ...(summary.firstNinetyDays.length > 0 ? ['First 90 days:', ...summary.firstNinetyDays] : []),
      ],
    ]);
  }
  for (const journey of journeysOf(records)) {
    const gap = journey.state === 'future' ? gapAnalysis(records, journey.id) : null;
    if (!gap) continue;
    sections.push([
      `Gap analysis: ${gap.future.name}`,
      [
        `Against ${gap.current.name}. The future state removes ${formatTotals(gap.costRemoved, 'en')}.`,
        ...gap.steps.map((step) => {
          const changes = step.aspects.flatMap((a) => [...a.removed.map((t) => `− ${t}`), ...a.added.map((t) => `+ ${t}`), ...a.changed.map((c) => `~ ${c.text}: ${c.from} → ${c.to}`)]);
          return `${step.stageName} › ${step.stepName}: ${STEP_STATUS_LABELS[step.status]}${changes.length ? ` (${changes.join('; ')})` : ''}`;
        }),
      ],
    ]);
  }
  const actions = plannedActions(records);
  if (actions.length > 0) {
    sections.push([
      'Action plan',
      actions.map(({ action, cards, kpis }) => {
        const addresses = [...cards.map((c) => c.text), ...kpis.map((k) => `KPI ${k.name}`)].join(', ');
        return `${action.title} — ${action.owner || 'no owner yet'}, ${action.dueDate ? `due ${action.dueDate}` : 'no due date'}, ${ACTION_STATUS_LABELS[action.status].toLowerCase()}${addresses ? `; addresses ${addresses}` : ''}${action.expectedEffect ? `; expected: ${action.expectedEffect}` : ''}`;
      }),
    ]);
  }
  if (yearOverYear) {
    const count = yearOverYear.differences.length;
    sections.push([
      'This year against last year',
      [
        `${yearOverYear.lastYear} (last year) → ${yearOverYear.thisYear} (this year): ${count === 0 ? 'no difference' : `${count} ${count === 1 ? 'difference' : 'differences'}`}`,
        ...yearOverYear.differences.map((d) => `${DIFFERENCE_LABELS[d.kind]}: ${d.subject}${d.where ? ` (${d.where})` : ''}${d.from || d.to ? `, ${d.from ?? '—'} → ${d.to ?? '—'}` : ''}`),
      ],
    ]);
  }
  return sections;
}
