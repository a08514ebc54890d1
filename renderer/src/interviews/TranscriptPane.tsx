import { memo, useEffect, useMemo, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { Interview, Note, Passage } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { deleteNote } from './interview-actions.ts';
import type { CardChoice, TagSuggestion } from './note-tokens.ts';
import { NoteChips } from './NoteChips.tsx';
import { NotePickers, type NotePicker } from './NoteRow.tsx';
import { highlightSegments, noteFromSpan, notesByPassage, passagesOf, recordingTime, transcriptSummary, trimSpan } from './transcript-actions.ts';
import { TranscriptImport } from './TranscriptImport.tsx';

/** Words selected in one passage, and where to offer "Make a note" (in the scroller's coordinates). */
interface PendingSpan {
  passageId: string;
  start: number;
  end: number;
  top: number;
  left: number;
}

const NO_NOTES: readonly Note[] = [];

/**
 * The selection as offsets into one passage's text, or null: nothing selected, outside
 * this pane, or across two passages (a note quotes one speaker at a time). A drag that
 * runs past the passage's end (a triple click does) keeps the part inside it.
 */
function spanFromSelection(scroller: HTMLElement | null): PendingSpan | null {
  const selection = window.getSelection();
  if (!scroller || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  const textOf = (node: Node) => (node instanceof Element ? node : node.parentElement)?.closest<HTMLElement>('.passage-text') ?? null;
  const first = textOf(range.startContainer);
  const last = textOf(range.endContainer);
  if (first && last && first !== last) return null;
  const element = first ?? last;
  const passageId = element?.dataset.passageId;
  if (!element || !passageId || !scroller.contains(element)) return null;

  const whole = document.createRange();
  whole.selectNodeContents(element);
  const inside = range.cloneRange();
  if (inside.compareBoundaryPoints(Range.START_TO_START, whole) < 0) inside.setStart(whole.startContainer, whole.startOffset);
  if (inside.compareBoundaryPoints(Range.END_TO_END, whole) > 0) inside.setEnd(whole.endContainer, whole.endOffset);
  // The text is drawn as it is stored (marks only wrap it), so lengths are offsets.
  const before = document.createRange();
  before.setStart(whole.startContainer, whole.startOffset);
  before.setEnd(inside.startContainer, inside.startOffset);
  const start = before.toString().length;
  const span = trimSpan(element.textContent ?? '', start, start + inside.toString().length);
  if (!span) return null;

  const box = inside.getBoundingClientRect();
  const frame = scroller.getBoundingClientRect();
  return {
    passageId,
    ...span,
    top: box.bottom - frame.top + scroller.scrollTop + 6,
    left: Math.max(8, Math.min(box.left - frame.left, frame.width - 200)),
  };
}

/** Enter belongs to whatever has focus that takes keys (a field, a button); otherwise it makes the note. */
const takesKeys = (target: EventTarget | null) => target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT|BUTTON|A)$/.test(target.tagName));

const same = (a: PendingSpan | null, b: PendingSpan | null) => a === b || (a !== null && b !== null && a.passageId === b.passageId && a.start === b.start && a.end === b.end && a.top === b.top && a.left === b.left);

/**
 * An interview's transcript: passages with speaker and time; words selected in a
 * passage become a note that keeps the passage and the span's offsets, ready to tag at
 * once. Spans that are notes are highlighted, and their notes listed under the passage.
 */
export function TranscriptPane({ editor, interview, suggestions, cards }: { editor: Editor; interview: Interview; suggestions: readonly TagSuggestion[]; cards: readonly CardChoice[] }) {
  const records = useStore(editor.store, (s) => s.records);
  const passages = useMemo(() => passagesOf(records, interview.id), [records, interview.id]);
  const notes = useMemo(() => notesByPassage(records, interview.id), [records, interview.id]);
  const scroller = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<PendingSpan | null>(null);
  const [justMade, setJustMade] = useState<string | null>(null);
  const summary = useMemo(() => (passages.length ? transcriptSummary(passages) : ''), [passages]);

  useEffect(() => {
    const onSelection = () => setSpan((current) => {
      const next = spanFromSelection(scroller.current);
      return same(current, next) ? current : next;
    });
    document.addEventListener('selectionchange', onSelection);
    return () => document.removeEventListener('selectionchange', onSelection);
  }, []);

  const makeNote = () => {
    if (!span) return;
    const made = noteFromSpan(editor.state.records, span.passageId, span.start, span.end, new Date());
    if (!editor.perform(made)) return;
    editor.seal();
    window.getSelection()?.removeAllRanges();
    setSpan(null);
    setJustMade(made!.noteId);
  };

  // Enter takes the selection as a note, Esc lets it go, unless a field has the keys.
  const keys = useRef({ span, makeNote });
  keys.current = { span, makeNote };
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!keys.current.span || takesKeys(event.target) || event.defaultPrevented) return;
      if (event.key === 'Enter') {
        event.preventDefault();
        keys.current.makeNote();
      } else if (event.key === 'Escape') {
        window.getSelection()?.removeAllRanges();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  if (passages.length === 0) {
    return (
      <div className="transcript-pane transcript-empty">
        <p>No transcript for {interview.code} yet. Bring in what Teams or Zoom wrote (WebVTT or SRT), a “Speaker: text” plain-text file, or a Word transcript. Select words in it to make them a note.</p>
        <TranscriptImport editor={editor} interviewId={interview.id} interviewCode={interview.code} again={false} />
      </div>
    );
  }

  return (
    <div className="transcript-pane">
      <div className="transcript-head">
        <div className="transcript-title">
          <span className="transcript-count">{summary}</span>
          <span className="muted small">Select words in a passage to make them a note (Enter).</span>
        </div>
        <TranscriptImport editor={editor} interviewId={interview.id} interviewCode={interview.code} again />
      </div>
      <div className="transcript-scroller" ref={scroller}>
        <ol className="passages" aria-label="Transcript">
          {passages.map((passage) => (
            <PassageItem key={passage.id} editor={editor} passage={passage} notes={notes.get(passage.id) ?? NO_NOTES} justMade={justMade} suggestions={suggestions} cards={cards} />
          ))}
        </ol>
        {span && (
          <button
            className="primary make-note"
            style={{ top: span.top, left: span.left }}
            // A press must not clear the selection it acts on.
            onMouseDown={(e) => e.preventDefault()}
            onClick={makeNote}
            title="Make the selected words a note (Enter)"
          >
            Make a note
          </button>
        )}
      </div>
    </div>
  );
}

interface PassageProps {
  editor: Editor;
  passage: Passage;
  notes: readonly Note[];
  justMade: string | null;
  suggestions: readonly TagSuggestion[];
  cards: readonly CardChoice[];
}

/** One passage: memoised, so selecting words (a state change per move) redraws nothing here. */
const PassageItem = memo(function PassageItem({ editor, passage, notes, justMade, suggestions, cards }: PassageProps) {
  const segments = useMemo(() => highlightSegments(passage.text.length, notes), [passage.text, notes]);
  return (
    <li className="passage" data-passage-id={passage.id}>
      <span className="passage-time">{recordingTime(passage.startMs)}</span>
      <div className="passage-body">
        <span className="passage-speaker">{passage.speaker || 'Unknown speaker'}</span>
        <p className="passage-text" data-passage-id={passage.id}>
          {segments.map((segment) => {
            const words = passage.text.slice(segment.start, segment.end);
            return segment.noteIds.length === 0 ? (
              words
            ) : (
              <mark key={segment.start} className={`passage-mark ${segment.noteIds.length > 1 ? 'overlap' : ''}`} title={segment.noteIds.length > 1 ? `${segment.noteIds.length} notes` : 'A note'}>
                {words}
              </mark>
            );
          })}
        </p>
        {notes.length > 0 && (
          <ul className="passage-notes" aria-label="Notes from this passage">
            {notes.map((note) => (
              <PassageNote key={note.id} editor={editor} note={note} startTagging={note.id === justMade} suggestions={suggestions} cards={cards} />
            ))}
          </ul>
        )}
      </div>
    </li>
  );
});

/** A note made from the passage: its words in short, its tags, and tagging it like any note. */
function PassageNote({ editor, note, startTagging, suggestions, cards }: { editor: Editor; note: Note; startTagging: boolean; suggestions: readonly TagSuggestion[]; cards: readonly CardChoice[] }) {
  const [open, setOpen] = useState<NotePicker>(startTagging ? 'tag' : null);
  return (
    <li className="passage-note" data-note-id={note.id}>
      <div className="passage-note-line">
        <span className="passage-note-text" title={note.text}>
          “{note.text}”
        </span>
        <span className="passage-note-actions">
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
        </span>
      </div>
      <NoteChips editor={editor} noteId={note.id} />
      <NotePickers editor={editor} noteId={note.id} open={open} onClose={() => setOpen(null)} suggestions={suggestions} cards={cards} />
    </li>
  );
}
