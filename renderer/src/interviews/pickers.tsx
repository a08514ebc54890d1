import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { extractEmotions, filterCards, filterSuggestions, type CardChoice, type TagSuggestion } from './note-tokens.ts';

/**
 * The lists the interviewer picks from with the keyboard: tags (while typing a note, or
 * added after the fact) and cards to link a note to. The field that owns the keys stays
 * focused; the list only shows what Up, Down and Enter will do.
 */

export function SuggestionList({ id, items, active, onPick, label }: { id: string; items: readonly { key: string; label: string; detail: string }[]; active: number; onPick(index: number): void; label: string }) {
  return (
    <ul className="suggestions" id={id} role="listbox" aria-label={label}>
      {items.map((item, i) => (
        <li
          key={item.key}
          id={`${id}-${i}`}
          role="option"
          aria-selected={i === active}
          // A press picks at once and keeps focus in the field that owns the keys.
          onMouseDown={(e) => {
            e.preventDefault();
            onPick(i);
          }}
        >
          <span className="suggestion-label">{item.label}</span>
          <span className="suggestion-detail">{item.detail}</span>
        </li>
      ))}
    </ul>
  );
}

/** Up, Down, Enter and Tab over a list; what is left is the field's own. */
export function listKeys(event: KeyboardEvent, count: number, active: number, setActive: (i: number) => void, pick: () => void): boolean {
  if (count === 0) return false;
  if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    setActive((active + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
  } else if ((event.key === 'Enter' && !event.shiftKey) || event.key === 'Tab') {
    pick();
  } else {
    return false;
  }
  event.preventDefault();
  return true;
}

/**
 * The element that had focus when a picker opened (the "+ Tag" or "Link to card…" that
 * opened it), and a way to give focus back once the picker is done with the keys. Without
 * it, a pick or Escape removes the focused field and leaves focus on the page itself: a
 * keyboard user loses their place among the notes, and a screen reader says nothing.
 * A picker closed by clicking elsewhere keeps focus where the click put it.
 */
function useFocusReturn(): () => void {
  const opener = useRef<Element | null>(null);
  if (opener.current === null) opener.current = document.activeElement;
  return () => {
    const element = opener.current;
    if (element instanceof HTMLElement && element.isConnected) element.focus();
  };
}

/** Adds a tag to a note after the fact: a name, or `!-2` for an emotion at the note's step. */
export function TagAdder({ suggestions, onPick, onEmotion, onClose }: { suggestions: readonly TagSuggestion[]; onPick(s: TagSuggestion): void; onEmotion(score: number): void; onClose(): void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const returnFocus = useFocusReturn();
  const emotion = extractEmotions(query.trim()).scores[0];
  const items = emotion === undefined ? filterSuggestions(suggestions, query.replace(/^#/, '')) : [];
  const pick = (i: number) => {
    const item = items[i];
    if (!item) return;
    onPick(item);
    returnFocus();
  };
  return (
    <div className="picker">
      <input
        autoFocus
        aria-label="Add a tag"
        placeholder="Tag: a stage, step, quote… or !-2 for an emotion"
        value={query}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            return returnFocus();
          }
          if (emotion !== undefined && e.key === 'Enter') {
            e.preventDefault();
            onEmotion(emotion);
            return returnFocus();
          }
          listKeys(e, items.length, active, setActive, () => pick(active));
        }}
        onBlur={onClose}
      />
      {items.length > 0 && <SuggestionList id={listId} label="Tags" items={items} active={active} onPick={pick} />}
    </div>
  );
}

/** "Link to card…": the journey's cards, found by any words of their text or place. */
export function CardPicker({ cards, onPick, onClose }: { cards: readonly CardChoice[]; onPick(cardId: string): void; onClose(): void }) {
  const listId = useId();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const returnFocus = useFocusReturn();
  const items = filterCards(cards, query).map((c) => ({ key: c.id, label: c.text, detail: c.place }));
  const pick = (i: number) => {
    const item = items[i];
    if (!item) return;
    onPick(item.key);
    returnFocus();
  };
  return (
    <div className="picker">
      <input
        autoFocus
        aria-label="Find a card"
        placeholder="Find a card by its words"
        value={query}
        role="combobox"
        aria-expanded={items.length > 0}
        aria-controls={listId}
        aria-activedescendant={items.length ? `${listId}-${active}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            onClose();
            return returnFocus();
          }
          listKeys(e, items.length, active, setActive, () => pick(active));
        }}
        onBlur={onClose}
      />
      {items.length > 0 ? <SuggestionList id={listId} label="Cards" items={items} active={active} onPick={pick} /> : <p className="muted small">{cards.length === 0 ? 'This journey has no cards yet.' : 'No card has those words.'}</p>}
    </div>
  );
}
