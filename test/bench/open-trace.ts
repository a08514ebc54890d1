// `node test/bench/open-trace.ts <renderer dir> <cards>`: a Chromium trace of opening a
// workshop to readable card text, summed by event on the page's main thread — where the
// time goes outside script (style, layout, resize observers, canvas).
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startHost } from '../../electron/host/server.ts';
import { CHROMIUM_ARGS } from '../e2e/support/app.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';
import { prepareWorkshop } from './board-page.ts';
const [dir, cards] = process.argv.slice(2) as [string, string];
const folder = tempFolder('jb-trace-');
const host = await startHost({ rendererDir: dir, dataFolder: join(folder, 'data'), defaultWorkshopFolder: folder });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 900 } });
await page.goto(host.url);
await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
const { path } = prepareWorkshop(folder, Number(cards));
const cdp = await page.context().newCDPSession(page);
const events: any[] = [];
cdp.on('Tracing.dataCollected', (e: any) => events.push(...e.value));
const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
await cdp.send('Tracing.start', { traceConfig: { includedCategories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute', 'blink'] } } as any);
console.log(await page.evaluate(`globalThis.__journeyboardTest.openToReadable(${JSON.stringify(path)})`));
await cdp.send('Tracing.end');
await done;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mine = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid);
const by = new Map<string, number>();
for (const e of mine) if (['RunTask'].includes(e.name) === false && (e.dur ?? 0) > 0) by.set(e.name, (by.get(e.name) ?? 0) + e.dur / 1000);
console.log([...by].sort((a, b) => b[1] - a[1]).slice(0, 18).map(([k, v]) => `${v.toFixed(1)}ms ${k}`).join('\n'));
await browser.close(); await host.close();
