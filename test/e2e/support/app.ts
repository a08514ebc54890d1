import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startHost, type RunningHost } from '../../../electron/host/server.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

export const RENDERER_DIR = fileURLToPath(new URL('../../../dist/renderer/', import.meta.url));
export const RESULTS_DIR = fileURLToPath(new URL('../../../test-results/', import.meta.url));

/** Debian's Chromium, as root on a closed network (see the env notes). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface RunningApp {
  host: RunningHost;
  browser: Browser;
  page: Page;
  folder: string;
  close(): Promise<void>;
}

/** The real renderer in Chromium against the real services, on a fresh data folder. */
export async function launchApp(viewport = { width: 1600, height: 900 }): Promise<RunningApp> {
  const folder = tempFolder('journeyboard-e2e-');
  const workshops = join(folder, 'Workshops');
  mkdirSync(workshops, { recursive: true });
  const host = await startHost({ rendererDir: RENDERER_DIR, dataFolder: join(folder, 'data'), defaultWorkshopFolder: workshops });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const page = await browser.newPage({ viewport });
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(host.url);
  await page.getByRole('heading', { name: 'Journeyboard' }).waitFor();
  mkdirSync(RESULTS_DIR, { recursive: true });
  return {
    host,
    browser,
    page,
    folder: workshops,
    async close() {
      await browser.close();
      await host.close();
      rmSync(folder, { recursive: true, force: true });
      if (problems.length) throw new Error(`The page threw: ${problems.join('; ')}`);
    },
  };
}
