import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { problemWith } from '../../../shared/model/record-problems.ts';
import type { Editor } from '../editor/editor.ts';
import { setFields } from '../editor/detail-actions.ts';
import type { ActionResult } from '../editor/document-actions.ts';

const SAVE_DELAY_MS = 400;

export { problemWith };

/**
 * Commits one field of one record through the change pipeline: checked against the
 * shared schema first (a bad value gets a message and is never written), and typing in
 * the field merges into one undo step.
 */
export function fieldCommitter(editor: Editor, id: string, field: string, required?: string) {
  return (value: unknown): string | null => {
    const record = editor.state.records[id];
    if (!record) return null;
    if (required && typeof value === 'string' && value.trim() === '') return required;
    const problem = problemWith({ ...record, [field]: value } as AnyRecord);
    if (problem) return problem;
    editor.perform(setFields(editor.state.records, id, { [field]: value }, `field:${id}:${field}`));
    return null;
  };
}

/** For fields whose record may not exist yet (a card's tollgate or pain point). */
export function actionCommitter(editor: Editor, build: (value: unknown) => ActionResult | null, validate: (value: unknown) => AnyRecord | null) {
  return (value: unknown): string | null => {
    const candidate = validate(value);
    const problem = candidate ? problemWith(candidate) : null;
    if (problem) return problem;
    editor.perform(build(value));
    return null;
  };
}

interface FieldProps<T> {
  label: string;
  value: T;
  onCommit(value: T): string | null;
  onDone?(): void;
  hint?: ReactNode;
}

function useDraft<T>(value: T) {
  const [draft, setDraft] = useState(value);
  const focused = useRef(false);
  // Follow the record (undo, another field) unless the person is typing here.
  useEffect(() => {
    if (!focused.current) setDraft(value);
  }, [value]);
  return { draft, setDraft, focused };
}

export function TextField({ label, value, onCommit, onDone, hint, multiline, placeholder }: FieldProps<string> & { multiline?: boolean; placeholder?: string }) {
  const id = useId();
  const { draft, setDraft, focused } = useDraft(value);
  const [problem, setProblem] = useState<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const commit = (next: string) => {
    clearTimeout(timer.current);
    if (next === value) return setProblem(null);
    setProblem(onCommit(next));
  };
  const props = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': problem ? true : undefined,
    onFocus: () => (focused.current = true),
    onChange: (e: { target: { value: string } }) => {
      const next = e.target.value;
      setDraft(next);
      clearTimeout(timer.current);
      timer.current = setTimeout(() => commit(next), SAVE_DELAY_MS);
    },
    onBlur: () => {
      focused.current = false;
      commit(draft);
      onDone?.();
    },
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? <textarea rows={3} {...props} /> : <input {...props} />}
      {problem ? <div className="field-problem" role="alert">{problem}</div> : hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

export function NumberField({ label, value, onCommit, onDone, hint, placeholder }: FieldProps<number | null> & { placeholder?: string }) {
  const id = useId();
  const { draft, setDraft, focused } = useDraft(value === null ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  const commit = () => {
    const text = draft.trim().replace(',', '.').replace('−', '-');
    const next = text === '' ? null : Number(text);
    if (next !== null && !Number.isFinite(next)) return setProblem(`${label} must be a number.`);
    if (next === value) return setProblem(null);
    setProblem(onCommit(next));
  };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        inputMode="decimal"
        value={draft}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        onFocus={() => (focused.current = true)}
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => e.key === 'Enter' && commit()}
        onBlur={() => {
          focused.current = false;
          commit();
          onDone?.();
        }}
      />
      {problem ? <div className="field-problem" role="alert">{problem}</div> : hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

export function SelectField<T extends string>({ label, value, options, onCommit, onDone }: FieldProps<T> & { options: readonly { value: T; label: string }[] }) {
  const id = useId();
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        value={value}
        onChange={(e) => {
          setProblem(onCommit(e.target.value as T));
          onDone?.();
        }}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      {problem && <div className="field-problem" role="alert">{problem}</div>}
    </div>
  );
}

export function CheckboxField({ label, value, onCommit, onDone }: FieldProps<boolean>) {
  return (
    <label className="field field-check">
      <input
        type="checkbox"
        checked={value}
        onChange={(e) => {
          onCommit(e.target.checked);
          onDone?.();
        }}
      />
      {label}
    </label>
  );
}

export function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="panel-section">
      <h3>{title}</h3>
      {children}
    </section>
  );
}
