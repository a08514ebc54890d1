import type { Page } from 'playwright-core';
import type { AnyRecord, Card } from '../../../shared/model/records.ts';

/** Reads the app through its read-only test handle: the canvas has no DOM to query. */
export async function appState(page: Page): Promise<{ records: Record<string, AnyRecord>; focus: unknown; save: { status: string } }> {
  return page.evaluate(() => {
    const state = (window as unknown as { __journeyboardTest: { state(): any } }).__journeyboardTest.state();
    return { records: state.records, focus: state.focus, save: state.save };
  });
}

export async function whenSaved(page: Page): Promise<void> {
  await page.evaluate(() => (window as unknown as { __journeyboardTest: { whenSaved(): Promise<void> } }).__journeyboardTest.whenSaved());
}

export async function cards(page: Page): Promise<Card[]> {
  const { records } = await appState(page);
  return Object.values(records).filter((r): r is Card => r.type === 'card');
}

/** Where a board point is on the page: the board's offset plus the viewport transform. */
export async function pagePoint(page: Page, boardX: number, boardY: number): Promise<{ x: number; y: number }> {
  const board = await page.getByTestId('board').boundingBox();
  const viewport = await page.evaluate(() => (window as unknown as { __journeyboardTest: { state(): any } }).__journeyboardTest.state().viewport);
  return { x: board!.x + viewport.x + boardX * viewport.scale, y: board!.y + viewport.y + boardY * viewport.scale };
}

export async function cardCenter(page: Page, cardId: string) {
  const box = await page.evaluate((id) => {
    const b = (window as unknown as { __journeyboardTest: { layout(): any } }).__journeyboardTest.layout().cardById.get(id);
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }, cardId);
  return pagePoint(page, box.x, box.y);
}

export async function cellCenter(page: Page, stepId: string, laneId: string) {
  const box = await page.evaluate(
    ({ stepId, laneId }) => {
      const layout = (window as unknown as { __journeyboardTest: { layout(): any } }).__journeyboardTest.layout();
      const step = layout.steps.find((s: any) => s.step.id === stepId);
      const lane = layout.lanes.find((l: any) => l.lane.id === laneId);
      return { x: step.x + step.width / 2, y: lane.y + lane.height - 12 };
    },
    { stepId, laneId },
  );
  return pagePoint(page, box.x, box.y);
}

/** Types a line into the focused field and presses a key, like a facilitator would. */
export async function typeThen(page: Page, text: string, key: string): Promise<void> {
  await page.keyboard.type(text);
  await page.keyboard.press(key);
}

/** A point just inside the top-left corner of a cell: clear of cards and curve points. */
export async function cellCorner(page: Page, stepId: string, laneId: string) {
  const box = await page.evaluate(
    ({ stepId, laneId }) => {
      const layout = (window as unknown as { __journeyboardTest: { layout(): any } }).__journeyboardTest.layout();
      const step = layout.steps.find((s: any) => s.step.id === stepId);
      const lane = layout.lanes.find((l: any) => l.lane.id === laneId);
      return { x: step.x + 6, y: lane.y + 6 };
    },
    { stepId, laneId },
  );
  return pagePoint(page, box.x, box.y);
}

export async function clickAt(page: Page, point: { x: number; y: number }): Promise<void> {
  await page.mouse.click(point.x, point.y);
}

/** Opens a new workshop from a template through the UI and waits for the board. */
export async function createWorkshop(page: Page, name: string, template: RegExp): Promise<void> {
  await page.getByRole('button', { name: 'New workshop' }).click();
  await page.getByLabel('Workshop name').fill(name);
  await page.getByLabel(template).check();
  await page.keyboard.press('Enter');
  await page.getByLabel('File path on this computer').waitFor();
  await page.keyboard.press('Enter');
  await page.getByTestId('board').locator('canvas').first().waitFor();
}

/** The records of one type, typed: the tests' view of the document. */
export function ofType<T extends AnyRecord['type']>(records: Record<string, AnyRecord>, type: T): Extract<AnyRecord, { type: T }>[] {
  return Object.values(records).filter((r) => r.type === type) as Extract<AnyRecord, { type: T }>[];
}
