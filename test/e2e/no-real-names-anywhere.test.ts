import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';
import { showCardEvidence, typeNote } from './support/interview-driver.ts';

/**
 * Issue #13, acceptance 2, through the app as a researcher uses it: real names recorded
 * in an interview's key, typed into a note and even into a card on the map, reach no
 * picture of the board, no export of any format, and after *Anonymize workshop for
 * sharing* not one byte of the workshop file. (test/unit/interviews/no-real-names.test.ts
 * holds the same promise for the services alone, names in transcripts included.)
 */

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1600, height: 900 });
});
afterAll(() => app?.close());

const REAL = /anna|schmidt|acme/i;
const CARD = 'Questionnaire asks the same thing three times';

/** What the board draws: the text of every Konva Text node, which is what its picture shows. */
async function boardTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __journeyboardTest: { boardTexts(): string[] } }).__journeyboardTest.boardTexts());
}

/** One export from the dialog to a path typed into the browser build's file prompt. */
async function exportTo(page: Page, button: string, fileName: string): Promise<string> {
  const path = join(app.folder, fileName);
  await page.getByRole('button', { name: button }).click();
  await page.getByLabel('File path on this computer').fill(path);
  await page.keyboard.press('Enter');
  await expect.poll(() => existsSync(path), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => page.getByRole('status').filter({ hasText: `Saved ${path}` }).count()).toBe(1);
  return path;
}

/** Every text file inside a zip (a deck's XML, a REFI-QDA project), by its path. */
async function zipTexts(path: string): Promise<[string, string][]> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const names = Object.keys(zip.files).filter((name) => !zip.files[name]!.dir && /\.(xml|rels|qde|txt)$/.test(name));
  return Promise.all(names.map(async (name) => [name, await zip.file(name)!.async('string')] as [string, string]));
}

describe('real names from the interview keys', () => {
  it('appear on no picture of the board and in no export, and leave the file after Anonymize workshop for sharing', async () => {
    const { page } = app;
    await createWorkshop(page, 'Names check', /B2B buying journey/);
    const card = ofType((await appState(page)).records, 'card').find((c) => c.text === CARD)!;

    // An interview whose key names a person and her company, and a note that names both.
    await page.getByRole('button', { name: 'Interviews', exact: true }).click();
    await page.getByRole('form', { name: 'New sample' }).getByLabel('Sample name').fill('DACH manufacturers');
    await page.keyboard.press('Enter');
    await page.getByRole('form', { name: 'New interview' }).getByLabel('Role').fill('Buyer');
    await page.keyboard.press('Enter');
    const key = page.getByRole('complementary', { name: 'Interview key and details' });
    for (const [kind, realName, code] of [['person', 'Anna Schmidt', 'Buyer-01'], ['company', 'Acme Corp', 'Company-A']] as const) {
      await key.getByLabel('Kind of name').selectOption(kind);
      await key.getByLabel('Real name').fill(realName);
      await key.getByLabel('Code for the name').fill(code);
      await key.getByRole('button', { name: 'Add to key' }).click();
    }
    await page.getByLabel('Note', { exact: true }).click();
    await typeNote(page, 'Anna Schmidt at Acme Corp filled the questionnaire in twice', { tags: ['quo'] });
    const note = page.locator('li.note', { hasText: 'Anna Schmidt at Acme Corp' });
    await note.getByRole('button', { name: 'Link to card…' }).click();
    await page.getByLabel('Find a card').fill('questionnaire');
    await page.keyboard.press('Enter');
    await note.locator('.chip-card').waitFor();

    // The facilitator writes the name onto the card itself, on the map.
    await showCardEvidence(page, card.id);
    const text = page.getByLabel('Text', { exact: true });
    await text.fill(`${CARD} (Anna Schmidt, ACME Corp)`);
    await text.press('Tab');
    await whenSaved(page);
    expect(ofType((await appState(page)).records, 'card').find((c) => c.id === card.id)!.text).toContain('Anna Schmidt');

    // The board — and so every picture of it — draws the codes.
    const drawn = await boardTexts(page);
    expect(drawn.join('\n')).toContain(`${CARD} (Buyer-01, Company-A)`);
    expect(drawn.filter((t) => REAL.test(t))).toEqual([]);

    // Every export the app offers.
    await page.getByRole('button', { name: 'Export…' }).click();
    const deck = await exportTo(page, 'Export deck…', 'names.pptx');
    const pdf = await exportTo(page, 'Export PDF…', 'names.pdf');
    const png = await exportTo(page, 'Export picture…', 'names.png');
    const cards = await exportTo(page, 'All cards…', 'cards.csv');
    const priorities = await exportTo(page, 'Priorities…', 'priorities.csv');
    const qdpx = await exportTo(page, 'Export interviews…', 'names.qdpx');
    const json = await exportTo(page, 'Export JSON…', 'names.json');
    // A picture is drawn from the board's nodes: the texts checked above.
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    expect(drawn.filter((t) => REAL.test(t))).toEqual([]);
    for (const [name, xml] of await zipTexts(deck)) expect(xml, `deck ${name}`).not.toMatch(REAL);
    expect((await zipTexts(deck)).some(([, xml]) => xml.includes('Buyer-01'))).toBe(true);
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).not.toMatch(REAL);
    expect(readFileSync(cards, 'utf8')).toContain('(Buyer-01, Company-A)');
    expect(readFileSync(cards, 'utf8')).not.toMatch(REAL);
    expect(readFileSync(priorities, 'utf8')).not.toMatch(REAL);
    for (const [name, xml] of await zipTexts(qdpx)) expect(xml, `qdpx ${name}`).not.toMatch(REAL);
    expect(readFileSync(qdpx).toString('latin1')).not.toMatch(REAL);
    expect(readFileSync(json, 'utf8')).toContain('Buyer-01 at Company-A filled the questionnaire in twice');
    expect(readFileSync(json, 'utf8')).not.toMatch(REAL);
    await page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: 'Close' }).click();

    // Anonymize from the command palette: one undoable change, then not a byte of a name in the file.
    await page.keyboard.press('Control+k');
    await page.keyboard.type('Anonymize');
    await page.keyboard.press('Enter');
    await expect.poll(async () => ofType((await appState(page)).records, 'pseudonym').length).toBe(0);
    await whenSaved(page);
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: 'Open workshop…' }).waitFor();
    const file = readdirSync(app.folder).find((name) => name.endsWith('.journey'))!;
    const bytes = readFileSync(join(app.folder, file)).toString('latin1');
    expect(bytes).toContain('Buyer-01');
    expect(bytes).not.toMatch(REAL);
  }, 240_000);
});
