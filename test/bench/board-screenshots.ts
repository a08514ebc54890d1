import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Page } from 'playwright-core';
import { startHost } from '../../electron/host/server.ts';
import { CHROMIUM_ARGS, RENDERER_DIR } from '../e2e/support/app.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { prepareWorkshop, WINDOW } from './board-page.ts';

// `node test/bench/board-screenshots.ts` (after `npm run build:renderer`): the 10,000-card
// board at device pixel ratio 2, once while it moves and once settled, saved as
// assets/screenshots/board-dpr2-moving.png and -settled.png, with a sharpness figure for
// each (mean absolute Laplacian of the board's pixels: soft text scores lower).
const out = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));
const folder = tempFolder('jb-shots-');
const host = await startHost({ rendererDir: RENDERER_DIR, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: WINDOW, deviceScaleFactor: 2 });
const hook = (page: Page, expression: string) => page.evaluate(`globalThis.__journeyboardTest.${expression}`);
try {
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
  const { path } = prepareWorkshop(folder, 10_000);
  await hook(page, `openToReadable(${JSON.stringify(path)})`);
  // A pan and a zoom in, so the view is well past what was drawn when the motion began.
  const views = Array.from({ length: 40 }, (_, i) => ({ x: -200 - 30 * i, y: -300, scale: 0.8 * Math.pow(1.25, i / 39) }));
  await hook(page, `rafFrames(${JSON.stringify(views)}, 0)`);
  const board = (await page.getByTestId('board').boundingBox())!;
  const clip = { x: board.x, y: board.y, width: board.width - 340, height: board.height };
  // Keep it moving (a pixel back and forth) while the picture is taken.
  await page.evaluate(`(() => { const t = globalThis.__journeyboardTest; let k = 0; globalThis.__jiggle = setInterval(() => { const v = t.state().viewport; t.rafFrames([{ ...v, x: v.x + (k++ % 2 ? 1 : -1) }], 0); }, 40); })()`);
  await page.waitForTimeout(800);
  const moving = await hook(page, 'boardScene()');
  await page.screenshot({ path: join(out, 'board-dpr2-moving.png'), clip });
  await page.evaluate('clearInterval(globalThis.__jiggle)');
  await page.waitForTimeout(1500);
  const settled = await hook(page, 'boardScene()');
  await page.screenshot({ path: join(out, 'board-dpr2-settled.png'), clip });
  const sharpness = (file: string) =>
    page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = Object.assign(document.createElement('canvas'), { width: image.width, height: image.height });
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const { data: px, width, height } = context.getImageData(0, 0, image.width, image.height);
      const grey = (i: number) => px[i * 4]! * 0.3 + px[i * 4 + 1]! * 0.59 + px[i * 4 + 2]! * 0.11;
      let sum = 0;
      for (let y = 1; y < height - 1; y++) for (let x = 1; x < width - 1; x++) sum += Math.abs(4 * grey(y * width + x) - grey(y * width + x - 1) - grey(y * width + x + 1) - grey((y - 1) * width + x) - grey((y + 1) * width + x));
      return sum / ((width - 2) * (height - 2));
    }, readFileSync(join(out, file)).toString('base64'));
  const a = await sharpness('board-dpr2-moving.png');
  const b = await sharpness('board-dpr2-settled.png');
  console.log(JSON.stringify({ moving, settled, sharpnessMoving: a, sharpnessSettled: b, ratio: a / b }));
} finally {
  await browser.close();
  await host.close();
}
