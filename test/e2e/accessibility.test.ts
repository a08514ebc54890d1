import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app.ts';
import { createWorkshop } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(() => app?.close());

/** Every screen and dialog, as a screen-reader or keyboard user meets them. */
describe('accessibility (axe-core: no serious or critical violations)', () => {
  const problems: Record<string, unknown> = {};
  const check = async (screen: string) => {
    const found = await seriousViolations(app.page);
    if (found.length) problems[screen] = found;
  };

  it('on the start screen, the new-workshop dialog, the board, every sidebar tab, every dialog and projector mode', async () => {
    const { page } = app;
    await check('start screen');
    await page.getByRole('button', { name: 'New workshop' }).click();
    await check('new workshop dialog');
    await page.keyboard.press('Escape');

    // The path prompt, the web build's file dialog, on the way to a new workshop.
    await page.getByRole('button', { name: 'New workshop' }).click();
    await page.getByLabel('Workshop name').fill('Path prompt');
    await page.keyboard.press('Enter');
    await page.getByLabel('File path on this computer').waitFor();
    await check('path prompt');
    await page.keyboard.press('Escape');
    await page.getByLabel('File path on this computer').waitFor({ state: 'detached' });
    if (await page.getByLabel('Workshop name').count()) await page.keyboard.press('Escape');

    await createWorkshop(page, 'Accessible', /B2B buying journey/);
    await check('board');
    for (const tab of ['Details', 'Personas', 'Priorities', 'Vote', 'Agenda', 'Parking lot', 'Outline']) {
      await page.getByRole('tab', { name: tab }).click();
      await check(`sidebar: ${tab}`);
    }
    await page.getByRole('button', { name: 'Export…' }).click();
    await check('export dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').first().waitFor();
    await check('command palette');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Restore from backup');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Restore from backup' }).waitFor();
    await check('backups dialog');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Save a copy');
    await page.keyboard.press('Enter');
    await page.getByLabel('File path on this computer').waitFor();
    await check('save a copy as');
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Keyboard shortcuts');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor();
    await check('keyboard shortcuts');
    await page.keyboard.press('Escape');
    await page.getByRole('heading', { name: 'Keyboard shortcuts' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: 'Present' }).click();
    await page.waitForTimeout(300);
    await check('projector mode');
    await page.keyboard.press('Escape');

    expect(problems).toEqual({});
  });
});
