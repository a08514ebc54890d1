import { useState } from 'react';
import { useStore } from 'zustand';
import { planCardsCsvImport, type CsvImportPlan } from '../../../shared/exchange/cards-csv-import.ts';
import type { Editor } from '../editor/editor.ts';
import { withReplaceConfirmed } from '../screens/workshop-flows.ts';
import type { Platform } from '../platform/platform.ts';
import { roomStore } from '../room/room-store.ts';
import type { Theme } from '../room/preferences.ts';
import { exportCsv, exportDeck, exportJson, exportPdf, exportPng, exportQdpx, type ExportProgress } from './exports.ts';

/** Everything that leaves the room or comes into it: deck, picture, data, and imports. */
export function ExchangeDialog({ editor, platform }: { editor: Editor; platform: Platform }) {
  const open = useStore(roomStore, (s) => s.exchangeOpen);
  if (!open) return null;
  return <Exchange editor={editor} platform={platform} />;
}

function Exchange({ editor, platform }: { editor: Editor; platform: Platform }) {
  const [progress, setProgress] = useState<ExportProgress | null>(null);
  const [pngWhat, setPngWhat] = useState<'map' | 'view'>('map');
  const [pngScale, setPngScale] = useState<1 | 2 | 3>(2);
  // A deck is printed and projected on other screens: light unless asked, never the
  // theme this laptop happens to be in.
  const [deckTheme, setDeckTheme] = useState<Theme>('light');
  // A company template (.potx/.pptx) picked in the system dialog: the deck takes its master.
  const [template, setTemplate] = useState<string | null>(null);
  const pickTemplate = async () => setTemplate((await platform.shell.pickImportPath('template')) ?? template);
  const close = () => !progress && roomStore.setState({ exchangeOpen: false });
  const run = (task: () => Promise<void>) => async () => {
    if (progress) return;
    setProgress({ label: 'Exporting…', done: 0, total: 1 });
    try {
      await task();
    } finally {
      setProgress(null);
    }
  };
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div className="modal wide exchange" role="dialog" aria-label="Export and import" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <h2>Export and import</h2>
        {progress ? (
          <div className="progress" role="status" aria-live="polite">
            <div>
              {progress.label} {progress.total > 1 && `${progress.done} of ${progress.total}`}
            </div>
            <progress value={progress.done} max={Math.max(1, progress.total)} />
            {progress.cancel && <button onClick={progress.cancel}>Cancel</button>}
          </div>
        ) : (
          <>
            <section className="exchange-section">
              <h3>Export</h3>
              <div className="exchange-row">
                <div>
                  <strong>PowerPoint deck</strong>
                  <span className="muted small">
                    Editable slides: the map, each stage, emotions, tollgates, personas, priorities.{' '}
                    <select aria-label="Deck colours" value={deckTheme} onChange={(e) => setDeckTheme(e.target.value as Theme)}>
                      <option value="light">Light slides</option>
                      <option value="dark">Dark slides</option>
                      <option value="projector">High-contrast slides</option>
                    </select>{' '}
                    {template ? (
                      <>
                        Template: <span title={template}>{template.split(/[\\/]/).pop()}</span>{' '}
                        <button className="link" aria-label="Use no company template" onClick={() => setTemplate(null)}>
                          ×
                        </button>
                      </>
                    ) : (
                      <button className="link" onClick={() => void pickTemplate()}>
                        Company template…
                      </button>
                    )}
                  </span>
                </div>
                {/* Focus starts in the dialog: Escape closes it and Tab walks it from the keyboard. */}
                <button autoFocus className="primary" onClick={run(() => exportDeck(editor, platform, setProgress, deckTheme, template))}>
                  Export deck…
                </button>
              </div>
              <div className="exchange-row">
                <div>
                  <strong>PDF report</strong>
                  <span className="muted small">The whole map, then every stage, persona and priority as text.</span>
                </div>
                <button onClick={run(() => exportPdf(editor, platform, setProgress))}>Export PDF…</button>
              </div>
              <div className="exchange-row">
                <div>
                  <strong>Picture (PNG)</strong>
                  <span className="muted small">
                    <select aria-label="Picture of" value={pngWhat} onChange={(e) => setPngWhat(e.target.value as 'map' | 'view')}>
                      <option value="map">The whole map</option>
                      <option value="view">What is on screen</option>
                    </select>{' '}
                    <select aria-label="Picture size" value={pngScale} onChange={(e) => setPngScale(Number(e.target.value) as 1 | 2 | 3)}>
                      <option value={1}>1×</option>
                      <option value={2}>2×</option>
                      <option value={3}>3×</option>
                    </select>
                  </span>
                </div>
                <button onClick={run(() => exportPng(editor, platform, pngWhat, pngScale))}>Export picture…</button>
              </div>
              <div className="exchange-row">
                <div>
                  <strong>Spreadsheets (CSV)</strong>
                  <span className="muted small">Every card with its stage, step, lane, tags and votes; or the pain points by yearly cost.</span>
                </div>
                <span className="button-pair">
                  <button onClick={run(() => exportCsv(editor, platform, 'cards'))}>All cards…</button>
                  <button onClick={run(() => exportCsv(editor, platform, 'priorities'))}>Priorities…</button>
                </span>
              </div>
              <div className="exchange-row">
                <div>
                  <strong>Interviews for NVivo, ATLAS.ti, MAXQDA (REFI-QDA)</strong>
                  <span className="muted small">Each interview's transcript and notes as a source, each tagged note coded with its tags. Real names become their codes.</span>
                </div>
                <button onClick={run(() => exportQdpx(editor, platform))}>Export interviews…</button>
              </div>
              <div className="exchange-row">
                <div>
                  <strong>Whole workshop (JSON)</strong>
                  <span className="muted small">Everything but the interviews' real names (their codes stay): import it to get the same workshop back.</span>
                </div>
                <button onClick={run(() => exportJson(editor, platform))}>Export JSON…</button>
              </div>
            </section>
            <CsvImport editor={editor} />
            <JsonImport editor={editor} platform={platform} />
          </>
        )}
        <div className="modal-actions">
          <button onClick={close} disabled={Boolean(progress)}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function CsvImport({ editor }: { editor: Editor }) {
  const [plan, setPlan] = useState<(CsvImportPlan & { fileName: string }) | null>(null);
  return (
    <section className="exchange-section">
      <h3>Import cards from CSV</h3>
      <p className="muted small">
        Columns: stage, step, lane, text, and optionally journey (an exported cards file has it: each card goes back to its journey). Stages, steps and lanes are matched by name or added. A file with a bad row imports nothing.
      </p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label="CSV file of cards"
        onChange={async (e) => {
          const file = e.target.files?.[0];
          if (!file || !editor.state.journeyId) return;
          setPlan({ ...planCardsCsvImport(editor.state.records, editor.state.journeyId, await file.text()), fileName: file.name });
        }}
      />
      {plan && (
        <div className="csv-preview">
          {plan.problems.length > 0 ? (
            <div role="alert" className="banner banner-error">
              <strong>{plan.fileName} cannot be imported; nothing was changed.</strong>
              <ul>
                {plan.problems.slice(0, 10).map((p) => (
                  <li key={`${p.line}:${p.message}`}>
                    Line {p.line}: {p.message}.
                  </li>
                ))}
                {plan.problems.length > 10 && <li>… and {plan.problems.length - 10} more.</li>}
              </ul>
            </div>
          ) : (
            <>
              <p>
                {cardCounts(plan)}
                {journeysOfPlan(editor, plan)}
                {plan.created.stages.length > 0 && `; new stages: ${plan.created.stages.join(', ')}`}
                {plan.created.lanes.length > 0 && `; new lanes: ${plan.created.lanes.join(', ')}`}.
              </p>
              <table aria-label="Preview">
                <thead>
                  <tr>
                    <th>Stage</th>
                    <th>Step</th>
                    <th>Lane</th>
                    <th>Text</th>
                  </tr>
                </thead>
                <tbody>
                  {plan.rows.slice(0, 6).map((r) => (
                    <tr key={r.line}>
                      <td>{r.stage}</td>
                      <td>{r.step}</td>
                      <td>{r.lane}</td>
                      <td>{r.text}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <button
                className="primary"
                onClick={() => {
                  if (plan.change && editor.perform({ change: plan.change })) {
                    editor.seal();
                    editor.showNotice({ kind: 'info', message: `Imported ${cardCounts(plan)}.`, offerUndo: true });
                    setPlan(null);
                  }
                }}
              >
                Import {plan.rows.length} cards
              </button>
            </>
          )}
        </div>
      )}
    </section>
  );
}

function JsonImport({ editor, platform }: { editor: Editor; platform: Platform }) {
  return (
    <section className="exchange-section">
      <h3>Import a workshop from JSON</h3>
      <div className="exchange-row">
        <span className="muted small">Creates a new workshop file from a Journeyboard JSON export.</span>
        <button
          onClick={async () => {
            const source = await platform.shell.pickImportPath('json');
            if (!source) return;
            const target = await platform.shell.pickNewWorkshopPath('Imported workshop.journey');
            if (!target) return;
            const imported = await withReplaceConfirmed(platform, async (replace) =>
              (await editor.importWorkshop(source, target, replace)) ? { ok: true } : { ok: false, error: editor.state.startError ?? undefined },
            );
            if (imported.ok) roomStore.setState({ exchangeOpen: false });
            else if (imported.error) editor.showNotice({ kind: 'error', message: imported.error.message });
          }}
        >
          Import JSON…
        </button>
      </div>
    </section>
  );
}

/** Where the cards go, when the file's journey column names journeys besides the one on screen. */
function journeysOfPlan(editor: Editor, plan: CsvImportPlan): string {
  const counts = new Map<string, number>();
  for (const row of plan.rows) counts.set(row.journeyId, (counts.get(row.journeyId) ?? 0) + 1);
  if (counts.size === 1 && counts.has(editor.state.journeyId ?? '')) return '';
  const nameOf = (id: string) => {
    const journey = editor.state.records[id];
    return journey?.type === 'journey' ? journey.name : id;
  };
  return ` into ${[...counts].map(([id, n]) => `${nameOf(id)} (${n})`).join(', ')}`;
}

/** "12 cards", or for a file the app wrote and is re-imported: "2 new cards, 3 updated, 40 unchanged". */
function cardCounts(plan: CsvImportPlan): string {
  const { added, updated, unchanged } = plan.cards;
  if (updated === 0 && unchanged === 0) return `${added} ${added === 1 ? 'card' : 'cards'}`;
  return `${added} new ${added === 1 ? 'card' : 'cards'}, ${updated} updated, ${unchanged} unchanged`;
}
