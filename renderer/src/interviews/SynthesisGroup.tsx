import { useId, useMemo, useState, type FormEvent } from 'react';
import type { RecordMap } from '../../../shared/model/document.ts';
import type { Note } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { showView } from './interview-view-store.ts';
import { evidenceCards, isQuote, laneChoices, noteSource, promoteToCard, stepChoices, type GroupView } from './synthesis-view.ts';

/** How many notes a closed group shows: enough to read its gist, few enough to scan twenty groups. */
const PREVIEW = 3;

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

interface Promoted {
  cardId: string;
  stepId: string;
  laneId: string;
  message: string;
}

/**
 * One group of the synthesis: its counts, its notes (the first few, or all), and
 * "Promote to card…", which turns the notes picked here into a card's evidence.
 */
export function SynthesisGroup({ editor, records, group, journeyId }: { editor: Editor; records: RecordMap; group: GroupView; journeyId: string | null }) {
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const [promoted, setPromoted] = useState<Promoted | null>(null);
  const promoting = picked !== null;
  const shown = open || promoting ? group.notes : group.notes.slice(0, PREVIEW);
  const headingId = useId();

  const showOnMap = (done: Promoted) => {
    const step = editor.state.records[done.stepId];
    const stage = step?.type === 'step' ? editor.state.records[step.stageId] : undefined;
    if (stage?.type === 'stage' && stage.journeyId !== editor.state.journeyId) editor.switchJourney(stage.journeyId);
    editor.setFocus({ kind: 'cell', stepId: done.stepId, laneId: done.laneId, cardId: done.cardId });
    showView('map');
  };

  return (
    <li className={`synthesis-group ${promoting ? 'promoting' : ''}`} aria-labelledby={headingId}>
      <div className="synthesis-group-head">
        <h3 id={headingId}>{group.label}</h3>
        <span className="muted small">{group.detail}</span>
        <span className="synthesis-count">
          {plural(group.notes.length, 'note')} · {plural(group.interviews, 'interview')}
        </span>
        {!promoting && (
          <button
            className="synthesis-promote"
            onClick={() => {
              setPromoted(null);
              setPicked(new Set(group.notes.map((n) => n.id)));
            }}
          >
            Promote to card…
          </button>
        )}
      </div>
      {promoted && (
        <p className="synthesis-promoted" role="status">
          {promoted.message}{' '}
          <button className="link" onClick={() => showOnMap(promoted)}>
            Show on map
          </button>
        </p>
      )}
      {promoting && (
        <PromoteForm
          editor={editor}
          records={records}
          group={group}
          journeyId={journeyId}
          noteIds={group.notes.filter((n) => picked.has(n.id)).map((n) => n.id)}
          onCancel={() => setPicked(null)}
          onDone={(done) => {
            setPicked(null);
            setPromoted(done);
          }}
        />
      )}
      <ul className="synthesis-notes" aria-label={`Notes about ${group.label}`}>
        {shown.map((note) => (
          <SynthesisNote
            key={note.id}
            records={records}
            note={note}
            picked={picked?.has(note.id) ?? null}
            onPick={(on) => {
              const next = new Set(picked);
              if (on) next.add(note.id);
              else next.delete(note.id);
              setPicked(next);
            }}
          />
        ))}
      </ul>
      {!promoting && group.notes.length > PREVIEW && (
        <button className="link synthesis-more" aria-expanded={open} onClick={() => setOpen(!open)}>
          {open ? 'Show fewer' : `Show all ${group.notes.length} notes`}
        </button>
      )}
    </li>
  );
}

/** A note as the room may read it: codes for names, quotes in quotation marks, where it came from. */
function SynthesisNote({ records, note, picked, onPick }: { records: RecordMap; note: Note; picked: boolean | null; onPick(on: boolean): void }) {
  const quote = isQuote(records, note.id);
  const cards = evidenceCards(records, note.id);
  const text = note.text || '(tags only)';
  const body = (
    <>
      <span className="synthesis-note-text">{quote ? `“${text}”` : text}</span>
      <span className="synthesis-note-source">
        {noteSource(records, note)}
        {cards.map((card, i) => (
          <span key={i} className="synthesis-note-card" title="Evidence for this card on the map">
            ↗ {card}
          </span>
        ))}
      </span>
    </>
  );
  return (
    <li className={`synthesis-note ${quote ? 'quote' : ''}`}>
      {picked === null ? (
        <div className="synthesis-note-body">{body}</div>
      ) : (
        <label className="synthesis-note-body picking">
          <input type="checkbox" checked={picked} onChange={(e) => onPick(e.target.checked)} />
          <span>{body}</span>
        </label>
      )}
    </li>
  );
}

/**
 * The card's words, its step (the group's own when grouped by step) and its lane; the
 * notes ticked below become its evidence. One change, so one undo takes it all back.
 */
function PromoteForm({ editor, records, group, journeyId, noteIds, onCancel, onDone }: { editor: Editor; records: RecordMap; group: GroupView; journeyId: string | null; noteIds: string[]; onCancel(): void; onDone(done: Promoted): void }) {
  const steps = useMemo(() => stepChoices(records, group, journeyId), [records, group, journeyId]);
  const [text, setText] = useState('');
  const [stepId, setStepId] = useState(steps[0]?.stepId ?? '');
  const lanes = useMemo(() => (stepId ? laneChoices(records, stepId) : { lanes: [], preferred: null }), [records, stepId]);
  const [laneChoice, setLane] = useState<string | null>(null);
  const laneId = laneChoice && lanes.lanes.some((l) => l.id === laneChoice) ? laneChoice : (lanes.preferred ?? '');
  const ready = text.trim() !== '' && stepId !== '' && laneId !== '' && noteIds.length > 0;

  const create = () => {
    if (!ready) return;
    const result = promoteToCard(editor.state.records, { noteIds, stepId, laneId, text });
    if (!editor.perform(result)) return;
    editor.seal();
    const step = steps.find((s) => s.stepId === stepId)!.label.split(' › ').at(-1);
    const lane = lanes.lanes.find((l) => l.id === laneId)!.name;
    onDone({ cardId: result!.cardId, stepId, laneId, message: `Card “${text.trim()}” added at ${step} · ${lane}, with ${plural(noteIds.length, 'note')} as evidence.` });
  };

  if (steps.length === 0) {
    return (
      <div className="promote-form">
        <p className="muted">This journey has no steps yet to put a card in. Add stages and steps on the map first.</p>
        <button onClick={onCancel}>Close</button>
      </div>
    );
  }
  return (
    <form className="promote-form" aria-label={`Promote ${group.label} to a card`} onSubmit={(e: FormEvent) => {
        e.preventDefault();
        create();
      }} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <label className="field">
        Card text
        <textarea
          autoFocus
          rows={2}
          value={text}
          maxLength={4000}
          placeholder="The pattern in a line, e.g. “The security questionnaire repeats itself”"
          onChange={(e) => setText(e.target.value)}
          onKeyDown={(e) => {
            // Enter creates the card, as it does on the map; Shift+Enter is a new line.
            if (e.key === 'Enter' && !e.shiftKey) {
              e.preventDefault();
              create();
            }
          }}
        />
      </label>
      <div className="field-row">
        {steps.length === 1 ? (
          <div className="field">
            Step
            <span className="promote-fixed">{steps[0]!.label}</span>
          </div>
        ) : (
          <label className="field">
            Step
            <select value={stepId} onChange={(e) => setStepId(e.target.value)}>
              {steps.map((s) => (
                <option key={s.stepId} value={s.stepId}>
                  {s.label}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="field">
          Lane
          <select value={laneId} onChange={(e) => setLane(e.target.value)}>
            {lanes.lanes.map((l) => (
              <option key={l.id} value={l.id}>
                {l.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="form-actions">
        <span className="muted small promote-picked">{noteIds.length === 0 ? 'Tick the notes that support the card.' : `${plural(noteIds.length, 'note')} ticked below`}</span>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!ready}>
          Create card
        </button>
      </div>
    </form>
  );
}
