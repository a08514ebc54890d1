import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { untagNote } from './interview-actions.ts';
import { recordsGroupedBy, typeList } from '../../../shared/model/document.ts';
import { tagLabel } from './note-tokens.ts';

const ORDER = ['stage', 'step', 'emotion', 'card', 'quote', 'outlier', 'moment-of-truth', 'tag'];

/** A note's tags as chips, each removable on its own (one undo step per removal). */
export function NoteChips({ editor, noteId }: { editor: Editor; noteId: string }) {
  // Each of an interview's 500 notes has chips: they redraw when their own tags or the
  // names they show change, not on every keystroke in another note.
  const own = useStore(editor.store, (s) => recordsGroupedBy(s.records, 'note-tag', 'noteId').get(noteId));
  const named = [
    useStore(editor.store, (s) => typeList(s.records, 'stage')),
    useStore(editor.store, (s) => typeList(s.records, 'step')),
    useStore(editor.store, (s) => typeList(s.records, 'card')),
    useStore(editor.store, (s) => typeList(s.records, 'tag')),
  ];
  const chips = useMemo(
    () =>
      [...(own ?? [])]
        .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id.localeCompare(b.id))
        .map((tag) => ({ tag, label: tagLabel(editor.state.records, tag) })),
    // The labels read the names held in `named`.
    [editor, own, ...named],
  );
  if (chips.length === 0) return null;
  return (
    <ul className="chips note-chips" aria-label="Tags">
      {chips.map(({ tag, label }) => {
        return (
          <li key={tag.id} className={`chip chip-${tag.kind}`}>
            <span>{label}</span>
            <button
              className="chip-remove"
              aria-label={`Remove tag ${label}`}
              title="Remove this tag"
              // A press keeps focus in the note being typed; the key path is Tab and Enter.
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => {
                if (editor.perform(untagNote(editor.state.records, tag.id))) editor.seal();
              }}
            >
              ×
            </button>
          </li>
        );
      })}
    </ul>
  );
}
