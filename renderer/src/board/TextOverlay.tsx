import { useEffect, useRef, useState } from 'react';
import type { BoardLayout } from '../../../shared/layout/board-layout.ts';
import { LIMITS } from '../../../shared/model/limits.ts';
import type { Editor } from '../editor/editor.ts';
import type { Editing, Viewport } from '../editor/editor-state.ts';
import { finishCardEditing, finishHeaderEditing } from '../editor/commands.ts';
import { setCardText } from '../editor/document-actions.ts';
import { setEmotion } from '../editor/detail-actions.ts';
import { cellRect } from '../../../shared/layout/board-layout.ts';
import { recordsOfType } from '../../../shared/model/document.ts';
import { tabFocus } from '../editor/navigation.ts';
import { actionForKey, typingActionForKey } from '../editor/keyboard.ts';
import { focusBoard } from './keyboard-regions.ts';

const SAVE_DELAY_MS = 300;

interface Props {
  editor: Editor;
  layout: BoardLayout;
  editing: Editing;
  viewport: Viewport;
}

/**
 * Text is typed in a real DOM field over the canvas (Konva's editable-text pattern):
 * the browser does selection, IME and spell-check. Card text saves while you type.
 */
export function TextOverlay({ editor, layout, editing, viewport }: Props) {
  if (editing.kind === 'card') return <CardEditor key={editing.cardId} editor={editor} layout={layout} cardId={editing.cardId} viewport={viewport} />;
  if (editing.kind === 'emotion') return <EmotionEditor key={editing.stepId} editor={editor} layout={layout} stepId={editing.stepId} laneId={editing.laneId} viewport={viewport} />;
  return <HeaderEditor key={editing.id} editor={editor} layout={layout} id={editing.id} viewport={viewport} />;
}

function screenRect(rect: { x: number; y: number; width: number; height: number }, v: Viewport) {
  return { left: v.x + rect.x * v.scale, top: v.y + rect.y * v.scale, width: rect.width * v.scale, height: rect.height * v.scale };
}

function CardEditor({ editor, layout, cardId, viewport }: { editor: Editor; layout: BoardLayout; cardId: string; viewport: Viewport }) {
  const card = editor.state.records[cardId];
  const [text, setText] = useState(card?.type === 'card' ? card.text : '');
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const finished = useRef(false);
  const box = layout.cardById.get(cardId);

  const flush = (value: string) => {
    clearTimeout(timer.current);
    editor.perform(setCardText(editor.state.records, cardId, value));
  };
  const finish = (value: string, next: 'stop' | 'next-card') => {
    if (finished.current) return;
    finished.current = true;
    flush(value);
    finishCardEditing(editor, cardId, next);
  };
  useEffect(() => () => clearTimeout(timer.current), []);

  if (!box) return null;
  const rect = screenRect(box, viewport);
  const m = layout.metrics;
  return (
    <textarea
      className="text-overlay card-overlay"
      aria-label="Card text"
      autoFocus
      value={text}
      maxLength={LIMITS.cardTextLength}
      style={{
        left: rect.left,
        top: rect.top,
        width: rect.width,
        minHeight: rect.height,
        fontSize: m.fontSize * viewport.scale,
        lineHeight: m.lineHeight,
        padding: `${m.cardPaddingY * viewport.scale}px ${m.cardPaddingX * viewport.scale}px`,
      }}
      onChange={(e) => {
        const value = e.target.value;
        setText(value);
        clearTimeout(timer.current);
        timer.current = setTimeout(() => flush(value), SAVE_DELAY_MS);
      }}
      onKeyDown={(e) => {
        // The board must not hear the keys typed here; F6, the way out of a field, goes on.
        if (!actionForKey(e, 'field')) e.stopPropagation();
        const action = typingActionForKey(e);
        if (action === 'typing-next-card') {
          e.preventDefault();
          finish(text, 'next-card');
          // An empty card is dropped rather than followed by another: the board takes the keys.
          if (!editor.state.editing) focusBoard();
        } else if (action === 'typing-stop') {
          e.preventDefault();
          finish(text, 'stop');
          focusBoard();
        } else if (action === 'next-cell' || action === 'previous-cell') {
          // Typing across a lane like a spreadsheet: Tab saves the card and moves to the
          // next cell (Shift+Tab, the previous), where Enter starts the next card. Outside
          // typing, Tab leaves the board.
          e.preventDefault();
          finish(text, 'stop');
          const layout = editor.layout();
          if (layout) editor.setFocus(tabFocus(layout, editor.state.focus, action === 'previous-cell'));
          focusBoard();
        }
      }}
      onBlur={() => finish(text, 'stop')}
    />
  );
}

function HeaderEditor({ editor, layout, id, viewport }: { editor: Editor; layout: BoardLayout; id: string; viewport: Viewport }) {
  const record = editor.state.records[id];
  const [name, setName] = useState(record && 'name' in record ? record.name : '');
  const finished = useRef(false);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.select(), []);

  const lane = layout.lanes.find((l) => l.lane.id === id);
  const box = layout.stages.find((s) => s.stage.id === id) ?? layout.steps.find((s) => s.step.id === id) ?? (lane && { x: 0, y: lane.y, width: layout.metrics.laneHeaderWidth, height: Math.min(lane.height, 48) });
  if (!box) return null;
  const finish = (value: string | null) => {
    if (finished.current) return;
    finished.current = true;
    finishHeaderEditing(editor, id, value);
  };
  const rect = screenRect({ ...box, height: Math.min(box.height, 48) }, viewport);
  return (
    <input
      ref={input}
      className="text-overlay header-overlay"
      aria-label={`${record?.type ?? ''} name`}
      autoFocus
      value={name}
      maxLength={LIMITS.nameLength}
      style={{ left: rect.left, top: rect.top, width: rect.width, height: rect.height, fontSize: 18 * viewport.scale }}
      onChange={(e) => setName(e.target.value)}
      onKeyDown={(e) => {
        if (!actionForKey(e, 'field')) e.stopPropagation();
        // A name is one line: Esc drops it, and every other typing key (Enter, Tab) saves it.
        const action = typingActionForKey(e);
        if (action !== undefined && action !== 'typing-stop') {
          e.preventDefault();
          finish(name);
          // A new stage's step name opens next (and takes focus itself); otherwise the
          // board takes the keys back from the field that goes away.
          if (!editor.state.editing) focusBoard();
        } else if (action === 'typing-stop') {
          e.preventDefault();
          finish(null);
          focusBoard();
        }
      }}
      onBlur={() => finish(name)}
    />
  );
}

/** Typing the journey persona's score for a step: a whole number from -3 to +3. */
function EmotionEditor({ editor, layout, stepId, laneId, viewport }: { editor: Editor; layout: BoardLayout; stepId: string; laneId: string; viewport: Viewport }) {
  const journey = editor.state.journeyId ? editor.state.records[editor.state.journeyId] : undefined;
  const personaId = journey?.type === 'journey' ? journey.personaId : null;
  const current = recordsOfType(editor.state.records, 'emotion').find((e) => e.stepId === stepId && e.personaId === personaId);
  const [value, setValue] = useState(current ? String(current.score) : '');
  const [problem, setProblem] = useState<string | null>(null);
  const finished = useRef(false);
  const rect = cellRect(layout, { stepId, laneId });
  if (!rect) return null;
  const finish = (commit: boolean) => {
    if (finished.current) return;
    if (commit && personaId) {
      const trimmed = value.trim().replace('−', '-');
      const score = trimmed === '' ? null : Number(trimmed);
      if (score !== null && (!Number.isInteger(score) || score < -3 || score > 3)) {
        setProblem('An emotion is a whole number from -3 to +3.');
        return;
      }
      finished.current = true;
      if (editor.perform(setEmotion(editor.state.records, stepId, personaId, score))) editor.seal();
    }
    finished.current = true;
    editor.stopEditing();
  };
  const screen = screenRect({ x: rect.x + 20, y: rect.y + rect.height / 2 - 24, width: Math.min(rect.width - 40, 140), height: 48 }, viewport);
  return (
    <div className="emotion-editor" style={{ left: screen.left, top: screen.top }}>
      <input
        className="text-overlay"
        style={{ position: 'static', width: screen.width, height: screen.height, fontSize: 20 * viewport.scale }}
        aria-label="Emotion score from -3 to +3"
        autoFocus
        // The current score is selected, so typing a new one replaces it.
        onFocus={(e) => e.target.select()}
        inputMode="numeric"
        value={value}
        placeholder="-3 … +3"
        onChange={(e) => {
          setValue(e.target.value);
          setProblem(null);
        }}
        onKeyDown={(e) => {
          if (!actionForKey(e, 'field')) e.stopPropagation();
          // Like a name: Esc drops the score, the other typing keys (Enter, Tab) save it.
          const action = typingActionForKey(e);
          if (action !== undefined && action !== 'typing-stop') {
            e.preventDefault();
            finish(true);
            if (finished.current) focusBoard();
          } else if (action === 'typing-stop') {
            e.preventDefault();
            finish(false);
            focusBoard();
          }
        }}
        onBlur={() => finish(false)}
      />
      {problem && <div className="field-problem" role="alert">{problem}</div>}
    </div>
  );
}
