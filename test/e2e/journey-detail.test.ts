import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lane, Step } from '../../shared/model/records.ts';
import { byPosition } from '../../shared/model/ordering.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, cellCorner, clickAt, createWorkshop, typeThen, whenSaved, ofType } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1920, height: 1080 });
});
afterAll(() => app?.close());


describe('the room maps the whole journey', () => {
  it('adds a persona, six emotions, two tollgates, three costed pain points, two moments of truth and a future state, and finds them after a reopen', async () => {
    const { page } = app;
    await createWorkshop(page, 'Acme renewal study', /B2B buying journey/);
    const start = (await appState(page)).records;
    const journey = ofType(start, 'journey')[0]!;
    const lanes = byPosition(ofType(start, 'lane'));
    const lane = (type: Lane['laneType']) => lanes.find((l) => l.laneType === type)!;
    const stepIds = new Set(ofType(start, 'stage').filter((s) => s.journeyId === journey.id).map((s) => s.id));
    const steps = byPosition(ofType(start, 'step').filter((s) => stepIds.has(s.stageId)));
    const stageOrder = new Map(byPosition(ofType(start, 'stage')).map((s, i) => [s.id, i]));
    steps.sort((a, b) => stageOrder.get(a.stageId)! - stageOrder.get(b.stageId)! || (a.position < b.position ? -1 : 1));

    // A persona, and the journey becomes hers.
    await page.getByRole('tab', { name: 'Personas' }).click();
    await page.getByLabel('New persona name').fill('Priya, the CFO');
    await page.keyboard.press('Enter');
    await page.getByLabel('Role').fill('Chief Financial Officer');
    await page.getByLabel('Part in the decision').selectOption('gatekeeper');
    await page.getByRole('button', { name: '+ Browbeating boss' }).click();
    await page.getByLabel('Whose journey').selectOption({ label: 'For: Priya, the CFO' });
    await page.getByRole('tab', { name: 'Details' }).click();

    // Her emotions on six steps, typed with the keyboard: Enter, a number, Enter, →.
    // The tab just clicked keeps its keys until Esc hands them back to the board.
    await page.keyboard.press('Escape');
    await page.keyboard.press('f');
    await clickAt(page, await cellCorner(page, steps[0]!.id, lane('emotions').id));
    for (const score of ['-1', '0', '2', '-3', '1', '3']) {
      await page.keyboard.press('Enter');
      await typeThen(page, score, 'Enter');
      await page.keyboard.press('ArrowRight');
    }

    // Two tollgates: a card in the tollgate lane names the hurdle; the inspector holds the rest.
    const addCardIn = async (step: Step, laneType: Lane['laneType'], text: string) => {
      await clickAt(page, await cellCorner(page, step.id, lane(laneType).id));
      await page.keyboard.press('n');
      await typeThen(page, text, 'Escape');
    };
    await addCardIn(steps[8]!, 'tollgates', 'Legal review passed');
    await page.getByLabel('Status').selectOption('blocks');
    await page.getByLabel("The buyer's process for passing it").fill('Legal redlines the MSA twice');
    await page.getByLabel('Moment of truth').check();
    await addCardIn(steps[1]!, 'tollgates', 'Shortlist approved by the board');
    await page.getByLabel('Status').selectOption('passes');

    // Three pain points with what they cost when nobody fixes them.
    const costs: [number, string, string, string][] = [
      [2, 'Pricing page hides the total', '300', '12'],
      [4, 'Demo environment is down', '25', '400'],
      [8, 'Renewal quote arrives late', '15', '2200'],
    ];
    for (const [i, text, affected, each] of costs) {
      await addCardIn(steps[i]!, 'pain-points', text);
      await page.getByLabel('Severity (1–5)').fill('4');
      await page.getByLabel('Customers affected').fill(affected);
      await page.getByLabel('Cost each').fill(each);
      await page.getByLabel('Per', { exact: true }).selectOption('month');
      await page.getByLabel('Owner').fill('Lee Okafor');
      await page.getByLabel('Owner').blur();
    }
    await expect.poll(() => page.getByText('Yearly cost of not fixing it: €396,000').count()).toBe(1);
    await page.getByLabel('Moment of truth').check();
    await whenSaved(page);

    await page.getByRole('tab', { name: 'Priorities' }).click();
    await expect.poll(() => page.locator('.ranked li').first().textContent()).toContain('Renewal quote arrives late');
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.screenshot({ path: join(RESULTS_DIR, 'journey-detail.png') });

    // The future state: a linked copy of today's journey.
    await page.getByRole('button', { name: 'Create future state' }).click();
    await expect.poll(() => page.getByLabel('Journey', { exact: true }).inputValue()).not.toBe(journey.id);
    await whenSaved(page);
    const before = (await appState(page)).records;

    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^Acme renewal study/ }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const after = (await appState(page)).records;
    expect(after).toEqual(before);

    const priya = ofType(after, 'persona').find((p) => p.name === 'Priya, the CFO')!;
    expect(priya).toMatchObject({ role: 'Chief Financial Officer', participation: 'gatekeeper', baggage: 'Browbeating boss' });
    expect(ofType(after, 'journey').find((j) => j.id === journey.id)!.personaId).toBe(priya.id);
    const priyaScores = ofType(after, 'emotion').filter((e) => e.personaId === priya.id && steps.some((s) => s.id === e.stepId));
    expect(steps.slice(0, 6).map((s) => priyaScores.find((e) => e.stepId === s.id)?.score)).toEqual([-1, 0, 2, -3, 1, 3]);
    const cardText = (id: string) => (after[id] as { text: string }).text;
    const tollgates = ofType(after, 'tollgate').map((t) => [cardText(t.cardId), t.status]);
    expect(tollgates).toEqual(expect.arrayContaining([['Legal review passed', 'blocks'], ['Shortlist approved by the board', 'passes']]));
    const pains = ofType(after, 'pain-point').map((p) => [cardText(p.cardId), p.affectedPerPeriod, p.costPerOccurrence, p.period, p.owner]);
    expect(pains).toEqual(
      expect.arrayContaining([
        ['Pricing page hides the total', 300, 12, 'month', 'Lee Okafor'],
        ['Demo environment is down', 25, 400, 'month', 'Lee Okafor'],
        ['Renewal quote arrives late', 15, 2200, 'month', 'Lee Okafor'],
      ]),
    );
    const flagged = ofType(after, 'card').filter((c) => c.momentOfTruth).map((c) => c.text);
    expect(flagged).toEqual(expect.arrayContaining(['Legal review passed', 'Renewal quote arrives late']));
    const future = ofType(after, 'journey').find((j) => j.state === 'future')!;
    expect(future).toMatchObject({ derivedFromId: journey.id, personaId: priya.id });
    expect(ofType(after, 'stage').filter((s) => s.journeyId === future.id)).toHaveLength(7);
  });

  it('refuses an emotion of 7, a negative cost, "everyone" or no one as owner, and 1 MB of text, and writes none of them', async () => {
    const { page } = app;
    const { records } = await appState(page);
    const journeyId = (await page.evaluate(() => (window as any).__journeyboardTest.state().journeyId)) as string;
    const lanes = ofType(records, 'lane').filter((l) => l.journeyId === journeyId);
    const stage = byPosition(ofType(records, 'stage').filter((s) => s.journeyId === journeyId))[0]!;
    const step = byPosition(ofType(records, 'step').filter((s) => s.stageId === stage.id))[0]!;
    const emotions = lanes.find((l) => l.laneType === 'emotions')!;
    const painLane = lanes.find((l) => l.laneType === 'pain-points')!;

    await clickAt(page, await cellCorner(page, step.id, emotions.id));
    await page.keyboard.press('Enter');
    await typeThen(page, '7', 'Enter');
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('An emotion is a whole number from -3 to +3.');
    await page.keyboard.press('Escape');

    await clickAt(page, await cellCorner(page, step.id, painLane.id));
    await page.keyboard.press('n');
    await typeThen(page, 'Invoice in the wrong currency', 'Escape');
    await page.getByLabel('Customers affected').fill('-5');
    await page.getByLabel('Customers affected').blur();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('Customers affected cannot be negative.');
    await page.getByLabel('Text').fill('x'.repeat(1024 * 1024));
    await page.getByLabel('Text').blur();
    await expect.poll(() => page.getByText('A card can hold at most 4000 characters.').count()).toBe(1);

    await page.keyboard.press('Escape');
    const header = await page.evaluate((id) => {
      const s = (window as any).__journeyboardTest.layout().stages.find((b: any) => b.stage.id === id);
      return { x: s.x + 20, y: s.y + 10 };
    }, stage.id);
    const board = await page.getByTestId('board').boundingBox();
    const v = await page.evaluate(() => (window as any).__journeyboardTest.state().viewport);
    await page.mouse.click(board!.x + v.x + header.x * v.scale, board!.y + v.y + header.y * v.scale);
    await page.getByLabel('Accountable owner').fill('Everyone');
    await page.getByLabel('Accountable owner').blur();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('A stage\'s owner must be one named person, not "everyone".');
    await page.getByLabel('Accountable owner').fill('Marta Ruiz');
    await page.getByLabel('Accountable owner').blur();
    await page.getByLabel('Accountable owner').fill('');
    await page.getByLabel('Accountable owner').blur();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBe('A stage needs one accountable owner: type a name.');
    await whenSaved(page);

    const path = join(app.folder, 'Acme renewal study.journey');
    const file = new Database(path, { readonly: true });
    expect(file.prepare('SELECT count(*) AS n FROM emotion WHERE score > 3 OR score < -3').get()).toEqual({ n: 0 });
    expect(file.prepare('SELECT count(*) AS n FROM pain_point WHERE affected_per_period < 0').get()).toEqual({ n: 0 });
    expect(file.prepare('SELECT owner FROM stage WHERE id = ?').get(stage.id)).toEqual({ owner: 'Marta Ruiz' });
    expect((file.prepare('SELECT max(length(text)) AS n FROM card').get() as { n: number }).n).toBeLessThanOrEqual(4000);
    file.close();
  });
});
