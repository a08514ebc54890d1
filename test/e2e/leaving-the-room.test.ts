import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, whenSaved } from './support/board-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1600, height: 900 });
});
afterAll(() => app?.close());

/** Runs one export from the dialog to a path typed into the browser build's file prompt. */
async function exportTo(button: string, fileName: string): Promise<string> {
  const { page } = app;
  const path = join(app.folder, fileName);
  await page.getByRole('button', { name: button }).click();
  await page.getByLabel('File path on this computer').fill(path);
  await page.keyboard.press('Enter');
  await expect.poll(() => existsSync(path), { timeout: 60_000 }).toBe(true);
  await expect.poll(() => page.getByRole('status').filter({ hasText: `Saved ${path}` }).count()).toBe(1);
  return path;
}

describe('leaving the room', () => {
  it('exports the deck, a picture, CSVs and JSON from the app, and the deck renders with the map and the cards', async () => {
    const { page } = app;
    await createWorkshop(page, 'Acme renewal', /B2B buying journey/);
    await page.getByRole('button', { name: 'Export…' }).click();
    const deck = await exportTo('Export deck…', 'Acme renewal.pptx');
    const zip = await JSZip.loadAsync(readFileSync(deck));
    const media = Object.keys(zip.files).filter((n) => n.startsWith('ppt/media/') && !zip.files[n]!.dir);
    expect(media.length).toBeGreaterThan(0);
    const picture = await zip.file(media[0]!)!.async('nodebuffer');
    expect(picture.readUInt32BE(16)).toBeGreaterThan(3000); // the whole map at 2×

    const out = join(RESULTS_DIR, 'deck');
    mkdirSync(out, { recursive: true });
    execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', out, deck], { timeout: 120_000, stdio: 'ignore' });
    const pdf = join(out, 'Acme renewal.pdf');
    const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    for (const card of ['First invoice is wrong', 'Security review approved', 'Reads the audit report']) expect(text).toContain(card);
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(out, 'slide')]);

    const report = await exportTo('Export PDF…', 'Acme renewal.pdf');
    expect(execFileSync('pdftotext', [report, '-'], { encoding: 'utf8' })).toContain('First invoice is wrong');
    const png = await exportTo('Export picture…', 'Acme renewal.png');
    expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
    const cards = await exportTo('All cards…', 'cards.csv');
    expect(readFileSync(cards, 'utf8')).toContain('"First invoice is wrong"');
    await exportTo('Export JSON…', 'Acme renewal.json');
    await page.screenshot({ path: join(RESULTS_DIR, 'export-dialog.png') });
  }, 240_000);

  it('imports 200 cards from CSV in one step, and refuses a file with one bad row, naming it', async () => {
    const { page } = app;
    const before = Object.values((await appState(page)).records).filter((r) => r.type === 'card').length;
    const rows = Array.from({ length: 200 }, (_, i) => `"Stage ${1 + (i % 4)}","Step ${1 + (i % 3)}","${['Actions', 'Pain points', 'Touchpoints'][i % 3]}","Imported card ${i + 1}"`);
    await page.getByLabel('CSV file of cards').setInputFiles({ name: 'cards.csv', mimeType: 'text/csv', buffer: Buffer.from(`stage,step,lane,text\n${rows.join('\n')}\n`) });
    await page.getByRole('button', { name: 'Import 200 cards' }).click();
    await whenSaved(page);
    expect(Object.values((await appState(page)).records).filter((r) => r.type === 'card').length).toBe(before + 200);

    // The dialog stays open after an import, ready for the next file.
    const bad = [...rows.slice(0, 40), '"Stage 1","Step 1","Actions"', ...rows.slice(40, 60)];
    await page.getByLabel('CSV file of cards').setInputFiles({ name: 'broken.csv', mimeType: 'text/csv', buffer: Buffer.from(`stage,step,lane,text\n${bad.join('\n')}\n`) });
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('broken.csv cannot be imported; nothing was changed.');
    expect(await alert.textContent()).toContain('Line 42: it has 3 fields where the header has 4');
    expect(await page.getByRole('button', { name: /^Import \d+ cards/ }).count()).toBe(0);
    await page.getByRole('dialog', { name: 'Export and import' }).getByRole('button', { name: 'Close' }).click();
  });

  it('imports the JSON export as a new workshop that holds the same records', async () => {
    const { page } = app;
    const json = join(app.folder, 'Acme renewal.json');
    const exported = JSON.parse(readFileSync(json, 'utf8')) as { records: { id: string }[] };
    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('button', { name: 'Import JSON…' }).click();
    await page.getByLabel('File path on this computer').fill(json);
    await page.keyboard.press('Enter');
    await page.getByLabel('File path on this computer').fill(join(app.folder, 'Copy of Acme.journey'));
    await page.keyboard.press('Enter');
    await expect.poll(async () => Object.keys((await appState(page)).records).sort()).toEqual(exported.records.map((r) => r.id).sort());
  });
});
