import type { Editor } from './editor.ts';
import { actualSize, addCard, addLane, addStage, addStep, deleteFocused, editFocused, moveFocusedHeader, zoomBy, zoomToFit } from './commands.ts';
import { arrowFocus, tabFocus } from './navigation.ts';
import { roomStore } from '../room/room-store.ts';
import { enterProjector } from '../room/projector-mode.ts';
import { focusStage, zoomToSelection } from '../room/room-commands.ts';
import { castDotFor } from '../room/vote-actions.ts';

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

type KeyLike = Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>;
type Action = (editor: Editor) => void;

/**
 * Board shortcuts, active when no text field has focus (text fields keep their own
 * keys, undo included). The key's default is cancelled before the action runs: an
 * action may open a text field at once, and the key that opened it (N, Enter) must
 * not also be typed into it.
 */
export function handleBoardKey(editor: Editor, event: KeyLike & { preventDefault(): void }): boolean {
  if (!editor.state.workshop || editor.state.editing) return false;
  const action = boardKeyAction(editor, event);
  if (!action) return false;
  event.preventDefault();
  action(editor);
  return true;
}

export function boardKeyAction(editor: Editor, event: KeyLike): Action | null {
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && (key === 'z' || key === 'Z')) return event.shiftKey ? (e) => e.redo() : (e) => e.undo();
  if (mod && (key === 'y' || key === 'Y')) return (e) => e.redo();
  if (mod && (key === 'k' || key === 'K')) return () => roomStore.setState({ paletteOpen: true });
  if (key === 'F5') return enterProjector;
  if (mod) return null;

  const arrow = ARROWS[key];
  if (arrow && event.altKey) return (e) => moveFocusedHeader(e, arrow === 'left' || arrow === 'up' ? -1 : 1);
  if (event.altKey) return null;
  // While a vote is open, 1–9 place a dot for that participant on the selected card.
  if (/^[1-9]$/.test(key) && roomStore.getState().voting && editor.state.focus?.kind === 'cell' && editor.state.focus.cardId) {
    const cardId = editor.state.focus.cardId;
    return (e) => castDotFor(e, cardId, Number(key) - 1);
  }
  const layout = editor.layout();
  if (arrow) return layout ? (e) => e.setFocus(arrowFocus(layout, e.state.focus, arrow)) : null;
  switch (key) {
    case 'Tab':
      return layout ? (e) => e.setFocus(tabFocus(layout, e.state.focus, event.shiftKey)) : null;
    case 'Enter':
    case 'F2':
      return editFocused;
    case 'Delete':
    case 'Backspace':
      return deleteFocused;
    case 'Escape':
      return (e) => e.setFocus(null);
  }
  switch (key.toLowerCase()) {
    case 's':
      return addStage;
    case 't':
      return addStep;
    case 'l':
      return addLane;
    case 'n':
      return addCard;
    case 'f':
      return zoomToFit;
    case 'z':
      return zoomToSelection;
    case 'g':
      return focusStage;
    case '+':
    case '=':
      return (e) => zoomBy(e, 1.25);
    case '-':
      return (e) => zoomBy(e, 0.8);
    case '0':
      return actualSize;
  }
  return null;
}
