import type { Browser } from 'playwright-core';
import { layoutBoard } from '../../shared/layout/board-layout.ts';
import { openBoardPage, prepareWorkshop, type Viewport } from './board-page.ts';
import { LATE_MS, summarize, type Row, type Samples } from './harness.ts';
import { openRawKonva } from './raw-konva-page.ts';

const ROUNDS = 2;
/** After a motion the rAF run keeps counting this long: the sharp redraw lands in it. */
const TAIL_MS = 450;
/** Plain raw Konva draws every card each frame (up to 300 ms at 10,000): it draws every 8th view. */
const PLAIN_EVERY = 8;

type Size = { width: number; height: number };

function zoomAbout(v: Viewport, factor: number, size: Size): Viewport {
  const cx = size.width / 2;
  const cy = size.height / 2;
  return { scale: v.scale * factor, x: cx - (cx - v.x) * factor, y: cy - (cy - v.y) * factor };
}

/** 40 frames of panning, then 20 zooming in and 20 out about the centre: stays in the bitmap. */
function panZoom(start: Viewport, size: Size): Viewport[] {
  const frames: Viewport[] = [];
  let v = start;
  for (let i = 0; i < 40; i++) frames.push((v = { ...v, x: v.x - 15 }));
  for (const factor of [...Array(20).fill(1.03), ...Array(20).fill(1 / 1.03)]) frames.push((v = zoomAbout(v, factor, size)));
  return frames;
}

/** 4,000 px right and 800 down at 100%, 25 px a frame: several screens, far past the margin. */
function longPan(start: Viewport): Viewport[] {
  return Array.from({ length: 160 }, (_, i) => ({ ...start, x: start.x - 25 * (i + 1), y: start.y - 5 * (i + 1) }));
}

/** From the whole map fitted to 100% about the centre in 40 frames, and back in 40. */
function zoomFit(fit: Viewport, size: Size): Viewport[] {
  const step = Math.pow(1 / fit.scale, 1 / 40);
  const frames: Viewport[] = [];
  let v = fit;
  for (let i = 0; i < 40; i++) frames.push((v = zoomAbout(v, step, size)));
  for (let i = 0; i < 40; i++) frames.push((v = zoomAbout(v, 1 / step, size)));
  return frames;
}

type Driver = { frames(v: Viewport[]): Promise<number[]>; raf(v: Viewport[], tail: number): Promise<{ moving: number[]; tail: number[] }>; settle?(): Promise<number> };

/**
 * Every page draws the same motion in turn, round after round, so all see the same
 * machine. Each motion starts from a view already drawn (placed untimed first), as a
 * real gesture does; the board's sharp redraw after it is timed as a frame of its own.
 */
async function pooled(pages: Driver[], viewports: Viewport[], thin: boolean[]) {
  const frames = pages.map(() => [] as number[]);
  const settles: number[] = [];
  const views = (i: number) => (thin[i] ? viewports.filter((_, k) => k % PLAIN_EVERY === 0) : viewports);
  for (let round = 0; round <= ROUNDS; round++) {
    for (const [i, page] of pages.entries()) {
      await page.frames([viewports[0]!]);
      await page.settle?.();
      const times = await page.frames(views(i).slice(round === 0 ? -5 : 1));
      const settle = await page.settle?.();
      // Round 0 warms every page up (code, fonts, caches) and is not counted.
      if (round === 0) continue;
      frames[i]!.push(...times);
      if (settle !== undefined) settles.push(settle);
    }
  }
  return { frames: frames.map(summarize), settle: summarize(settles) };
}

/** The same, one view per animation frame; the board's intervals include the tail after it rests. */
async function pooledRaf(pages: Driver[], viewports: Viewport[], thin: boolean[]) {
  const moving = pages.map(() => [] as number[]);
  const all = pages.map(() => [] as number[]);
  for (let round = 0; round < 2; round++) {
    for (const [i, page] of pages.entries()) {
      await page.frames([viewports[0]!]);
      await page.settle?.();
      const result = await page.raf(thin[i] ? viewports.filter((_, k) => k % PLAIN_EVERY === 0) : viewports, TAIL_MS);
      moving[i]!.push(...result.moving);
      all[i]!.push(...result.moving, ...result.tail);
    }
  }
  return { moving: moving.map(summarize), all: all.map(summarize) };
}

/**
 * Frame times of the real board in Chromium against raw Konva drawing the same cards,
 * plain and cached, in the same window at the same device pixel ratio: synchronous
 * frames (script, drawing and painting), and the cadence of animation frames in real
 * motion; short motions that stay inside the moving bitmap, a long pan that leaves it,
 * a zoom from the whole map to 100%, and the sharp redraw when the view rests.
 */
export async function boardBench(browser: Browser, url: string, folder: string): Promise<Row[]> {
  const rows: Row[] = [];
  for (const cards of [2000, 10_000]) {
    const { path, records } = prepareWorkshop(folder, cards);
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const layout = layoutBoard(map, records.find((r) => r.type === 'journey')!.id);
    const shapes = layout.cards.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height, text: c.card.text }));
    for (const dpr of [1, 2]) {
      process.stderr.write(`  board: ${cards} cards at ratio ${dpr}…\n`);
      const board = await openBoardPage(browser, url, path, dpr);
      const size = board.size;
      const atOne: Viewport = { x: -200, y: -300, scale: 1 };
      const fitScale = Math.min(size.width / layout.width, size.height / layout.height);
      const fit: Viewport = { x: (size.width - layout.width * fitScale) / 2, y: 0, scale: fitScale };
      const plain = await openRawKonva(browser, board.window, shapes, size, null, dpr);
      const cached = await openRawKonva(browser, board.window, shapes, size, atOne, dpr);
      const pages: Driver[] = [board, plain, cached];
      const thin = [false, true, false];
      const short = await pooled(pages, panZoom(atOne, size), thin);
      const long = await pooled(pages, longPan(atOne), thin);
      const zoom = await pooled(pages, zoomFit(fit, size), thin);
      const longRaf = await pooledRaf(pages, longPan(atOne), thin);
      const zoomRaf = await pooledRaf(pages, zoomFit(fit, size), thin);
      const memoryMb = await board.motionMemory();
      const overview = dpr === 1 && cards === 2000 ? await pooled([board, plain], panZoom(fit, size).slice(0, 40), [false, true]) : null;
      await Promise.all([board.close(), plain.close(), cached.close()]);
      rows.push(...boardRows(cards, dpr, { short, long, zoom, longRaf, zoomRaf, overview }));
      // Against one screen of the same device pixels: what a full-resolution view costs at least.
      const screenMb = (size.width * size.height * dpr * dpr * 4) / 1024 / 1024;
      rows.push({ benchmark: 'board', measure: `${cards.toLocaleString('en')} cards, ratio ${dpr}, moving bitmaps at full resolution, peak memory`, value: memoryMb, unit: 'MB', baselineName: 'one screen of device pixels', baseline: screenMb, ratio: memoryMb / screenMb, target: '≤ 128 MB (cap)', met: memoryMb <= 128 });
    }
  }
  return rows;
}

type Pooled = { frames: Samples[]; settle: Samples };
type PooledRaf = { moving: Samples[]; all: Samples[] };

function boardRows(cards: number, dpr: number, r: { short: Pooled; long: Pooled; zoom: Pooled; longRaf: PooledRaf; zoomRaf: PooledRaf; overview: Pooled | null }): Row[] {
  const label = `${cards.toLocaleString('en')} cards, ratio ${dpr}`;
  const big = cards === 10_000;
  const row = (measure: string, value: number, baselineName: string, baseline: number, unit = 'ms', target?: string, met?: boolean): Row => ({
    benchmark: 'board',
    measure: `${label}, ${measure}`,
    value,
    unit,
    baselineName,
    baseline,
    ratio: baseline > 0 ? value / baseline : undefined,
    target,
    met,
  });
  const [ours, plain, cached] = r.short.frames as [Samples, Samples, Samples];
  const [longOurs, longPlain, longCached] = r.long.frames as [Samples, Samples, Samples];
  const [zoomOurs, zoomPlain] = r.zoom.frames as [Samples, Samples];
  const [lrOurs, lrPlain, lrCached] = r.longRaf.moving as [Samples, Samples, Samples];
  const [zrOurs, , zrCached] = r.zoomRaf.moving as [Samples, Samples, Samples];
  const lrAll = r.longRaf.all[0]!;
  const zrAll = r.zoomRaf.all[0]!;
  const slowest = Math.max(ours.max, longOurs.max, zoomOurs.max, r.short.settle.max, r.long.settle.max, r.zoom.settle.max);
  const lateTarget = dpr === 2 ? `≤ 5% over ${LATE_MS.toFixed(1)} ms` : undefined;
  const pct = (s: Samples) => s.late * 100;
  const rows = [
    row('pan/zoom at 100%, median', ours.median, 'raw Konva, cached layer', cached.median),
    row('pan/zoom at 100%, p95', ours.p95, 'raw Konva, cached layer', cached.p95, 'ms', big && dpr === 1 ? '≤ 1.5× and < 16.7 ms' : undefined, big && dpr === 1 ? ours.p95 / cached.p95 <= 1.5 && ours.p95 < 16.7 : undefined),
    row('pan/zoom at 100%, p99', ours.p99, 'raw Konva, plain', plain.p99),
    row('long pan, p95', longOurs.p95, 'raw Konva, cached layer', longCached.p95),
    row('long pan, p99', longOurs.p99, 'raw Konva, plain', longPlain.p99),
    row('long pan, max', longOurs.max, 'raw Konva, plain', longPlain.max),
    row('zoom fit→100%→fit, p95', zoomOurs.p95, 'raw Konva, plain', zoomPlain.p95),
    row('zoom fit→100%→fit, max', zoomOurs.max, 'raw Konva, plain', zoomPlain.max),
    row('sharp redraw at rest, median', r.short.settle.median, 'raw Konva, plain, one frame', plain.median),
    row('sharp redraw at rest, max (any motion)', Math.max(r.short.settle.max, r.long.settle.max, r.zoom.settle.max), 'raw Konva, plain, one frame', plain.median),
    row('slowest frame, any motion or redraw', slowest, 'raw Konva, plain, max', Math.max(plain.max, longPlain.max, zoomPlain.max), 'ms', big ? '≤ 50 ms' : undefined, big ? slowest <= 50 : undefined),
    row('rAF long pan, median interval', lrOurs.median, 'raw Konva, cached layer', lrCached.median),
    row('rAF long pan, frames late', pct(lrOurs), 'raw Konva, cached layer', pct(lrCached), '%', lateTarget, dpr === 2 ? lrOurs.late <= 0.05 : undefined),
    row('rAF long pan, frames late', pct(lrOurs), 'raw Konva, plain', pct(lrPlain), '%'),
    row('rAF long pan + rest, p99 interval', lrAll.p99, 'raw Konva, cached layer', lrCached.p99),
    row('rAF long pan + rest, max interval', lrAll.max, 'raw Konva, cached layer', lrCached.max, 'ms', big ? '≤ 50 ms' : undefined, big ? lrAll.max <= 50 : undefined),
    row('rAF zoom fit→100%→fit, frames late', pct(zrOurs), 'raw Konva, cached layer', pct(zrCached), '%', lateTarget, dpr === 2 ? zrOurs.late <= 0.05 : undefined),
    row('rAF zoom + rest, max interval', zrAll.max, 'raw Konva, cached layer', zrCached.max, 'ms', big ? '≤ 50 ms' : undefined, big ? zrAll.max <= 50 : undefined),
  ];
  if (r.overview) {
    const [all, allPlain] = r.overview.frames as [Samples, Samples];
    rows.push(row('all in view, pan, median', all.median, 'raw Konva, plain', allPlain.median, 'ms', '≤ 1.2×', all.median / allPlain.median <= 1.2));
  }
  return rows;
}
