import { ACTION_BY_NAME, shortcutLabel, type ActionName, type RunnableName } from '../../../../shared/actions/action-list.ts';
import type { KeyStyle } from '../../../../shared/actions/keys.ts';
import { CONDITIONS, PERFORMERS, type ActionEnv } from './performers.ts';

export type { ActionEnv, AppFlows } from './performers.ts';

/** Whether an action can run now: its context holds (a workshop is open) and its condition. */
export function canRun(name: RunnableName, env: ActionEnv): boolean {
  if (ACTION_BY_NAME[name].context !== 'always' && !env.editor.state.workshop) return false;
  return CONDITIONS[name]?.(env) ?? true;
}

/**
 * The one way an action runs, from a key, the palette, the toolbar or the menu. The
 * undo grouping is applied here, so no caller has to remember `editor.seal()`.
 */
export function runAction(name: RunnableName, env: ActionEnv): boolean {
  if (!canRun(name, env)) return false;
  const undo = ACTION_BY_NAME[name].undo ?? 'none';
  // Sealed first, so the action never folds into a step left open before it (a card
  // still being typed when Delete is chosen from the menu).
  if (undo !== 'none') env.editor.seal();
  PERFORMERS[name](env);
  if (undo === 'own-step') env.editor.seal();
  return true;
}

/** How this machine writes shortcuts: Cmd on a Mac, Ctrl elsewhere. */
export const KEY_STYLE: KeyStyle = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform ?? '') ? 'mac' : 'pc';

export function shortcutText(name: ActionName): string | undefined {
  return shortcutLabel(name, KEY_STYLE);
}

/** A button's title: "Add stage (S)". */
export function titleOf(name: ActionName): string {
  const shortcut = shortcutText(name);
  return `${ACTION_BY_NAME[name].label}${shortcut ? ` (${shortcut})` : ''}`;
}
