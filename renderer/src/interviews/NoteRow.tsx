import { memo, useState } from 'react';
import type { Note, NoteTag } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { deleteNote, linkNoteToCard, stepOfNote, tagNote, tagNoteWithNewTag } from './interview-actions.ts';
import type { CardChoice, TagSuggestion } from './note-tokens.ts';
import { CardPicker, TagAdder } from './pickers.tsx';
import { NoteChipList, type ChipNames } from './NoteChips.tsx';

/** Minutes into the interview, as the interviewer reads them back: "12 min". */
export function minutesLabel(minutesIn: number): string {
  return `${Math.floor(minutesIn)} min`;
}

export type NotePicker = 'tag' | 'card' | null;

/** Made once: `toLocaleTimeString` builds a formatter per call, slow across 500 notes. */
const CLOCK_TIME = new Intl.DateTimeFormat([], { hour: '2-digit', minute: '2-digit' });

/**
 * "+ Tag" and "Link to card…" opened on a saved note (in the notes or under a transcript
 * passage). After the fact a tag is its own undo step, never folded into the note's typing.
 */
export function NotePickers({ editor, noteId, open, onClose, suggestions, cards }: { editor: Editor; noteId: string; open: NotePicker; onClose(): void; suggestions: readonly TagSuggestion[]; cards: readonly CardChoice[] }) {
  const ownStep = (result: ReturnType<typeof tagNote>) => {
    if (editor.perform(result && { change: result.change })) editor.seal();
    onClose();
  };
  if (open === 'tag') {
    return (
      <TagAdder
        suggestions={suggestions}
        onClose={onClose}
        onPick={(s) => ownStep('create' in s.spec ? tagNoteWithNewTag(editor.state.records, noteId, s.spec.create) : tagNote(editor.state.records, noteId, s.spec))}
        onEmotion={(score) => {
          const stepId = stepOfNote(editor.state.records, noteId);
          ownStep(tagNote(editor.state.records, noteId, { kind: 'emotion', score, ...(stepId ? { stepId } : {}) }));
        }}
      />
    );
  }
  if (open === 'card') return <CardPicker cards={cards} onClose={onClose} onPick={(cardId) => ownStep(linkNoteToCard(editor.state.records, noteId, cardId))} />;
  return null;
}

/**
 * One saved note, as typed (the interview editor is the one place real names show), with
 * its tags and what can still be done to it: edit, tag, link to a card, delete.
 */
export const NoteRow = memo(function NoteRow({ editor, note, tags, names, suggestions, cards, onEdit }: {
  editor: Editor;
  note: Note;
  tags: readonly NoteTag[] | undefined;
  names: ChipNames;
  suggestions: readonly TagSuggestion[];
  cards: readonly CardChoice[];
  onEdit(noteId: string): void;
}) {
  const [open, setOpen] = useState<NotePicker>(null);
  const time = CLOCK_TIME.format(new Date(note.takenAt));
  return (
    <li className="note" data-note-id={note.id}>
      <span className="note-time" title={`Taken at ${time}`}>
        {minutesLabel(note.minutesIn)}
      </span>
      <div className="note-body">
        <button className="note-text" onClick={() => onEdit(note.id)} title="Edit this note">
          {note.text || <span className="muted">(tags only)</span>}
        </button>
        <NoteChipList editor={editor} tags={tags} names={names} />
        <NotePickers editor={editor} noteId={note.id} open={open} onClose={() => setOpen(null)} suggestions={suggestions} cards={cards} />
      </div>
      <div className="note-actions">
        <button className="link" onClick={() => setOpen(open === 'tag' ? null : 'tag')}>
          + Tag
        </button>
        <button className="link" onClick={() => setOpen(open === 'card' ? null : 'card')}>
          Link to card…
        </button>
        <button
          className="link danger"
          aria-label="Delete note"
          title="Delete this note (Undo brings it back)"
          onClick={() => {
            if (editor.perform(deleteNote(editor.state.records, note.id))) editor.seal();
          }}
        >
          Delete
        </button>
      </div>
    </li>
  );
});
