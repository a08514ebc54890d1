import { useMemo } from 'react';
import { useStore } from 'zustand';
import { evidenceFor, type Evidence } from '../../../shared/interviews/evidence.ts';
import { keyOf, pseudonymize } from '../../../shared/interviews/pseudonyms.ts';
import { recordsGroupedBy, workshopOf } from '../../../shared/model/document.ts';
import type { Editor } from '../editor/editor.ts';
import { fieldCommitter, NumberField, Section } from '../panels/fields.tsx';
import { openInterview } from './interview-view-store.ts';
import { minutesLabel } from './NoteRow.tsx';
import { allRecords } from '../../../shared/model/record-map.ts';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

/** "3 interviews · 2 companies · 2 roles — pattern", in the room's words. */
export function evidenceSummary(evidence: Evidence): string {
  if (evidence.verdict === 'none') return 'No evidence yet (inside-out)';
  if (evidence.verdict === 'outlier') return `${plural(evidence.interviews, 'interview')} — outlier`;
  return `${plural(evidence.interviews, 'interview')} · ${evidence.companies === 1 ? '1 company' : `${evidence.companies} companies`} · ${plural(evidence.roles, 'role')} — pattern`;
}

/**
 * The interview notes a card rests on. This is outside the interview editor, so every
 * note reads through the private key: the room sees "Buyer-01", never the name.
 */
export function EvidenceSection({ editor, cardId }: { editor: Editor; cardId: string }) {
  const records = useStore(editor.store, (s) => s.records);
  const evidence = useMemo(() => evidenceFor(records, cardId), [records, cardId]);
  const key = useMemo(() => keyOf(allRecords(records)), [records]);
  const quotes = recordsGroupedBy(records, 'note-tag', 'noteId');
  return (
    <Section title="Evidence">
      <p className={`evidence-summary evidence-${evidence.verdict}`}>{evidenceSummary(evidence)}</p>
      {evidence.notes.length > 0 && (
        <ul className="evidence-list">
          {evidence.notes.map((note) => {
            const interview = records[note.interviewId];
            const isQuote = quotes.get(note.id)?.some((t) => t.kind === 'quote') ?? false;
            const text = pseudonymize(note.text, key);
            return (
              <li key={note.id} className={isQuote ? 'evidence-quote' : ''}>
                <span className="evidence-text">{isQuote ? `“${text}”` : text}</span>
                {interview?.type === 'interview' && (
                  <button className="link evidence-source" title="Open this interview's notes" onClick={() => openInterview(interview.sampleId, interview.id)}>
                    {[interview.code, pseudonymize(interview.role, key), pseudonymize(interview.companyCode, key)].filter(Boolean).join(' · ')} · {minutesLabel(note.minutesIn)}
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      <PatternThreshold editor={editor} />
    </Section>
  );
}

/**
 * The workshop's threshold, beside the verdict it decides: a room that wants three
 * voices before it calls something a pattern sets it here, and every card, export and
 * decision score follows (shared/interviews/evidence.ts reads it from the workshop).
 */
function PatternThreshold({ editor }: { editor: Editor }) {
  const workshop = useStore(editor.store, (s) => workshopOf(s.records));
  if (!workshop) return null;
  return (
    <NumberField
      label="Interviews for a pattern"
      value={workshop.patternThreshold}
      hint="For every card of this workshop; fewer interviews make an outlier."
      onCommit={(value) => (value === null ? 'Say how many interviews make a pattern: 2 or more.' : fieldCommitter(editor, workshop.id, 'patternThreshold')(value))}
      onDone={() => editor.seal()}
    />
  );
}
