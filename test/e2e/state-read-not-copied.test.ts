import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(() => app?.close());

describe('what the screen shows is read from the records', () => {
  it('lands a baggage phrase on the first click right after editing Role and Part in the decision, 20 times in a row', async () => {
    const { page } = app;
    await createWorkshop(page, 'Persona clicks', /B2B buying journey/);
    await page.getByRole('tab', { name: 'Personas' }).click();
    await page.getByLabel('New persona name').fill('Priya, the CFO');
    await page.keyboard.press('Enter');
    const levels = ['gatekeeper', 'driver', 'participant'];
    for (let i = 1; i <= 20; i++) {
      // A role long enough to wrap or not, as people type them.
      await page.getByLabel('Part in the decision').selectOption(levels[i % 3]!);
      await page.getByLabel('Role').click();
      await page.keyboard.press('Control+A');
      await page.keyboard.type(i % 2 ? `Chief Financial Officer of the group, round ${i}` : `CFO ${i}`);
      // A person's click: the button goes down, and up a moment later.
      await page.getByRole('button', { name: '+ Browbeating boss' }).click({ delay: 120 });
      await whenSaved(page);
      const priya = ofType((await appState(page)).records, 'persona').find((p) => p.name === 'Priya, the CFO')!;
      expect(priya.baggage.split('; ').filter((p) => p === 'Browbeating boss'), `click ${i}`).toHaveLength(i);
    }
  });

  it('shows a renamed workshop in the top bar and the window title at once', async () => {
    const { page } = app;
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.getByLabel('Workshop name').fill('Acme renewal 2027');
    await page.getByLabel('Workshop name').press('Tab');
    await expect.poll(() => page.locator('.topbar-title h1').textContent()).toBe('Acme renewal 2027');
    await expect.poll(() => page.title()).toBe('Acme renewal 2027 — Journeyboard');
  });
});
