import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, cardCenter } from './support/board-driver.ts';

type Scene = { contentShown: boolean; bitmaps: number; cardNodes: number };
type Hook = { __journeyboardTest: { openAndPaint(path: string): Promise<number>; boardScene(): Scene; state(): any } };
const scene = (page: Page) => page.evaluate(() => (window as unknown as Hook).__journeyboardTest.boardScene());
const viewport = (page: Page) => page.evaluate(() => (window as unknown as Hook).__journeyboardTest.state().viewport as { x: number; y: number; scale: number });

let app: RunningApp;
let cardIds: string[];
beforeAll(async () => {
  app = await launchApp({ width: 1600, height: 900 });
  const records = generateWorkshop({ stages: 20, stepsPerStage: 3, lanes: 12, cards: 2000, seed: 7 });
  cardIds = records.filter((r) => r.type === 'card').map((r) => r.id);
  const path = join(app.folder, 'Big workshop.journey');
  WorkshopFile.createFromRecords(path, records, { replaceExisting: false }).close();
  await app.page.evaluate((p) => (window as unknown as Hook).__journeyboardTest.openAndPaint(p), path);
});
afterAll(() => app?.close());

describe('a board with 2,000 cards', () => {
  // Changed with issue #17: a map too big to read whole opens at its start at 100%
  // (readable cards at once); F shows the whole map as blocks, as opening did before.
  it('opens at the start of the map at 100% with readable cards; F shows the whole map as blocks, and a click on a block selects its card', async () => {
    const { page } = app;
    expect(await viewport(page)).toEqual({ x: 0, y: 0, scale: 1 });
    await expect.poll(async () => (await scene(page)).cardNodes).toBeGreaterThan(10);
    await page.getByTestId('board').focus();
    await page.keyboard.press('f');
    expect((await viewport(page)).scale).toBeLessThan(0.2);
    await expect.poll(() => scene(page)).toEqual({ contentShown: true, bitmaps: 0, cardNodes: 0 });
    await page.screenshot({ path: join(RESULTS_DIR, 'big-board-overview.png') });

    const cardId = cardIds[1234]!;
    const point = await cardCenter(page, cardId);
    await page.mouse.click(point.x, point.y);
    expect(((await appState(page)).focus as { cardId?: string }).cardId).toBe(cardId);
    await expect.poll(() => page.getByText('Card', { exact: true }).count()).toBeGreaterThan(0);
  });

  it('goes to actual size with 0 and draws only the cards near the screen', async () => {
    const { page } = app;
    await page.keyboard.press('0');
    expect((await viewport(page)).scale).toBe(1);
    await expect.poll(async () => (await scene(page)).cardNodes).toBeGreaterThan(10);
    expect((await scene(page)).cardNodes).toBeLessThan(400);
  });

  it('pans on bitmaps while the view moves, and is drawn sharp with the new cards when it rests', async () => {
    const { page } = app;
    const before = await viewport(page);
    // The wheel and the look at the scene in one task: the view settles 150 ms after
    // the last move, and a busy machine must not make this test see a settled board.
    const moving = await page.evaluate(() => {
      const content = document.querySelector('[data-testid="board"] .konvajs-content')!;
      const { left, top } = content.getBoundingClientRect();
      content.dispatchEvent(new WheelEvent('wheel', { deltaY: 250, clientX: left + 600, clientY: top + 400, bubbles: true, cancelable: true }));
      return (window as unknown as Hook).__journeyboardTest.boardScene();
    });
    // The first frame shows the two map layers' own canvases as they were (no copy, no
    // redraw); tiles join them in the frames that follow.
    expect(moving).toMatchObject({ contentShown: false, bitmaps: 2 });
    expect((await viewport(page)).y).toBe(before.y - 250);
    await expect.poll(() => scene(page)).toMatchObject({ contentShown: true, bitmaps: 0 });
    await page.screenshot({ path: join(RESULTS_DIR, 'big-board-actual-size.png') });
  });

  it('jumps (fit the map) without a bitmap, and a double-click on a block dives into its card at actual size', async () => {
    const { page } = app;
    await page.keyboard.press('f');
    expect(await scene(page)).toMatchObject({ contentShown: true, bitmaps: 0 });
    await expect.poll(async () => (await scene(page)).cardNodes).toBe(0);
    const cardId = cardIds[321]!;
    const point = await cardCenter(page, cardId);
    await page.mouse.dblclick(point.x, point.y);
    const v = await viewport(page);
    expect(v.scale).toBe(1);
    const after = await cardCenter(page, cardId);
    const board = (await page.getByTestId('board').boundingBox())!;
    expect(Math.abs(after.x - (board.x + board.width / 2))).toBeLessThan(2);
    expect(Math.abs(after.y - (board.y + board.height / 2))).toBeLessThan(2);
  });
});
