import { useEffect, useRef } from 'react';
import { useStore } from 'zustand';
import { shortcutRows, type ShortcutRow } from '../../../shared/actions/action-list.ts';
import { uiStore } from '../editor/ui-store.ts';
import { KEY_STYLE } from '../editor/actions/run-action.ts';
import './shortcuts.css';

/** Rows grouped by where their keys act, in the action list's order. */
function byPlace(rows: ShortcutRow[]): [string, ShortcutRow[]][] {
  const groups = new Map<string, ShortcutRow[]>();
  for (const row of rows) groups.set(row.where, [...(groups.get(row.where) ?? []), row]);
  return [...groups];
}

/**
 * Help → Keyboard Shortcuts: every shortcut, read off the action list like the README's
 * table, written for this machine (Cmd on a Mac, Ctrl elsewhere).
 */
export function ShortcutsSheet() {
  const open = useStore(uiStore, (s) => s.shortcutsOpen);
  // The dialog itself takes focus: it opens at its top, and a screen reader reads its title.
  const dialog = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (open) dialog.current?.focus();
  }, [open]);
  if (!open) return null;
  const close = () => uiStore.setState({ shortcutsOpen: false });
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div
        ref={dialog}
        tabIndex={-1}
        className="modal wide shortcuts-sheet"
        role="dialog"
        aria-modal="true"
        aria-labelledby="shortcuts-title"
        onMouseDown={(e) => e.stopPropagation()}
        onKeyDown={(e) => {
          // Handled here, so the page behind does not also take Esc (the board's deselect).
          if (e.key === 'Escape') {
            e.preventDefault();
            close();
          }
        }}
      >
        <h2 id="shortcuts-title">Keyboard shortcuts</h2>
        {byPlace(shortcutRows(KEY_STYLE)).map(([where, rows]) => (
          <section key={where} aria-label={where}>
            <h3>{where.charAt(0).toUpperCase() + where.slice(1)}</h3>
            <table>
              <tbody>
                {rows.map((row) => (
                  <tr key={row.name}>
                    <th scope="row">
                      {row.keys.map((key, i) => (
                        <span key={key}>
                          {i > 0 && ' or '}
                          <kbd>{key}</kbd>
                        </span>
                      ))}
                    </th>
                    {/* The README's Markdown code marks mean nothing here. */}
                    <td>{row.does.replaceAll('`', '')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
        <div className="modal-actions">
          <button onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}
