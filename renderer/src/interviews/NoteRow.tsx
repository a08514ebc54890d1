import { useState } from 'react';
import type { Note } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { deleteNote, linkNoteToCard, stepOfNote, tagNote, tagNoteWithNewTag } from './interview-actions.ts';
import type { CardChoice, TagSuggestion } from './note-tokens.ts';
import { CardPicker, TagAdder } from './pickers.tsx';
import { NoteChips } from './NoteChips.tsx';

/** Minutes into the interview, as the interviewer reads them back: "12 min". */
export function minutesLabel(minutesIn: number): string {
  return `${Math.floor(minutesIn)} min`;
}

/**
 * One saved note, as typed (the interview editor is the one place real names show), with
 * its tags and what can still be done to it: edit, tag, link to a card, delete.
 */
export function NoteRow({ editor, note, suggestions, cards, onEdit }: { editor: Editor; note: Note; suggestions: readonly TagSuggestion[]; cards: readonly CardChoice[]; onEdit(): void }) {
  const [open, setOpen] = useState<'tag' | 'card' | null>(null);
  const ownStep = (result: ReturnType<typeof tagNote>) => {
    // After the fact a tag is its own undo step, never folded into the note's typing.
    if (editor.perform(result && { change: result.change })) editor.seal();
    setOpen(null);
  };
  const time = new Date(note.takenAt).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
  return (
    <li className="note" data-note-id={note.id}>
      <span className="note-time" title={`Taken at ${time}`}>
        {minutesLabel(note.minutesIn)}
      </span>
      <div className="note-body">
        <button className="note-text" onClick={onEdit} title="Edit this note">
          {note.text || <span className="muted">(tags only)</span>}
        </button>
        <NoteChips editor={editor} noteId={note.id} />
        {open === 'tag' && (
          <TagAdder
            suggestions={suggestions}
            onClose={() => setOpen(null)}
            onPick={(s) => ownStep('create' in s.spec ? tagNoteWithNewTag(editor.state.records, note.id, s.spec.create) : tagNote(editor.state.records, note.id, s.spec))}
            onEmotion={(score) => {
              const stepId = stepOfNote(editor.state.records, note.id);
              ownStep(tagNote(editor.state.records, note.id, { kind: 'emotion', score, ...(stepId ? { stepId } : {}) }));
            }}
          />
        )}
        {open === 'card' && <CardPicker cards={cards} onClose={() => setOpen(null)} onPick={(cardId) => ownStep(linkNoteToCard(editor.state.records, note.id, cardId))} />}
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
}
