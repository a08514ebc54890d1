/**
 * The workshop screen's keyboard regions, in the order F6 visits them: the top bar, the
 * board (or the Interviews view in its place) and the sidebar. Tab moves within and
 * between them like on any page; F6 jumps a whole region, so a keyboard user never has
 * to walk the toolbar to get from the sidebar back to the board.
 */
export const REGION_SELECTORS = ['.topbar', '[data-testid="board"], .interviews-view', '.sidebar'] as const;

/** The region after (or before) `current` among `count`; from no region, the first (or last). */
export function nextRegionIndex(current: number, count: number, backwards: boolean): number {
  if (count <= 0) return -1;
  if (current < 0) return backwards ? count - 1 : 0;
  return (current + (backwards ? count - 1 : 1)) % count;
}

const FOCUSABLE = 'button:not(:disabled), select:not(:disabled), input:not(:disabled), textarea:not(:disabled), a[href], [tabindex]:not([tabindex="-1"])';

/** The board's element, for handing it the keys (Esc on a button, the end of typing). */
export function boardElement(doc: Document = document): HTMLElement | null {
  return doc.querySelector<HTMLElement>('[data-testid="board"]');
}

export function focusBoard(doc: Document = document): boolean {
  const board = boardElement(doc);
  if (!board) return false;
  board.focus({ preventScroll: true });
  return doc.activeElement === board;
}

/** Where focus was last in each region, so F6 returns there rather than to its start. */
const lastFocused = new WeakMap<Element, HTMLElement>();

export function rememberFocus(target: EventTarget | null): void {
  if (!(target instanceof HTMLElement)) return;
  const region = regionsOf(target.ownerDocument).find((r) => r.contains(target));
  if (region) lastFocused.set(region, target);
}

function regionsOf(doc: Document): HTMLElement[] {
  return REGION_SELECTORS.map((selector) => doc.querySelector<HTMLElement>(selector)).filter((r): r is HTMLElement => r !== null);
}

/** What F6 focuses in a region: where focus last was there, else its natural start. */
function entryPoint(region: HTMLElement): HTMLElement | null {
  const last = lastFocused.get(region);
  if (last?.isConnected && region.contains(last) && last.matches(FOCUSABLE)) return last;
  if (region.matches('[data-testid="board"]')) return region;
  // The sidebar's way in is the tab that is open, as a tab list's always is.
  return region.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? region.querySelector<HTMLElement>(FOCUSABLE);
}

/**
 * F6 / Shift+F6: focus the next (previous) region. An open dialog keeps the keys: it
 * is closed before the page behind it is reached.
 */
export function cycleRegion(backwards: boolean, doc: Document = document): boolean {
  if (doc.querySelector('[role="dialog"], [aria-modal="true"]')) return false;
  const regions = regionsOf(doc);
  const active = doc.activeElement;
  const current = regions.findIndex((r) => active !== null && r.contains(active));
  const index = nextRegionIndex(current, regions.length, backwards);
  const region = regions[index];
  const target = region && entryPoint(region);
  if (!target) return false;
  target.focus({ preventScroll: true });
  return true;
}
