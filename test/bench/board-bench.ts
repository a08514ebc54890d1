import Database from 'better-sqlite3';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from 'playwright-core';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { startHost } from '../../electron/host/server.ts';
import { layoutBoard } from '../../shared/layout/board-layout.ts';
import { CHROMIUM_ARGS, RENDERER_DIR } from '../e2e/support/app.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { summarize, type Row } from './harness.ts';

type Viewport = { x: number; y: number; scale: number };
const WINDOW = { width: 1600, height: 900 };
// The package exports no path to its browser build, so it is found beside package.json.
const konvaScript = join(dirname(createRequire(import.meta.url).resolve('konva/package.json')), 'konva.min.js');

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

/** The same cards as plain Konva rectangles and text, drawn whole (and optionally cached). */
async function rawKonva(page: Page, boxes: { x: number; y: number; width: number; height: number; text: string }[], size: { width: number; height: number }, cached: boolean, viewports: Viewport[]): Promise<number[]> {
  await page.setContent('<body style="margin:0"><div id="c"></div></body>');
  await page.addScriptTag({ path: konvaScript });
  return page.evaluate(
    ({ boxes, size, cached, viewports }) => {
      const K = (window as unknown as { Konva: any }).Konva;
      const stage = new K.Stage({ container: 'c', width: size.width, height: size.height });
      const layer = new K.Layer({ listening: false });
      for (const b of boxes) {
        layer.add(new K.Rect({ x: b.x, y: b.y, width: b.width, height: b.height, fill: '#fff3b0', stroke: 'rgba(0,0,0,0.08)', strokeWidth: 1, cornerRadius: 6, perfectDrawEnabled: false }));
        layer.add(new K.Text({ x: b.x, y: b.y, width: b.width, height: b.height, text: b.text, padding: 12, fontSize: 16, lineHeight: 1.3, wrap: 'word', ellipsis: true, fill: '#1b2430', perfectDrawEnabled: false }));
      }
      stage.add(layer);
      if (cached) layer.cache({ pixelRatio: 1 });
      return viewports.map((v: { x: number; y: number; scale: number }) => {
        const start = performance.now();
        stage.position({ x: v.x, y: v.y });
        stage.scale({ x: v.scale, y: v.scale });
        stage.draw();
        return performance.now() - start;
      });
    },
    { boxes, size, cached, viewports },
  );
}

export async function boardBench(): Promise<Row[]> {
  const rows: Row[] = [];
  const folder = tempFolder('jb-board-bench-');
  const host = await startHost({ rendererDir: RENDERER_DIR, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    for (const cards of [500, 2000, 10_000]) {
      const records = generateWorkshop({ stages: 20, stepsPerStage: 3, lanes: 12, cards, seed: cards });
      const path = join(folder, `board-${cards}.journey`);
      WorkshopFile.createFromRecords(path, records, { replaceExisting: false }).close();
      const map = Object.fromEntries(records.map((r) => [r.id, r]));
      const layout = layoutBoard(map, records.find((r) => r.type === 'journey')!.id);
      const boxes = layout.cards.map((c) => ({ x: c.x, y: c.y, width: c.width, height: c.height, text: c.card.text }));

      const page = await browser.newPage({ viewport: WINDOW });
      await page.goto(host.url);
      await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
      const openMs = await page.evaluate((p) => (window as any).__journeyboardTest.openAndPaint(p), path);
      const size = await page.evaluate(() => (window as any).__journeyboardTest.boardSize());
      const atOne = motion({ x: 0, y: 0, scale: 1 }, size);
      const fit = Math.min(size.width / layout.width, size.height / layout.height);
      const allVisible = motion({ x: 0, y: 0, scale: fit }, size).slice(0, 40);
      const ours = async (viewports: Viewport[]) => page.evaluate((v) => (window as any).__journeyboardTest.frames(v), viewports) as Promise<number[]>;
      await ours(atOne.slice(0, 5));
      const oursAtOne = summarize(await ours(atOne));
      const oursAll = summarize(await ours(allVisible));
      let heapMb = 0;
      if (cards === 10_000) {
        const cdp = await page.context().newCDPSession(page);
        await cdp.send('HeapProfiler.collectGarbage');
        heapMb = (await cdp.send('Runtime.getHeapUsage')).usedSize / 1024 / 1024;
      }
      await page.close();

      const raw = await browser.newPage({ viewport: WINDOW });
      const rawPlainAtOne = summarize(await rawKonva(raw, boxes, size, false, atOne));
      const rawAll = summarize(await rawKonva(raw, boxes, size, false, allVisible));
      const rawCachedAtOne = cards === 10_000 ? summarize(await rawKonva(raw, boxes, size, true, atOne)) : undefined;
      await raw.close();

      const label = cards.toLocaleString('en');
      rows.push({ benchmark: 'board', measure: `${label} cards, pan/zoom at 100% (p95)`, value: oursAtOne.p95, unit: 'ms', baselineName: 'raw Konva, plain', baseline: rawPlainAtOne.p95, ratio: oursAtOne.p95 / rawPlainAtOne.p95 });
      if (rawCachedAtOne) {
        const ratio = oursAtOne.p95 / rawCachedAtOne.p95;
        rows.push({ benchmark: 'board', measure: `${label} cards, pan/zoom at 100% (p95)`, value: oursAtOne.p95, unit: 'ms', baselineName: 'raw Konva, cached layer', baseline: rawCachedAtOne.p95, ratio, target: '≤ 1.5× and < 16.7 ms', met: ratio <= 1.5 && oursAtOne.p95 < 16.7 });
      }
      if (cards === 2000) {
        const ratio = oursAll.median / rawAll.median;
        rows.push({ benchmark: 'board', measure: '2,000 cards all visible, pan (median)', value: oursAll.median, unit: 'ms', baselineName: 'raw Konva, plain', baseline: rawAll.median, ratio, target: '≤ 1.2×', met: ratio <= 1.2 });
      }
      if (cards === 10_000) {
        const db = new Database(path, { readonly: true });
        const read = () => ['workshop', 'journey', 'stage', 'step', 'lane', 'card', 'agenda_item'].forEach((t) => db.prepare(`SELECT * FROM ${t}`).all());
        read();
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const start = performance.now();
          read();
          times.push(performance.now() - start);
        }
        db.close();
        const bare = summarize(times).median;
        rows.push({ benchmark: 'open', measure: '10,000 cards to first painted board', value: openMs, unit: 'ms', baselineName: 'bare SQL read', baseline: bare, ratio: openMs / bare, target: '≤ 2×', met: openMs / bare <= 2 });
        rows.push({ benchmark: 'memory', measure: 'renderer JS heap at 10,000 cards', value: heapMb, unit: 'MB', target: '≤ 150 MB', met: heapMb <= 150 });
      }
    }
  } finally {
    await browser.close();
    await host.close();
  }
  const initial = readdirSync(join(RENDERER_DIR, 'assets')).filter((f) => f.endsWith('.js'));
  const gzipKb = initial.reduce((sum, f) => sum + gzipSync(readFileSync(join(RENDERER_DIR, 'assets', f))).length, 0) / 1024;
  rows.push({ benchmark: 'bundle', measure: 'initial JS, gzip', value: gzipKb, unit: 'KB', target: '≤ 600 KB', met: gzipKb <= 600 });
  return rows;
}
