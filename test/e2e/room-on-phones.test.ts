import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card, Lane, Step } from '../../shared/model/records.ts';
import { launchApp, type RunningApp } from './support/app.ts';
import { seriousViolations } from './support/axe.ts';
import { appState, cardCenter, cellCorner, clickAt, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';

/**
 * Issue #16, acceptance 1 and 4: the facilitator opens the room on loopback, five phones
 * (separate Chromium contexts, 390×844) join with the code, add three ideas each and
 * spend three dots each; the board shows the 15 cards live and the right totals after
 * the reveal; the facilitator takes one back (one undo step); closing the room tells
 * the phones; the file keeps every card with its author after a reopen.
 */
const SCREENSHOTS = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));
let app: RunningApp;
const phones: { context: BrowserContext; page: Page; name: string }[] = [];

beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(async () => {
  for (const phone of phones) await phone.context.close();
  await app?.close();
});

const palette = async (page: Page, label: string) => {
  await page.keyboard.press('Control+k');
  await page.getByLabel('Type a command').fill(label);
  await page.keyboard.press('Enter');
};

const phoneCards = async (page: Page) => {
  const { records } = await appState(page);
  const authored = new Set(ofType(records, 'card-author').map((a) => a.cardId));
  return ofType(records, 'card').filter((c) => authored.has(c.id));
};

describe('the room on phones', () => {
  it('five phones add 15 cards and 15 dots live; reveal, take back, close, reopen', async () => {
    const { page } = app;
    await createWorkshop(page, 'Renewals', /B2B buying journey/);
    const records = (await appState(page)).records;
    const lane = ofType(records, 'lane').find((l: Lane) => l.laneType === 'pain-points')!;
    const step = ofType(records, 'step').sort((a: Step, b: Step) => (a.position < b.position ? -1 : 1))[0]!;
    await clickAt(page, await cellCorner(page, step.id, lane.id));
    await expect.poll(async () => ((await appState(page)).focus as { stepId?: string } | null)?.stepId).toBe(step.id);

    await palette(page, 'Open the room to phones');
    await page.getByLabel('Network').selectOption('127.0.0.1');
    await page.getByRole('button', { name: 'Open the room', exact: true }).click();
    const panel = page.getByTestId('room-panel');
    await panel.waitFor();
    const code = (await page.getByTestId('room-code').textContent())!.trim();
    const url = `http://${(await page.getByTestId('room-url').textContent())!.trim()}/`;
    expect(code).toMatch(/^[A-Z2-9]{6}$/);
    expect(await panel.getByRole('img', { name: /QR code/ }).count()).toBe(1);


    for (let i = 1; i <= 5; i++) {
      const context = await app.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
      const phonePage = await context.newPage();
      await phonePage.goto(url);
      if (i === 1) expect(await seriousViolations(phonePage)).toEqual([]);
      await phonePage.getByLabel('Code on the screen').fill(code.toLowerCase());
      await phonePage.getByLabel(/Your name/).fill(`P${i}`);
      await phonePage.getByRole('button', { name: 'Join' }).click();
      await phonePage.getByRole('heading', { name: /\?$/ }).waitFor();
      phones.push({ context, page: phonePage, name: `P${i}` });
    }
    await expect.poll(() => panel.textContent()).toContain('5 people joined');
    // The QR on the projector, with the room joined, at both sizes the room's screens have.
    await page.keyboard.press('F5');
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'room-qr-projector-1280.png') });
    // The phones follow the stage on the projector.
    const stageName = (await page.getByTestId('projector-stage').locator('.projector-name').textContent())!;
    await phones[0]!.page.getByText(`On the screen: ${stageName}`).waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(300);
    await page.screenshot({ path: join(SCREENSHOTS, 'room-qr-projector-1920.png') });
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 720 });
    await expect.poll(() => phones[0]!.page.getByText(/On the screen:/).isVisible()).toBe(false);

    // Three ideas each, all five phones at once.
    await Promise.all(
      phones.map(async ({ page: phonePage, name }) => {
        for (let n = 1; n <= 3; n++) {
          await phonePage.getByLabel('Your idea').fill(`${name} idea ${n}`);
          await phonePage.getByRole('button', { name: 'Add to the board' }).click();
          await expect.poll(() => phonePage.locator('#mine li').count()).toBe(n);
        }
      }),
    );
    await phones[0]!.page.screenshot({ path: join(SCREENSHOTS, 'room-phone-ideas-390.png') });
    expect(await seriousViolations(phones[0]!.page)).toEqual([]);
    // Live on the facilitator's board, in the cell that was asked, with no save of its own.
    await expect.poll(async () => (await phoneCards(page)).length, { timeout: 10_000 }).toBe(15);
    expect((await phoneCards(page)).every((c: Card) => c.stepId === step.id && c.laneId === lane.id)).toBe(true);
    expect((await page.evaluate(() => (window as any).__journeyboardTest.state().undoStack.length))).toBe(0);

    // A vote on the lane, started on the board; the phones spend three dots each.
    const first = (await phoneCards(page)).find((c) => c.text === 'P1 idea 1')!;
    await clickAt(page, await cardCenter(page, first.id));
    await page.getByRole('tab', { name: 'Vote' }).click();
    await page.getByLabel('Vote on').selectOption('lane');
    await page.getByLabel('Dots per participant').fill('3');
    await page.getByLabel(/Participants/).fill('Facilitator');
    await page.getByRole('button', { name: 'Start vote' }).click();
    await whenSaved(page);
    const choices = (name: string) => ['P1 idea 1', `${name} idea 1`, 'P2 idea 2'];
    await Promise.all(
      phones.map(async ({ page: phonePage, name }) => {
        await phonePage.getByRole('heading', { name: /^Vote:/ }).waitFor();
        for (const [n, text] of choices(name).entries()) {
          await phonePage.getByRole('button', { name: `Add a dot to: ${text}`, exact: true }).click();
          await expect.poll(() => phonePage.getByText(`${2 - n} of 3 dots left`).count()).toBe(1);
        }
      }),
    );
    // Nobody's phone shows anyone else's dots, and the board shows no totals yet.
    expect(await phones[1]!.page.locator('#options').textContent()).not.toMatch(/Your dots: [2-9]/);
    await expect.poll(async () => ofType((await appState(page)).records, 'dot').length).toBe(15);
    await phones[0]!.page.evaluate(() => document.getElementById('vote')!.scrollIntoView());
    await phones[0]!.page.screenshot({ path: join(SCREENSHOTS, 'room-phone-vote-390.png') });
    expect(await seriousViolations(phones[0]!.page)).toEqual([]);

    await page.getByRole('button', { name: 'Reveal results' }).click();
    const ranking = page.getByRole('list', { name: 'Vote ranking' }).locator('li');
    // Ties keep the map's order, which is the order the phones' cards arrived in.
    const top = async () => {
      const rows = await ranking.allTextContents();
      return [...rows.slice(0, 2), ...rows.slice(2, 6).sort()];
    };
    await expect.poll(top).toEqual(['P1 idea 1 6 dots', 'P2 idea 2 5 dots', 'P2 idea 1 1 dot', 'P3 idea 1 1 dot', 'P4 idea 1 1 dot', 'P5 idea 1 1 dot']);
    expect((await ranking.allTextContents()).slice(6).every((row) => / 0 dots$/.test(row))).toBe(true);
    await expect.poll(() => phones[3]!.page.locator('#results li').first().textContent()).toBe('6 dotsP1 idea 1');
    await phones[3]!.page.evaluate(() => document.getElementById('vote')!.scrollIntoView());
    await phones[3]!.page.screenshot({ path: join(SCREENSHOTS, 'room-phone-results-390.png') });

    // How does the persona feel here? The phones answer; the median becomes the emotion.
    await page.getByRole('button', { name: 'Ask how it feels' }).click();
    const feelings = ['-2, Upset', '-1, Uneasy', '-1, Uneasy', '0, Neutral', '+2, Happy'];
    await Promise.all(
      phones.map(async ({ page: phonePage }, i) => {
        await phonePage.getByRole('heading', { name: /^How does .+ feel at .+\?$/ }).waitFor();
        await phonePage.getByRole('button', { name: feelings[i], exact: true }).click();
        await expect.poll(() => phonePage.getByRole('button', { name: feelings[i], exact: true }).getAttribute('aria-pressed')).toBe('true');
      }),
    );
    await phones[4]!.page.evaluate(() => document.getElementById('emotion')!.scrollIntoView());
    await phones[4]!.page.screenshot({ path: join(SCREENSHOTS, 'room-phone-emotion-390.png') });
    await expect.poll(() => panel.textContent()).toContain('5 answers, median -1');
    await page.getByRole('button', { name: 'Set emotion to the median' }).click();
    await whenSaved(page);
    const journeyRecord = ofType((await appState(page)).records, 'journey')[0]!;
    const askedPersona = journeyRecord.personaId ?? ofType((await appState(page)).records, 'persona').sort((a, b) => (a.position < b.position ? -1 : 1))[0]!.id;
    expect(ofType((await appState(page)).records, 'emotion').find((e) => e.stepId === first.stepId && e.personaId === askedPersona)?.score).toBe(-1);
    await page.getByRole('button', { name: 'Stop asking' }).click();

    // The facilitator takes back the newest phone card: one undo step of its own.
    const newest = ofType((await appState(page)).records, 'card-author').sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1))[0]!;
    const dotsOnNewest = ofType((await appState(page)).records, 'dot').filter((d) => d.cardId === newest.cardId).length;
    await palette(page, 'Take back the last card from phones');
    await expect.poll(async () => (await phoneCards(page)).length).toBe(14);
    expect((await appState(page)).records[newest.cardId]).toBeUndefined();
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await phoneCards(page)).length).toBe(15);
    await page.keyboard.press('Control+y');
    await expect.poll(async () => (await phoneCards(page)).length).toBe(14);
    await whenSaved(page);

    // Closing the room: the phones say so.
    await palette(page, 'Close the room to phones');
    for (const phone of phones) await phone.page.getByRole('heading', { name: 'The room is closed' }).waitFor({ timeout: 10_000 });
    await phones[2]!.page.screenshot({ path: join(SCREENSHOTS, 'room-phone-closed-390.png') });

    // Close the workshop and open it again: the cards are there with their authors.
    await page.keyboard.press('Control+w');
    await page.getByRole('button', { name: /Renewals/ }).first().click();
    await page.getByTestId('board').locator('canvas').first().waitFor();
    const reopened = (await appState(page)).records;
    const authors = ofType(reopened, 'card-author');
    const names = new Map(ofType(reopened, 'participant').map((p) => [p.id, p.name]));
    const byAuthor = authors.map((a) => `${names.get(a.participantId)}: ${(reopened[a.cardId] as Card).text}`).sort();
    expect(byAuthor).toHaveLength(14);
    // Three each, but one fewer for whoever wrote the card taken back.
    const takenBackFrom = names.get(newest.participantId)!;
    for (const name of ['P1', 'P2', 'P3', 'P4', 'P5']) {
      expect(byAuthor.filter((line) => line.startsWith(`${name}: ${name} idea`)), name).toHaveLength(name === takenBackFrom ? 2 : 3);
    }
    expect(byAuthor.every((line) => line.slice(0, 2) === line.slice(4, 6))).toBe(true);
    expect(ofType(reopened, 'dot')).toHaveLength(15 - dotsOnNewest);
  });
});
