import { ACTIONS, LIVE_CONTEXTS, type ActionContext, type ActionName, type RunnableName } from '../../../shared/actions/action-list.ts';
import { matchesKey, type KeyEventLike } from '../../../shared/actions/keys.ts';
import { canRun, runAction, type ActionEnv } from './actions/run-action.ts';

/**
 * Where keys land on the workshop screen: the board, another control (a button, a tab),
 * projector mode, or a text field (where only actions marked `inTextFields` act: the
 * field keeps its letters, arrows and its own undo).
 */
export type KeyPlace = 'board' | 'elsewhere' | 'projector' | 'field';

/**
 * Where keyboard focus is. The board's canvas cannot take focus, so a click on the board
 * leaves focus on the page itself: focus on nothing in particular (the body) is the
 * board's, as is focus on anything inside the board element.
 */
export function focusPlace(target: EventTarget | null): KeyPlace {
  if (typeof Element === 'undefined' || !(target instanceof Element)) return 'board';
  const doc = target.ownerDocument;
  if (target === doc.body || target === doc.documentElement) return 'board';
  return target.closest('.board') ? 'board' : 'elsewhere';
}

/** The action a key press names where focus is; the action list has no two on one key there. */
export function actionForKey(event: KeyEventLike, place: KeyPlace): RunnableName | undefined {
  const live: readonly ActionContext[] = place === 'field' ? LIVE_CONTEXTS.typing : LIVE_CONTEXTS[place];
  const action = ACTIONS.find(
    (a) => live.includes(a.context) && a.context !== 'typing' && (place !== 'field' || 'inTextFields' in a) && 'keys' in a && a.keys.some((key) => matchesKey(key, event)),
  );
  return action?.name as RunnableName | undefined;
}

/**
 * Runs the action a key names, if it can run now; in a text field, only the few that
 * act there (F6). The key's default is cancelled before the action runs:
 * an action may open a text field at once, and the key that opened it (N, Enter) must
 * not also be typed into it.
 */
export function handleKey(env: ActionEnv, event: KeyEventLike & { preventDefault(): void }, place: KeyPlace): boolean {
  // While a card or name is being typed, the board's own keys belong to that field.
  const name = actionForKey(event, env.editor.state.editing && place === 'board' ? 'elsewhere' : place);
  const withKey = { ...env, key: event.key };
  if (!name || !canRun(name, withKey)) return false;
  event.preventDefault();
  runAction(name, withKey);
  return true;
}

/** The text overlay's own keys (Enter, Esc, Tab while typing a card), read off the same list. */
export function typingActionForKey(event: KeyEventLike): ActionName | undefined {
  return ACTIONS.find((a) => a.context === 'typing' && a.keys.some((key) => matchesKey(key, event)))?.name;
}
