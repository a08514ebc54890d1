import { dayOf, inFirstNinetyDays, plannedActions, timeline } from '../../../../shared/decisions/action-plan.ts';
import { ASPECTS, gapAnalysis, STEP_STATUS_LABELS, type GapAnalysis } from '../../../../shared/decisions/gap-analysis.ts';
import { MEASURE_LABELS, measureOf, QUADRANT_LABELS, quadrantAt, quadrantOf } from '../../../../shared/decisions/matrix.ts';
import { formatTotals, rankNeedleMovers, scoringOf, totalYearlyCost, type NeedleMover } from '../../../../shared/decisions/needle-movers.ts';
import { journeysOf } from '../../../../shared/model/document.ts';
import { formatMoney } from '../../../../shared/model/pain-point-cost.ts';
import { ACTION_STATUS_LABELS, type Journey } from '../../../../shared/model/records.ts';
import { DIFFERENCE_LABELS, type YearOverYear } from '../../../../shared/decisions/year-over-year.ts';
import { addTitledSlide, FONT, MARGIN, SLIDE_H, SLIDE_W, type DeckContext } from './deck-context.ts';

/**
 * The decision slides (step 5 of the method): an executive summary, the impact/effort
 * matrix, the gap between each current journey and its future state, and the action
 * plan as a native table and a timeline. Kept apart from the map's slides so the deck's builder only calls in.
 *
 * The summary totals the needle movers of the current ("as is") journeys, each ranked on
 * its own: a future state's copy of a pain point is the plan, not a second cost.
 */

const CONTENT_W = SLIDE_W - 2 * MARGIN;
const BODY_Y = 1.45;
const TOP = 5;

type Cell = { text: string; options?: Record<string, unknown> };

/** Lines a cell's text takes at 11 pt in a column this wide (≈ 14 characters an inch). */
const linesOf = (text: string, width: number) => text.split('\n').reduce((sum, line) => sum + Math.max(1, Math.ceil(line.length / (width * 14))), 0);
const LINES_PER_SLIDE = 22;

/**
 * A native table over as many slides as it needs, each titled ("… (continued)"): split
 * here by the rows' estimated lines rather than by PowerPoint's auto-paging, whose extra
 * slides would have no title.
 */
function addPagedTable(ctx: DeckContext, title: string, subtitle: string, header: string[], rows: string[][], colW: number[]): number {
  const pages: string[][][] = [];
  let page: string[][] = [];
  let used = 0;
  for (const row of rows) {
    const lines = Math.max(...row.map((text, i) => linesOf(text, colW[i]!)));
    if (page.length > 0 && used + lines > LINES_PER_SLIDE) {
      pages.push(page);
      page = [];
      used = 0;
    }
    page.push(row);
    used += lines;
  }
  if (page.length > 0) pages.push(page);
  const head: Cell[] = header.map((text) => ({ text, options: { bold: true, fill: { color: ctx.theme.laneHeader } } }));
  pages.forEach((chunk, i) => {
    const slide = addTitledSlide(ctx, i === 0 ? title : `${title} (continued)`, subtitle);
    slide.addTable([head, ...chunk.map((row) => row.map((text): Cell => ({ text })))] as never, {
      x: MARGIN,
      y: BODY_Y,
      w: CONTENT_W,
      colW,
      fontFace: FONT,
      fontSize: 11,
      color: ctx.theme.text,
      border: { type: 'solid', pt: 0.5, color: ctx.theme.grid },
    });
  });
  return pages.length;
}

/** The journeys whose costs are today's: the current ones, or every journey when none is marked current. */
function todaysJourneys(ctx: Pick<DeckContext, 'records'>): Journey[] {
  const journeys = journeysOf(ctx.records);
  const current = journeys.filter((j) => j.state === 'current');
  return current.length > 0 ? current : journeys;
}

function gaps(ctx: Pick<DeckContext, 'records'>): GapAnalysis[] {
  return journeysOf(ctx.records)
    .map((j) => (j.state === 'future' ? gapAnalysis(ctx.records, j.id) : null))
    .filter((g): g is GapAnalysis => g !== null);
}

export interface ExecutiveSummary {
  /** Per current journey, its ranked needle movers (pain points and opportunities). */
  rankings: { journey: Journey; ranked: NeedleMover[] }[];
  /** The sum of the ranked pain points' yearly costs, per currency. */
  total: Map<string, number>;
  costRemoved: Map<string, number>;
  firstNinetyDays: string[];
}

/** What the summary slide says, as data: the test reads the slide against it. */
export function executiveSummary(ctx: Pick<DeckContext, 'records'>, date: Date): ExecutiveSummary {
  const rankings = todaysJourneys(ctx).map((journey) => ({ journey, ranked: rankNeedleMovers(ctx.records, journey.id) }));
  const total = totalYearlyCost(rankings.flatMap((r) => r.ranked));
  const costRemoved = new Map<string, number>();
  for (const gap of gaps(ctx)) for (const [currency, amount] of gap.costRemoved) costRemoved.set(currency, Math.round(((costRemoved.get(currency) ?? 0) + amount) * 100) / 100);
  const today = dayOf(date);
  const firstNinetyDays = plannedActions(ctx.records)
    .filter((a) => inFirstNinetyDays(a.action, today))
    .sort((a, b) => (a.action.dueDate < b.action.dueDate ? -1 : a.action.dueDate > b.action.dueDate ? 1 : 0))
    .map(({ action }) => `${action.title} — ${action.owner || 'no owner yet'}, due ${action.dueDate}`);
  return { rankings, total, costRemoved, firstNinetyDays };
}

const costOf = (item: NeedleMover) => (item.yearlyCost === null ? (item.kind === 'opportunity' ? 'opportunity' : 'cost not yet known') : `${formatMoney(item.yearlyCost, item.currency!, 'en')} a year`);

export function addExecutiveSummarySlide(ctx: DeckContext, date: Date): boolean {
  const summary = executiveSummary(ctx, date);
  if (summary.rankings.every((r) => r.ranked.length === 0) && summary.firstNinetyDays.length === 0) return false;
  const slide = addTitledSlide(ctx, 'Executive summary', 'What not fixing costs a year, what the future state removes, and what happens in the first 90 days');
  const several = summary.rankings.length > 1;
  const top = summary.rankings.flatMap(({ journey, ranked }) => ranked.slice(0, TOP).map((item) => `${item.rank}. ${item.card.text} — ${costOf(item)}, score ${item.score.toFixed(1)}${several ? ` (${journey.name})` : ''}`));
  slide.addText(`Yearly cost of the ranked pain points: ${formatTotals(summary.total, 'en')}`, { x: MARGIN, y: BODY_Y, w: CONTENT_W, h: 0.5, fontFace: FONT, fontSize: 22, bold: true, color: ctx.theme.text, objectName: 'summary-total' });
  slide.addText(summary.costRemoved.size > 0 ? `The future state removes ${formatTotals(summary.costRemoved, 'en')}` : 'No future state to compare with yet', { x: MARGIN, y: BODY_Y + 0.5, w: CONTENT_W, h: 0.4, fontFace: FONT, fontSize: 16, color: ctx.theme.muted });
  const half = CONTENT_W / 2 - 0.15;
  const y = BODY_Y + 1.05;
  const h = SLIDE_H - y - 0.5;
  const list = (x: number, title: string, lines: string[], empty: string) => {
    slide.addText(title, { x, y, w: half, h: 0.4, fontFace: FONT, fontSize: 15, bold: true, color: ctx.theme.accent });
    slide.addText(
      lines.length > 0 ? lines.map((text) => ({ text, options: { breakLine: true } })) : empty,
      { x, y: y + 0.42, w: half, h: h - 0.42, fontFace: FONT, fontSize: 14, color: ctx.theme.text, valign: 'top', fit: 'shrink', paraSpaceAfter: 6 },
    );
  };
  list(MARGIN, `Top needle movers`, top, 'No pain point or opportunity on the map yet.');
  list(MARGIN + half + 0.3, 'First 90 days', summary.firstNinetyDays, 'No open action due in the next 90 days.');
  return true;
}

/**
 * The impact/effort matrix of each of today's journeys, as the room left it: quadrants
 * as rectangles, items as numbered circles (the ranking's numbers), a legend beside.
 * Only items rated on both axes are placed; a journey with none gets no slide.
 */
export function addMatrixSlides(ctx: DeckContext): number {
  const scoring = scoringOf(ctx.records);
  const x = scoring?.matrixX ?? 'effort';
  const y = scoring?.matrixY ?? 'score';
  let count = 0;
  for (const journey of todaysJourneys(ctx)) {
    const placed = rankNeedleMovers(ctx.records, journey.id).filter((item) => measureOf(item, x) !== null && measureOf(item, y) !== null);
    if (placed.length === 0) continue;
    const slide = addTitledSlide(ctx, `Impact and effort: ${journey.name}`, `${MEASURE_LABELS[x]} across, ${MEASURE_LABELS[y]} up, each on 1–5`);
    const plot = { x: MARGIN + 0.35, y: BODY_Y, w: 7.6, h: SLIDE_H - BODY_Y - 0.95 };
    const fills: Record<string, string> = { 'quick-win': 'E8F5E9', 'big-bet': 'E8F0FE', 'fill-in': 'F5F5F5', 'money-pit': 'FDECEA' };
    for (const top of [true, false]) {
      for (const right of [false, true]) {
        const quadrant = quadrantAt(x, y, right, top);
        const qx = plot.x + (right ? plot.w / 2 : 0);
        const qy = plot.y + (top ? 0 : plot.h / 2);
        slide.addShape(ctx.pptx.ShapeType.rect, { x: qx, y: qy, w: plot.w / 2, h: plot.h / 2, fill: { color: quadrant ? fills[quadrant]! : 'FFFFFF' }, line: { color: ctx.theme.grid, width: 0.75 } });
        slide.addText(quadrant ? QUADRANT_LABELS[quadrant] : '', { x: qx + 0.08, y: top ? qy + 0.05 : qy + plot.h / 2 - 0.45, w: plot.w / 2 - 0.16, h: 0.4, fontFace: FONT, fontSize: 14, bold: true, color: '333333', align: right ? 'right' : 'left' });
      }
    }
    slide.addText(`${MEASURE_LABELS[x]} →`, { x: plot.x, y: plot.y + plot.h + 0.05, w: plot.w, h: 0.3, fontFace: FONT, fontSize: 12, color: ctx.theme.muted, align: 'center' });
    slide.addText(`${MEASURE_LABELS[y]} →`, { x: MARGIN - 1.35, y: plot.y + plot.h / 2 - 0.15, w: 3, h: 0.3, fontFace: FONT, fontSize: 12, color: ctx.theme.muted, align: 'center', rotate: 270 });
    const size = 0.42;
    const seen = new Map<string, number>();
    for (const item of placed) {
      const vx = measureOf(item, x)!;
      const vy = measureOf(item, y)!;
      const spot = `${vx.toFixed(1)}|${vy.toFixed(1)}`;
      const nth = seen.get(spot) ?? 0;
      seen.set(spot, nth + 1);
      const cx = plot.x + (0.06 + ((vx - 1) / 4) * 0.88) * plot.w + nth * 0.18;
      const cy = plot.y + (1 - (0.06 + ((vy - 1) / 4) * 0.88)) * plot.h - nth * 0.18;
      slide.addText(String(item.rank), {
        shape: ctx.pptx.ShapeType.ellipse,
        x: cx - size / 2,
        y: cy - size / 2,
        w: size,
        h: size,
        fill: { color: item.kind === 'pain-point' ? 'B42318' : '1A5FCC' },
        line: { color: 'FFFFFF', width: 1.5 },
        fontFace: FONT,
        fontSize: 13,
        bold: true,
        color: 'FFFFFF',
        align: 'center',
        valign: 'middle',
      });
    }
    const legend = placed.map((item) => ({ text: `${item.rank}. ${item.card.text}${quadrantOf(item, x, y) ? ` — ${QUADRANT_LABELS[quadrantOf(item, x, y)!]}` : ''}`, options: { breakLine: true } }));
    slide.addText(legend, { x: plot.x + plot.w + 0.3, y: BODY_Y, w: SLIDE_W - MARGIN - (plot.x + plot.w + 0.3), h: plot.h, fontFace: FONT, fontSize: 13, color: ctx.theme.text, valign: 'top', fit: 'shrink', paraSpaceAfter: 4 });
    count++;
  }
  return count;
}

/** Per future journey, its gap to the current one: a native table, one row per step. */
export function addGapSlides(ctx: DeckContext): number {
  let count = 0;
  for (const gap of gaps(ctx)) {
    const money = (totals: ReadonlyMap<string, number>) => [...totals].map(([c, v]) => formatMoney(v, c, 'en')).join(' + ') || '—';
    const rows = gap.steps.map((step) => {
      const changes = ASPECTS.flatMap((kind) => {
        const aspect = step.aspects.find((a) => a.kind === kind)!;
        return [...aspect.removed.map((t) => `− ${t}`), ...aspect.added.map((t) => `+ ${t}`), ...aspect.changed.map((c) => `~ ${c.text}: ${c.from} → ${c.to}`)];
      });
      const emotion = step.emotion.current === null && step.emotion.future === null ? '—' : `${step.emotion.current ?? '—'} → ${step.emotion.future ?? '—'}`;
      const cost = step.cost.current.size + step.cost.future.size === 0 ? '—' : `${money(step.cost.current)} → ${money(step.cost.future)}`;
      return [`${step.stageName} › ${step.stepName}`, STEP_STATUS_LABELS[step.status], emotion, cost, changes.join('\n') || '—'];
    });
    count += addPagedTable(ctx, `Gap analysis: ${gap.future.name}`, `Against ${gap.current.name}. The future state removes ${formatTotals(gap.costRemoved, 'en')}.`, ['Stage › step', 'Gap', 'Emotion', 'Yearly cost', 'What changes'], rows, [2.6, 1.5, 1.2, 2.4, CONTENT_W - 7.7]);
  }
  return count;
}

/** The action plan as a native table, then as a timeline by month (plain rectangles and text). */
export function addActionPlanSlides(ctx: DeckContext): number {
  const actions = plannedActions(ctx.records);
  if (actions.length === 0) return 0;
  const rows = actions.map(({ action, cards, kpis }) => [
    action.title,
    action.owner || '—',
    action.dueDate || '—',
    ACTION_STATUS_LABELS[action.status],
    [...cards.map((c) => c.text), ...kpis.map((k) => `KPI: ${k.name}`)].join('\n') || '—',
    action.expectedEffect || '—',
  ]);
  let slides = addPagedTable(ctx, 'Action plan', 'The needle movers, each with one owner, a due date and what it addresses', ['Action', 'Owner', 'Due', 'Status', 'Addresses', 'Expected effect'], rows, [3.2, 1.6, 1.2, 1.2, 3.0, CONTENT_W - 10.2]);

  // The timeline: at most 6 months a slide, so a long plan continues rather than shrinks.
  const months = timeline(actions);
  const perSlide = 6;
  for (let i = 0; i < months.length; i += perSlide) {
    const slide = addTitledSlide(ctx, i === 0 ? 'Action plan: timeline' : 'Action plan: timeline (continued)', 'By due month; undated actions last');
    const shown = months.slice(i, i + perSlide);
    const w = CONTENT_W / shown.length - 0.1;
    shown.forEach((month, m) => {
      const x = MARGIN + m * (w + 0.1);
      slide.addShape(ctx.pptx.ShapeType.rect, { x, y: BODY_Y, w, h: 0.45, fill: { color: ctx.theme.laneHeader }, line: { color: ctx.theme.grid, width: 0.5 } });
      slide.addText(month.label, { x, y: BODY_Y, w, h: 0.45, fontFace: FONT, fontSize: 13, bold: true, color: ctx.theme.text, align: 'center', valign: 'middle' });
      // One paragraph per action: its title, then (a soft break, not a second bullet) who and when.
      const lines = month.actions.flatMap(({ action }) => [
        { text: action.title, options: { bullet: true, bold: true } },
        { text: `${action.owner || 'no owner yet'}${action.dueDate ? `, due ${action.dueDate}` : ''} · ${ACTION_STATUS_LABELS[action.status]}`, options: { softBreakBefore: true, breakLine: true, color: ctx.theme.muted } },
      ]);
      slide.addText(lines.length > 0 ? lines : '—', { x, y: BODY_Y + 0.5, w, h: SLIDE_H - BODY_Y - 1.0, fontFace: FONT, fontSize: 12, color: ctx.theme.text, valign: 'top', fit: 'shrink', paraSpaceAfter: 6, line: { color: ctx.theme.grid, width: 0.5 } });
    });
    slides++;
  }
  return slides;
}

/**
 * This year against last year, when the export was asked to compare with last year's
 * file: what changed, as a native table, or one line saying nothing did.
 */
export function addYearOverYearSlides(ctx: DeckContext, report: YearOverYear | undefined): number {
  if (!report) return 0;
  const count = report.differences.length;
  const subtitle = `${report.lastYear} (last year) → ${report.thisYear} (this year): ${count === 0 ? 'no difference' : `${count} ${count === 1 ? 'difference' : 'differences'}`}`;
  if (count === 0) {
    const slide = addTitledSlide(ctx, 'This year against last year', subtitle);
    slide.addText('The map is as it was last year: no stage, step, emotion, pain point, cost, tollgate or KPI changed.', { x: MARGIN, y: BODY_Y, w: CONTENT_W, h: 0.6, fontFace: FONT, fontSize: 16, color: ctx.theme.text });
    return 1;
  }
  const rows = report.differences.map((d) => [DIFFERENCE_LABELS[d.kind], d.where || '—', d.subject, d.from ?? '—', d.to ?? '—']);
  return addPagedTable(ctx, 'This year against last year', subtitle, ['What changed', 'Where', 'Item', 'Last year', 'This year'], rows, [1.8, 3.6, 3.3, 1.9, CONTENT_W - 10.6]);
}
