import { chordId, keyLabel, keysLabels, type KeyStyle } from './keys.ts';

/**
 * Every action of the app, once (after Excalidraw's actions): its name, its label, its
 * shortcuts, where those keys act, and how it groups for undo. The keyboard, the command
 * palette, the toolbar, the native menu and the README's shortcut table all read this
 * list; what each action does lives in the renderer (renderer/src/editor/actions/), so
 * this module stays plain data that the Electron main process can import.
 */

/**
 * Where an action's keys act, and when it can run at all:
 * - `board`: keys only while the board has focus (not a toolbar button, not a field);
 *   from the menu or the palette, whenever a workshop is open.
 * - `workshop`: a workshop is open; keys anywhere outside text fields.
 * - `always`: with or without a workshop (the start screen too).
 * - `typing`: keys of the card and name text fields; the text overlay handles them, and
 *   they are listed here so the README and the clash check see them. The board's key
 *   handler never runs them, so they cannot fire while someone types in a field.
 * - `projector`: the clicker's keys, only while projector mode shows the journey; there
 *   the board's own keys are off, since nobody edits what the room is reading.
 */
export type ActionContext = 'board' | 'workshop' | 'always' | 'typing' | 'projector';

/**
 * How an action meets the undo history, so no caller has to remember `editor.seal()`:
 * - `own-step`: one undo step of its own (sealed before and after);
 * - `opens-edit`: starts a new step that the typing after it joins (sealed before; ending
 *   the edit seals it);
 * - `none`: changes no records (views, focus, dialogs), or manages history itself (undo).
 */
export type UndoGrouping = 'own-step' | 'opens-edit' | 'none';

export interface ActionDefinition {
  readonly name: string;
  /** In the palette, toolbar titles and (title-cased) the menu. */
  readonly label: string;
  /** Shortcuts in `keys.ts` notation; the first is the one shown in the palette and menu. */
  readonly keys?: readonly string[];
  readonly context: ActionContext;
  readonly undo?: UndoGrouping;
  /** In the native menu: `true` takes the label in title case; a string is its own label. */
  readonly menu?: true | string;
  /** Left out of the palette: it needs a key to mean anything (arrows, 1–9). */
  readonly palette?: false;
  /** The README's words for what the keys do, where the label alone says too little. */
  readonly doc?: string;
  /** In a focused text field the menu item is the text's own edit command instead. */
  readonly textCommand?: 'undo' | 'redo' | 'delete';
  /** Its keys act in a text field too: F6 is the keyboard's way out of one. */
  readonly inTextFields?: true;
}

export const ACTIONS = [
  // The board, with the keyboard.
  { name: 'add-stage', label: 'Add stage', keys: ['S'], context: 'board', undo: 'opens-edit', menu: true, doc: 'add a stage after the focused one, and name it' },
  { name: 'add-step', label: 'Add step', keys: ['T'], context: 'board', undo: 'opens-edit', menu: true, doc: 'add a step in the focused stage' },
  { name: 'add-lane', label: 'Add lane', keys: ['L'], context: 'board', undo: 'opens-edit', menu: true, doc: 'add a lane' },
  { name: 'add-card', label: 'Add card', keys: ['N'], context: 'board', undo: 'opens-edit', menu: true, doc: 'new card in the focused cell (after the focused card)' },
  { name: 'edit-focused', label: 'Edit', keys: ['Enter', 'F2'], context: 'board', undo: 'opens-edit', doc: 'on a card or header: edit it; on an empty cell: new card' },
  { name: 'delete', label: 'Delete', keys: ['Delete', 'Backspace'], context: 'board', undo: 'own-step', menu: true, textCommand: 'delete', doc: 'delete the selection (undo brings it back whole)' },
  { name: 'move-focus', label: 'Move focus', keys: ['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown'], context: 'board', palette: false, doc: 'move between cells and cards' },
  { name: 'move-earlier', label: 'Move stage, step or lane earlier', keys: ['Alt+ArrowLeft', 'Alt+ArrowUp'], context: 'board', undo: 'own-step' },
  { name: 'move-later', label: 'Move stage, step or lane later', keys: ['Alt+ArrowRight', 'Alt+ArrowDown'], context: 'board', undo: 'own-step' },
  { name: 'clear-focus', label: 'Deselect', keys: ['Escape'], context: 'board', palette: false, doc: 'deselect; on a toolbar button or tab, `Esc` hands the keys back to the board' },
  { name: 'cast-dot', label: 'Place a dot', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], context: 'board', undo: 'own-step', palette: false, doc: "during a dot vote: place that participant's dot on the selected card" },
  // Typing a card or a name.
  { name: 'typing-next-card', label: 'Save and start the next card', keys: ['Enter'], context: 'typing', doc: 'save the card and start the next one below it; a name is kept' },
  { name: 'typing-new-line', label: 'New line', keys: ['Shift+Enter'], context: 'typing', doc: 'a new line in the card' },
  { name: 'typing-stop', label: 'Stop typing', keys: ['Escape'], context: 'typing', doc: 'stop typing (a name being typed is dropped)' },
  // Tab on the board itself leaves it (the board is no keyboard trap); typing, it goes on like a spreadsheet.
  { name: 'next-cell', label: 'Next cell', keys: ['Tab'], context: 'typing', doc: 'save the card and move to the next cell (a name: save it)' },
  { name: 'previous-cell', label: 'Previous cell', keys: ['Shift+Tab'], context: 'typing', doc: 'save the card and move to the previous cell' },
  // The page's regions.
  { name: 'next-region', label: 'Next region', keys: ['F6'], context: 'workshop', palette: false, inTextFields: true, doc: 'focus the next region: top bar → board → sidebar' },
  { name: 'previous-region', label: 'Previous region', keys: ['Shift+F6'], context: 'workshop', palette: false, inTextFields: true, doc: 'focus the previous region' },
  // History.
  { name: 'undo', label: 'Undo', keys: ['Mod+Z'], context: 'workshop', menu: true, textCommand: 'undo' },
  { name: 'redo', label: 'Redo', keys: ['Mod+Shift+Z', 'Mod+Y'], context: 'workshop', menu: true, textCommand: 'redo' },
  // The view.
  { name: 'zoom-to-fit', label: 'Zoom to fit', keys: ['F'], context: 'board', menu: true },
  { name: 'zoom-in', label: 'Zoom in', keys: ['+', '='], context: 'board', menu: true },
  { name: 'zoom-out', label: 'Zoom out', keys: ['-'], context: 'board', menu: true },
  { name: 'zoom-reset', label: 'Actual size', keys: ['0'], context: 'board', menu: true, doc: 'actual size (100%)' },
  { name: 'zoom-to-selection', label: 'Zoom to selection', keys: ['Z'], context: 'board', menu: true },
  { name: 'focus-stage', label: 'Focus on this stage', keys: ['G'], context: 'board', menu: true, doc: 'fill the screen with the focused stage' },
  // The room (the native menu's Workshop menu lists the timer and the tabs).
  { name: 'command-palette', label: 'Command palette…', keys: ['Mod+K'], context: 'workshop', menu: true, palette: false, doc: 'every action by name, with its shortcut' },
  { name: 'projector', label: 'Projector mode', keys: ['F5'], context: 'workshop', menu: true },
  { name: 'projector-next', label: 'Next page or stage', keys: ['ArrowRight', 'PageDown', ' '], context: 'projector', palette: false, doc: "the next page of the stage, then the next stage (a clicker's forward button)" },
  { name: 'projector-previous', label: 'Previous page or stage', keys: ['ArrowLeft', 'PageUp'], context: 'projector', palette: false, doc: 'the previous page, then the previous stage' },
  { name: 'projector-first', label: 'First stage', keys: ['Home'], context: 'projector', palette: false },
  { name: 'projector-last', label: 'Last stage', keys: ['End'], context: 'projector', palette: false },
  { name: 'projector-scroll', label: 'Scroll', keys: ['ArrowUp', 'ArrowDown'], context: 'projector', palette: false, doc: 'scroll a stage taller than the screen' },
  { name: 'projector-leave', label: 'Leave projector mode', keys: ['Escape'], context: 'projector', palette: false, doc: 'back to editing' },
  { name: 'timer-2', label: 'Start a 2-minute timer', context: 'workshop', menu: '2 Minutes' },
  { name: 'timer-5', label: 'Start a 5-minute timer', context: 'workshop', menu: '5 Minutes' },
  { name: 'timer-10', label: 'Start a 10-minute timer', context: 'workshop', menu: '10 Minutes' },
  { name: 'timer-15', label: 'Start a 15-minute timer', context: 'workshop', menu: '15 Minutes' },
  { name: 'timer-pause', label: 'Pause the timer', context: 'workshop', menu: 'Pause' },
  { name: 'timer-resume', label: 'Resume the timer', context: 'workshop', menu: 'Resume' },
  { name: 'timer-add-minute', label: 'Add a minute to the timer', context: 'workshop', menu: 'Add a Minute' },
  { name: 'timer-reset', label: 'Reset the timer', context: 'workshop', menu: 'Reset' },
  { name: 'timer-chime', label: 'Timer chime on or off', context: 'workshop', menu: 'Chime On or Off' },
  { name: 'vote', label: 'Dot vote…', context: 'workshop', menu: true },
  { name: 'park', label: 'Park a topic…', context: 'workshop', menu: true },
  { name: 'agenda', label: 'Agenda', context: 'workshop', menu: true },
  { name: 'personas', label: 'Personas', context: 'workshop', menu: true },
  { name: 'priorities', label: 'Priorities: pain points by cost, moments of truth', context: 'workshop', menu: 'Priorities' },
  { name: 'decisions', label: 'Decisions: needle movers, impact/effort, gap, action plan, last year', context: 'workshop' },
  { name: 'outline', label: 'Outline of the journey, as text', context: 'workshop', menu: 'Outline of the Journey' },
  // The room on phones: the room joins from its own phones over the local network.
  { name: 'room-open', label: 'Open the room to phones…', context: 'workshop' },
  { name: 'room-ask-here', label: 'Ask the room about the focused cell', context: 'workshop' },
  { name: 'room-take-back', label: 'Take back the last card from phones', context: 'workshop', undo: 'own-step' },
  { name: 'room-close', label: 'Close the room to phones', context: 'workshop' },
  // The workshop file.
  { name: 'workshop-new', label: 'New workshop…', keys: ['Mod+N'], context: 'always', menu: true },
  { name: 'workshop-open', label: 'Open workshop…', keys: ['Mod+O'], context: 'always', menu: true },
  { name: 'save-copy', label: 'Save a copy as…', keys: ['Mod+Shift+S'], context: 'workshop', menu: true },
  { name: 'restore-backup', label: 'Restore from backup…', context: 'workshop', menu: true },
  { name: 'anonymize', label: 'Anonymize workshop for sharing', context: 'workshop', undo: 'own-step', menu: true },
  { name: 'export', label: 'Export deck, picture, CSV or JSON…', context: 'workshop' },
  { name: 'import', label: 'Import cards from CSV or a workshop from JSON…', context: 'workshop' },
  { name: 'workshop-close', label: 'Close workshop', keys: ['Mod+W'], context: 'workshop', menu: true },
  // Help.
  { name: 'shortcuts', label: 'Keyboard shortcuts', context: 'always', menu: true },
  // Preferences of this machine.
  { name: 'theme-light', label: 'Theme: light', context: 'always', menu: 'Light' },
  { name: 'theme-dark', label: 'Theme: dark', context: 'always', menu: 'Dark' },
  { name: 'theme-projector', label: 'Theme: projector (high contrast)', context: 'always', menu: 'Projector (high contrast)' },
] as const satisfies readonly ActionDefinition[];

type Defined = (typeof ACTIONS)[number];
export type ActionName = Defined['name'];
/** Actions the renderer runs; `typing` ones belong to the text overlay. */
export type RunnableName = Exclude<Defined, { context: 'typing' }>['name'];
/** What the native menu can send to the renderer. */
export type MenuCommand = Extract<Defined, { menu: true | string }>['name'];

export const ACTION_BY_NAME = Object.fromEntries(ACTIONS.map((a) => [a.name, a])) as Record<ActionName, ActionDefinition>;

export function isActionName(name: string): name is ActionName {
  return Object.hasOwn(ACTION_BY_NAME, name);
}

/** The shortcut shown for an action (its first key); undefined when it has none. */
export function shortcutLabel(name: ActionName, style: KeyStyle): string | undefined {
  const key = ACTION_BY_NAME[name].keys?.[0];
  return key === undefined ? undefined : keyLabel(key, style);
}

export const MENU_ACTION_NAMES = ACTIONS.filter((a): a is Extract<Defined, { menu: true | string }> => 'menu' in a).map((a) => a.name);

const SMALL_WORDS = new Set(['a', 'an', 'and', 'as', 'for', 'from', 'in', 'of', 'on', 'or', 'the', 'this', 'to']);

/** Menus are in title case ("Save a Copy As…"); first and last words always capitalised. */
export function menuLabelOf(action: ActionDefinition): string {
  if (typeof action.menu === 'string') return action.menu;
  const words = action.label.split(' ');
  return words.map((word, i) => (i > 0 && i < words.length - 1 && SMALL_WORDS.has(word) ? word : word.charAt(0).toUpperCase() + word.slice(1))).join(' ');
}

/** Which contexts' keys are live together, by where keyboard focus is. */
export const LIVE_CONTEXTS = {
  board: ['board', 'workshop', 'always'],
  elsewhere: ['workshop', 'always'],
  // The menu's registered accelerators (Ctrl/Cmd, F-keys) reach text fields too.
  typing: ['typing', 'workshop', 'always'],
  projector: ['projector', 'workshop', 'always'],
} as const satisfies Record<string, readonly ActionContext[]>;
export type FocusPlace = keyof typeof LIVE_CONTEXTS;

/** Pairs of actions that one key press would reach in the same place: each must be fixed. */
export function findClashes(actions: readonly ActionDefinition[]): string[] {
  const clashes: string[] = [];
  for (const [place, contexts] of Object.entries(LIVE_CONTEXTS)) {
    const owner = new Map<string, string>();
    for (const action of actions) {
      if (!(contexts as readonly ActionContext[]).includes(action.context)) continue;
      for (const key of action.keys ?? []) {
        const id = chordId(key);
        const other = owner.get(id);
        if (other && other !== action.name) clashes.push(`${id} (${place}): ${other} and ${action.name}`);
        else owner.set(id, action.name);
      }
    }
  }
  return clashes;
}

const WHERE: Record<ActionContext, string> = {
  board: 'board focused',
  typing: 'typing a card or name',
  workshop: 'anywhere but a text field',
  always: 'anywhere',
  projector: 'projector mode',
};

/** `Ctrl/Cmd+Z` as code; "arrow keys" stays words, "1–9" marks its two ends. */
function inBackticks(label: string): string {
  if (label.endsWith('arrow keys')) return label.replace(/^(.+)\+arrow keys$/, '`$1`+arrow keys');
  if (/^\d–\d$/.test(label)) return label.replace(/^(\d)–(\d)$/, '`$1`–`$2`');
  return `\`${label}\``;
}

export interface ShortcutRow {
  name: string;
  keys: string[];
  does: string;
  where: string;
}

/** One row per action with keys: the README's table and the app's shortcuts sheet. */
export function shortcutRows(style: KeyStyle, actions: readonly ActionDefinition[] = ACTIONS): ShortcutRow[] {
  return actions
    .filter((a) => a.keys?.length)
    .map((a) => ({
      name: a.name,
      keys: keysLabels(a.keys ?? [], style),
      does: a.doc ?? a.label.charAt(0).toLowerCase() + a.label.slice(1),
      where: a.inTextFields ? 'anywhere, text fields too' : WHERE[a.context],
    }));
}

/** The README's shortcut table ("Keyboard first"). */
export function shortcutTable(actions: readonly ActionDefinition[] = ACTIONS): string[] {
  const rows = shortcutRows('any', actions).map((row) => `| ${row.keys.map(inBackticks).join(' or ')} | ${row.does} | ${row.where} |`);
  return ['| key | does | where |', '| --- | --- | --- |', ...rows];
}
