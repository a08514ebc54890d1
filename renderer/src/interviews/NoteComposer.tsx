import { useEffect, useId, useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Editor } from '../editor/editor.ts';
import { beginNote, finishNote, setNoteText, stepOfNote, tagNote, tagNoteWithNewTag } from './interview-actions.ts';
import { extractEmotions, filterSuggestions, hashTokenAt, removeToken, scoreText, type TagSuggestion } from './note-tokens.ts';
import { listKeys, SuggestionList } from './pickers.tsx';
import { NoteChips } from './NoteChips.tsx';

export type ComposerMove = 'new' | 'previous' | 'next' | 'leave';

interface Props {
  editor: Editor;
  interviewId: string;
  /** The note being edited; null for the input that takes the next note. */
  noteId: string | null;
  suggestions: readonly TagSuggestion[];
  /** The note this input is typing into now (a new one exists from its first keystroke). */
  onNote?(noteId: string | null): void;
  /** Where the keys ask to go once the note is saved. */
  onMove(move: ComposerMove): void;
}

/**
 * The field as tall as what it holds, so a long note never scrolls inside itself. Where
 * CSS can (`field-sizing: content`, Chromium 123+) it does, and a keystroke forces no
 * layout of the page; measuring by hand is the fallback.
 */
const SIZED_BY_CSS = typeof CSS !== 'undefined' && CSS.supports('field-sizing', 'content');

function fitHeight(element: HTMLTextAreaElement): void {
  if (SIZED_BY_CSS) return;
  element.style.height = 'auto';
  element.style.height = `${element.scrollHeight + 2}px`;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/**
 * The one field notes are typed into. Every keystroke is a change (merged into one undo
 * step per note), so closing the lid mid-sentence loses nothing. `#` opens the tag list;
 * the pick becomes a note-tag record and the `#token` leaves the text.
 */
export function NoteComposer({ editor, interviewId, noteId, suggestions, onNote, onMove }: Props) {
  const listId = useId();
  const field = useRef<HTMLTextAreaElement>(null);
  const [currentId, setCurrentId] = useState<string | null>(noteId);
  const record = useStore(editor.store, (s) => (currentId ? s.records[currentId] : undefined));
  const [text, setText] = useState(record?.type === 'note' ? record.text : '');
  const [caret, setCaret] = useState(text.length);
  const [dismissed, setDismissed] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  // A note opened for editing is carried on from its end, where more is usually added.
  const pendingCaret = useRef<number | null>(noteId ? text.length : null);

  // Undo from the top bar, or a delete, can take the note away: start afresh then.
  useEffect(() => {
    if (currentId && !record) reset();
  });

  // Leaving mid-note (another interview, the map) saves it as Enter would: scores become tags.
  const typing = useRef(currentId);
  typing.current = currentId;
  useEffect(
    () => () => {
      if (!typing.current || !editor.state.records[typing.current]) return;
      editor.perform(finishNote(editor.state.records, typing.current));
      editor.seal();
    },
    [editor],
  );

  useLayoutEffect(() => {
    const element = field.current;
    if (!element) return;
    fitHeight(element);
    if (pendingCaret.current !== null) {
      element.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = null;
    }
  }, [text]);

  // A narrower window wraps the text (or the placeholder) onto more lines: grow with it.
  useEffect(() => {
    const refit = () => field.current && fitHeight(field.current);
    window.addEventListener('resize', refit);
    return () => window.removeEventListener('resize', refit);
  }, []);

  const token = hashTokenAt(text, caret);
  const items = token && token.start !== dismissed ? filterSuggestions(suggestions, token.query) : [];
  const emotion = extractEmotions(text).scores.at(-1);
  const emotionStep = emotion !== undefined && currentId ? editor.state.records[stepOfNote(editor.state.records, currentId) ?? ''] : undefined;

  function use(id: string | null) {
    setCurrentId(id);
    onNote?.(id);
  }

  function reset() {
    use(null);
    setText('');
    setCaret(0);
    setDismissed(null);
  }

  function write(value: string): void {
    if (currentId) {
      editor.perform(setNoteText(editor.state.records, currentId, value));
    } else if (value.trim() !== '') {
      const result = beginNote(editor.state.records, interviewId, value, new Date());
      if (editor.perform(result)) use(result.noteId);
    }
  }

  /** Saves the note as it stands: `!` scores become tags, an empty note goes. */
  function finish(): void {
    if (currentId) editor.perform(finishNote(editor.state.records, currentId));
    editor.seal();
  }

  function pick(index: number): void {
    const item = items[index];
    if (!item || !token) return;
    const next = removeToken(text, token, caret);
    let id = currentId;
    if (!id) {
      const created = beginNote(editor.state.records, interviewId, next.text, new Date());
      if (!editor.perform(created)) return;
      use((id = created.noteId));
    }
    const records = editor.state.records;
    editor.perform('create' in item.spec ? tagNoteWithNewTag(records, id, item.spec.create, next.text) : tagNote(records, id, item.spec, next.text));
    pendingCaret.current = next.caret;
    setText(next.text);
    setCaret(next.caret);
    setActive(0);
  }

  function history(kind: 'undo' | 'redo'): void {
    finish();
    if (kind === 'undo') editor.undo();
    else editor.redo();
    const after = currentId ? editor.state.records[currentId] : undefined;
    if (after?.type === 'note') setText(after.text);
    else reset();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>): void {
    const element = event.currentTarget;
    const atStart = element.selectionStart === 0 && element.selectionEnd === 0;
    const atEnd = element.selectionStart === text.length;
    if (listKeys(event, items.length, active, setActive, () => pick(active))) return;
    if (items.length > 0 && event.key === 'Escape') {
      event.preventDefault();
      setDismissed(token!.start);
      return;
    }
    const mod = isMac ? event.metaKey : event.ctrlKey;
    if (mod && (event.key === 'z' || event.key === 'Z' || event.key === 'y')) {
      // The field's own undo would only undo letters; the note is one step of the workshop's.
      event.preventDefault();
      return history(event.key === 'y' || event.shiftKey ? 'redo' : 'undo');
    }
    let move: ComposerMove | null = null;
    if (event.key === 'Enter' && !event.shiftKey) move = 'new';
    else if (event.key === 'Escape') move = noteId ? 'new' : 'leave';
    else if (event.key === 'ArrowUp' && (noteId ? atStart : text === '')) move = 'previous';
    else if (event.key === 'ArrowDown' && noteId && atEnd) move = 'next';
    if (!move) return;
    event.preventDefault();
    finish();
    if (!noteId) reset();
    if (move === 'leave') element.blur();
    if (move !== 'new' || noteId) onMove(move);
  }

  return (
    <div className={`note-composer ${noteId ? 'editing' : ''}`}>
      <textarea
        ref={field}
        className="note-input"
        aria-label={noteId ? 'Edit note' : 'Note'}
        autoFocus
        rows={1}
        maxLength={LIMITS.cardTextLength}
        placeholder={noteId ? '' : 'Type what the customer says. Enter saves it and starts the next note.'}
        value={text}
        aria-controls={items.length ? listId : undefined}
        aria-autocomplete="list"
        aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          const value = e.target.value;
          setText(value);
          setCaret(e.target.selectionStart);
          setActive(0);
          write(value);
        }}
        onSelect={(e) => setCaret(e.currentTarget.selectionStart)}
        onKeyDown={onKeyDown}
      />
      {items.length > 0 && <SuggestionList id={listId} label="Tags" items={items} active={active} onPick={pick} />}
      <div className="composer-tags">
        {currentId && <NoteChips editor={editor} noteId={currentId} />}
        {emotion !== undefined && (
          <span className="chip chip-pending" title="Tagged when the note is saved">
            emotion {scoreText(emotion)}
            {emotionStep && 'name' in emotionStep ? ` at ${emotionStep.name}` : ''} · on Enter
          </span>
        )}
      </div>
    </div>
  );
}

/** The keys, in one line under the note field. */
export function ComposerHint() {
  return (
    <p className="note-hint" aria-label="Keys">
      <kbd>Enter</kbd> next note · <kbd>↑</kbd> edit the last · <kbd>Esc</kbd> stop editing · <kbd>#</kbd> tag a stage, step, quote, outlier… · <kbd>!-3</kbd>…<kbd>!+3</kbd> emotion at the note's step · <kbd>Shift+Enter</kbd> new line
    </p>
  );
}
