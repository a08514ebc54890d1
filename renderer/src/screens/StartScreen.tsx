import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import type { WorkshopFlows } from './workshop-flows.ts';
import { uiStore } from '../editor/ui-store.ts';

export function StartScreen({ editor, flows }: { editor: Editor; flows: WorkshopFlows }) {
  const recent = useStore(editor.store, (s) => s.recent);
  const error = useStore(editor.store, (s) => s.startError);
  const busy = useStore(editor.store, (s) => s.busy);
  return (
    <main className="start">
      <header className="start-header">
        <h1>Journeyboard</h1>
        <p>Map the customer's journey with the room. Every change is saved as you make it.</p>
      </header>
      {error && (
        <div className="banner banner-error" role="alert">
          <strong>That file could not be opened.</strong> {error.message}
          {error.path && (error.code === 'locked' || error.code === 'damaged' || error.code === 'not-found') && (
            <div className="banner-actions">
              {error.code === 'locked' && (
                <button onClick={() => void editor.openWorkshop(error.path!, true)} disabled={busy}>
                  Open read-only
                </button>
              )}
              <button onClick={() => uiStore.setState({ backups: { path: error.path! } })}>Restore from backup…</button>
            </div>
          )}
        </div>
      )}
      <div className="start-actions">
        <button className="primary" onClick={flows.startNew} disabled={busy}>
          New workshop
        </button>
        <button onClick={() => void flows.open()} disabled={busy}>
          Open workshop…
        </button>
      </div>
      <section className="recent" aria-label="Recent workshops">
        <h2>Recent workshops</h2>
        {recent.length === 0 && <p className="muted">Workshops you open or create appear here.</p>}
        <ul>
          {recent.map((item) => (
            <li key={item.path} className={item.exists ? '' : 'missing'}>
              <button className="recent-open" disabled={!item.exists || busy} onClick={() => void editor.openWorkshop(item.path)} title={item.path}>
                <span className="recent-name">{item.name}</span>
                <span className="recent-path">{item.exists ? item.path : `Missing: ${item.path}`}</span>
              </button>
              <button className="link" onClick={() => void editor.forgetRecent(item.path)} aria-label={`Remove ${item.name} from the list`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      </section>
    </main>
  );
}
