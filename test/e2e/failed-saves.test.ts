import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, typeThen, whenSaved } from './support/board-driver.ts';
import { tempFolder } from '../support/workshop-fixtures.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(() => app?.close());

const THREE = ['Calls the helpdesk', 'Waits two days', 'Escalates to the account manager'];

async function typeThreeCards(page: Page): Promise<void> {
  // Board keys act while the board has focus; Esc hands it the keys from any button,
  // and an arrow moves to a cell of the Actions lane.
  await page.keyboard.press('Escape');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Enter');
  for (const [i, text] of THREE.entries()) await typeThen(page, text, i < 2 ? 'Enter' : 'Escape');
}

/** Save a copy as…, through the bar's button and the path prompt. */
async function saveCopyTo(page: Page, path: string): Promise<void> {
  await page.getByRole('alert').getByRole('button', { name: 'Save a copy as…' }).click();
  await page.getByLabel('File path on this computer').fill(path);
  await page.keyboard.press('Enter');
  await expect.poll(async () => (await appState(page)).save.status).toBe('saved');
}

function cardTextsIn(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT text FROM card').all() as { text: string }[]).map((row) => row.text);
  } finally {
    db.close();
  }
}

describe('a save that fails keeps the work', () => {
  it('when the open file is deleted: the cards stay, the bar says the file is gone, and Save a copy as… keeps all of them', async () => {
    const { page } = app;
    await createWorkshop(page, 'Deleted while open', /B2B buying journey/);
    await whenSaved(page);
    rmSync(join(app.folder, 'Deleted while open.journey'));

    await typeThreeCards(page);
    const bar = page.locator('.save-problem');
    await bar.waitFor();
    expect(await bar.textContent()).toMatch(/not saved in the file\..*moved, renamed or deleted while it was open/);
    const texts = ofType((await appState(page)).records, 'card').map((c) => c.text);
    for (const text of THREE) expect(texts).toContain(text);
    await page.screenshot({ path: join(RESULTS_DIR, 'save-failed-1280x720.png') });

    const copy = join(app.folder, 'Rescued.journey');
    await saveCopyTo(page, copy);
    expect(await page.locator('.save-problem').count()).toBe(0);
    const saved = cardTextsIn(copy);
    for (const text of THREE) expect(saved).toContain(text);
    expect(saved).toHaveLength(ofType((await appState(page)).records, 'card').length);
    await page.getByRole('button', { name: 'Close', exact: true }).click();
  });

  it('when the disk is full: the cards stay, the bar says so, and Save a copy as… to another disk keeps all of them', async () => {
    const { page } = app;
    const disk = tempFolder('journeyboard-full-disk-');
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=2m', 'tmpfs', disk]);
    } catch {
      // Without the right to mount, the full disk cannot be made real here; the unit
      // tests of the error mapping still cover it.
      console.warn('[failed-saves] cannot mount a small tmpfs here: the full-disk case was not run');
      return;
    }
    try {
      const path = join(disk, 'Full disk.journey');
      await page.getByRole('button', { name: 'New workshop' }).click();
      await page.getByLabel('Workshop name').fill('Full disk');
      await page.getByLabel(/B2B buying journey/).check();
      await page.keyboard.press('Enter');
      await page.getByLabel('File path on this computer').fill(path);
      await page.keyboard.press('Enter');
      await page.getByTestId('board').locator('canvas').first().waitFor();
      await whenSaved(page);
      // Fill every byte the disk has left.
      mkdirSync(join(disk, 'filler'), { recursive: true });
      for (let i = 0; ; i++) {
        try {
          writeFileSync(join(disk, 'filler', `${i}`), Buffer.alloc(4096));
        } catch {
          break;
        }
      }

      await typeThreeCards(page);
      const bar = page.locator('.save-problem');
      await bar.waitFor();
      expect(await bar.textContent()).toMatch(/The disk is full/);
      const copy = join(app.folder, 'Rescued from a full disk.journey');
      await saveCopyTo(page, copy);
      const saved = cardTextsIn(copy);
      for (const text of THREE) expect(saved).toContain(text);
      await page.getByRole('button', { name: 'Close', exact: true }).click();
    } finally {
      execFileSync('umount', ['-l', disk]);
    }
  });
});
