import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Card } from '../../shared/model/records.ts';
import { launchApp, RESULTS_DIR, type RunningApp } from './support/app.ts';
import { appState, createWorkshop, ofType, typeThen, whenSaved } from './support/board-driver.ts';
import { seriousViolations } from './support/axe.ts';

let app: RunningApp;
beforeAll(async () => {
  app = await launchApp({ width: 1280, height: 720 });
});
afterAll(() => app?.close());

interface ShownPage {
  where: string;
  cards: { id: string; fontPx: number | null; left: number; top: number; right: number; bottom: number }[];
  stageNameOnCanvas: boolean;
  screen: { width: number; height: number };
}

/** What one projector page shows: where it is, and each card drawn with its size on screen. */
async function projectorPage(page: Page): Promise<ShownPage> {
  return page.evaluate(() => {
    const t = (window as any).__journeyboardTest;
    const layout = t.layout();
    const { viewport } = t.state();
    const board = document.querySelector('[data-testid="board"]')!.getBoundingClientRect();
    const cards = layout.cards.map((box: any) => ({
      id: box.card.id as string,
      fontPx: t.renderedCardFontPx(box.card.id) as number | null,
      left: board.left + viewport.x + box.x * viewport.scale,
      top: board.top + viewport.y + box.y * viewport.scale,
      right: board.left + viewport.x + (box.x + box.width) * viewport.scale,
      bottom: board.top + viewport.y + (box.y + box.height) * viewport.scale,
    }));
    const stageId = layout.stages[0]?.stage.id;
    return {
      where: document.querySelector('[data-testid="projector-stage"]')!.textContent ?? '',
      cards,
      // The canvas draws no stage name on the projector: the overlay says it once.
      stageNameOnCanvas: stageId ? t.renderedCardFontPx(stageId) !== null : false,
      screen: { width: window.innerWidth, height: window.innerHeight },
    };
  });
}

/** Steps the clicker through every page of every stage, from the first. */
async function everyProjectorPage(page: Page, shot: (index: number) => string | null) {
  await page.keyboard.press('Home');
  await expect.poll(async () => (await projectorPage(page)).where).toContain('Stage 1 of');
  const pages: ShownPage[] = [];
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(60);
    const seen = await projectorPage(page);
    pages.push(seen);
    const path = shot(i);
    if (path) await page.screenshot({ path: join(RESULTS_DIR, path) });
    await page.keyboard.press('PageDown');
    // The last page of the last stage: the clicker goes no further.
    const moved = await expect
      .poll(async () => (await projectorPage(page)).where, { timeout: 1500 })
      .not.toBe(seen.where)
      .then(() => true, () => false);
    if (!moved) break;
  }
  return pages;
}

describe('projector pages at 1280×720 (B2B template)', () => {
  it('shows every card of every stage on some page, whole and at 24 px or more, the stage named once', async () => {
    const { page } = app;
    await createWorkshop(page, 'Projector pages', /B2B buying journey/);
    // A cell fuller than a screen: nine more actions where the buyer's trigger is.
    await page.keyboard.press('Escape');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('n');
    for (let n = 1; n <= 9; n++) await typeThen(page, `Action ${n}: the buyer does one more thing that the room must see`, n < 9 ? 'Enter' : 'Escape');
    await whenSaved(page);
    const { records } = await appState(page);
    const allCards = ofType(records, 'card').map((c: Card) => c.id);
    expect(allCards.length).toBeGreaterThan(20);

    await page.keyboard.press('F5');
    const pages = await everyProjectorPage(page, (i) => `projector-page-${i + 1}-1280x720.png`);
    // More pages than stages: a full stage is split, and the clicker steps through it.
    expect(pages.length).toBeGreaterThan(7);
    expect(pages.some((p) => /Trigger\s*1\/\d/.test(p.where))).toBe(true);

    const shown = new Set<string>();
    for (const seen of pages) {
      expect(seen.stageNameOnCanvas).toBe(false);
      for (const card of seen.cards) {
        // Drawn (a Konva node), at projector size, and wholly on the screen.
        expect(card.fontPx, `${seen.where}: ${card.id}`).toBeGreaterThanOrEqual(24);
        expect(card.left).toBeGreaterThanOrEqual(0);
        expect(card.top).toBeGreaterThanOrEqual(0);
        expect(card.right).toBeLessThanOrEqual(seen.screen.width);
        expect(card.bottom, `${seen.where}: ${card.id}`).toBeLessThanOrEqual(seen.screen.height);
        shown.add(card.id);
      }
    }
    expect(allCards.filter((id) => !shown.has(id))).toEqual([]);

    // Larger screens show the same, larger.
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.waitForTimeout(200);
    const large = await everyProjectorPage(page, (i) => (i < 4 ? `projector-page-${i + 1}-1920x1080.png` : null));
    const shownLarge = new Set(large.flatMap((p) => p.cards.filter((c) => c.fontPx !== null && c.fontPx >= 24 && c.bottom <= p.screen.height).map((c) => c.id)));
    expect(allCards.filter((id) => !shownLarge.has(id))).toEqual([]);
    await page.keyboard.press('Escape');
    await page.setViewportSize({ width: 1280, height: 720 });
  });
});

/** The focused element, as the test names it: its region and what a person reads on it. */
async function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { key: 'body', region: 'none', visible: false };
    const region = el.closest('.topbar') ? 'top bar' : el.closest('[data-testid="board"]') ? 'board' : el.closest('.sidebar') ? 'sidebar' : 'other';
    const name = el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
    const style = getComputedStyle(el);
    // A focus ring: an outline, or a ring drawn with a box shadow.
    const visible = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== 'none';
    return { key: `${region}|${el.getAttribute('role') ?? el.tagName.toLowerCase()}|${name}`, region, visible };
  });
}

/** Presses Tab until `done` holds for the focused element; fails after `limit` presses. */
async function tabUntil(page: Page, done: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60, key = 'Tab') {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    const f = await focused(page);
    if (done(f)) return f;
  }
  throw new Error(`${key} never reached the element`);
}

describe('the keyboard alone, at 1280×720', () => {
  it('reaches every toolbar button, every sidebar tab and the board with Tab and F6, adds a card, opens Priorities and starts the timer', async () => {
    const { page } = app;
    await page.getByRole('button', { name: 'Close', exact: true }).click();
    await createWorkshop(page, 'Keyboard only', /B2B buying journey/);
    // From here on, no mouse.
    const cardsBefore = ofType((await appState(page)).records, 'card').length;

    // F6 cycles top bar → board → sidebar → top bar; Shift+F6 goes back.
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('top bar');
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('board');
    expect((await focused(page)).visible).toBe(true);
    await page.keyboard.press('F6');
    expect((await focused(page)).key).toBe('sidebar|tab|Details');
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('top bar');
    await page.keyboard.press('Shift+F6');
    expect((await focused(page)).region).toBe('sidebar');
    await page.keyboard.press('Shift+F6');
    expect((await focused(page)).region).toBe('board');

    // A card, typed on the board: an arrow to a cell, Enter, the text, Esc.
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await typeThen(page, 'Typed without a mouse', 'Escape');
    await whenSaved(page);
    const cards = ofType((await appState(page)).records, 'card');
    expect(cards.length).toBe(cardsBefore + 1);
    expect(cards.some((c: Card) => c.text === 'Typed without a mouse')).toBe(true);
    // Typing over, the board has the keys again, and Tab leaves it for the sidebar.
    expect((await focused(page)).region).toBe('board');
    await page.keyboard.press('Tab');
    expect((await focused(page)).key).toBe('sidebar|tab|Details');

    // Priorities: Tab along the tabs, Enter.
    await tabUntil(page, (f) => f.key === 'sidebar|tab|Priorities', 10);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Pain points by yearly cost' }).waitFor();
    expect(await page.getByRole('tab', { name: 'Priorities' }).getAttribute('aria-selected')).toBe('true');

    // The timer: F6 to the top bar, Tab to Start, Enter.
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('top bar');
    await tabUntil(page, (f) => f.key.endsWith('|Start timer'), 40);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause timer' }).waitFor();
    // Focus stays on the widget, on the button that now pauses: Enter again pauses.
    expect((await focused(page)).key).toBe('top bar|button|Pause timer');
    await page.keyboard.press('Enter');
    expect((await focused(page)).key).toBe('top bar|button|Start timer');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Pause timer' }).waitFor();

    // Starting the timer put its Pause button in Start's place. One full round of Tab
    // from the top bar: every enabled button of the top bar, every sidebar tab and the
    // board are on it, each visibly focused.
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3 && (await focused(page)).region !== 'top bar'; i++) await page.keyboard.press('F6');
    const first = await focused(page);
    expect(first.region).toBe('top bar');
    const seen = new Map<string, boolean>();
    let current = first;
    for (let i = 0; i < 150; i++) {
      seen.set(current.key, current.visible);
      await page.keyboard.press('Tab');
      current = await focused(page);
      if (current.key === first.key) break;
    }
    const expected = await page.evaluate(() => {
      const name = (el: Element) => el.getAttribute('aria-label') ?? el.textContent?.trim() ?? '';
      const buttons = [...document.querySelectorAll('.topbar button:not(:disabled), .topbar select')].map((el) => `top bar|${el.getAttribute('role') ?? el.tagName.toLowerCase()}|${name(el)}`);
      const tabs = [...document.querySelectorAll('.sidebar [role="tab"]')].map((el) => `sidebar|tab|${name(el)}`);
      return [...buttons, ...tabs, 'board|application|Journey board'];
    });
    expect(expected.length).toBeGreaterThan(20);
    expect(expected.filter((key) => !seen.has(key))).toEqual([]);
    // (Past the last control the browser itself has focus for a step: the page's body.)
    expect([...seen].filter(([key, visible]) => !visible && key !== 'body').map(([key]) => key)).toEqual([]);
    await page.screenshot({ path: join(RESULTS_DIR, 'keyboard-focus-1280x720.png') });
  });

  it('reads the journey as an outline, and Enter on a card shows it on the board', async () => {
    const { page } = app;
    // The board filled with the first stage (G): the last stages are off screen.
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3 && (await focused(page)).region !== 'board'; i++) await page.keyboard.press('F6');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('g');
    const invoice = ofType((await appState(page)).records, 'card').find((c: Card) => c.text === 'First invoice is wrong')!;
    const onScreen = () =>
      page.evaluate((id) => {
        const t = (window as any).__journeyboardTest;
        const box = t.layout().cardById.get(id);
        const v = t.state().viewport;
        const size = t.boardSize();
        const left = v.x + box.x * v.scale;
        const top = v.y + box.y * v.scale;
        return left >= 0 && top >= 0 && left + box.width * v.scale <= size.width && top + box.height * v.scale <= size.height && v.scale >= 0.5;
      }, invoice.id);
    await expect.poll(onScreen).toBe(false);

    // The Outline tab, by keyboard: F6 to the sidebar (where focus last was there), along
    // the tabs, Enter.
    await page.keyboard.press('F6');
    const inSidebar = await focused(page);
    expect(inSidebar.region).toBe('sidebar');
    await tabUntil(page, (f) => f.key === 'sidebar|tab|Outline', 60, inSidebar.key.startsWith('sidebar|tab|') ? 'Tab' : 'Shift+Tab');
    await page.keyboard.press('Enter');
    const tree = page.getByRole('tree');
    await tree.waitFor();
    expect(await seriousViolations(page)).toEqual([]);

    // Stages, steps, lanes and cards, with what the board marks on them.
    expect(await tree.getByRole('treeitem', { name: /^Stage Evaluate/ }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: /Security review approved — tollgate: blocks/ }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: /First invoice is wrong — moment of truth, severity 4, €50,400 a year/ }).count()).toBe(1);
    expect(await tree.getByRole('treeitem', { name: /^Dana, the buyer: −3/ }).count()).toBeGreaterThan(0);

    // Tab reaches the tree (one stop), the arrows walk it, Enter selects the card on the board.
    await tabUntil(page, (f) => f.key.startsWith('sidebar|treeitem|'), 5);
    await page.keyboard.press('Home');
    for (let i = 0; i < 80 && !(await focused(page)).key.includes('First invoice is wrong'); i++) await page.keyboard.press('ArrowDown');
    expect((await focused(page)).key).toContain('First invoice is wrong');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await appState(page)).focus).toMatchObject({ kind: 'cell', cardId: invoice.id });
    await expect.poll(onScreen).toBe(true);
    // Focus stays in the outline, for the next item.
    expect((await focused(page)).key).toContain('First invoice is wrong');
    await page.screenshot({ path: join(RESULTS_DIR, 'outline-1280x720.png') });
  });
});

describe('the top bar at 1280×720', () => {
  /** Top bar controls whose text is cut, and whether each row fits without wrapping. */
  const topBar = (page: Page) =>
    page.evaluate(() => ({
      name: document.querySelector('.topbar h1')?.textContent,
      cut: [...document.querySelectorAll('.topbar h1, .topbar button')].filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.getAttribute('aria-label') ?? el.textContent),
      rows: [...document.querySelectorAll('.topbar-row, .toolbar')].map((row) => row.getBoundingClientRect().height < 48),
    }));

  it("shows the workshop's name whole and every button uncut, in the light and the high-contrast theme", async () => {
    const { page } = app;
    if (await page.getByRole('button', { name: 'Close', exact: true }).count()) await page.getByRole('button', { name: 'Close', exact: true }).click();
    await createWorkshop(page, 'Acme renewal workshop 2026', /B2B buying journey/);
    for (const theme of ['light', 'projector']) {
      await page.getByLabel('Screen theme').selectOption(theme);
      await page.waitForTimeout(150);
      expect(await topBar(page), theme).toEqual({ name: 'Acme renewal workshop 2026', cut: [], rows: [true, true] });
      expect(await seriousViolations(page), theme).toEqual([]);
    }
    // The shortened "Future state" is still the button people and tests know.
    expect(await page.getByRole('button', { name: 'Create future state' }).isVisible()).toBe(true);
    await page.getByLabel('Screen theme').selectOption('light');
  });
});

describe('F6 out of a text field', () => {
  it('leaves a card being typed for the sidebar, with the text saved, and a sidebar field for the top bar', async () => {
    const { page } = app;
    if (await page.getByRole('button', { name: 'Close', exact: true }).count()) await page.getByRole('button', { name: 'Close', exact: true }).click();
    await createWorkshop(page, 'F6 from a field', /B2B buying journey/);
    await page.keyboard.press('Escape');
    for (let i = 0; i < 3 && (await focused(page)).region !== 'board'; i++) await page.keyboard.press('F6');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('n');
    await page.getByLabel('Card text').waitFor();
    await page.keyboard.type('Left by F6');
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('sidebar');
    await expect.poll(async () => ofType((await appState(page)).records, 'card').some((c: Card) => c.text === 'Left by F6')).toBe(true);

    // A field of the card's details, in the sidebar.
    await page.getByRole('tab', { name: 'Details' }).click();
    await page.locator('.sidebar-body textarea, .sidebar-body input:not([type="checkbox"])').first().focus();
    expect(await page.evaluate(() => document.activeElement?.closest('.sidebar') !== null && /INPUT|TEXTAREA/.test(document.activeElement?.tagName ?? ''))).toBe(true);
    await page.keyboard.press('F6');
    expect((await focused(page)).region).toBe('top bar');
  });
});
