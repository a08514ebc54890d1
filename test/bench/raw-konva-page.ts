import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { RafResult } from './board-page.ts';

export type Viewport = { x: number; y: number; scale: number };
export type CardShape = { x: number; y: number; width: number; height: number; text: string };

// The package exports no path to its browser build, so it is found beside package.json.
const konvaScript = join(dirname(createRequire(import.meta.url).resolve('konva/package.json')), 'konva.min.js');

/**
 * The baseline: a page with nothing but Konva drawing the same cards as plain
 * rectangles and text on one layer, optionally cached. `frames` draws each viewport and
 * returns ms per frame, measured as the board's own frames are (see `frames` in
 * renderer/src/board/bench-hooks.ts): until a pixel is read back, so the painting is
 * included; `raf` draws one viewport per animation frame and returns the intervals.
 */
export async function openRawKonva(browser: Browser, window: { width: number; height: number }, cards: CardShape[], size: { width: number; height: number }, cacheAround: Viewport | null, deviceScaleFactor = 1) {
  const page = await browser.newPage({ viewport: window, deviceScaleFactor });
  await page.setContent('<body style="margin:0"><div id="c"></div></body>');
  await page.addScriptTag({ path: konvaScript });
  await page.evaluate(
    ({ cards, size, cacheAround }) => {
      const K = (globalThis as unknown as { Konva: any }).Konva;
      const stage = new K.Stage({ container: 'c', width: size.width, height: size.height });
      const layer = new K.Layer({ listening: false });
      for (const b of cards) {
        layer.add(new K.Rect({ x: b.x, y: b.y, width: b.width, height: b.height, fill: '#fff3b0', stroke: 'rgba(0,0,0,0.08)', strokeWidth: 1, cornerRadius: 6, perfectDrawEnabled: false }));
        layer.add(new K.Text({ x: b.x, y: b.y, width: b.width, height: b.height, text: b.text, padding: 12, fontSize: 16, lineHeight: 1.3, wrap: 'word', ellipsis: true, fill: '#1b2430', perfectDrawEnabled: false }));
      }
      stage.add(layer);
      // A whole 10,000-card board is larger than a canvas may be (14,600 × 37,400 here)
      // and Konva's cache of it comes out blank; so the layer is cached, as the board's
      // bitmap is, for the screen and half a screen each side around the first view, at
      // the screen's full resolution (device pixels).
      if (cacheAround) {
        const v = cacheAround;
        const width = size.width / v.scale;
        const height = size.height / v.scale;
        layer.cache({ x: -v.x / v.scale - width / 2, y: -v.y / v.scale - height / 2, width: width * 2, height: height * 2, pixelRatio: v.scale * (globalThis.devicePixelRatio || 1) });
      }
      const readBack = () => {
        for (const canvas of document.querySelectorAll('canvas')) if (canvas.style.display !== 'none') canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
      };
      const show = (v: { x: number; y: number; scale: number }) => {
        stage.position({ x: v.x, y: v.y });
        stage.scale({ x: v.scale, y: v.scale });
        stage.draw();
      };
      const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(resolve));
      Object.assign(globalThis, {
        frames: (viewports: { x: number; y: number; scale: number }[]) =>
          viewports.map((v) => {
            const start = performance.now();
            show(v);
            readBack();
            return performance.now() - start;
          }),
        // The same driver as the board's (rafMotion): one view per frame, then a tail.
        raf: async (viewports: { x: number; y: number; scale: number }[], tailMs: number) => {
          const moving: number[] = [];
          const tail: number[] = [];
          let last = await nextFrame();
          for (const v of viewports) {
            show(v);
            const now = await nextFrame();
            moving.push(now - last);
            last = now;
          }
          const end = last + tailMs;
          while (last < end) {
            const now = await nextFrame();
            tail.push(now - last);
            last = now;
          }
          return { moving, tail };
        },
      });
    },
    { cards, size, cacheAround },
  );
  return {
    frames: (viewports: Viewport[]) => page.evaluate((v) => (globalThis as unknown as { frames(v: unknown): number[] }).frames(v), viewports),
    raf: (viewports: Viewport[], tailMs: number) => page.evaluate(([v, t]) => (globalThis as unknown as { raf(v: unknown, t: number): Promise<RafResult> }).raf(v, t), [viewports, tailMs] as const),
    close: () => page.close(),
  };
}
