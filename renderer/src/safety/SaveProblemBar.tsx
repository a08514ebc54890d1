import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { mayPass } from '../editor/save-queue.ts';
import { uiStore } from '../editor/ui-store.ts';

/**
 * When the file refuses changes: what failed, in plain words, how much is not saved,
 * and the ways out. The work stays on the board the whole time.
 */
export function SaveProblemBar({ editor }: { editor: Editor }) {
  const save = useStore(editor.store, (s) => s.save);
  const readOnly = useStore(editor.store, (s) => s.workshop?.readOnly ?? false);
  if (readOnly) {
    return (
      <div className="save-problem save-problem-readonly" role="status">
        <span>
          <strong>Read-only.</strong> Another Journeyboard has this workshop open, so nothing you do here is saved to it.
        </span>
        <button onClick={() => uiStore.setState({ copyRequested: true })}>Save a copy as…</button>
      </div>
    );
  }
  if (save.status !== 'failed' || !save.error) return null;
  const passing = mayPass(save.error);
  return (
    <div className="save-problem" role="alert">
      <span>
        <strong>Your latest changes are not saved in the file.</strong>{' '}
        {save.error.message} {passing ? 'Journeyboard keeps trying every few seconds.' : ''}
      </span>
      <button className="primary" onClick={() => uiStore.setState({ copyRequested: true })}>
        Save a copy as…
      </button>
      {passing ? (
        <button onClick={() => editor.retrySaving()}>Try again now</button>
      ) : (
        <button onClick={() => void editor.reloadFromFile()} title="Discard the changes that were not saved and show what the file holds">
          Reload from file
        </button>
      )}
    </div>
  );
}
