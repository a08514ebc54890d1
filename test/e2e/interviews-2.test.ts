import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, whenSaved } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1920, height: 1080 });
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

/** Selects words in a passage the way a reader does: a drag from their first letter to their last. */
async function dragOver(page: Page, words: string): Promise<void> {
  const box = await page.evaluate((wanted) => {
    for (const element of document.querySelectorAll<HTMLElement>('.passage-text')) {
      const text = element.textContent ?? '';
      const at = text.indexOf(wanted);
      if (at < 0) continue;
      // The point inside the text node (and mark) that holds a character offset.
      const pointAt = (offset: number) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        let seen = 0;
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const length = node.textContent!.length;
          if (offset <= seen + length) return { node, offset: offset - seen };
          seen += length;
        }
        throw new Error('offset past the text');
      };
      const charBox = (offset: number) => {
        const range = document.createRange();
        const from = pointAt(offset);
        range.setStart(from.node, from.offset);
        range.setEnd(from.node, from.offset + 1);
        return range.getBoundingClientRect();
      };
      const first = charBox(at);
      const last = charBox(at + wanted.length - 1);
      return { x1: first.left + 1, y1: first.top + first.height / 2, x2: last.right - 1, y2: last.top + last.height / 2 };
    }
    throw new Error(`no passage says "${wanted}"`);
  }, words);
  await page.mouse.move(box.x1, box.y1);
  await page.mouse.down();
  await page.mouse.move((box.x1 + box.x2) / 2, box.y2, { steps: 4 });
  await page.mouse.move(box.x2, box.y2, { steps: 4 });
  await page.mouse.up();
}

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
    await page.getByRole('button', { name: 'Dismiss' }).click();

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
  });
});
