import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, Lane, Stage, Step } from '../../shared/model/records.ts';
import { byPosition } from '../../shared/model/ordering.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, cardCenter, cards, cellCenter, typeThen, whenSaved } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(() => app?.close());

const byText = (all: Card[], text: string) => all.find((c) => c.text === text)!;
const cellOf = (card: Card) => ({ stepId: card.stepId, laneId: card.laneId, position: card.position });

describe('a facilitator maps a journey with the keyboard', () => {
  it('creates a workshop, builds 3 stages, 4 steps and 10 cards, drags, undoes, reopens and finds the same map', async () => {
    const { page } = app;
    const path = join(app.folder, 'Onboarding journey.journey');

    await page.getByRole('button', { name: 'New workshop' }).click();
    await page.getByLabel('Workshop name').fill('Onboarding journey');
    await page.getByLabel(/Blank map/).check();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByLabel('File path on this computer').inputValue()).toBe(path);
    await page.keyboard.press('Enter');
    await page.getByText('Press S to add the first stage').waitFor();

    // The spine: S names a stage and then its first step; T adds a step.
    for (const [stage, step] of [['Aware', 'Sees an ad'], ['Research', 'Reads reviews'], ['Buy', 'Signs the contract']]) {
      await page.keyboard.press('s');
      await typeThen(page, stage!, 'Enter');
      await typeThen(page, step!, 'Enter');
    }
    await page.keyboard.press('t');
    await typeThen(page, 'Gets onboarded', 'Enter');

    // Ten cards: Enter starts one, Enter saves it and starts the next, Tab saves it and
    // moves to the next cell.
    const lines = [
      ['Books a kickoff call', 'Invites the team'],
      ['Is this ad for me?', 'Who else uses it?'],
      ['Which plan fits us?', 'How long is setup?'],
      ['Will finance sign off?', 'What if it fails?'],
      ['Do we need training?', 'Who owns the rollout?'],
    ];
    for (const [i, pair] of lines.entries()) {
      await page.keyboard.press('Enter');
      await typeThen(page, pair[0]!, 'Enter');
      await typeThen(page, pair[1]!, i < lines.length - 1 ? 'Tab' : 'Escape');
    }
    await whenSaved(page);

    const { records } = await appState(page);
    const stages = byPosition(Object.values(records).filter((r): r is Stage => r.type === 'stage'));
    const steps = Object.values(records).filter((r): r is Step => r.type === 'step');
    const lanes = byPosition(Object.values(records).filter((r): r is Lane => r.type === 'lane'));
    expect(stages.map((s) => s.name)).toEqual(['Aware', 'Research', 'Buy']);
    expect(steps.map((s) => s.name).sort()).toEqual(['Gets onboarded', 'Reads reviews', 'Sees an ad', 'Signs the contract']);
    const before = await cards(page);
    expect(before.map((c) => c.text).sort()).toEqual(lines.flat().sort());
    // The first pair went into the new step's Actions cell, the rest along Thoughts.
    const kickoff = byText(before, 'Books a kickoff call');
    expect(records[kickoff.stepId]).toMatchObject({ name: 'Gets onboarded' });
    expect(kickoff.laneId).toBe(lanes[0]!.id);
    expect(byText(before, 'Is this ad for me?').laneId).toBe(lanes[1]!.id);

    // Drag a card into the Pain points lane of the first step, with the whole map in view.
    await page.keyboard.press('f');
    const painPoints = lanes.find((l) => l.laneType === 'pain-points')!;
    const aware = steps.find((s) => s.name === 'Sees an ad')!;
    const worry = byText(before, 'What if it fails?');
    const from = await cardCenter(page, worry.id);
    const to = await cellCenter(page, aware.id, painPoints.id);
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
    await page.mouse.move(to.x, to.y, { steps: 5 });
    await page.mouse.up();
    await whenSaved(page);
    const moved = byText(await cards(page), 'What if it fails?');
    expect({ stepId: moved.stepId, laneId: moved.laneId }).toEqual({ stepId: aware.id, laneId: painPoints.id });

    await page.keyboard.press('Control+z');
    expect(cellOf(byText(await cards(page), 'What if it fails?'))).toEqual(cellOf(worry));
    await page.keyboard.press('Control+Shift+z');
    await whenSaved(page);
    const redone = byText(await cards(page), 'What if it fails?');
    expect({ stepId: redone.stepId, laneId: redone.laneId }).toEqual({ stepId: aware.id, laneId: painPoints.id });

    await page.screenshot({ path: join(RESULTS_DIR, 'board.png') });
    const mapBeforeClose = (await appState(page)).records;

    // What is on disk is what is on screen, in readable columns.
    const file = new Database(path, { readonly: true });
    const rows = file.prepare('SELECT * FROM card').all() as { id: string; step_id: string; lane_id: string; position: string; text: string; moment_of_truth: number }[];
    file.close();
    expect(rows.map((r) => ({ id: r.id, type: 'card', stepId: r.step_id, laneId: r.lane_id, position: r.position, text: r.text, momentOfTruth: r.moment_of_truth === 1 })).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      (await cards(page)).sort((a, b) => a.id.localeCompare(b.id)),
    );

    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('heading', { name: 'Recent workshops' }).waitFor();
    await page.getByRole('button', { name: /^Onboarding journey/ }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect((await appState(page)).records).toEqual(mapBeforeClose);
  });
});
