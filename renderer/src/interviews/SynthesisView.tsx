import { useDeferredValue, useMemo, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { synthesize, type Synthesis, type SynthesisFilter } from '../../../shared/interviews/synthesis.ts';
import type { Editor } from '../editor/editor.ts';
import { clearFilter, groupNotesBy, interviewViewStore, setFilter, type GroupBy } from './interview-view-store.ts';
import { SynthesisGroup } from './SynthesisGroup.tsx';
import { filterOptions, groupViews, readableRecords, type FilterOptions, type Option } from './synthesis-view.ts';
import { InterviewsModeSwitch } from './ViewSwitch.tsx';

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

const GROUPINGS: { by: GroupBy; label: string }[] = [
  { by: 'stage', label: 'Stage' },
  { by: 'step', label: 'Step' },
  { by: 'tag', label: 'Tag' },
];

/**
 * Synthesis (method step 3): every note across the interviews, grouped by stage, step or
 * tag, filtered by who was interviewed, with how often tags go together — the patterns
 * the map is built from, and "Promote to card…" to put one on it with its evidence.
 * Outside the interview editor: the notes read with codes, never names.
 */
export function SynthesisView({ editor }: { editor: Editor }) {
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const filter = useStore(interviewViewStore, (s) => s.filter);
  const groupBy = useStore(interviewViewStore, (s) => s.groupBy);
  const readable = useMemo(() => readableRecords(records), [records]);
  const options = useMemo(() => filterOptions(readable), [readable]);
  // Typing in the search box stays immediate; the regrouping follows a beat behind if it
  // must. A pick in a list is one change, regrouped in the same frame: deferring it too
  // would cost a second render and a second frame for nothing.
  const deferredSearch = useDeferredValue(filter.search);
  const applied = useMemo(() => ({ ...filter, search: deferredSearch }), [filter, deferredSearch]);
  const synthesis = useMemo(() => synthesize(readable, applied), [readable, applied]);
  const groups = useMemo(() => groupViews(readable, synthesis, groupBy), [readable, synthesis, groupBy]);
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <nav className="sample-column synthesis-filters" aria-label="Filter the notes">
        <InterviewsModeSwitch />
        <Filters options={options} filter={filter} />
      </nav>
      <section className="synthesis-main" aria-label="Synthesis">
        <header className="synthesis-head">
          <div>
            <h2>Synthesis</h2>
            <p className="muted" role="status">
              {plural(synthesis.notes.length, 'note')} from {plural(synthesis.interviews, 'interview')}
              {filtered ? ' match the filter' : ''}
              {synthesis.unplaced.length > 0 ? ` · ${synthesis.unplaced.length} not placed yet` : ''}
            </p>
          </div>
          <div className="view-switch group-switch" role="group" aria-label="Group notes by">
            {GROUPINGS.map(({ by, label }) => (
              <button key={by} aria-pressed={groupBy === by} className={groupBy === by ? 'active' : ''} onClick={() => groupNotesBy(by)}>
                By {label.toLowerCase()}
              </button>
            ))}
          </div>
        </header>
        {groups.length === 0 ? (
          <p className="synthesis-empty muted">
            {filtered ? 'No note matches the filter.' : 'No notes yet. Notes taken in the interviews, tagged with a stage, a step or a tag, gather here side by side.'}
          </p>
        ) : (
          <ol className="synthesis-groups" aria-label={`Notes by ${groupBy}`}>
            {groups.map((group) => (
              <SynthesisGroup key={group.key} editor={editor} records={readable} group={group} journeyId={journeyId} />
            ))}
          </ol>
        )}
      </section>
      <aside className="synthesis-side" aria-label="Tags together">
        <CoOccurrence synthesis={synthesis} />
      </aside>
    </>
  );
}

function Choice({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      {label}
      {children}
    </label>
  );
}

function Select({ label, field, value, options }: { label: string; field: keyof SynthesisFilter; value: string | undefined; options: readonly Option[] }) {
  return (
    <Choice label={label}>
      <select value={value ?? ''} onChange={(e) => setFilter(field, e.target.value || undefined)}>
        <option value="">Any</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </Choice>
  );
}

const asOptions = (values: readonly string[]): Option[] => values.map((v) => ({ value: v, label: v }));

/** Who was interviewed, narrowed down: the menus offer only what some interview has. */
function Filters({ options, filter }: { options: FilterOptions; filter: SynthesisFilter }) {
  return (
    <div className="synthesis-filter-fields">
      <div className="column-head">
        <h2>Filter</h2>
        {Object.keys(filter).length > 0 && (
          <button className="link" onClick={clearFilter}>
            Clear
          </button>
        )}
      </div>
      <Choice label="Search the notes">
        <input type="search" value={filter.search ?? ''} placeholder="Words in a note" onChange={(e) => setFilter('search', e.target.value || undefined)} />
      </Choice>
      {options.samples.length > 1 && <Select label="Sample" field="sampleId" value={filter.sampleId} options={options.samples} />}
      <Select label="Persona" field="personaId" value={filter.personaId} options={options.personas} />
      <Select label="Role" field="role" value={filter.role} options={asOptions(options.roles)} />
      <Select label="Company" field="companyCode" value={filter.companyCode} options={asOptions(options.companies)} />
      <Select label="Interviewer" field="interviewer" value={filter.interviewer} options={asOptions(options.interviewers)} />
    </div>
  );
}

/**
 * Tags × tags: how many of the filtered notes carry both. Columns are numbered (the
 * rows name them), so a dozen tags fit beside the groups; the diagonal is each tag alone.
 */
function CoOccurrence({ synthesis }: { synthesis: Synthesis }) {
  const { tags, counts } = synthesis.coOccurrence;
  const most = Math.max(1, ...counts.flatMap((row, i) => row.filter((_, j) => j !== i)));
  return (
    <section className="cooccurrence">
      <h2>Tags together</h2>
      {tags.length === 0 ? (
        <p className="muted small">No note here carries a workshop tag yet. Tag notes with # while typing, or with + Tag.</p>
      ) : (
        <>
          <p className="muted small">How many notes carry both tags; the shaded diagonal is each tag’s own count.</p>
          <div className="cooccurrence-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">
                    <span className="visually-hidden">Tag</span>
                  </th>
                  {tags.map((tag, i) => (
                    <th key={tag.id} scope="col" title={tag.name} aria-label={tag.name}>
                      {i + 1}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {tags.map((tag, i) => (
                  <tr key={tag.id}>
                    <th scope="row" title={tag.group ? `${tag.name} (${tag.group})` : tag.name}>
                      <span className="cooccurrence-number">{i + 1}</span> {tag.name}
                    </th>
                    {counts[i]!.map((count, j) => (
                      <td
                        key={tags[j]!.id}
                        className={i === j ? 'diagonal' : ''}
                        // Shade by strength, so the pairs that go together stand out at a glance.
                        style={i !== j && count > 0 ? { backgroundColor: `rgba(31, 111, 235, ${(0.12 + 0.5 * (count / most)).toFixed(2)})` } : undefined}
                      >
                        {count || ''}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
