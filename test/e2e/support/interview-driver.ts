import type { Page } from 'playwright-core';
import { cardCenter, clickAt } from './board-driver.ts';

/**
 * How the interview tests use the app: as an interviewer at a customer's site would,
 * mostly from the keyboard. The canvas (the map) and a text selection in a transcript are
 * the two places the mouse is used, as a person would use it there.
 */

/** What a screen reader would call the focused element: its aria-label, its label, or its text. */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    if (!element || element === document.body) return '';
    const labelled = element.getAttribute('aria-label');
    if (labelled) return labelled;
    // A label that wraps its field holds the field's own text too (a select's options): skip it.
    const label = (element as HTMLInputElement).labels?.[0];
    const own = label && [...label.childNodes].filter((n) => n.nodeType === Node.TEXT_NODE).map((n) => n.textContent).join('');
    return (own || element.textContent || '').trim();
  });
}

/**
 * Presses Tab (or Shift+Tab) until the element of that name has focus, and fails if it
 * is not reachable that way: this is the check that a step can be done by keyboard.
 */
export async function tabTo(page: Page, name: string | RegExp, { back = false, max = 80 } = {}): Promise<void> {
  const seen: string[] = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(back ? 'Shift+Tab' : 'Tab');
    const here = await focusedName(page);
    if (typeof name === 'string' ? here === name : name.test(here)) return;
    seen.push(here);
  }
  throw new Error(`"${name}" is not reachable with ${back ? 'Shift+Tab' : 'Tab'}; focus went through: ${seen.join(' | ')}`);
}

/**
 * Types a note the way an interviewer does: words, each `#tag` picked from the list with
 * Enter, an optional `!-2` emotion, then Enter for the next note.
 */
export async function typeNote(page: Page, words: string, { tags = [], emotion = '' }: { tags?: string[]; emotion?: string } = {}): Promise<void> {
  await page.keyboard.type(words);
  for (const tag of tags) {
    await page.keyboard.type(` #${tag}`);
    await page.getByRole('listbox', { name: 'Tags' }).waitFor();
    await page.keyboard.press('Enter');
  }
  if (emotion) await page.keyboard.type(` ${emotion}`);
  await page.keyboard.press('Enter');
}

/**
 * From the new-note field, links the note just saved to a card: Shift+Tab reaches its
 * "Link to card…", words find the card, Enter picks it, and Tab returns to the next note.
 */
export async function linkLastNoteByKeyboard(page: Page, cardWords: string): Promise<void> {
  const before = await page.locator('li.note .chip-card').count();
  await tabTo(page, 'Link to card…', { back: true });
  await page.keyboard.press('Enter');
  await page.getByLabel('Find a card').waitFor();
  await page.keyboard.type(cardWords);
  await page.getByRole('listbox', { name: 'Cards' }).waitFor();
  await page.keyboard.press('Enter');
  await page.waitForFunction((n) => document.querySelectorAll('li.note .chip-card').length > n, before);
  // The picker gives focus back to the button that opened it, two Tabs from the note field.
  await tabTo(page, 'Note', { max: 2 });
}

/** The interview's private key, from the note field: Tab to it, a name and its code, Enter, back to the notes. */
export async function addToKeyByKeyboard(page: Page, realName: string, code: string): Promise<void> {
  await tabTo(page, 'Real name');
  await page.keyboard.type(realName);
  await page.keyboard.press('Tab');
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
  await page.locator('.key-rows li', { hasText: realName }).waitFor();
  await tabTo(page, 'Note', { back: true });
}

/** Selects words in a transcript passage the way a reader does: a drag from their first letter to their last. */
export async function dragOver(page: Page, words: string): Promise<void> {
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

/** Back to the map, the card selected, its evidence in the inspector: the summary line. */
export async function showCardEvidence(page: Page, cardId: string): Promise<string> {
  await page.getByRole('button', { name: 'Map', exact: true }).click();
  await page.getByTestId('board').locator('canvas').first().waitFor();
  await page.getByRole('tab', { name: 'Details' }).click();
  await clickAt(page, await cardCenter(page, cardId));
  await page.locator('.evidence-summary').scrollIntoViewIfNeeded();
  return (await page.locator('.evidence-summary').textContent()) ?? '';
}
