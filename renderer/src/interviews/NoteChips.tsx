import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { tagsOfNote, untagNote } from './interview-actions.ts';
import { tagLabel } from './note-tokens.ts';

const ORDER = ['stage', 'step', 'emotion', 'card', 'quote', 'outlier', 'moment-of-truth', 'tag'];

/** A note's tags as chips, each removable on its own (one undo step per removal). */
export function NoteChips({ editor, noteId }: { editor: Editor; noteId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const tags = useMemo(() => tagsOfNote(records, noteId).sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id.localeCompare(b.id)), [records, noteId]);
  if (tags.length === 0) return null;
  return (
    <ul className="chips note-chips" aria-label="Tags">
      {tags.map((tag) => {
        const label = tagLabel(records, tag);
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
