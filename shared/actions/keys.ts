/**
 * A shortcut is written once, as text such as `Mod+Shift+Z` (`Mod` is Ctrl, or Cmd on a
 * Mac). The keyboard's matcher, the labels people read and Electron's accelerators are
 * all read off that one string, so they cannot drift apart. Plain data and functions:
 * the Electron main process imports this, so it must not touch the DOM.
 */
export interface KeyChord {
  mod: boolean;
  alt: boolean;
  shift: boolean;
  /** A `KeyboardEvent.key` value: one character, or a name such as `Enter` or `ArrowLeft`. */
  key: string;
}

/** What a matcher needs of a keyboard event (a DOM KeyboardEvent has all of it). */
export interface KeyEventLike {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
}

/** How a shortcut is written for people: for this Mac, for this PC, or for both (README). */
export type KeyStyle = 'mac' | 'pc' | 'any';

const MODIFIERS = new Set(['Mod', 'Alt', 'Shift']);
const NAMED_KEYS = new Set(['Enter', 'Escape', 'Tab', 'Delete', 'Backspace', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown']);
const ARROWS = ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'];
const SHOWN_AS: Record<string, string> = { ArrowLeft: '←', ArrowRight: '→', ArrowUp: '↑', ArrowDown: '↓', Escape: 'Esc', ' ': 'Space' };
// Electron's accelerator grammar uses '+' as the separator, so the key itself is "Plus".
const ACCELERATOR_NAMES: Record<string, string> = { '+': 'Plus', ' ': 'Space', ArrowLeft: 'Left', ArrowRight: 'Right', ArrowUp: 'Up', ArrowDown: 'Down' };

const isFunctionKey = (key: string) => /^F([1-9]|1\d|2[0-4])$/.test(key);

/** Reads `Mod+Shift+Z`; a typo in the action list throws at once instead of never matching. */
export function parseKey(spec: string): KeyChord {
  // "+" is both the separator and a key: a trailing "+" is the key.
  const parts = spec.endsWith('+') ? [...spec.slice(0, -1).split('+').filter(Boolean), '+'] : spec.split('+');
  const key = parts.pop() ?? '';
  for (const modifier of parts) if (!MODIFIERS.has(modifier)) throw new Error(`Unknown modifier "${modifier}" in shortcut "${spec}"`);
  if (key.length !== 1 && !NAMED_KEYS.has(key) && !isFunctionKey(key)) throw new Error(`Unknown key "${key}" in shortcut "${spec}"`);
  return { mod: parts.includes('Mod'), alt: parts.includes('Alt'), shift: parts.includes('Shift'), key };
}

/**
 * Shift is part of a symbol key itself ("+" is Shift+= on many layouts), so it only
 * counts for letters and named keys: `Shift+Tab` is not `Tab`, but `+` is `+`.
 */
function shiftCounts(key: string): boolean {
  return key.length > 1 || /^\p{L}$/u.test(key);
}

/** One spelling per distinct key press, to find two actions on the same one. */
export function chordId(spec: string): string {
  const c = parseKey(spec);
  const shift = c.shift && shiftCounts(c.key);
  return `${c.mod ? 'Mod+' : ''}${c.alt ? 'Alt+' : ''}${shift ? 'Shift+' : ''}${c.key.length === 1 ? c.key.toLowerCase() : c.key}`;
}

export function matchesKey(spec: string, event: KeyEventLike): boolean {
  const c = parseKey(spec);
  if ((event.ctrlKey || event.metaKey) !== c.mod || event.altKey !== c.alt) return false;
  if (shiftCounts(c.key) && event.shiftKey !== c.shift) return false;
  // Letters match in either case: Caps Lock must not turn S off.
  return c.key.length === 1 ? event.key.toLowerCase() === c.key.toLowerCase() : event.key === c.key;
}

/** A key event as a browser would report the shortcut, for tests and for replaying a key. */
export function eventFor(spec: string): KeyEventLike {
  const c = parseKey(spec);
  const key = c.key.length > 1 ? c.key : c.shift ? c.key.toUpperCase() : c.key.toLowerCase();
  return { key, ctrlKey: c.mod, metaKey: false, altKey: c.alt, shiftKey: c.shift };
}

function modifierText(c: KeyChord, style: KeyStyle): string[] {
  const mod = style === 'mac' ? 'Cmd' : style === 'pc' ? 'Ctrl' : 'Ctrl/Cmd';
  return [c.mod ? mod : '', c.alt ? (style === 'mac' ? 'Option' : 'Alt') : '', c.shift ? 'Shift' : ''].filter(Boolean);
}

/** `Mod+Shift+Z` as people read it: `Ctrl+Shift+Z`, `Cmd+Shift+Z` or `Ctrl/Cmd+Shift+Z`. */
export function keyLabel(spec: string, style: KeyStyle): string {
  const c = parseKey(spec);
  const key = SHOWN_AS[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  return [...modifierText(c, style), key].join('+');
}

/**
 * All of an action's keys, as people read them: the four arrows (with the same
 * modifiers) are "arrow keys", and a run of digits is "1–9".
 */
export function keysLabels(keys: readonly string[], style: KeyStyle): string[] {
  const chords = keys.map(parseKey);
  const labels: string[] = [];
  const done = new Set<number>();
  chords.forEach((c, i) => {
    if (done.has(i)) return;
    const prefix = modifierText(c, style).map((m) => `${m}+`).join('');
    const sameMods = (o: KeyChord) => o.mod === c.mod && o.alt === c.alt && o.shift === c.shift;
    const arrows = ARROWS.map((a) => chords.findIndex((o) => o.key === a && sameMods(o)));
    if (ARROWS.includes(c.key) && arrows.every((at) => at >= 0)) {
      arrows.forEach((at) => done.add(at));
      labels.push(`${prefix}arrow keys`);
      return;
    }
    let end = i;
    while (/^\d$/.test(c.key) && chords[end + 1]?.key === String(Number(chords[end]!.key) + 1) && sameMods(chords[end + 1]!)) end++;
    if (end - i >= 2) {
      for (let at = i; at <= end; at++) done.add(at);
      labels.push(`${prefix}${c.key}–${chords[end]!.key}`);
      return;
    }
    done.add(i);
    labels.push(keyLabel(keys[i]!, style));
  });
  return labels;
}

/**
 * Electron's accelerator for a shortcut. Only chords with Ctrl/Cmd and function keys are
 * registered: a registered S or Enter would fire while the facilitator types a card.
 */
export function acceleratorFor(spec: string): { accelerator: string; register: boolean } {
  const c = parseKey(spec);
  const key = ACCELERATOR_NAMES[c.key] ?? (c.key.length === 1 ? c.key.toUpperCase() : c.key);
  const accelerator = [c.mod ? 'CmdOrCtrl' : '', c.alt ? 'Alt' : '', c.shift ? 'Shift' : '', key].filter(Boolean).join('+');
  return { accelerator, register: c.mod || isFunctionKey(c.key) };
}
