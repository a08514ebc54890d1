import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/model/records.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, typeThen, whenSaved } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(() => app?.close());

interface ShownPage {
  where: string;
  cards: { id: string; fontPx: number | null; left: number; top: number; right: number; bottom: number }[];
  stageNameOnCanvas: boolean;
  screen: { width: number; height: number };
}

/** What one projector page shows: where it is, and each card drawn with its size on screen. */
async function projectorPage(page: Page): Promise<ShownPage> {
  return page.evaluate(() => {
    const t = (window as any).__journeyboardTest;
    const layout = t.layout();
    const { viewport } = t.state();
    const board = document.querySelector('[data-testid="board"]')!.getBoundingClientRect();
    const cards = layout.cards.map((box: any) => ({
      id: box.card.id as string,
      fontPx: t.renderedCardFontPx(box.card.id) as number | null,
      left: board.left + viewport.x + box.x * viewport.scale,
      top: board.top + viewport.y + box.y * viewport.scale,
      right: board.left + viewport.x + (box.x + box.width) * viewport.scale,
      bottom: board.top + viewport.y + (box.y + box.height) * viewport.scale,
    }));
    const stageId = layout.stages[0]?.stage.id;
    return {
      where: document.querySelector('[data-testid="projector-stage"]')!.textContent ?? '',
      cards,
      // The canvas draws no stage name on the projector: the overlay says it once.
      stageNameOnCanvas: stageId ? t.renderedCardFontPx(stageId) !== null : false,
      screen: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

/** Steps the clicker through every page of every stage, from the first. */
async function everyProjectorPage(page: Page, shot: (index: number) => string | null) {
  await page.keyboard.press('Home');
  await expect.poll(async () => (await projectorPage(page)).where).toContain('Stage 1 of');
  const pages: ShownPage[] = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(60);
    const seen = await projectorPage(page);
    pages.push(seen);
    const path = shot(i);
    if (path) await page.screenshot({ path: join(RESULTS_DIR, path) });
    await page.keyboard.press('PageDown');
    // The last page of the last stage: the clicker goes no further.
    const moved = await expect
      .poll(async () => (await projectorPage(page)).where, { timeout: 1500 })
      .not.toBe(seen.where)
      .then(() => true, () => false);
    if (!moved) break;
  }
  return pages;
}

describe('projector pages at 1280×720 (B2B template)', () => {
  it('shows every card of every stage on some page, whole and at 24 px or more, the stage named once', async () => {
    const { page } = app;
    await createWorkshop(page, 'Projector pages', /B2B buying journey/);
    // A cell fuller than a screen: nine more actions where the buyer's trigger is.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('n');
    for (let n = 1; n <= 9; n++) await typeThen(page, `Action ${n}: the buyer does one more thing that the room must see`, n < 9 ? 'Enter' : 'Escape');
    await whenSaved(page);
    const { records } = await appState(page);
    const allCards = ofType(records, 'card').map((c: Card) => c.id);
    expect(allCards.length).toBeGreaterThan(20);

    await page.keyboard.press('F5');
    const pages = await everyProjectorPage(page, (i) => `projector-page-${i + 1}-1280x720.png`);
    // More pages than stages: a full stage is split, and the clicker steps through it.
    expect(pages.length).toBeGreaterThan(7);
    expect(pages.some((p) => /Trigger\s*1\/\d/.test(p.where))).toBe(true);

    const shown = new Set<string>();
    for (const seen of pages) {
      expect(seen.stageNameOnCanvas).toBe(false);
      for (const card of seen.cards) {
        // Drawn (a Konva node), at projector size, and wholly on the screen.
        expect(card.fontPx, `${seen.where}: ${card.id}`).toBeGreaterThanOrEqual(24);
        expect(card.left).toBeGreaterThanOrEqual(0);
        expect(card.top).toBeGreaterThanOrEqual(0);
        expect(card.right).toBeLessThanOrEqual(seen.screen.width);
        expect(card.bottom, `${seen.where}: ${card.id}`).toBeLessThanOrEqual(seen.screen.height);
        shown.add(card.id);
      }
    }
    expect(allCards.filter((id) => !shown.has(id))).toEqual([]);

    // Larger screens show the same, larger.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(200);
    const large = await everyProjectorPage(page, (i) => (i < 4 ? `projector-page-${i + 1}-1920x1080.png` : null));
    const shownLarge = new Set(large.flatMap((p) => p.cards.filter((c) => c.fontPx !== null && c.fontPx >= 24 && c.bottom <= p.screen.height).map((c) => c.id)));
    expect(allCards.filter((id) => !shownLarge.has(id))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});
