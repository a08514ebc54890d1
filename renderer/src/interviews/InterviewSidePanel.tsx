import { useMemo, useState } from 'react';
import { useStore } from 'zustand';
import { recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import { PSEUDONYM_KINDS, type Interview, type Pseudonym } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import { fieldCommitter, NumberField, Section, SelectField, TextField } from '../panels/fields.tsx';
import { addPseudonym, pseudonymsOf, removePseudonym } from './interview-actions.ts';

/** Beside the notes: the interview's private key and its details, out of the way of typing. */
export function InterviewSidePanel({ editor, interview }: { editor: Editor; interview: Interview }) {
  return (
    <aside className="interview-side" aria-label="Interview key and details">
      <PrivateKey editor={editor} interviewId={interview.id} />
      <InterviewDetails key={interview.id} editor={editor} interview={interview} />
    </aside>
  );
}

/**
 * Real names and the codes that replace them everywhere outside this editor (the card
 * evidence, exports). The names stay in this workshop file only.
 */
function PrivateKey({ editor, interviewId }: { editor: Editor; interviewId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const rows = useMemo(() => pseudonymsOf(records, interviewId), [records, interviewId]);
  const [kind, setKind] = useState<Pseudonym['kind']>('person');
  const [realName, setRealName] = useState('');
  const [code, setCode] = useState('');
  const ready = realName.trim() !== '' && code.trim() !== '';
  return (
    <Section title="Private key">
      <p className="muted small">Real names show only here and in the notes as typed. Everywhere else they read as their codes.</p>
      {rows.length > 0 && (
        <ul className="key-rows">
          {rows.map((row) => (
            <li key={row.id}>
              <span className="key-name">{row.realName}</span>
              <span className="key-code">
                <span className="key-kind">{row.kind}</span> → {row.code}
              </span>
              <button
                className="link danger"
                aria-label={`Remove ${row.realName} from the key`}
                onClick={() => {
                  if (editor.perform(removePseudonym(editor.state.records, row.id))) editor.seal();
                }}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form
        className="key-add"
        onSubmit={(e) => {
          e.preventDefault();
          if (!ready) return;
          if (editor.perform(addPseudonym(editor.state.records, interviewId, kind, realName, code))) {
            editor.seal();
            setRealName('');
            setCode('');
          }
        }}
      >
        <select aria-label="Kind of name" value={kind} onChange={(e) => setKind(e.target.value as Pseudonym['kind'])}>
          {PSEUDONYM_KINDS.map((k) => (
            <option key={k} value={k}>
              {k === 'person' ? 'Person' : 'Company'}
            </option>
          ))}
        </select>
        <input aria-label="Real name" placeholder="Real name" value={realName} maxLength={200} onChange={(e) => setRealName(e.target.value)} />
        <input aria-label="Code for the name" placeholder={kind === 'person' ? 'Buyer-01' : 'Company-C'} value={code} maxLength={200} onChange={(e) => setCode(e.target.value)} />
        <button type="submit" disabled={!ready}>
          Add to key
        </button>
      </form>
    </Section>
  );
}

function InterviewDetails({ editor, interview }: { editor: Editor; interview: Interview }) {
  const personas = useStore(editor.store, (s) => s.records);
  const personaOptions = useMemo(() => byPosition(recordsOfType(personas, 'persona')).map((p) => ({ value: p.id as string, label: p.name })), [personas]);
  const seal = () => editor.seal();
  const commit = (field: keyof Interview & string, required?: string) => fieldCommitter(editor, interview.id, field, required);
  return (
    <Section title="Details">
      <div className="field-row">
        <TextField label="Code" value={interview.code} onCommit={commit('code', 'An interview needs a code, such as INT-07.')} onDone={seal} />
        <TextField label="Company code" value={interview.companyCode} placeholder="Company-C" onCommit={commit('companyCode')} onDone={seal} />
      </div>
      <TextField label="Role" value={interview.role} placeholder="e.g. Buyer, IT security" onCommit={commit('role')} onDone={seal} />
      <SelectField label="Persona" value={interview.personaId ?? ''} options={[{ value: '', label: 'None' }, ...personaOptions]} onCommit={(v) => commit('personaId')(v === '' ? null : v)} onDone={seal} />
      <div className="field-row">
        <TextField label="Date" value={interview.date} placeholder="YYYY-MM-DD" onCommit={commit('date')} onDone={seal} />
        <NumberField label="Planned minutes" value={interview.plannedMinutes} onCommit={commit('plannedMinutes')} onDone={seal} />
      </div>
      <TextField label="Interviewer" value={interview.interviewer} onCommit={commit('interviewer')} onDone={seal} />
    </Section>
  );
}
