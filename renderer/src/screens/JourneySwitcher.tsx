import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { journeysOf, recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Editor } from '../editor/editor.ts';
import { createFutureState, setFields } from '../editor/detail-actions.ts';

/** Which journey is on the board, whose journey it is, and deriving its future state. */
export function JourneySwitcher({ editor }: { editor: Editor }) {
  const journeys = useStore(editor.store, useShallow((s) => journeysOf(s.records)));
  const personas = useStore(editor.store, useShallow((s) => byPosition(recordsOfType(s.records, 'persona'))));
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const journey = journeys.find((j) => j.id === journeyId);
  if (!journey) return null;
  return (
    <div className="journey-switcher">
      <select aria-label="Journey" value={journey.id} onChange={(e) => editor.switchJourney(e.target.value)}>
        {journeys.map((j) => (
          <option key={j.id} value={j.id}>
            {journeyLabel(j.name, j.state)}
          </option>
        ))}
      </select>
      <select
        aria-label="Whose journey"
        value={journey.personaId ?? ''}
        onChange={(e) => {
          if (editor.perform(setFields(editor.state.records, journey.id, { personaId: e.target.value || null }))) editor.seal();
        }}
      >
        <option value="">For: no persona yet</option>
        {personas.map((p) => (
          <option key={p.id} value={p.id}>
            For: {p.name}
          </option>
        ))}
      </select>
      {journey.state === 'current' && (
        <button
          // Short on a narrow screen; the name stays whole, and the shorter text is part of it.
          aria-label="Create future state"
          title="Copy this journey as a future ('to be') state, linked to it"
          onClick={() => {
            const result = createFutureState(editor.state.records, journey.id);
            if (result && editor.perform(result)) {
              editor.seal();
              editor.switchJourney(result.journeyId);
            }
          }}
        >
          <span className="wide-only">Create future state</span>
          <span className="narrow-only">Future state</span>
        </button>
      )}
    </div>
  );
}

/** The name, with its state unless the name already says it. */
function journeyLabel(name: string, state: 'current' | 'future'): string {
  const label = name || 'Untitled journey';
  return /\((as is|to be)\)/i.test(label) ? label : `${label} (${state === 'current' ? 'as is' : 'to be'})`;
}
