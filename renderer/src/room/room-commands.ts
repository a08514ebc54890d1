import type { Editor } from '../editor/editor.ts';
import { ACTIONS, type RunnableName } from '../../../shared/actions/action-list.ts';
import { canRun, runAction, shortcutText } from '../editor/actions/run-action.ts';

/** One line of the command palette: an action by its label, with its shortcut. */
export interface PaletteCommand {
  name: RunnableName;
  label: string;
  shortcut?: string;
  run(editor: Editor): void;
}

/**
 * Everything the command palette offers, in the action list's order: every action
 * that means something without a key (not the arrows or 1–9, not the text fields' own
 * keys). Running one goes through the same runner as its shortcut.
 */
export const ROOM_COMMANDS: PaletteCommand[] = ACTIONS.filter((a) => a.context !== 'typing' && !('palette' in a)).map((a) => {
  const name = a.name as RunnableName;
  const shortcut = shortcutText(name);
  return { name, label: a.label, ...(shortcut ? { shortcut } : {}), run: (editor: Editor) => void runAction(name, { editor }) };
});

/** What the palette lists for this editor now: actions that cannot run (New, Open: the menu's) are left out. */
export function paletteCommands(editor: Editor): PaletteCommand[] {
  return ROOM_COMMANDS.filter((command) => canRun(command.name, { editor }));
}

/** Every word typed must begin a word of the label: "timer 5" is not the 15-minute one. */
export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const typed = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const words = command.label.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}
