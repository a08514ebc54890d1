import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { showCardEvidence } from './support/interview-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1920, height: 1080 });
});
afterAll(() => app?.close());

const CARD = 'Questionnaire asks the same thing three times';

/** Types a note the way an interviewer does: words, a `#tag` picked with Enter, Enter for the next note. */
async function typeNote(page: Page, words: string, tag?: string, after = ''): Promise<void> {
  await page.keyboard.type(words);
  if (tag) {
    await page.keyboard.type(` #${tag}`);
    await page.getByRole('listbox', { name: 'Tags' }).waitFor();
    await page.keyboard.press('Enter');
  }
  if (after) await page.keyboard.type(after);
  await page.keyboard.press('Enter');
}

async function linkToCard(page: Page, noteText: string, search: string): Promise<void> {
  const row = page.locator('li.note', { hasText: noteText });
  await row.getByRole('button', { name: 'Link to card…' }).click();
  await page.getByLabel('Find a card').fill(search);
  await page.keyboard.press('Enter');
  await row.locator('.chip-card').waitFor();
}

describe('an interviewer takes notes that become evidence on the map', () => {
  it('plans a sample and an interview, types tagged notes with the keyboard, links them to a card, and finds it all after a reopen', async () => {
    const { page } = app;
    await createWorkshop(page, 'Acme interviews', /B2B buying journey/);
    const start = (await appState(page)).records;
    const card = ofType(start, 'card').find((c) => c.text === CARD)!;
    const securityStep = ofType(start, 'step').find((s) => s.name === 'Security review')!;

    // The view switch is reached with the keyboard like any other button.
    await page.getByRole('button', { name: 'Interviews', exact: true }).focus();
    await page.keyboard.press('Enter');

    const sampleForm = page.getByRole('form', { name: 'New sample' });
    await sampleForm.getByLabel('Sample name').fill('DACH manufacturers');
    await sampleForm.getByLabel('Industry').fill('Manufacturing');
    await sampleForm.getByLabel('Region').fill('DACH');
    await sampleForm.getByLabel('Product').fill('Access reviews');
    expect(await sampleForm.getByLabel('Target interviews').inputValue()).toBe('18');
    await sampleForm.getByLabel('Roles sought').fill('Buyer\nIT security');
    await sampleForm.getByRole('button', { name: 'Add sample' }).click();

    const interviewForm = page.getByRole('form', { name: 'New interview' });
    expect(await interviewForm.getByLabel('Code', { exact: true }).inputValue()).toBe('INT-01');
    await interviewForm.getByLabel('Role').fill('Buyer');
    await interviewForm.getByLabel('Company code').fill('Company-C');
    await interviewForm.getByLabel('Persona').selectOption({ label: 'Dana, the buyer' });
    await interviewForm.getByLabel('Interviewer').fill('Lee');
    await interviewForm.getByRole('button', { name: 'Create interview' }).click();

    await page.getByRole('button', { name: 'Start interview' }).click();
    await expect.poll(() => page.getByRole('timer', { name: 'Interview clock' }).textContent(), { timeout: 5000 }).toMatch(/^00:0[1-9]$/);

    // Focus went back to the note field: ten notes, by keyboard only.
    await typeNote(page, 'The audit in spring showed we had no access reviews', 'Trig');
    await typeNote(page, 'We asked two peers and read review sites', 'Searches');
    await typeNote(page, 'The security questionnaire had 120 questions', 'Secu', ' !-2');
    await typeNote(page, 'We answered the same question three times', 'quo');

    // The private key: a real name and its code, then a note that names her.
    const key = page.getByRole('complementary', { name: 'Interview key and details' });
    await key.getByLabel('Real name').fill('Anna Schmidt');
    await key.getByLabel('Code for the name').fill('Buyer-01');
    await key.getByRole('button', { name: 'Add to key' }).click();
    await page.getByLabel('Note', { exact: true }).click();
    await typeNote(page, 'Anna Schmidt filled it in twice because the portal lost her answers');

    await typeNote(page, 'Nobody else in our group asked for the pen-test summary', 'outl');
    await typeNote(page, 'The trial convinced the COO', 'moment');
    await typeNote(page, 'Budget sign-off took four weeks', 'Purch');
    await typeNote(page, 'Onboarding felt slow but the team was kind');
    await typeNote(page, 'We will renew if the invoices are right', 'Renew');

    // Up on the empty field edits the last note; Escape leaves it, kept.
    await page.keyboard.press('ArrowUp');
    await page.getByLabel('Edit note').waitFor();
    await page.keyboard.type(' next year');
    await page.keyboard.press('Escape');
    await page.getByLabel('Note', { exact: true }).waitFor();

    // A tag added after the fact, and one taken off again.
    const onboarding = page.locator('li.note', { hasText: 'Onboarding felt slow' });
    await onboarding.getByRole('button', { name: '+ Tag' }).click();
    await page.getByLabel('Add a tag').fill('Onboarding');
    await page.keyboard.press('Enter');
    await onboarding.locator('.chip-step').waitFor();
    const budget = page.locator('li.note', { hasText: 'Budget sign-off' });
    await budget.getByRole('button', { name: 'Remove tag Purchase' }).click();
    await budget.locator('.chip').waitFor({ state: 'detached' });

    await linkToCard(page, 'same question three times', 'questionnaire');
    await linkToCard(page, 'Anna Schmidt filled it in', 'same thing');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(RESULTS_DIR, 'interviews-notes-1920.png') });

    await whenSaved(page);
    let records = (await appState(page)).records;
    const notes = ofType(records, 'note');
    expect(notes).toHaveLength(10);
    expect(notes.map((n) => n.text)).toContain('We will renew if the invoices are right next year');
    expect(notes.every((n) => !n.text.includes('#') && !n.text.includes('!-2'))).toBe(true);
    const tags = ofType(records, 'note-tag');
    const kinds = tags.map((t) => t.kind).sort();
    expect(kinds).toEqual(['card', 'card', 'emotion', 'moment-of-truth', 'outlier', 'quote', 'stage', 'stage', 'step', 'step', 'step'].sort());
    expect(tags.find((t) => t.kind === 'emotion')).toMatchObject({ score: -2, stepId: securityStep.id });
    expect(ofType(records, 'interview')[0]).toMatchObject({ code: 'INT-01', role: 'Buyer', companyCode: 'Company-C', interviewer: 'Lee', startedAt: expect.any(String) });

    // On the map, outside the interview editor, the card's evidence reads the code, never the name.
    expect(await showCardEvidence(page, card.id)).toBe('1 interview — outlier');
    const evidence = page.locator('.evidence-list');
    await expect.poll(() => evidence.textContent()).toContain('Buyer-01 filled it in twice');
    expect(await evidence.textContent()).not.toContain('Anna');
    expect(await evidence.locator('li').count()).toBe(2);
    expect(await evidence.textContent()).toContain('INT-01 · Buyer · Company-C · 0 min');

    // A second company and role say the same: a pattern.
    await page.getByRole('button', { name: 'Interviews', exact: true }).click();
    await page.getByRole('button', { name: 'New interview' }).click();
    expect(await interviewForm.getByLabel('Code', { exact: true }).inputValue()).toBe('INT-02');
    await interviewForm.getByLabel('Role').fill('IT security');
    await interviewForm.getByLabel('Company code').fill('Company-D');
    await interviewForm.getByRole('button', { name: 'Create interview' }).click();
    await page.getByLabel('Note', { exact: true }).click();
    await typeNote(page, 'Their questionnaire repeats itself', 'Security');
    await linkToCard(page, 'questionnaire repeats', 'questionnaire');
    expect(await showCardEvidence(page, card.id)).toBe('2 interviews · 2 companies · 2 roles — pattern');
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: join(RESULTS_DIR, 'interviews-evidence-1920.png') });

    await page.setViewportSize({ width: 1280, height: 720 });
    await page.waitForTimeout(200);
    await page.screenshot({ path: join(RESULTS_DIR, 'interviews-evidence-1280.png') });
    await page.getByRole('button', { name: 'Interviews', exact: true }).click();
    await page.getByRole('button', { name: /^INT-01/ }).click();
    await page.locator('li.note').first().waitFor();
    await page.screenshot({ path: join(RESULTS_DIR, 'interviews-notes-1280.png') });
    await page.setViewportSize({ width: 1920, height: 1080 });

    // Close and reopen: every note, tag, key entry and link is in the file.
    await whenSaved(page);
    records = (await appState(page)).records;
    await page.getByRole('button', { name: 'Close' }).click();
    await page.getByRole('button', { name: /^Acme interviews/ }).click();
    await page.getByRole('status').filter({ hasText: 'All changes saved' }).waitFor();
    const after = (await appState(page)).records;
    expect(after).toEqual(records);
    expect(ofType(after, 'pseudonym')).toEqual([expect.objectContaining({ realName: 'Anna Schmidt', code: 'Buyer-01', kind: 'person' })]);
    expect(ofType(after, 'note')).toHaveLength(11);

    await page.getByRole('button', { name: 'Interviews', exact: true }).click();
    await page.getByRole('button', { name: /^DACH manufacturers/ }).click();
    await expect.poll(() => page.locator('.sample-card.selected').textContent()).toContain('2 of 18 interviews done');
    await page.getByRole('button', { name: /^INT-01/ }).click();
    await expect.poll(() => page.locator('li.note').count()).toBe(10);
    expect(await page.locator('ol.notes').textContent()).toContain('Anna Schmidt filled it in twice');
    expect(await page.locator('li.note', { hasText: 'security questionnaire' }).locator('.chip').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('Security review'), expect.stringContaining('emotion −2')]));
    expect(await showCardEvidence(page, card.id)).toBe('2 interviews · 2 companies · 2 roles — pattern');
  });
});
