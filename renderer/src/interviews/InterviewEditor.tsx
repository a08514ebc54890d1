import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Interview, Note, NoteTag } from '../../../shared/model/records.ts';
import { recordsGroupedBy, typeList } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { finishNote, notesOf, startClock, stopClock } from './interview-actions.ts';
import { cardChoices, tagSuggestions, type CardChoice, type TagSuggestion } from './note-tokens.ts';
import { ComposerHint, NoteComposer, type ComposerMove } from './NoteComposer.tsx';
import { NoteRow } from './NoteRow.tsx';
import { useChipNames, type ChipNames } from './NoteChips.tsx';
import { interviewViewStore, showInterviewTab } from './interview-view-store.ts';
import { passagesOf } from './transcript-actions.ts';
import { TranscriptPane } from './TranscriptPane.tsx';

/**
 * The note-taking view of one interview: the clock, the notes as typed, and one field
 * for the next note. Nothing else competes for the eye; tagging happens from the keys.
 */
export function InterviewEditor({ editor, interview }: { editor: Editor; interview: Interview }) {
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const notes = useMemo(() => notesOf(records, interview.id), [records, interview.id]);
  // The tags and cards offered change with the map, not with every keystroke in a note:
  // memoised on the type lists they read, which keep their identity while a note is typed.
  const stages = useStore(editor.store, (s) => typeList(s.records, 'stage'));
  const steps = useStore(editor.store, (s) => typeList(s.records, 'step'));
  const lanes = useStore(editor.store, (s) => typeList(s.records, 'lane'));
  const allCards = useStore(editor.store, (s) => typeList(s.records, 'card'));
  const tags = useStore(editor.store, (s) => typeList(s.records, 'tag'));
  const suggestions = useMemo(() => tagSuggestions(editor.state.records, journeyId), [editor, stages, steps, tags, journeyId]);
  const cards = useMemo(() => cardChoices(editor.state.records, journeyId), [editor, stages, steps, lanes, allCards, journeyId]);
  // Every note's tags read once here, each row handed its own (same array while unchanged).
  const tagsByNote = recordsGroupedBy(records, 'note-tag', 'noteId');
  const chipNames = useChipNames(editor);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [draftId, setDraftId] = useState<string | null>(null);
  const list = useRef<HTMLOListElement>(null);
  const persona = interview.personaId ? records[interview.personaId] : undefined;
  const tab = useStore(interviewViewStore, (s) => s.interviewTab);
  const passageCount = useMemo(() => passagesOf(records, interview.id).length, [records, interview.id]);

  // The newest note stays in view as the list grows below the fold.
  const count = notes.length;
  useEffect(() => {
    if (!editingId && list.current) list.current.scrollTop = list.current.scrollHeight;
  }, [count, editingId]);

  // And when the window narrows (a laptop's half screen): the notes just typed stay under
  // the field, unless the interviewer had scrolled up to read older ones.
  const atNewest = useRef(true);
  useEffect(() => {
    const element = list.current;
    if (!element || editingId) return;
    const observer = new ResizeObserver(() => {
      if (atNewest.current) element.scrollTop = element.scrollHeight;
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [editingId, tab]);

  // One callback for every row, so a row whose note did not change is not drawn again.
  const editRef = useRef<(noteId: string | null) => void>(() => {});
  const editNote = useCallback((noteId: string) => editRef.current(noteId), []);
  const moveRef = useRef<(to: ComposerMove) => void>(() => {});
  const moveNote = useCallback((to: ComposerMove) => moveRef.current(to), []);
  // The note being typed is not in the list: typing it leaves the list's notes as they were.
  const shown = useSameNotes(notes.filter((note) => note.id !== draftId));

  const edit = (noteId: string | null) => {
    // A note half typed in the new-note field is saved as it stands before leaving it.
    if (draftId && draftId !== noteId) {
      editor.perform(finishNote(editor.state.records, draftId));
      editor.seal();
      setDraftId(null);
    }
    setEditingId(noteId);
  };

  useLayoutEffect(() => {
    editRef.current = edit;
    moveRef.current = move;
  });

  // The transcript takes the new-note field's place: a note half typed there is saved first.
  const showTab = (to: 'notes' | 'transcript') => {
    if (to === 'transcript') edit(null);
    showInterviewTab(to);
  };

  const move = (to: ComposerMove) => {
    const saved = notesOf(editor.state.records, interview.id);
    const at = editingId ? saved.findIndex((n) => n.id === editingId) : saved.length;
    if (to === 'previous' && at > 0) edit(saved[at - 1]!.id);
    else if (to === 'next') edit(saved[at + 1]?.id ?? null);
    else if (to === 'new') edit(null);
  };

  return (
    <section className="interview-editor" aria-label={`Interview ${interview.code}`}>
      <header className="interview-head">
        <div className="interview-title">
          <h2>{interview.code}</h2>
          <span className="muted">
            {[[interview.role || 'Role not set', interview.companyCode].filter(Boolean).join(' @ '), persona?.type === 'persona' && persona.name, interview.date, interview.interviewer && `by ${interview.interviewer}`]
              .filter(Boolean)
              .join(' · ')}
          </span>
        </div>
        <InterviewClock editor={editor} interview={interview} />
      </header>
      <div className="interview-tabs" role="group" aria-label="Show">
        <button aria-pressed={tab === 'notes'} className={tab === 'notes' ? 'active' : ''} onClick={() => showTab('notes')}>
          Notes <span className="tab-count">{notes.length}</span>
        </button>
        <button aria-pressed={tab === 'transcript'} className={tab === 'transcript' ? 'active' : ''} onClick={() => showTab('transcript')}>
          Transcript <span className="tab-count">{passageCount ? `${passageCount} passages` : 'none yet'}</span>
        </button>
      </div>
      {tab === 'transcript' ? (
        <TranscriptPane editor={editor} interview={interview} suggestions={suggestions} cards={cards} />
      ) : (
        <>
          <ol
            className="notes"
            ref={list}
            aria-label="Notes"
            onScroll={(e) => {
              const element = e.currentTarget;
              atNewest.current = element.scrollHeight - element.scrollTop - element.clientHeight < 24;
            }}
          >
            {notes.length === 0 && !draftId && <li className="notes-empty muted">No notes yet. Start the clock when the conversation starts, then type.</li>}
            <NoteRows
              editor={editor}
              interviewId={interview.id}
              notes={shown}
              editingId={editingId}
              tagsByNote={tagsByNote}
              names={chipNames}
              suggestions={suggestions}
              cards={cards}
              onEdit={editNote}
              onMove={moveNote}
            />
          </ol>
          {!editingId && <NoteComposer key={`new:${interview.id}`} editor={editor} interviewId={interview.id} noteId={null} suggestions={suggestions} onNote={setDraftId} onMove={move} />}
          <ComposerHint />
        </>
      )}
    </section>
  );
}

/** The same array as last time while it holds the same notes, so the rows below can skip rendering. */
function useSameNotes(notes: Note[]): Note[] {
  const last = useRef(notes);
  const same = last.current.length === notes.length && last.current.every((note, i) => note === notes[i]);
  useLayoutEffect(() => {
    if (!same) last.current = notes;
  });
  return same ? last.current : notes;
}

interface NoteRowsProps {
  editor: Editor;
  interviewId: string;
  notes: readonly Note[];
  editingId: string | null;
  tagsByNote: ReadonlyMap<string, readonly NoteTag[]>;
  names: ChipNames;
  suggestions: readonly TagSuggestion[];
  cards: readonly CardChoice[];
  onEdit(noteId: string): void;
  onMove(to: ComposerMove): void;
}

/**
 * The saved notes, one row each, or the composer on the one being edited. Memoised as a
 * whole: a keystroke in the new-note field changes none of its props, so hundreds of
 * rows are not even compared.
 */
const NoteRows = memo(function NoteRows({ editor, interviewId, notes, editingId, tagsByNote, names, suggestions, cards, onEdit, onMove }: NoteRowsProps) {
  return notes.map((note) =>
    note.id === editingId ? (
      <li key={note.id} className="note note-editing">
        <NoteComposer editor={editor} interviewId={interviewId} noteId={note.id} suggestions={suggestions} onMove={onMove} />
      </li>
    ) : (
      <NoteRow key={note.id} editor={editor} note={note} tags={tagsByNote.get(note.id)} names={names} suggestions={suggestions} cards={cards} onEdit={onEdit} />
    ),
  );
});

const twoDigits = (n: number) => String(n).padStart(2, '0');

/** Minutes and seconds, past the hour too: an interview that runs long says so. */
export function clockText(ms: number): string {
  const seconds = Math.max(0, Math.floor(ms / 1000));
  return `${twoDigits(Math.floor(seconds / 60))}:${twoDigits(seconds % 60)}`;
}

/** The interview's own clock: it runs from `startedAt`, so a reload or a crash does not reset it. */
function InterviewClock({ editor, interview }: { editor: Editor; interview: Interview }) {
  const running = interview.startedAt !== null && interview.actualMinutes === null;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!running) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [running]);
  const elapsed = interview.startedAt === null ? 0 : running ? now - Date.parse(interview.startedAt) : (interview.actualMinutes ?? 0) * 60_000;
  const over = elapsed > interview.plannedMinutes * 60_000;
  const act = (result: ReturnType<typeof startClock>) => {
    if (editor.perform(result)) editor.seal();
    // Back to the note field: the conversation has started, the hands go to the keys.
    document.querySelector<HTMLTextAreaElement>('.note-input')?.focus();
  };
  return (
    <div className={`interview-clock ${running ? 'running' : ''} ${over ? 'over' : ''}`}>
      <span className="clock-text" role="timer" aria-label="Interview clock">
        {clockText(elapsed)}
      </span>
      <span className="muted small">{interview.actualMinutes !== null ? `held ${interview.actualMinutes} min` : `of ${interview.plannedMinutes} min`}</span>
      {running ? (
        <button onClick={() => act(stopClock(editor.state.records, interview.id, new Date()))}>Stop interview</button>
      ) : (
        <button className="primary" onClick={() => act(startClock(editor.state.records, interview.id, new Date()))}>
          {interview.startedAt ? 'Continue interview' : 'Start interview'}
        </button>
      )}
    </div>
  );
}
