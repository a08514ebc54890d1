import { useMemo, useState, type FormEvent, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { recordsGroupedBy, recordsOfType, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import { interviewDone, sampleProgress } from '../../../shared/interviews/evidence.ts';
import type { Interview, Sample } from '../../../shared/model/records.ts';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import { BringInInterviews } from './BringInInterviews.tsx';
import { addInterview, addSample, interviewsOf, nextInterviewCode } from './interview-actions.ts';
import { openInterview, showInterviewTab } from './interview-view-store.ts';
import { InterviewsModeSwitch } from './ViewSwitch.tsx';

/**
 * The left column: the samples with how far each has got against the method (interviews
 * held against the target, two roles per company), and the chosen sample's interviews.
 */
export function SampleColumn({ editor, platform, sample, interviewId }: { editor: Editor; platform: Platform; sample: Sample | undefined; interviewId: string | null }) {
  const records = useStore(editor.store, (s) => s.records);
  const samples = useMemo(() => byPosition(recordsOfType(records, 'sample')), [records]);
  const [adding, setAdding] = useState<'sample' | 'interview' | null>(samples.length === 0 ? 'sample' : null);
  return (
    <nav className="sample-column" aria-label="Samples and interviews">
      <InterviewsModeSwitch />
      <div className="column-head">
        <h2>Samples</h2>
        <button onClick={() => setAdding(adding === 'sample' ? null : 'sample')} aria-expanded={adding === 'sample'}>
          + Sample
        </button>
      </div>
      {adding === 'sample' && (
        <SampleForm
          editor={editor}
          onDone={(sampleId) => {
            setAdding(sampleId ? 'interview' : null);
            if (sampleId) openInterview(sampleId, null);
          }}
        />
      )}
      {samples.length === 0 && adding !== 'sample' && <p className="muted small">No sample yet: add one to plan its interviews.</p>}
      <ul className="samples">
        {samples.map((s) => (
          <li key={s.id}>
            <SampleCard records={records} sample={s} selected={s.id === sample?.id} onSelect={() => openInterview(s.id, null)} />
          </li>
        ))}
      </ul>
      {sample && (
        <>
          <div className="column-head">
            <h2>Interviews</h2>
            <button onClick={() => setAdding(adding === 'interview' ? null : 'interview')} aria-expanded={adding === 'interview'}>
              New interview
            </button>
          </div>
          {adding === 'interview' && (
            <InterviewForm
              key={sample.id}
              editor={editor}
              sampleId={sample.id}
              onDone={(id) => {
                setAdding(null);
                if (!id) return;
                openInterview(sample.id, id);
                // A new interview is about to be held: its notes, not a transcript it cannot have yet.
                showInterviewTab('notes');
              }}
            />
          )}
          <InterviewList records={records} sample={sample} interviewId={interviewId} />
        </>
      )}
      <BringInInterviews editor={editor} platform={platform} />
    </nav>
  );
}

function SampleCard({ records, sample, selected, onSelect }: { records: RecordMap; sample: Sample; selected: boolean; onSelect(): void }) {
  const progress = sampleProgress(records, sample.id);
  const thin = progress?.companies.filter((c) => c.fewerThanTwoRoles) ?? [];
  const done = progress?.done ?? 0;
  return (
    <button className={`sample-card ${selected ? 'selected' : ''}`} aria-current={selected ? 'true' : undefined} onClick={onSelect}>
      <span className="sample-name">{sample.name}</span>
      <span className="muted small">{[sample.industry, sample.region, sample.product].filter(Boolean).join(' · ') || 'No industry, region or product yet'}</span>
      <span className="sample-progress">
        <progress max={sample.targetInterviews} value={Math.min(done, sample.targetInterviews)} aria-hidden />
        <span className="small">
          {done} of {sample.targetInterviews} interviews done
        </span>
      </span>
      {thin.length > 0 && (
        <span className="sample-flag small">
          {thin.map((c) => `${c.companyCode}: ${c.roles.length === 1 ? '1 role' : 'no role'} yet`).join(' · ')} (two per company)
        </span>
      )}
    </button>
  );
}

function InterviewList({ records, sample, interviewId }: { records: RecordMap; sample: Sample; interviewId: string | null }) {
  const interviews = interviewsOf(records, sample.id);
  const notes = recordsGroupedBy(records, 'note', 'interviewId');
  if (interviews.length === 0) return <p className="muted small">No interviews in this sample yet.</p>;
  const status = (i: Interview) => {
    const count = notes.get(i.id)?.length ?? 0;
    if (i.startedAt && i.actualMinutes === null) return 'running';
    const notesText = `${count} note${count === 1 ? '' : 's'}`;
    return interviewDone(i, count) ? `done · ${notesText}` : count ? notesText : 'planned';
  };
  return (
    <ul className="interview-list">
      {interviews.map((i) => (
        <li key={i.id}>
          <button className={`interview-item ${i.id === interviewId ? 'selected' : ''}`} aria-current={i.id === interviewId ? 'true' : undefined} onClick={() => openInterview(sample.id, i.id)}>
            <span className="interview-code">{i.code}</span>
            <span className="small">{[i.role, i.companyCode].filter(Boolean).join(' @ ') || 'Role and company not set'}</span>
            <span className={`interview-status small status-${status(i).split(' ')[0]}`}>{status(i)}</span>
          </button>
        </li>
      ))}
    </ul>
  );
}

/** A plain labelled input for the two small forms here, which save once, on submit. */
function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      {label}
      {children}
    </label>
  );
}

function SampleForm({ editor, onDone }: { editor: Editor; onDone(sampleId: string | null): void }) {
  const [f, setF] = useState({ name: '', industry: '', region: '', product: '', targetInterviews: '18', rolesSought: '' });
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = addSample(editor.state.records, { ...f, name: f.name.trim(), targetInterviews: Number(f.targetInterviews) });
    if (editor.perform(result)) {
      editor.seal();
      onDone(result.sampleId);
    }
  };
  return (
    <form className="column-form" onSubmit={submit} aria-label="New sample">
      <Field label="Sample name">
        <input autoFocus value={f.name} onChange={set('name')} placeholder="e.g. Mid-market manufacturers, DACH" maxLength={200} />
      </Field>
      <div className="field-row">
        <Field label="Industry">
          <input value={f.industry} onChange={set('industry')} maxLength={200} />
        </Field>
        <Field label="Region">
          <input value={f.region} onChange={set('region')} maxLength={200} />
        </Field>
      </div>
      <div className="field-row">
        <Field label="Product">
          <input value={f.product} onChange={set('product')} maxLength={200} />
        </Field>
        <Field label="Target interviews">
          <input type="number" min={1} max={200} value={f.targetInterviews} onChange={set('targetInterviews')} />
        </Field>
      </div>
      <Field label="Roles sought (one per line)">
        <textarea rows={2} value={f.rolesSought} onChange={set('rolesSought')} placeholder={'Buyer\nIT security'} />
      </Field>
      <div className="form-actions">
        <button type="button" className="link" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!f.name.trim()}>
          Add sample
        </button>
      </div>
    </form>
  );
}

const today = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

function InterviewForm({ editor, sampleId, onDone }: { editor: Editor; sampleId: string; onDone(interviewId: string | null): void }) {
  const personas = useStore(editor.store, (s) => s.records);
  const personaList = useMemo(() => byPosition(recordsOfType(personas, 'persona')), [personas]);
  const [f, setF] = useState(() => ({ code: nextInterviewCode(editor.state.records), role: '', companyCode: '', personaId: '', date: today(), plannedMinutes: '60', interviewer: '' }));
  const set = (key: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [key]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const result = addInterview(editor.state.records, sampleId, {
      ...f,
      code: f.code.trim(),
      role: f.role.trim(),
      companyCode: f.companyCode.trim(),
      personaId: (f.personaId || null) as Interview['personaId'],
      plannedMinutes: Number(f.plannedMinutes),
      interviewer: f.interviewer.trim(),
    });
    if (editor.perform(result)) {
      editor.seal();
      onDone(result.interviewId);
    }
  };
  return (
    <form className="column-form" onSubmit={submit} aria-label="New interview">
      <div className="field-row">
        <Field label="Code">
          <input value={f.code} onChange={set('code')} maxLength={200} />
        </Field>
        <Field label="Company code">
          <input value={f.companyCode} onChange={set('companyCode')} placeholder="Company-C" maxLength={200} />
        </Field>
      </div>
      <Field label="Role">
        <input autoFocus value={f.role} onChange={set('role')} placeholder="e.g. Buyer" maxLength={200} />
      </Field>
      <Field label="Persona">
        <select value={f.personaId} onChange={set('personaId')}>
          <option value="">None</option>
          {personaList.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </select>
      </Field>
      <div className="field-row">
        <Field label="Date">
          <input type="date" value={f.date} onChange={set('date')} />
        </Field>
        <Field label="Planned minutes">
          <input type="number" min={0} max={1440} value={f.plannedMinutes} onChange={set('plannedMinutes')} />
        </Field>
      </div>
      <Field label="Interviewer">
        <input value={f.interviewer} onChange={set('interviewer')} maxLength={200} />
      </Field>
      <div className="form-actions">
        <button type="button" className="link" onClick={() => onDone(null)}>
          Cancel
        </button>
        <button type="submit" className="primary" disabled={!f.code.trim()}>
          Create interview
        </button>
      </div>
    </form>
  );
}
