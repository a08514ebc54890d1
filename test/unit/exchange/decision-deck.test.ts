import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApiService } from '../../../electron/services/api-service.ts';
import type { OpenedWorkshop } from '../../../shared/api/contract.ts';
import { applyChange, changeFrom } from '../../../shared/change/change.ts';
import { dayOf } from '../../../shared/decisions/action-plan.ts';
import { rankNeedleMovers } from '../../../shared/decisions/needle-movers.ts';
import { journeysOf, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { newPlanAction, newPlanLink, newRating } from '../../../shared/model/records.ts';
import { quadrantOf, QUADRANT_LABELS } from '../../../shared/decisions/matrix.ts';
import { createFutureState } from '../../../renderer/src/editor/detail-actions.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const unescapeXml = (text: string) => text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
/** The text of each paragraph of a slide, in order. */
const paragraphs = (xml: string) => xml.split('<a:p>').slice(1).map((p) => [...p.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)).join(''));
const euros = (text: string) => Number(text.replace(/[€,]/g, ''));

/**
 * A workshop with a current journey (the B2B template: three costed pain points) and its
 * future state, in which the onboarding pain point costs a quarter as much; one action,
 * due in 30 days. The deck must list each pain point once per journey, and its executive
 * summary must total exactly the ranked costs of the current journey.
 */
async function exportDeck() {
  const folder = tempFolder('journeyboard-decision-deck-');
  const api = createApiService({ dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder, appVersion: 'test' });
  const created = (await api.call('workshop-create', { path: join(folder, 'Deck.journey'), name: 'Deck', template: 'b2b-buying' })) as { ok: true; value: OpenedWorkshop };
  let records: RecordMap = Object.fromEntries(created.value.records.map((r) => [r.id, r]));
  // Last year's file: the workshop as the template made it, before the future state.
  const lastYear = join(folder, 'Last year.journey');
  copyFileSync(join(folder, 'Deck.journey'), lastYear);
  const current = journeysOf(records)[0]!;
  const future = createFutureState(records, current.id)!;
  const apply = async (change: ReturnType<typeof changeFrom>) => {
    const result = await api.call('workshop-apply-change', { change });
    if (!result.ok) throw new Error(JSON.stringify(result));
    records = applyChange(records, change);
  };
  await apply(future.change);
  const onboarding = recordsOfType(records, 'pain-point').find((p) => p.affectedPerPeriod === 40 && recordsOfType(records, 'copy-origin').some((o) => o.recordId === p.cardId))!;
  const due = new Date();
  due.setUTCDate(due.getUTCDate() + 30);
  const action = newPlanAction({ title: 'Pre-fill the security questionnaire', owner: 'Ana Ruiz', dueDate: dayOf(due), status: 'doing', position: 'a0' });
  const questionnaire = recordsOfType(records, 'card').find((c) => c.text.startsWith('Questionnaire'))!;
  // The room rated the questionnaire's effort 2: it is placed on the matrix, the rest wait.
  await apply(changeFrom(records, { put: [{ ...onboarding, affectedPerPeriod: 10 }, action, newPlanLink({ actionId: action.id, cardId: questionnaire.id }), newRating({ cardId: questionnaire.id, effort: 2 })] }));

  const path = join(folder, 'Deck.pptx');
  const result = await api.call('export-pptx', { path, jobId: 'decision-deck', theme: 'light', overviews: [], compareWith: lastYear });
  expect(result.ok).toBe(true);
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files)
    .filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)/.exec(a)![1]) - Number(/(\d+)/.exec(b)![1]));
  const slides = await Promise.all(names.map(async (n) => paragraphs(await zip.file(n)!.async('string'))));
  // The same decisions in the PDF, as text.
  const pdf = join(folder, 'Report.pdf');
  expect(await api.call('export-pdf', { path: pdf, jobId: 'decision-pdf', overviews: [], compareWith: lastYear })).toMatchObject({ ok: true });
  // Each line is a bulleted paragraph; the bullets are left out of the comparison.
  const pdfText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ').replaceAll('• ', '');
  api.close();
  return { slides, records, current, futureId: future.journeyId, pdfText };
}

describe('the decisions in the deck', () => {
  // One workshop, exported once as a deck and a PDF: seconds of work on a busy machine.
  let exported: Awaited<ReturnType<typeof exportDeck>>;
  beforeAll(async () => {
    exported = await exportDeck();
  }, 120_000);

  it('lists each pain point once per journey, and the executive summary totals exactly the ranked costs', () => {
    const { slides, records, current, futureId } = exported;
    const titled = (title: string) => slides.filter((s) => s[0] === title || s[0] === `${title} (continued)`);

    // Needle movers: one line per pain point per journey, each journey ranked from 1.
    const lines = titled('Needle movers').flatMap((s) => s.filter((p) => /^\d+\. /.test(p)));
    const journeyName = (id: string) => (records[id] as { name: string }).name;
    const byJourney = (name: string) => lines.filter((l) => l.endsWith(`(${name})`));
    const today = byJourney(journeyName(current.id));
    const tomorrow = byJourney(journeyName(futureId));
    expect(lines).toHaveLength(6);
    expect(today.map((l) => l.replace(/^\d+\. /, '').split(' — ')[0])).toEqual(['Onboarding takes six weeks', 'Questionnaire asks the same thing three times', 'First invoice is wrong']);
    expect(tomorrow.map((l) => l.split(' — ')[0])).toEqual(['1. Questionnaire asks the same thing three times', '2. First invoice is wrong', '3. Onboarding takes six weeks']);
    for (const group of [today, tomorrow]) expect(new Set(group.map((l) => l.split(' — ')[0]!.replace(/^\d+\. /, ''))).size).toBe(group.length);

    // Worked by hand: onboarding 40 × €650 × 4 = €104,000; questionnaire 6 × €4,000 × 4 =
    // €96,000; invoice 120 × €35 × 12 = €50,400. Ranked costs of today's journey: €250,400.
    const costs = today.map((l) => euros(/ — (€[\d,]+) a year/.exec(l)![1]!));
    expect(costs).toEqual([104_000, 96_000, 50_400]);
    const [summary] = titled('Executive summary');
    expect(summary).toBeDefined();
    const total = /^Yearly cost of the ranked pain points: (€[\d,]+) a year$/.exec(summary!.find((p) => p.startsWith('Yearly cost'))!)!;
    expect(euros(total[1]!)).toBe(costs.reduce((a, b) => a + b, 0));
    expect(euros(total[1]!)).toBe(rankNeedleMovers(records, current.id).reduce((sum, r) => sum + (r.yearlyCost ?? 0), 0));
    // The future state's onboarding: 10 × €650 × 4 = €26,000, so it removes €78,000.
    expect(summary).toContain('The future state removes €78,000 a year');
    expect(summary!.some((p) => p.startsWith('Pre-fill the security questionnaire — Ana Ruiz, due '))).toBe(true);

    // The matrix: effort across, score up; only the rated questionnaire is on it.
    const rated = rankNeedleMovers(records, current.id).find((r) => r.card.text.startsWith('Questionnaire'))!;
    const [matrix] = titled(`Impact and effort: ${journeyName(current.id)}`);
    expect(matrix).toContain(`${rated.rank}. ${rated.card.text} — ${QUADRANT_LABELS[quadrantOf(rated, 'effort', 'score')!]}`);
    expect(matrix!.filter((p) => /^\d+\. /.test(p))).toHaveLength(1);
    expect(matrix).toContain(String(rated.rank));

    // The gap and the plan as native tables, and the plan's timeline.
    const [gap] = titled(`Gap analysis: ${journeyName(futureId)}`);
    expect(gap).toContain('Implement › Onboarding');
    expect(gap!.some((p) => p.startsWith('~ Onboarding takes six weeks: severity 5, €104,000 a year → severity 5, €26,000 a year'))).toBe(true);
    const [plan] = titled('Action plan');
    expect(plan).toEqual(expect.arrayContaining(['Pre-fill the security questionnaire', 'Ana Ruiz', 'In progress', 'Questionnaire asks the same thing three times']));
    expect(titled('Action plan: timeline')).toHaveLength(1);
  });

  it('compare this year with last year’s file when asked: the future journey is the one difference', () => {
    const { slides, futureId, records } = exported;
    const [report] = slides.filter((s) => s[0] === 'This year against last year');
    expect(report).toBeDefined();
    expect(report![1]).toBe('Last year.journey (last year) → Deck.journey (this year): 1 difference');
    expect(report).toEqual(expect.arrayContaining(['Journey added', (records[futureId] as { name: string }).name]));
  });

  it('are in the PDF too: the summary with the same total, the gap, the plan and last year', () => {
    const { pdfText } = exported;
    expect(pdfText).toContain('Executive summary Yearly cost of the ranked pain points: €250,400 a year The future state removes €78,000 a year');
    expect(pdfText).toContain('Implement › Onboarding: Improved (~ Onboarding takes six weeks: severity 5, €104,000 a year → severity 5, €26,000 a year)');
    expect(pdfText).toContain('This year against last year Last year.journey (last year) → Deck.journey (this year): 1 difference Journey added: B2B buying journey (to be)');
    expect(pdfText).toMatch(/Action plan Pre-fill the security questionnaire — Ana Ruiz, due \d{4}-\d{2}-\d{2}, in progress; addresses Questionnaire asks the same thing three times/);
  });
});
