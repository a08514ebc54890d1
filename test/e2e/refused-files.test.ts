import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeRefusableFiles } from '../support/workshop-fixtures.ts';
import { launchApp, type RunningApp } from './support/app.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp();
});
afterAll(() => app?.close());

describe('opening files that are not workshops this version can read', () => {
  it('shows a plain reason for each and leaves every byte of the file as it was', async () => {
    const files = makeRefusableFiles(app.folder);
    const cases: [string, RegExp][] = [
      [files.text, /is not a Journeyboard workshop/],
      [files.empty, /is empty/],
      [files.otherProgram, /database from another program/],
      [files.newer, /newer version of Journeyboard.*Update Journeyboard/],
    ];
    const { page } = app;
    for (const [path, reason] of cases) {
      const before = readFileSync(path);
      await page.getByRole('button', { name: 'Open workshop…' }).click();
      await page.getByLabel('File path on this computer').fill(path);
      await page.keyboard.press('Enter');
      const alert = page.getByRole('alert');
      await expect.poll(() => alert.textContent()).toMatch(reason);
      expect(await alert.textContent()).toContain('The file has not been changed');
      expect(readFileSync(path).equals(before)).toBe(true);
    }
    // The app is still working: the start screen offers its actions.
    await expect.poll(() => page.getByRole('button', { name: 'New workshop' }).isEnabled()).toBe(true);
  });
});
