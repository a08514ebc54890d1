import { ACTIONS, LIVE_CONTEXTS, type ActionContext, type RunnableName } from '../../../shared/actions/action-list.ts';
import { matchesKey, type KeyEventLike } from '../../../shared/actions/keys.ts';
import { canRun, runAction, type ActionEnv } from './actions/run-action.ts';

/** Where keys land on the workshop screen: the board, or another control (a button, a tab). */
export type KeyPlace = 'board' | 'elsewhere';

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
  const live: readonly ActionContext[] = LIVE_CONTEXTS[place];
  const action = ACTIONS.find((a) => live.includes(a.context) && 'keys' in a && a.keys.some((key) => matchesKey(key, event)));
  return action?.name as RunnableName | undefined;
}

/**
 * Runs the action a key names, if it can run now; text fields never get here (they keep
 * their own keys, undo included). The key's default is cancelled before the action runs:
 * an action may open a text field at once, and the key that opened it (N, Enter) must
 * not also be typed into it.
 */
export function handleKey(env: ActionEnv, event: KeyEventLike & { preventDefault(): void }, place: KeyPlace): boolean {
  // While a card or name is being typed, the board's own keys belong to that field.
  const name = actionForKey(event, env.editor.state.editing ? 'elsewhere' : place);
  const withKey = { ...env, key: event.key };
  if (!name || !canRun(name, withKey)) return false;
  event.preventDefault();
  runAction(name, withKey);
  return true;
}
