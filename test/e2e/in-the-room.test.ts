import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, Lane } from '../../shared/model/records.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, cardCenter, clickAt, createWorkshop, typeThen, whenSaved, ofType } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1600, height: 900 });
});
afterAll(() => app?.close());


describe('a facilitator runs a workshop', () => {
  it('times, types, votes, parks and presents, and the room’s work survives a reopen', async () => {
    const { page } = app;
    await createWorkshop(page, 'Renewal workshop', /B2B buying journey/);

    // A five-minute timer, running.
    await page.getByLabel('Timer length').selectOption('5');
    await page.getByRole('button', { name: 'Start timer' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Pause timer' }).count()).toBe(1);
    expect(await page.locator('.timer-text').textContent()).toMatch(/^[45]:\d\d$/);

    // The timer's button has focus and keeps its keys: S adds no stage, and Tab moves
    // the page's focus to the next button, not the board's to a cell.
    const stages = ofType((await appState(page)).records, 'stage').length;
    await page.keyboard.press('s');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('+1 minute');
    expect(ofType((await appState(page)).records, 'stage').length).toBe(stages);
    expect((await appState(page)).focus).toBeNull();
    // Esc hands the keys back to the board, which takes focus.
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('board');

    // Twelve cards with the keyboard only: an arrow to a cell, Enter, type, Enter, …, and
    // Tab saves the last card of a cell and moves to the next cell.
    const before = ofType((await appState(page)).records, 'card').length;
    await page.keyboard.press('ArrowRight');
    for (let cell = 0; cell < 3; cell++) {
      await page.keyboard.press('Enter');
      for (let n = 1; n <= 4; n++) await typeThen(page, `Idea ${cell + 1}.${n}`, n < 4 ? 'Enter' : cell < 2 ? 'Tab' : 'Escape');
    }
    await whenSaved(page);
    expect(ofType((await appState(page)).records, 'card').length).toBe(before + 12);

    // A vote over the pain-point lane: 4 participants × 3 dots.
    const records = (await appState(page)).records;
    const painLane = ofType(records, 'lane').find((l: Lane) => l.laneType === 'pain-points')!;
    const pains = ofType(records, 'card').filter((c: Card) => c.laneId === painLane.id);
    const byText = (text: string) => pains.find((c) => c.text === text)!;
    const invoice = byText('First invoice is wrong');
    const onboarding = byText('Onboarding takes six weeks');
    const questionnaire = byText('Questionnaire asks the same thing three times');
    await page.keyboard.press('f');
    await clickAt(page, await cardCenter(page, invoice.id));
    await page.getByRole('tab', { name: 'Vote' }).click();
    await page.getByLabel('Vote on').selectOption('lane');
    await page.getByLabel('Dots per participant').fill('3');
    await page.getByLabel(/Participants/).fill('Ana, Ben, Chloé, Dev');
    await page.getByRole('button', { name: 'Start vote' }).click();
    // Ana clicks her three dots onto the invoice card.
    await page.getByRole('button', { name: /1\. Ana/ }).click();
    for (let i = 0; i < 3; i++) await clickAt(page, await cardCenter(page, invoice.id));
    // Ben clicks once, then everyone uses number keys on the card the click selected.
    await page.getByRole('button', { name: /2\. Ben/ }).click();
    await clickAt(page, await cardCenter(page, onboarding.id));
    for (const key of ['2', '2', '3', '3', '4', '4', '4']) await page.keyboard.press(key);
    // Dev has spent his dots, so this click only selects; Chloé's last dot goes by key.
    await clickAt(page, await cardCenter(page, questionnaire.id));
    await page.keyboard.press('3');
    await whenSaved(page);
    // Before the reveal, nobody sees totals.
    expect(await page.getByRole('list', { name: 'Vote ranking' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Reveal results' }).click();
    const ranking = page.getByRole('list', { name: 'Vote ranking' }).locator('li');
    await expect.poll(() => ranking.allTextContents()).toEqual([
      'Onboarding takes six weeks 8 dots',
      'First invoice is wrong 3 dots',
      'Questionnaire asks the same thing three times 1 dot',
    ]);
    // Ana has no dots left: a fourth click places nothing.
    await page.getByRole('button', { name: /1\. Ana/ }).click();
    await clickAt(page, await cardCenter(page, invoice.id));
    await whenSaved(page);
    expect(ofType((await appState(page)).records, 'dot')).toHaveLength(12);

    // Two topics parked, and the agenda moves on.
    await page.getByRole('tab', { name: 'Parking lot' }).click();
    for (const topic of ['Pricing tiers for partners', 'Rename the support portal']) {
      await page.getByLabel('Park a topic').fill(topic);
      await page.keyboard.press('Enter');
    }
    await page.getByRole('tab', { name: 'Agenda' }).click();
    await page.getByRole('checkbox', { name: 'Data breadcrumbs' }).check();
    await whenSaved(page);

    // Projector mode, stage by stage, at 1280×720 and 1920×1080.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.keyboard.press('F5');
    const where = page.getByTestId('projector-stage');
    // It opens where the room was working (the invoice card is in "Use"); Home goes to the start.
    await expect.poll(() => where.textContent()).toContain('Stage 6 of 7');
    expect(await where.textContent()).toContain('Now: Interviews');
    await page.keyboard.press('Home');
    await expect.poll(() => where.textContent()).toContain('Stage 1 of 7');
    const fontPx = async (cardId: string) => page.evaluate((id) => (window as any).__journeyboardTest.renderedCardFontPx(id), cardId);
    for (let stage = 2; stage <= 7; stage++) {
      // A stage too full for one screen has pages ("Research 1/2"): the clicker steps
      // through them on its way to the next stage.
      for (let press = 0; press < 6 && !(await where.textContent())!.includes(`Stage ${stage} of 7`); press++) {
        const before = await where.textContent();
        await page.keyboard.press(stage % 2 ? 'ArrowRight' : 'PageDown');
        await expect.poll(() => where.textContent()).not.toBe(before);
      }
      expect(await where.textContent()).toContain(`Stage ${stage} of 7`);
    }
    expect(await where.textContent()).toContain('Renew or retire');
    const renewal = ofType((await appState(page)).records, 'card').find((c) => c.text === 'Did it pay for itself?')!;
    await expect.poll(() => fontPx(renewal.id)).toBeGreaterThanOrEqual(24);
    await page.screenshot({ path: join(RESULTS_DIR, 'projector-1280x720.png') });
    await page.keyboard.press('PageUp');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await expect.poll(() => where.textContent()).toContain('Stage 6 of 7');
    await page.waitForTimeout(100);
    await page.screenshot({ path: join(RESULTS_DIR, 'projector-1920x1080.png') });
    expect(await page.getByRole('button', { name: 'Present' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('button', { name: 'Present' }).count()).toBe(1);

    // A theme is a preference of this machine; the work is in the file.
    await page.keyboard.press('Control+k');
    await page.getByLabel('Type a command').fill('theme dark');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await page.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.getByRole('button', { name: /^Renewal workshop/ }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');

    const file = new Database(join(app.folder, 'Renewal workshop.journey'), { readonly: true });
    expect(file.prepare('SELECT dots_per_participant, revealed FROM dot_vote').all()).toEqual([{ dots_per_participant: 3, revealed: 1 }]);
    expect(file.prepare('SELECT count(*) AS n FROM dot').get()).toEqual({ n: 12 });
    expect(file.prepare('SELECT name FROM vote_participant ORDER BY position').all()).toEqual([{ name: 'Ana' }, { name: 'Ben' }, { name: 'Chloé' }, { name: 'Dev' }]);
    expect(file.prepare('SELECT text FROM parking_topic ORDER BY position').all()).toEqual([{ text: 'Pricing tiers for partners' }, { text: 'Rename the support portal' }]);
    expect(file.prepare("SELECT done FROM agenda_item WHERE title = 'Data breadcrumbs'").get()).toEqual({ done: 1 });
    file.close();

    await page.getByRole('tab', { name: 'Parking lot' }).click();
    expect(await page.getByRole('list', { name: 'Parking lot' }).locator('li').count()).toBe(2);
  });
});
