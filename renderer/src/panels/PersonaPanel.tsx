import { recordsOfType } from '../../../shared/model/document.ts';
import { useState } from 'react';
import { useStore } from 'zustand';
import { useShallow } from 'zustand/shallow';
import { byPosition } from '../../../shared/model/ordering.ts';
import { BAGGAGE_PHRASES, PARTICIPATION_LEVELS, type Persona } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { addPersona, deletePersona, setFields } from '../editor/detail-actions.ts';
import { fieldCommitter, SelectField, TextField } from './fields.tsx';

export function PersonaPanel({ editor }: { editor: Editor }) {
  const personas = useStore(editor.store, useShallow((s) => byPosition(recordsOfType(s.records, 'persona'))));
  const [open, setOpen] = useState<string | null>(null);
  const [name, setName] = useState('');
  return (
    <div className="personas">
      <form
        className="add-row"
        onSubmit={(e) => {
          e.preventDefault();
          if (!name.trim()) return;
          const result = addPersona(editor.state.records, name.trim());
          if (editor.perform(result)) {
            editor.seal();
            setOpen(Object.keys(result.change.added)[0] ?? null);
            setName('');
          }
        }}
      >
        <input aria-label="New persona name" placeholder="New persona, e.g. Dana the buyer" value={name} maxLength={200} onChange={(e) => setName(e.target.value)} />
        <button type="submit" disabled={!name.trim()}>
          Add
        </button>
      </form>
      {personas.length === 0 && <p className="muted small">Who is the journey for? Add the persona or segment the room maps.</p>}
      {personas.map((persona) => (
        <div key={persona.id} className={`persona ${open === persona.id ? 'open' : ''}`}>
          <button className="persona-head" onClick={() => setOpen(open === persona.id ? null : persona.id)} aria-expanded={open === persona.id}>
            <span className="persona-dot" style={{ background: persona.color }} />
            <span className="persona-name">{persona.name}</span>
            <span className="muted small">{persona.role || persona.participation}</span>
          </button>
          {open === persona.id && <PersonaForm editor={editor} persona={persona} />}
        </div>
      ))}
    </div>
  );
}

function PersonaForm({ editor, persona }: { editor: Editor; persona: Persona }) {
  const seal = () => editor.seal();
  const commit = (field: keyof Persona & string, required?: string) => fieldCommitter(editor, persona.id, field, required);
  return (
    <div className="persona-form">
      <TextField label="Name" value={persona.name} onCommit={commit('name', 'A persona needs a name.')} onDone={seal} />
      <TextField label="Role" value={persona.role} onCommit={commit('role')} onDone={seal} />
      <SelectField
        label="Part in the decision"
        value={persona.participation}
        options={PARTICIPATION_LEVELS.map((p) => ({ value: p, label: p.charAt(0).toUpperCase() + p.slice(1) }))}
        onCommit={commit('participation')}
        onDone={seal}
      />
      <TextField label="Goals" multiline value={persona.goals} onCommit={commit('goals')} onDone={seal} />
      <TextField label="Needs" multiline value={persona.needs} onCommit={commit('needs')} onDone={seal} />
      <TextField label="Content preferences" multiline value={persona.contentPreferences} onCommit={commit('contentPreferences')} onDone={seal} />
      <TextField label="Baggage they bring" multiline value={persona.baggage} onCommit={commit('baggage')} onDone={seal} />
      <div className="chips" aria-label="Ready phrases for baggage">
        {BAGGAGE_PHRASES.map((phrase) => (
          <button
            key={phrase}
            className="chip"
            // A mouse press acts at once: the field left by that press saves on blur and
            // may move the chips before the button comes up, which would lose the click.
            onMouseDown={(e) => {
              if (e.button !== 0) return;
              e.preventDefault();
              addBaggage(editor, persona.id, phrase);
            }}
            // Keyboard activation (Enter, Space) arrives as a click with no mouse press.
            onClick={(e) => e.detail === 0 && addBaggage(editor, persona.id, phrase)}
          >
            + {phrase}
          </button>
        ))}
      </div>
      <div className="field">
        <label>
          Colour{' '}
          <input
            type="color"
            value={persona.color}
            onChange={(e) => editor.perform(setFields(editor.state.records, persona.id, { color: e.target.value }, `field:${persona.id}:color`))}
            onBlur={seal}
          />
        </label>
      </div>
      <button
        className="link danger"
        onClick={() => {
          if (editor.perform(deletePersona(editor.state.records, persona.id))) {
            seal();
            editor.showNotice({ kind: 'info', message: `Persona “${persona.name}” deleted.`, offerUndo: true });
          }
        }}
      >
        Delete persona
      </button>
    </div>
  );
}

/** Appends a ready phrase to the persona's baggage, read from the record as it is now. */
function addBaggage(editor: Editor, personaId: string, phrase: string): void {
  const persona = editor.state.records[personaId];
  if (persona?.type !== 'persona') return;
  const baggage = persona.baggage ? `${persona.baggage}; ${phrase}` : phrase;
  if (editor.perform(setFields(editor.state.records, persona.id, { baggage }))) editor.seal();
}
