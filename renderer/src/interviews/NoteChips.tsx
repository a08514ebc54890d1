import { useMemo } from 'react';
import { useStore } from 'zustand';
import type { RecordMap } from '../../../shared/model/document.ts';
import { recordsGroupedBy, typeList } from '../../../shared/model/document.ts';
import type { NoteTag } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { untagNote } from './interview-actions.ts';
import { tagLabel } from './note-tokens.ts';

const ORDER = ['stage', 'step', 'emotion', 'card', 'quote', 'outlier', 'moment-of-truth', 'tag'];

/**
 * What chips are named from: a record map that is replaced only when a stage, step,
 * card or workshop tag changes, so a list can hand it to 500 rows and a keystroke in
 * one note redraws none of the others.
 */
export interface ChipNames {
  readonly records: RecordMap;
}

/** The names chips read, as one value that changes only when one of them may have. */
export function useChipNames(editor: Editor): ChipNames {
  const stages = useStore(editor.store, (s) => typeList(s.records, 'stage'));
  const steps = useStore(editor.store, (s) => typeList(s.records, 'step'));
  const cards = useStore(editor.store, (s) => typeList(s.records, 'card'));
  const tags = useStore(editor.store, (s) => typeList(s.records, 'tag'));
  // The lists are the dependencies: the map read is whichever holds them now.
  return useMemo(() => ({ records: editor.state.records }), [editor, stages, steps, cards, tags]);
}

/** A note's tags as chips, for one note on its own (the note being typed, a passage's note). */
export function NoteChips({ editor, noteId }: { editor: Editor; noteId: string }) {
  const tags = useStore(editor.store, (s) => recordsGroupedBy(s.records, 'note-tag', 'noteId').get(noteId));
  const names = useChipNames(editor);
  return <NoteChipList editor={editor} tags={tags} names={names} />;
}

/**
 * The chips themselves, from what the caller read: a list of notes reads every note's
 * tags once (one group index) and passes each row its own, so rows subscribe to nothing.
 * Each chip is removable on its own (one undo step per removal).
 */
export function NoteChipList({ editor, tags, names }: { editor: Editor; tags: readonly NoteTag[] | undefined; names: ChipNames }) {
  const chips = useMemo(
    () =>
      [...(tags ?? [])]
        .sort((a, b) => ORDER.indexOf(a.kind) - ORDER.indexOf(b.kind) || a.id.localeCompare(b.id))
        .map((tag) => ({ tag, label: tagLabel(names.records, tag) })),
    [tags, names],
  );
  if (chips.length === 0) return null;
  return (
    <ul className="chips note-chips" aria-label="Tags">
      {chips.map(({ tag, label }) => (
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
      ))}
    </ul>
  );
}
