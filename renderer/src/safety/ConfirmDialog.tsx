import { useStore } from 'zustand';
import { uiStore } from '../editor/ui-store.ts';

/** A yes/no question asked by the app (e.g. before replacing a file). */
export function ConfirmDialog() {
  const question = useStore(uiStore, (s) => s.confirmation);
  if (!question) return null;
  return (
    <div className="modal-backdrop" onMouseDown={() => question.resolve(false)}>
      <div
        className="modal"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="confirm-title"
        aria-describedby="confirm-message"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => e.key === 'Escape' && question.resolve(false)}
      >
        <h2 id="confirm-title">{question.title}</h2>
        <p id="confirm-message">{question.message}</p>
        <div className="modal-actions">
          <button autoFocus onClick={() => question.resolve(false)}>
            Cancel
          </button>
          <button className="primary" onClick={() => question.resolve(true)}>
            {question.confirmLabel}
          </button>
        </div>
      </div>
    </div>
  );
}
