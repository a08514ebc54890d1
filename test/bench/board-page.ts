import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';

export type Viewport = { x: number; y: number; scale: number };
export const WINDOW = { width: 1600, height: 900 };

// Functions passed to page.evaluate run in the page, so each names the hook itself.
type Hooked = { __journeyboardTest: { openAndPaint(path: string): Promise<number>; boardSize(): { width: number; height: number }; frames(v: Viewport[]): number[] } };

/** A realistic workshop of 20 stages × 3 steps × 12 lanes with this many cards, on disk. */
export function prepareWorkshop(folder: string, cards: number): { path: string; records: AnyRecord[] } {
  const records = generateWorkshop({ stages: 20, stepsPerStage: 3, lanes: 12, cards, seed: cards });
  const path = join(folder, `board-${cards}.journey`);
  if (!existsSync(path)) WorkshopFile.createFromRecords(path, records, { replaceExisting: false }).close();
  return { path, records };
}

/** The real app in Chromium against the real services, with a workshop open and painted. */
export async function openBoardPage(browser: Browser, url: string, path: string) {
  const page = await browser.newPage({ viewport: WINDOW });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
  const openMs = await page.evaluate((p) => (globalThis as unknown as Hooked).__journeyboardTest.openAndPaint(p), path);
  const size = await page.evaluate(() => (globalThis as unknown as Hooked).__journeyboardTest.boardSize());
  return {
    page,
    window: WINDOW,
    size,
    openMs,
    frames: (viewports: Viewport[]) => page.evaluate((v) => (globalThis as unknown as Hooked).__journeyboardTest.frames(v), viewports),
    close: () => page.close(),
  };
}
