import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../electron/services/workshop-file.ts';
import { changeFrom } from '../../shared/change/change.ts';
import { newInterview, newNote, newNoteTag } from '../../shared/model/interview-factories.ts';
import { newCard } from '../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../shared/model/records.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';
import { dragOver } from './support/interview-driver.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1920, height: 1080 });
  // launchApp reports a page error by its message; the stack says where (minified, but near).
  app.page.on('pageerror', (e) => console.log('The page threw:', e.stack));
});
afterAll(() => app?.close());

/** A short Teams-style transcript: two speakers, a pause, one long answer. */
const VTT = `WEBVTT

1
00:00:02.000 --> 00:00:06.500
<v Lee>Thanks for taking the time. How did the security review go?</v>

2
00:00:07.000 --> 00:00:15.000
<v Anna Schmidt>Honestly it was painful. The security questionnaire had 120 questions and asked the same thing three times.</v>

3
00:00:15.000 --> 00:00:21.000
<v Anna Schmidt>We filled it in twice because the portal lost our answers.</v>

4
00:03:10.000 --> 00:03:14.000
<v Lee>And after that?</v>

5
00:03:14.500 --> 00:03:25.000
<v Anna Schmidt>The trial convinced our COO, and budget sign-off took four weeks.</v>
`;

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: join(RESULTS_DIR, name) });
}

describe('an interviewer works from a transcript, and the researcher synthesises the notes', () => {
  it('imports a transcript, makes tagged notes from spans of it, groups them in the synthesis and promotes a group to a card', async () => {
    const { page } = app;
    await createWorkshop(page, 'Transcript synthesis', /B2B buying journey/);
    await page.getByRole('button', { name: 'Interviews', exact: true }).click();

    const sampleForm = page.getByRole('form', { name: 'New sample' });
    await sampleForm.getByLabel('Sample name').fill('DACH manufacturers');
    await sampleForm.getByRole('button', { name: 'Add sample' }).click();
    const interviewForm = page.getByRole('form', { name: 'New interview' });
    await interviewForm.getByLabel('Role').fill('Buyer');
    await interviewForm.getByLabel('Company code').fill('Company-C');
    await interviewForm.getByLabel('Persona').selectOption({ label: 'Dana, the buyer' });
    await interviewForm.getByLabel('Interviewer').fill('Lee');
    await interviewForm.getByRole('button', { name: 'Create interview' }).click();

    // --- the transcript ---------------------------------------------------------------
    await page.getByRole('button', { name: /^Transcript/ }).click();
    const transcriptFile = join(app.folder, 'int-01.vtt');
    writeFileSync(transcriptFile, VTT);
    const broken = join(app.folder, 'broken.vtt');
    writeFileSync(broken, 'WEBVTT\n\n1\n00:00:02.000 --> 00:00:01,5x\nHello\n');

    // A file the parser refuses says why in its own sentence and adds nothing.
    await page.getByLabel('Import transcript…').setInputFiles(broken);
    await expect.poll(() => page.locator('.transcript-error').textContent()).toBe("Line 4: '00:00:01,5x' is not a time such as 00:12:30.000. Nothing was added.Dismiss");
    await page.locator('.transcript-error').getByRole('button', { name: 'Dismiss' }).click();

    await page.getByLabel('Import transcript…').setInputFiles(transcriptFile);
    await expect.poll(() => page.locator('.transcript-summary > span').first().textContent()).toBe('int-01.vtt: 4 passages, 2 speakers, 3 min');
    await page.getByRole('button', { name: 'Add to INT-01' }).click();
    const passages = page.getByRole('list', { name: 'Transcript' }).locator('li.passage');
    await expect.poll(() => passages.count()).toBe(4);
    expect(await passages.first().textContent()).toContain('00:02Lee');
    await whenSaved(page);
    let records = (await appState(page)).records;
    expect(ofType(records, 'passage')).toHaveLength(4);
    expect(await page.getByRole('button', { name: /^Transcript/ }).textContent()).toContain('4 passages');

    // Two notes from spans, each tagged from the picker that opens on it.
    await dragOver(page, 'asked the same thing three times');
    await page.getByRole('button', { name: 'Make a note' }).click();
    await page.getByLabel('Add a tag').fill('Security review');
    await page.keyboard.press('Enter');
    const firstNote = page.locator('.passage-note', { hasText: 'asked the same thing three times' });
    await firstNote.locator('.chip-step').waitFor();

    await dragOver(page, 'the portal lost our answers');
    await page.getByRole('button', { name: 'Make a note' }).waitFor();
    await shoot(page, 'interviews-transcript-selection-1920.png');
    await page.keyboard.press('Enter');
    await page.getByLabel('Add a tag').fill('Security review');
    await page.keyboard.press('Enter');
    const secondNote = page.locator('.passage-note', { hasText: 'the portal lost our answers' });
    await secondNote.locator('.chip-step').waitFor();
    await secondNote.getByRole('button', { name: '+ Tag' }).click();
    await page.getByLabel('Add a tag').fill('Portal');
    await page.keyboard.press('Enter');
    await secondNote.locator('.chip-tag').waitFor();
    await secondNote.getByRole('button', { name: '+ Tag' }).click();
    await page.getByLabel('Add a tag').fill('Rework');
    await page.keyboard.press('Enter');
    await expect.poll(() => secondNote.locator('.chip-tag').count()).toBe(2);
    expect(await page.locator('.passage-mark').allTextContents()).toEqual(['asked the same thing three times', 'the portal lost our answers']);

    await whenSaved(page);
    records = (await appState(page)).records;
    const spanNotes = ofType(records, 'note');
    const passageList = ofType(records, 'passage');
    expect(spanNotes).toHaveLength(2);
    for (const note of spanNotes) {
      const passage = passageList.find((p) => p.id === note.passageId)!;
      expect(passage.text.slice(note.startOffset!, note.endOffset!)).toBe(note.text);
      expect(note.minutesIn).toBe(Math.floor(passage.startMs / 6000) / 10);
    }
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'interviews-transcript-1920.png');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shoot(page, 'interviews-transcript-1280.png');
    await page.setViewportSize({ width: 1920, height: 1080 });

    // A second interview, another role, with a typed note that names someone in its key.
    await page.getByRole('button', { name: 'New interview' }).click();
    await interviewForm.getByLabel('Role').fill('IT security');
    await interviewForm.getByLabel('Company code').fill('Company-D');
    await interviewForm.getByLabel('Persona').selectOption({ label: 'Sam, IT security' });
    await interviewForm.getByLabel('Interviewer').fill('Kim');
    await interviewForm.getByRole('button', { name: 'Create interview' }).click();
    const key = page.getByRole('complementary', { name: 'Interview key and details' });
    await key.getByLabel('Real name').fill('Omar Haddad');
    await key.getByLabel('Code for the name').fill('Sec-01');
    await key.getByRole('button', { name: 'Add to key' }).click();
    await page.getByLabel('Note', { exact: true }).click();
    await page.keyboard.type('Omar Haddad says their questionnaire repeats itself #Secu');
    await page.getByRole('listbox', { name: 'Tags' }).waitFor();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    await page.locator('li.note', { hasText: 'questionnaire repeats itself' }).locator('.chip-step').waitFor();

    // --- the synthesis ----------------------------------------------------------------
    await page.getByRole('button', { name: 'Synthesis', exact: true }).click();
    const status = page.getByRole('region', { name: 'Synthesis' }).getByRole('status').first();
    await expect.poll(() => status.textContent()).toBe('3 notes from 2 interviews');
    const groups = page.getByRole('list', { name: 'Notes by stage' });
    expect(await groups.locator('.synthesis-group h3').allTextContents()).toEqual(['Evaluate']);
    // Outside the interview editor the names read as their codes.
    const evaluate = page.getByRole('listitem', { name: 'Evaluate' });
    expect(await evaluate.textContent()).toContain('Sec-01 says their questionnaire repeats itself');
    expect(await page.locator('.synthesis-main').textContent()).not.toContain('Omar');
    expect(await page.locator('.cooccurrence tbody th').allTextContents()).toEqual(['1 Portal', '2 Rework']);
    expect(await page.locator('.cooccurrence tbody td').allTextContents()).toEqual(['1', '1', '1', '1']);

    await page.getByRole('button', { name: 'By step' }).click();
    const security = page.getByRole('listitem', { name: 'Security review' });
    expect(await security.locator('.synthesis-count').textContent()).toBe('3 notes · 2 interviews');
    await page.getByLabel('Role').selectOption('Buyer');
    await expect.poll(() => status.textContent()).toBe('2 notes from 1 interview match the filter');
    expect(await security.locator('.synthesis-count').textContent()).toBe('2 notes · 1 interview');
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'interviews-synthesis-1920.png');

    await security.getByRole('button', { name: 'Promote to card…' }).click();
    const form = page.getByRole('form', { name: 'Promote Security review to a card' });
    expect(await form.locator('.promote-fixed').textContent()).toBe('Evaluate › Security review');
    expect(await form.getByLabel('Lane').locator('option:checked').textContent()).toBe('Pain points');
    expect(await security.getByRole('checkbox').count()).toBe(2);
    await form.getByLabel('Card text').fill('The questionnaire makes buyers answer twice');
    await page.setViewportSize({ width: 1280, height: 720 });
    await shoot(page, 'interviews-synthesis-promote-1280.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await form.getByRole('button', { name: 'Create card' }).click();
    await expect.poll(() => security.locator('.synthesis-promoted').textContent()).toContain(
      'Card “The questionnaire makes buyers answer twice” added at Security review · Pain points, with 2 notes as evidence.',
    );

    await whenSaved(page);
    records = (await appState(page)).records;
    const card = ofType(records, 'card').find((c) => c.text === 'The questionnaire makes buyers answer twice')!;
    const evidenceTags = ofType(records, 'note-tag').filter((t) => t.kind === 'card' && t.cardId === card.id);
    expect(evidenceTags.map((t) => t.noteId).sort()).toEqual(spanNotes.map((n) => n.id).sort());

    // On the map, the card is selected with its evidence: the two notes of one interview.
    await security.getByRole('button', { name: 'Show on map' }).click();
    await page.getByTestId('board').locator('canvas').first().waitFor();
    await page.getByRole('tab', { name: 'Details' }).click();
    await expect.poll(() => page.locator('.evidence-summary').textContent()).toBe('1 interview — outlier');
    expect(await page.locator('.evidence-list li').count()).toBe(2);
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Interviews', exact: true }).click();
    // Back in the synthesis (filter kept), the notes say which card they are evidence for.
    await expect.poll(() => security.locator('.synthesis-note-card').allTextContents()).toEqual(['↗ The questionnaire makes buyers answer twice', '↗ The questionnaire makes buyers answer twice']);
    await shoot(page, 'interviews-synthesis-1280.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('brings in the interviews an interviewer took on another copy of the workshop, and says what could not come', async () => {
    const { page } = app;
    await whenSaved(page);
    const records = (await appState(page)).records;
    // The interviewer's copy: this workshop as it was, plus INT-03 with two tagged notes,
    // one of them evidence for a card made only on that copy.
    const road = join(app.folder, 'Road copy.journey');
    const copy = WorkshopFile.createFromRecords(road, Object.values(records), { replaceExisting: false });
    const sample = ofType(records, 'sample')[0]!;
    const security = ofType(records, 'step').find((s) => s.name === 'Security review')!;
    const pains = ofType(records, 'lane').find((l) => l.name === 'Pain points')!;
    const roadCard = newCard({ stepId: security.id, laneId: pains.id, text: 'Made on the road', position: 'z0' });
    const interview = newInterview({ sampleId: sample.id, code: 'INT-03', position: 'z0', role: 'Buyer', companyCode: 'Company-D', interviewer: 'Kim' });
    const placed = newNote({ interviewId: interview.id, position: 'a0', takenAt: '2026-11-24T09:05:00.000Z', minutesIn: 5, text: 'The questionnaire came back twice' });
    const other = newNote({ interviewId: interview.id, position: 'a1', takenAt: '2026-11-24T09:09:00.000Z', minutesIn: 9, text: 'Legal wanted its own copy' });
    const added: AnyRecord[] = [roadCard, interview, placed, other, newNoteTag({ noteId: placed.id, kind: 'step', stepId: security.id }), newNoteTag({ noteId: other.id, kind: 'card', cardId: roadCard.id })];
    copy.applyChange(changeFrom(Object.fromEntries(copy.readRecords().map((r) => [r.id, r])), { put: added }));
    copy.close();

    await page.getByRole('button', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Bring in interviews from another file…' }).click();
    await page.getByLabel('File path on this computer').fill(road);
    await page.keyboard.press('Enter');
    const result = page.locator('.bring-in-result');
    await expect.poll(() => result.textContent()).toBe('Added 1 interview, 2 notes; 1 tag skipped because the stage, step or card it names is not in this map. Undo starts again from here.×');
    await page.getByRole('button', { name: /^INT-03/ }).waitFor();
    const after = (await appState(page)).records;
    expect(after[interview.id]).toEqual(interview);
    expect(after[roadCard.id]).toBeUndefined();
    expect(ofType(after, 'note-tag').filter((t) => t.noteId === other.id)).toEqual([]);
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'interviews-bring-in-1920.png');

    // The same file again adds nothing; on a small screen the sentence scrolls into view.
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('button', { name: 'Bring in interviews from another file…' }).click();
    await page.getByLabel('File path on this computer').fill(road);
    await page.keyboard.press('Enter');
    await expect.poll(() => result.textContent()).toBe('Nothing new: the interviews in Road copy.journey are already here; 1 tag skipped because the stage, step or card it names is not in this map.×');
    await shoot(page, 'interviews-bring-in-1280.png');
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  it('reads the transcript and the synthesis in the dark theme', async () => {
    const { page } = app;
    await page.getByLabel('Screen theme').selectOption('dark');
    await page.getByRole('button', { name: /^INT-01/ }).click();
    await page.getByRole('button', { name: /^Transcript/ }).click();
    await page.locator('.passage-mark').first().waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'interviews-transcript-dark-1920.png');
    await page.getByRole('button', { name: 'Synthesis', exact: true }).click();
    await page.getByRole('button', { name: 'By tag' }).click();
    await page.getByRole('listitem', { name: 'Portal' }).getByRole('button', { name: 'Promote to card…' }).click();
    expect(await seriousViolations(page)).toEqual([]);
    await shoot(page, 'interviews-synthesis-dark-1920.png');
    await page.getByLabel('Screen theme').selectOption('light');
  });
});
