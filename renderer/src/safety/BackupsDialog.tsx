import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { BackupEntry } from '../../../shared/api/contract.ts';
import type { Editor } from '../editor/editor.ts';
import { uiStore } from '../editor/ui-store.ts';
import type { Platform } from '../platform/platform.ts';
import { restoreBackup } from '../screens/workshop-flows.ts';

/** Restore from backup…: the rolling backups of a workshop, newest first. */
export function BackupsDialog({ editor, platform }: { editor: Editor; platform: Platform }) {
  const request = useStore(uiStore, (s) => s.backups);
  if (!request) return null;
  return <BackupList key={request.path ?? 'open'} editor={editor} platform={platform} path={request.path} />;
}

function BackupList({ editor, platform, path }: { editor: Editor; platform: Platform; path: string | undefined }) {
  const [backups, setBackups] = useState<BackupEntry[] | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const close = () => uiStore.setState({ backups: null });
  useEffect(() => {
    void editor.api['backup-list'](path === undefined ? {} : { path }).then((result) => {
      if (result.ok) setBackups(result.value);
      else setProblem(result.error.message);
    });
  }, [editor, path]);
  return (
    <div className="modal-backdrop" onMouseDown={close}>
      <div className="modal wide" role="dialog" aria-modal="true" aria-labelledby="backups-title" onMouseDown={(e) => e.stopPropagation()} onKeyDown={(e) => e.key === 'Escape' && close()}>
        <h2 id="backups-title">Restore from backup</h2>
        <p className="muted">
          Journeyboard keeps a copy of each workshop when it is opened and every few minutes while it is edited, in its own data folder. A backup is restored as a new file;
          the workshop itself is not changed.
        </p>
        {problem && <p role="alert">{problem}</p>}
        {backups === null && !problem && <p>Looking for backups…</p>}
        {backups?.length === 0 && <p>There are no backups of this workshop yet.</p>}
        {backups && backups.length > 0 && (
          <table className="backup-table">
            <thead>
              <tr>
                <th scope="col">Taken</th>
                <th scope="col">Cards</th>
                <th scope="col">Size</th>
                <th scope="col">
                  <span className="visually-hidden">Restore</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {backups.map((backup) => (
                <tr key={backup.id}>
                  <td>{new Date(backup.takenAt).toLocaleString()}</td>
                  <td>{backup.cards}</td>
                  <td>{formatSize(backup.bytes)}</td>
                  <td>
                    <button
                      onClick={async () => {
                        if (await restoreBackup(editor, platform, backup.id, backup.workshopName, backup.takenAt)) close();
                      }}
                      aria-label={`Restore as a new file… the backup of ${new Date(backup.takenAt).toLocaleString()}`}
                    >
                      Restore as a new file…
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <div className="modal-actions">
          {/* Focus starts inside the dialog, so Escape and Tab work from the keyboard at once. */}
          <button autoFocus onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function formatSize(bytes: number): string {
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
