import type { Browser } from 'playwright-core';
import { layoutBoard } from '../../shared/layout/board-layout.ts';
import { openBoardPage, prepareWorkshop, type Viewport } from './board-page.ts';
import { summarize, type Row } from './harness.ts';
import { openRawKonva } from './raw-konva-page.ts';

const ROUNDS = 3;

/** Pans 40 frames left, then zooms 20 frames in and 20 out about the centre. */
function motion(start: Viewport, size: { width: number; height: number }): Viewport[] {
  const frames: Viewport[] = [];
  let v = start;
  for (let i = 0; i < 40; i++) frames.push((v = { ...v, x: v.x - 15 }));
  for (const factor of [...Array(20).fill(1.03), ...Array(20).fill(1 / 1.03)]) {
    const cx = size.width / 2;
    const cy = size.height / 2;
    v = { scale: v.scale * factor, x: cx - ((cx - v.x) / v.scale) * v.scale * factor, y: cy - ((cy - v.y) / v.scale) * v.scale * factor };
    frames.push(v);
  }
  return frames;
}

/** Every page draws the same motion in turn, round after round, so all see the same machine. */
async function pooled(pages: ((viewports: Viewport[]) => Promise<number[]>)[], viewports: Viewport[]) {
  const samples = pages.map(() => [] as number[]);
  for (const frames of pages) await frames(viewports.slice(0, 5));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [i, frames] of pages.entries()) samples[i]!.push(...(await frames(viewports)));
  }
  return samples.map(summarize);
}

/**
 * Frame times of the real board in Chromium against raw Konva drawing the same cards,
 * plain and cached, in the same window: at 100% while panning and zooming, and with the
 * whole map in view.
 */
export async function boardBench(browser: Browser, url: string, folder: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const cards of [500, 2000, 10_000]) {
    const { path, records } = prepareWorkshop(folder, cards);
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const layout = layoutBoard(map, records.find((r) => r.type === 'journey')!.id);
    const shapes = layout.cards.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height, text: c.card.text }));

    const board = await openBoardPage(browser, url, path);
    const atOne = motion({ x: 0, y: 0, scale: 1 }, board.size);
    const fit = Math.min(board.size.width / layout.width, board.size.height / layout.height);
    const allVisible = motion({ x: 0, y: 0, scale: fit }, board.size).slice(0, 40);
    const plain = await openRawKonva(browser, board.window, shapes, board.size, null);
    const cached = await openRawKonva(browser, board.window, shapes, board.size, atOne[0]!);
    const [ours, rawPlain, rawCached] = await pooled([board.frames, plain.frames, cached.frames], atOne);
    const [oursAll, rawAll] = await pooled([board.frames, plain.frames], allVisible);
    await Promise.all([board.close(), plain.close(), cached.close()]);

    const label = `${cards.toLocaleString('en')} cards`;
    const row = (measure: string, value: number, baselineName: string, baseline: number, target?: string, met?: boolean): Row => ({ benchmark: 'board', measure, value, unit: 'ms', baselineName, baseline, ratio: value / baseline, target, met });
    const atTarget = cards === 10_000;
    rows.push(
      row(`${label}, pan/zoom at 100%, median`, ours!.median, 'raw Konva, cached layer', rawCached!.median),
      row(`${label}, pan/zoom at 100%, p95`, ours!.p95, 'raw Konva, cached layer', rawCached!.p95, atTarget ? '≤ 1.5× and < 16.7 ms' : undefined, atTarget ? ours!.p95 / rawCached!.p95 <= 1.5 && ours!.p95 < 16.7 : undefined),
      row(`${label}, pan/zoom at 100%, p95`, ours!.p95, 'raw Konva, plain', rawPlain!.p95),
      row(`${label}, all in view, pan, median`, oursAll!.median, 'raw Konva, plain', rawAll!.median, cards === 2000 ? '≤ 1.2×' : undefined, cards === 2000 ? oursAll!.median / rawAll!.median <= 1.2 : undefined),
    );
  }
  return rows;
}
