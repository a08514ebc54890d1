import type { Editor } from './editor.ts';
import { addCard, addLane, addStage, addStep, deleteFocused, editFocused, moveFocusedHeader, zoomBy, zoomToFit } from './commands.ts';
import { arrowFocus, tabFocus } from './navigation.ts';

const ARROWS: Record<string, 'left' | 'right' | 'up' | 'down'> = {
  ArrowLeft: 'left',
  ArrowRight: 'right',
  ArrowUp: 'up',
  ArrowDown: 'down',
};

/**
 * Board shortcuts, active when no text field has focus (text fields keep their own
 * keys, undo included). Returns true when the key was used.
 */
export function handleBoardKey(editor: Editor, event: Pick<KeyboardEvent, 'key' | 'shiftKey' | 'ctrlKey' | 'metaKey' | 'altKey'>): boolean {
  if (!editor.state.workshop || editor.state.editing) return false;
  const mod = event.ctrlKey || event.metaKey;
  const key = event.key;
  if (mod && (key === 'z' || key === 'Z')) {
    if (event.shiftKey) editor.redo();
    else editor.undo();
    return true;
  }
  if (mod && (key === 'y' || key === 'Y')) {
    editor.redo();
    return true;
  }
  if (mod) return false;

  const layout = editor.layout();
  const arrow = ARROWS[key];
  if (arrow && event.altKey) {
    moveFocusedHeader(editor, arrow === 'left' || arrow === 'up' ? -1 : 1);
    return true;
  }
  if (event.altKey) return false;
  if (arrow && layout) {
    editor.setFocus(arrowFocus(layout, editor.state.focus, arrow));
    return true;
  }
  switch (key) {
    case 'Tab':
      if (layout) editor.setFocus(tabFocus(layout, editor.state.focus, event.shiftKey));
      return true;
    case 'Enter':
    case 'F2':
      editFocused(editor);
      return true;
    case 'Delete':
    case 'Backspace':
      deleteFocused(editor);
      return true;
    case 'Escape':
      editor.setFocus(null);
      return true;
  }
  switch (key.toLowerCase()) {
    case 's':
      addStage(editor);
      return true;
    case 't':
      addStep(editor);
      return true;
    case 'l':
      addLane(editor);
      return true;
    case 'n':
      addCard(editor);
      return true;
    case 'f':
      zoomToFit(editor);
      return true;
    case '+':
    case '=':
      zoomBy(editor, 1.25);
      return true;
    case '-':
      zoomBy(editor, 0.8);
      return true;
  }
  return false;
}
