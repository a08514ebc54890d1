import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { rankNeedleMovers } from '../../shared/decisions/needle-movers.ts';
import type { RecordMap } from '../../shared/model/document.ts';
import { newInterview, newNote, newNoteTag, newSample } from '../../shared/model/interview-factories.ts';
import { newCard, newKpi, newPainPoint } from '../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { newDot, newDotVote, newVoteParticipant } from '../../shared/model/room-factories.ts';
import { createFutureState } from '../../renderer/src/editor/detail-actions.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, ofType, whenSaved } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1920, height: 1080 });
  app.page.on('pageerror', (e) => console.log('The page threw:', e.stack));
});
afterAll(() => app?.close());

const SCREENSHOTS = join(RESULTS_DIR, '..', 'assets', 'screenshots');
const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
const toMap = (records: readonly AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));

/**
 * The B2B template with 8 pain points (its 3 and 5 more, costed), a revealed dot vote,
 * two interviews whose notes are evidence for two cards, a KPI and a future state in
 * which one pain point is gone and a step is new.
 */
function makeWorkshop(path: string): void {
  const file = WorkshopFile.create(path, 'Decisions at Northwind', { replaceExisting: false, template: 'b2b-buying' });
  const put = (records: AnyRecord[]) => file.applyChange(changeFrom(toMap(file.readRecords()), { put: records }));
  const map = toMap(file.readRecords());
  const journey = ofType(map, 'journey')[0]!;
  const pains = ofType(map, 'lane').find((l) => l.laneType === 'pain-points')!;
  const step = (name: string) => ofType(map, 'step').find((s) => s.name === name)!;
  const more: [string, string, number, number, number, 'month' | 'quarter' | 'year'][] = [
    ['Audit finds a gap', 'Nobody owns the audit finding', 2, 10, 900, 'year'],
    ['Searches for options', 'Pricing page hides the real price', 3, 200, 45, 'month'],
    ['Shortlists vendors', 'No reference customer in our industry', 3, 12, 2500, 'quarter'],
    ['Demo and trial', 'Trial expires before IT has looked', 4, 30, 800, 'quarter'],
    ['Negotiates and signs', 'Contract redlines take six weeks', 3, 8, 3000, 'quarter'],
  ];
  const added: AnyRecord[] = [];
  more.forEach(([stepName, text, severity, affected, each, period], i) => {
    const card = newCard({ stepId: step(stepName).id, laneId: pains.id, text, position: `z${i}` });
    added.push(card, newPainPoint({ cardId: card.id, severity, affectedPerPeriod: affected, costPerOccurrence: each, period, currency: 'EUR', owner: i === 0 ? 'Ana Ruiz' : '' }));
  });
  put(added);
  const all = toMap(file.readRecords());
  const painCards = ofType(all, 'card').filter((c) => c.laneId === pains.id);
  const byText = (text: string) => painCards.find((c) => c.text === text)!;
  // Evidence: two interviews say the questionnaire repeats itself, one the invoice is wrong.
  const sample = newSample({ name: 'Nordic mid-market', position: 'a0' });
  const i1 = newInterview({ sampleId: sample.id, code: 'INT-01', role: 'Buyer', companyCode: 'Company-A', position: 'a0' });
  const i2 = newInterview({ sampleId: sample.id, code: 'INT-02', role: 'IT security', companyCode: 'Company-A', position: 'a1' });
  const note = (interviewId: string, position: string, text: string) => newNote({ interviewId, position, takenAt: '2026-10-02T09:00:00.000Z', minutesIn: 3, text });
  const n1 = note(i1.id, 'a0', 'Filled the same question three times');
  const n2 = note(i2.id, 'a0', 'The questionnaire repeats itself');
  const n3 = note(i2.id, 'a1', 'The first invoice was wrong');
  // A revealed vote: the room put 3 dots on the wrong invoice, 1 on the trial.
  const vote = { ...newDotVote({ journeyId: journey.id, title: 'What hurts most', dotsPerParticipant: 3 }), revealed: true };
  const ana = newVoteParticipant({ voteId: vote.id, name: 'Ana', color: '#1f6feb', position: 'a0' });
  const ben = newVoteParticipant({ voteId: vote.id, name: 'Ben', color: '#d1495b', position: 'a1' });
  const invoice = byText('First invoice is wrong');
  const trial = byText('Trial expires before IT has looked');
  const stage = ofType(all, 'stage').find((s) => s.name === 'Purchase') ?? ofType(all, 'stage')[0]!;
  put([
    sample, i1, i2, n1, n2, n3,
    newNoteTag({ noteId: n1.id, kind: 'card', cardId: byText('Questionnaire asks the same thing three times').id }),
    newNoteTag({ noteId: n2.id, kind: 'card', cardId: byText('Questionnaire asks the same thing three times').id }),
    newNoteTag({ noteId: n3.id, kind: 'card', cardId: invoice.id }),
    vote, ana, ben,
    newDot({ voteId: vote.id, participantId: ana.id, cardId: invoice.id }),
    newDot({ voteId: vote.id, participantId: ana.id, cardId: invoice.id }),
    newDot({ voteId: vote.id, participantId: ben.id, cardId: invoice.id }),
    newDot({ voteId: vote.id, participantId: ben.id, cardId: trial.id }),
    newKpi({ stageId: stage.id, name: 'Days to signature', currentValue: 74, targetValue: 30, unit: 'days', position: 'a0' }),
  ]);
  // The future state: the redlines are gone (a standard contract), onboarding is cheaper.
  const before = toMap(file.readRecords());
  const future = createFutureState(before, journey.id)!;
  file.applyChange(future.change);
  const withFuture = toMap(file.readRecords());
  const futureCards = ofType(withFuture, 'card').filter((c) => ofType(withFuture, 'copy-origin').some((o) => o.recordId === c.id && o.journeyId === future.journeyId));
  const redlines = futureCards.find((c) => c.text === 'Contract redlines take six weeks')!;
  const onboardingPain = ofType(withFuture, 'pain-point').find((p) => futureCards.some((c) => c.id === p.cardId && c.text === 'Onboarding takes six weeks'))!;
  const gone = [redlines, ...ofType(withFuture, 'pain-point').filter((p) => p.cardId === redlines.id)];
  file.applyChange(changeFrom(withFuture, { put: [{ ...onboardingPain, affectedPerPeriod: 10 }], remove: gone }));
  file.close();
}

async function open(page: Page, path: string): Promise<void> {
  await page.getByRole('button', { name: /^Open workshop/ }).click();
  await page.getByLabel('File path on this computer').fill(path);
  await page.keyboard.press('Enter');
  await page.getByTestId('board').locator('canvas').first().waitFor();
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(SCREENSHOTS, name) });
}

/** The ranking as the screen shows it: card ids in row order, and their scores. */
async function ranking(page: Page): Promise<{ ids: string[]; scores: string[] }> {
  const rows = page.locator('.ranking-table tbody tr');
  return { ids: await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-card-id')!)), scores: await page.getByTestId('score').allTextContents() };
}

describe('deciding what to fix', () => {
  it('ranks 8 pain points by cost, evidence and votes; the matrix and the plan agree; a cost edit reorders at once; the plan survives a reopen', async () => {
    const { page } = app;
    const path = join(app.folder, 'Decisions at Northwind.journey');
    makeWorkshop(path);
    await open(page, path);
    await page.getByRole('button', { name: 'Decisions', exact: true }).click();
    await page.getByRole('tab', { name: 'Needle movers' }).waitFor();

    // The screen's order is the shared score's order, for the current journey.
    let records = (await appState(page)).records;
    const journey = ofType(records, 'journey').find((j) => j.state === 'current')!;
    const expected = rankNeedleMovers(records, journey.id);
    expect(expected.filter((r) => r.kind === 'pain-point')).toHaveLength(8);
    let shown = await ranking(page);
    expect(shown.ids).toEqual(expected.map((r) => r.card.id));
    expect(shown.scores).toEqual(expected.map((r) => r.score.toFixed(1)));
    expect(await page.getByTestId('formula').textContent()).toBe('score = 100 × (4 × cost + 2 × evidence + 2 × votes + 1 × severity) ÷ 9');
    // The invoice has the votes and an interview; the questionnaire two interviews.
    const invoiceRow = page.locator('.ranking-table tbody tr', { hasText: 'First invoice is wrong' });
    expect(await invoiceRow.textContent()).toContain('3dots');
    expect(await page.locator('.ranking-table tbody tr', { hasText: 'Questionnaire asks' }).textContent()).toContain('2interviews');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'decisions-ranking-1920.png');

    // Plan an action for the top needle mover: it lands in the plan, linked to that card.
    const top = expected[0]!;
    await page.locator(`.ranking-table tr[data-card-id="${top.card.id}"]`).getByRole('button', { name: /^Plan an action/ }).click();
    await page.getByRole('tab', { name: 'Action plan', selected: true }).waitFor();
    const action = page.locator('.plan-action').first();
    await action.getByLabel('Owner (one named person)').fill('Ana Ruiz');
    await action.getByLabel('Owner (one named person)').press('Tab');
    await action.getByLabel('Due').fill('2027-02-15');
    await action.getByLabel('Status').selectOption('doing');
    const kpi = ofType(records, 'kpi')[0]!;
    await action.getByRole('combobox', { name: /^Link/ }).selectOption(kpi.id);
    await whenSaved(page);
    records = (await appState(page)).records;
    const [planned] = ofType(records, 'plan-action');
    expect(planned).toMatchObject({ title: `Fix: ${top.card.text}`, owner: 'Ana Ruiz', dueDate: '2027-02-15', status: 'doing' });
    expect(ofType(records, 'plan-link').map((l) => l.cardId ?? l.kpiId).sort()).toEqual([top.card.id, kpi.id].sort());
    // A second action, due later, for the timeline.
    await page.getByLabel('New action').fill('Standard contract with pre-agreed redlines');
    await page.getByRole('button', { name: 'Add action' }).click();
    const second = page.locator('.plan-action').nth(1);
    await second.getByLabel('Owner (one named person)').fill('Ben Okafor');
    await second.getByLabel('Owner (one named person)').press('Tab');
    await second.getByLabel('Due').fill('2027-04-30');
    await whenSaved(page);
    expect(await page.locator('.timeline-month h4').allTextContents()).toEqual(['February 2027', 'March 2027', 'April 2027']);
    expect(await page.locator('.kpi-dashboard').textContent()).toContain('Days to signature');
    expect(await seriousViolations(page)).toEqual([]);
    await page.locator('.plan-timeline').scrollIntoViewIfNeeded();
    await shoot(page, 'decisions-plan-1920.png');

    // The matrix numbers the same items as the ranking; rating one by keyboard places it.
    await page.getByRole('tab', { name: 'Impact / effort' }).click();
    const waiting = page.locator('.legend-list.waiting .legend-number');
    expect(await waiting.allTextContents()).toEqual(expected.map((r) => String(r.rank)));
    await waiting.first().focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.locator(`.matrix-plot [data-matrix-card="${top.card.id}"]`).count()).toBe(1);
    await page.keyboard.press('ArrowLeft');
    expect(await page.locator(`.matrix-plot [data-matrix-card="${top.card.id}"]`).getAttribute('aria-label')).toMatch(/Effort 1.*Quick wins$/);
    // Drag the second into the high-effort half.
    const plot = (await page.locator('.matrix-plot').boundingBox())!;
    const secondItem = page.locator(`.legend-list.waiting [data-matrix-card="${expected[1]!.card.id}"]`);
    const from = (await secondItem.boundingBox())!;
    await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
    await page.mouse.down();
    await page.mouse.move(plot.x + plot.width * 0.85, plot.y + plot.height * 0.3, { steps: 6 });
    await page.mouse.up();
    await expect.poll(() => page.locator(`.matrix-plot [data-matrix-card="${expected[1]!.card.id}"]`).getAttribute('aria-label')).toMatch(/Effort 5.*Big bets$/);
    await whenSaved(page);
    records = (await appState(page)).records;
    expect(ofType(records, 'rating').map((r) => [r.cardId, r.effort]).sort()).toEqual([[top.card.id, 1], [expected[1]!.card.id, 5]].sort());
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'decisions-matrix-1920.png');

    // Editing a cost on the map reorders the ranking at once: the last pain point with a cost becomes dearest.
    await page.getByRole('tab', { name: 'Needle movers' }).click();
    const cheapest = [...expected].reverse().find((r) => r.yearlyCost !== null)!;
    await page.locator(`.ranking-table tr[data-card-id="${cheapest.card.id}"] .item-text`).click();
    await page.getByLabel('Cost each').fill('100000');
    await page.getByLabel('Cost each').press('Tab');
    await whenSaved(page);
    await page.getByRole('button', { name: 'Decisions', exact: true }).click();
    shown = await ranking(page);
    expect(shown.ids[0]).toBe(cheapest.card.id);
    records = (await appState(page)).records;
    expect(shown.ids).toEqual(rankNeedleMovers(records, journey.id).map((r) => r.card.id));

    // Gap analysis of the current journey against its future state.
    await page.getByRole('tab', { name: 'Gap analysis' }).click();
    expect(await page.getByTestId('cost-removed').textContent()).toMatch(/^€[\d,]+ a year$/);
    expect(await page.locator('.gap-table').textContent()).toContain('Contract redlines take six weeks');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'decisions-gap-1920.png');

    // Reopen: the plan, its links and the ratings are in the file.
    await whenSaved(page);
    records = (await appState(page)).records;
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^Decisions at Northwind/ }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const after = (await appState(page)).records;
    for (const type of ['plan-action', 'plan-link', 'rating'] as const) expect(ofType(after, type)).toEqual(ofType(records, type));
    await page.getByRole('button', { name: 'Decisions', exact: true }).click();
    await page.getByRole('tab', { name: 'Action plan' }).click();
    expect(await page.locator('.plan-action').count()).toBe(2);
    expect(await page.locator('.plan-action').first().getByLabel('Owner (one named person)').inputValue()).toBe('Ana Ruiz');
  });

  it('compares this workshop with itself and with last year’s copy, and changes neither file', async () => {
    const { page } = app;
    const path = join(app.folder, 'Decisions at Northwind.journey');
    await whenSaved(page);
    const records = (await appState(page)).records;
    // Last year's copy: one step fewer ("Shortlists vendors") and one cost doubled.
    const lastYear = join(app.folder, 'Northwind last year.journey');
    const current = ofType(records, 'journey').find((j) => j.state === 'current')!;
    const stages = new Set(ofType(records, 'stage').filter((s) => s.journeyId === current.id).map((s) => s.id));
    const shortlist = ofType(records, 'step').find((s) => s.name === 'Shortlists vendors' && stages.has(s.stageId))!;
    const invoice = ofType(records, 'card').find((c) => c.text === 'First invoice is wrong' && ofType(records, 'step').some((s) => s.id === c.stepId && stages.has(s.stageId)))!;
    const pain = ofType(records, 'pain-point').find((p) => p.cardId === invoice.id)!;
    copyFileSync(path, lastYear);
    const copy = WorkshopFile.open(lastYear);
    const map = toMap(copy.readRecords());
    const { dependentsOf } = await import('../../shared/model/document.ts');
    copy.applyChange(changeFrom(map, { put: [{ ...pain, costPerOccurrence: pain.costPerOccurrence! * 2 }], remove: [...dependentsOf(map, shortlist.id), shortlist] }));
    copy.close();
    const hashes = [hash(path), hash(lastYear)];

    await page.getByRole('tab', { name: 'Year over year' }).click();
    await page.getByRole('button', { name: /^Compare with last year/ }).click();
    await page.getByLabel('File path on this computer').fill(path);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('difference-count').textContent()).toBe('no difference');

    await page.getByRole('button', { name: 'Compare with another file…' }).click();
    await page.getByLabel('File path on this computer').fill(lastYear);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('difference-count').textContent()).toBe('2 differences');
    expect(await page.locator('.compare-table tbody tr').allTextContents()).toEqual([
      expect.stringContaining('Step addedB2B buying journey (as is) › ResearchShortlists vendors'),
      expect.stringMatching(/^Cost changed.*First invoice is wrong€100,800 a year€50,400 a year$/),
    ]);
    expect([hash(path), hash(lastYear)]).toEqual(hashes);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'decisions-year-over-year-1920.png');

  });

  it('reads every part in projector mode at 1280×720', async () => {
    const { page } = app;
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByLabel('Screen theme').selectOption('projector');
    for (const [tab, name] of [
      ['Needle movers', 'ranking'],
      ['Impact / effort', 'matrix'],
      ['Gap analysis', 'gap'],
      ['Action plan', 'plan'],
      ['Year over year', 'year-over-year'],
    ] as const) {
      await page.getByRole('tab', { name: tab }).click();
      if (name === 'plan') await page.locator('.plan-timeline').scrollIntoViewIfNeeded();
      expect(await seriousViolations(page), tab).toEqual([]);
      await shoot(page, `decisions-${name}-projector-1280.png`);
    }
    // The tabs by keyboard: arrows move between them.
    await page.getByRole('tab', { name: 'Year over year' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { selected: true }).textContent()).toBe('Needle movers');
    // The dark theme: still axe-clean (contrast included).
    await page.getByLabel('Screen theme').selectOption('dark');
    for (const tab of ['Needle movers', 'Impact / effort', 'Gap analysis', 'Action plan']) {
      await page.getByRole('tab', { name: tab }).click();
      expect(await seriousViolations(page), `dark: ${tab}`).toEqual([]);
      await page.screenshot({ path: join(RESULTS_DIR, `decisions-${tab.replace(/\W+/g, '-').toLowerCase()}-dark.png`) });
    }
    await page.getByLabel('Screen theme').selectOption('light');
  });

  it("starts next year's workshop from this one: every id kept, no difference, this year's file untouched", async () => {
    const { page } = app;
    const path = join(app.folder, 'Decisions at Northwind.journey');
    await whenSaved(page);
    const hashes = [hash(path)];
    await page.getByRole('tab', { name: 'Year over year' }).click();
    // Next year's workshop starts as this one with every id kept: compared with this
    // year's file it has no difference, and this year's file is not touched.
    const nextYear = join(app.folder, 'Decisions at Northwind 2028.journey');
    await page.getByRole('button', { name: /^Start next year/ }).click();
    await page.getByLabel('File path on this computer').fill(nextYear);
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { __journeyboardTest: { state(): { workshop: { path: string } } } }).__journeyboardTest.state().workshop.path))).toBe(nextYear);
    // The report was about the other file: it is gone, and the button asks for last year's.
    await page.getByRole('button', { name: 'Compare with last year’s file…' }).click();
    await page.getByLabel('File path on this computer').fill(path);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('difference-count').textContent()).toBe('no difference');
    expect(hash(path)).toBe(hashes[0]);
  });
});
