// `node test/bench/profile.ts <renderer dir> pan|open|open10 <out.cpuprofile>`: a CDP CPU
// profile of the 10,000-card board panning 4,000 px at device pixel ratio 2 (one view per
// animation frame, then the rest), or of opening a 10,000- or 10-card workshop to
// readable text at ratio 1; prints the intervals and the functions with the most self
// time. Build the renderer unminified first so the names mean something:
// `npx vite build --config renderer/vite.config.ts --minify false --outDir /tmp/r`.
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { startHost } from '../../electron/host/server.ts';
import { CHROMIUM_ARGS } from '../e2e/support/app.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { prepareWorkshop } from './board-page.ts';
const [dir, what, out] = process.argv.slice(2) as [string, string, string];
const folder = tempFolder('jb-prof-');
const host = await startHost({ rendererDir: dir, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 }, deviceScaleFactor: what.startsWith('open') ? 1 : 2 });
await page.goto(host.url);
await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
const { path } = prepareWorkshop(folder, what === 'open10' ? 10 : 10_000);
const H = 'globalThis.__journeyboardTest';
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
if (what.startsWith('open')) {
  await cdp.send('Profiler.start');
  console.log(await page.evaluate(`${H}.openToReadable(${JSON.stringify(path)})`));
} else if (what === 'zoom') {
  // From the whole map to 100% and back, one view per animation frame.
  await page.evaluate(`${H}.openToReadable(${JSON.stringify(path)})`);
  const layout = (await page.evaluate(`(() => { const l = ${H}.layout(); return { width: l.width, height: l.height }; })()`)) as { width: number; height: number };
  const size = (await page.evaluate(`${H}.boardSize()`)) as { width: number; height: number };
  const fit = Math.min(size.width / layout.width, size.height / layout.height);
  const step = Math.pow(1 / fit, 1 / 40);
  const views: { x: number; y: number; scale: number }[] = [];
  let v = { x: (size.width - layout.width * fit) / 2, y: 0, scale: fit };
  const about = (f: number) => ({ scale: v.scale * f, x: size.width / 2 - (size.width / 2 - v.x) * f, y: size.height / 2 - (size.height / 2 - v.y) * f });
  for (let i = 0; i < 80; i++) views.push((v = about(i < 40 ? step : 1 / step)));
  await page.evaluate(`${H}.frames([${JSON.stringify(views[0])}])`);
  await page.evaluate(`${H}.settleFrame()`);
  await cdp.send('Profiler.start');
  const r = (await page.evaluate(`${H}.rafFrames(${JSON.stringify(views)}, 450)`)) as { moving: number[]; tail: number[] };
  console.log('seq', JSON.stringify([...r.moving, -1, ...r.tail].map((x) => Math.round(x))));
} else {
  await page.evaluate(`${H}.openToReadable(${JSON.stringify(path)})`);
  await cdp.send('Profiler.start');
  const r = await page.evaluate(`${H}.rafFrames(Array.from({length: 160}, (_, i) => ({ x: -200 - 25 * (i + 1), y: -300 - 5 * (i + 1), scale: 1 })), 450)`) as any;
  const all = [...r.moving, ...r.tail].sort((a: number, b: number) => a - b);
  console.log('seq', JSON.stringify([...r.moving, -1, ...r.tail].map((x: number) => Math.round(x))));
  console.log('median', all[all.length >> 1], 'max', all.at(-1), 'late', all.filter((x: number) => x > 20.9).length, '/', all.length);
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync(out, JSON.stringify(profile));
const self = new Map<string, number>();
const dt = new Map<number, number>();
profile.samples!.forEach((id, i) => dt.set(id, (dt.get(id) ?? 0) + (profile.timeDeltas![i] ?? 0)));
for (const n of profile.nodes) { const k = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber}`; self.set(k, (self.get(k) ?? 0) + (dt.get(n.id) ?? 0) / 1000); }
console.log([...self].sort((a, b) => b[1] - a[1]).slice(0, 25).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); await host.close();
