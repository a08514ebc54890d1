import { useState } from 'react';
import { useStore } from 'zustand';
import { DIFFERENCE_LABELS, type DifferenceKind } from '../../../shared/decisions/year-over-year.ts';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import { decisionsStore } from './decisions-store.ts';
import { fileNameFor, withReplaceConfirmed } from '../screens/workshop-flows.ts';

/**
 * This year against last year: another workshop file is read, never written, and the
 * differences are listed by kind. The open workshop is "this year".
 */
export function YearOverYearPanel({ editor, platform }: { editor: Editor; platform: Platform }) {
  const workshopPath = useStore(editor.store, (s) => s.workshop?.path ?? '');
  // A comparison made while another workshop was open says nothing about this one.
  const comparison = useStore(decisionsStore, (s) => (s.comparison?.workshopPath === workshopPath ? s.comparison : null));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const compare = async () => {
    const path = await platform.shell.pickWorkshopToOpen();
    if (!path) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await editor.api['decisions-compare']({ otherPath: path });
      if (result.ok) decisionsStore.setState({ comparison: { workshopPath, path, report: result.value } });
      else setProblem(result.error.message);
    } finally {
      setBusy(false);
    }
  };
  const report = comparison?.report;
  const kinds = report ? (Object.keys(DIFFERENCE_LABELS) as DifferenceKind[]).filter((k) => report.counts[k]) : [];
  return (
    <section className="decisions-section" aria-labelledby="compare-title">
      <header className="decisions-head">
        <h2 id="compare-title">Year over year</h2>
        <button className="primary" onClick={() => void compare()} disabled={busy}>
          {busy ? 'Comparing…' : report ? 'Compare with another file…' : 'Compare with last year’s file…'}
        </button>
      </header>
      <p className="muted">The other file is only read: neither it nor this workshop changes. Stages, steps and cards are matched by what they were copied from, then by name. A deck exported now carries this comparison.</p>
      <div className="next-year">
        <button onClick={() => void startNextYear(editor, platform)} title="Save this workshop as next year's and carry on there; this file stays as it is">
          Start next year’s workshop from this one…
        </button>
        <span className="muted small"> Its stages, steps and cards keep their identity, so next year’s comparison with this file is exact.</span>
      </div>
      {problem && (
        <p className="compare-problem" role="alert">
          {problem}
        </p>
      )}
      {report && (
        <div className="compare-report" role="status">
          <p className="compare-files">
            <strong>{report.lastYear}</strong> (last year) → <strong>{report.thisYear}</strong> (this year):{' '}
            <span data-testid="difference-count">
              {report.differences.length === 0 ? 'no difference' : `${report.differences.length} ${report.differences.length === 1 ? 'difference' : 'differences'}`}
            </span>
          </p>
          {kinds.length > 0 && (
            <ul className="summary-counts compare-counts">
              {kinds.map((kind) => (
                <li key={kind}>
                  <strong>{report.counts[kind]}</strong> {DIFFERENCE_LABELS[kind].toLowerCase()}
                </li>
              ))}
            </ul>
          )}
          {report.differences.length > 0 && (
            <table className="decisions-table compare-table">
              <thead>
                <tr>
                  <th scope="col">What changed</th>
                  <th scope="col">Where</th>
                  <th scope="col">Item</th>
                  <th scope="col">Last year</th>
                  <th scope="col">This year</th>
                </tr>
              </thead>
              <tbody>
                {report.differences.map((d, i) => (
                  <tr key={i} className={`difference ${d.kind}`}>
                    <td>{DIFFERENCE_LABELS[d.kind]}</td>
                    <td>{d.where || '—'}</td>
                    <th scope="row">{d.subject}</th>
                    <td>{d.from ?? '—'}</td>
                    <td>{d.to ?? '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
    </section>
  );
}

/**
 * Next year's workshop is this one saved under a new name, with every record's id kept:
 * the facilitator carries on in it, this year's file stays untouched, and comparing the
 * two next year pairs every stage, step and card by id rather than by name.
 */
async function startNextYear(editor: Editor, platform: Platform): Promise<void> {
  const path = await platform.shell.pickNewWorkshopPath(`${fileNameFor(editor.workshopName())} ${new Date().getFullYear() + 1}.journey`);
  if (!path) return;
  await withReplaceConfirmed(platform, async (replace) => {
    const saved = await editor.saveCopyAs(path, replace);
    return saved ? { ok: true } : { ok: false, error: { code: 'internal', message: '' } };
  });
}
