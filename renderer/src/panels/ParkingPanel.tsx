import { recordsOfType } from '../../../shared/model/document.ts';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { changeFrom } from '../../../shared/change/change.ts';
import { byPosition, positionAtIndex } from '../../../shared/model/ordering.ts';
import { newParkingTopic } from '../../../shared/model/room-factories.ts';
import type { Editor } from '../editor/editor.ts';
import { problemWith } from './fields.tsx';

/** Out-of-scope topics, parked in a line so the room can move on. */
export function ParkingPanel({ editor }: { editor: Editor }) {
  const topics = useStore(editor.store, useShallow((s) => byPosition(recordsOfType(s.records, 'parking-topic'))));
  const [text, setText] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="parking">
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!text.trim()) return;
          const topic = newParkingTopic({ text: text.trim(), position: positionAtIndex(topics, topics.length) });
          const invalid = problemWith(topic);
          if (invalid) return setProblem(invalid);
          if (editor.perform({ change: changeFrom(editor.state.records, { put: [topic] }) })) {
            editor.seal();
            setText('');
            setProblem(null);
          }
        }}
      >
        <input aria-label="Park a topic" placeholder="Out of scope today? Park it here" value={text} onChange={(e) => setText(e.target.value)} />
        <button type="submit" disabled={!text.trim()}>
          Park
        </button>
      </form>
      {problem && <div className="field-problem" role="alert">{problem}</div>}
      {topics.length === 0 && <p className="muted small">Nothing parked yet.</p>}
      <ol className="parking-list" aria-label="Parking lot">
        {topics.map((topic) => (
          <li key={topic.id}>
            <span>{topic.text}</span>
            <button
              className="link"
              aria-label={`Remove “${topic.text}” from the parking lot`}
              onClick={() => editor.perform({ change: changeFrom(editor.state.records, { remove: [topic] }) }) && editor.seal()}
            >
              ✕
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}
