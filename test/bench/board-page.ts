import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';

export type Viewport = { x: number; y: number; scale: number };
export const WINDOW = { width: 1600, height: 900 };

// Functions passed to page.evaluate run in the page, so each names the hook itself.
export type RafResult = { moving: number[]; tail: number[] };
type Hooked = {
  __journeyboardTest: {
    openAndPaint(path: string): Promise<number>;
    openToReadable(path: string): Promise<{ readable: number; interactive: number; scale: number }>;
    bareOpen(path: string): Promise<number>;
    boardSize(): { width: number; height: number };
    frames(v: Viewport[]): number[];
    settleFrame(): number;
    motionMemory(): number;
    rafFrames(v: Viewport[], tailMs: number): Promise<RafResult>;
  };
};

/** A realistic workshop of 20 stages × 3 steps × 12 lanes with this many cards, on disk. */
export function prepareWorkshop(folder: string, cards: number): { path: string; records: AnyRecord[] } {
  const records = generateWorkshop({ stages: 20, stepsPerStage: 3, lanes: 12, cards, seed: cards });
  const path = join(folder, `board-${cards}.journey`);
  if (!existsSync(path)) WorkshopFile.createFromRecords(path, records, { replaceExisting: false }).close();
  return { path, records };
}

/** A fresh page of the app at its start screen. */
export async function appPage(browser: Browser, url: string, deviceScaleFactor = 1) {
  const page = await browser.newPage({ viewport: WINDOW, deviceScaleFactor });
  await page.goto(url);
  await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
  return {
    page,
    openToReadable: (path: string) => page.evaluate((p) => (globalThis as unknown as Hooked).__journeyboardTest.openToReadable(p), path),
    bareOpen: (path: string) => page.evaluate((p) => (globalThis as unknown as Hooked).__journeyboardTest.bareOpen(p), path),
  };
}

/** The real app in Chromium against the real services, with a workshop open and painted. */
export async function openBoardPage(browser: Browser, url: string, path: string, deviceScaleFactor = 1) {
  const page = await browser.newPage({ viewport: WINDOW, deviceScaleFactor });
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
    motionMemory: () => page.evaluate(() => (globalThis as unknown as Hooked).__journeyboardTest.motionMemory()),
    /** The sharp redraw after the motion `frames` left the board in, as one frame. */
    settle: () => page.evaluate(() => (globalThis as unknown as Hooked).__journeyboardTest.settleFrame()),
    raf: (viewports: Viewport[], tailMs: number) => page.evaluate(([v, t]) => (globalThis as unknown as Hooked).__journeyboardTest.rafFrames(v, t), [viewports, tailMs] as const),
    close: () => page.close(),
  };
}
