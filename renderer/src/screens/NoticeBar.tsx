import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { roomStore } from '../room/room-store.ts';

const INFO_VISIBLE_MS = 8000;

/** Errors stay until dismissed; information fades after a while. */
export function NoticeBar({ editor }: { editor: Editor }) {
  const notice = useStore(editor.store, (s) => s.notice);
  // The room sees the map, not housekeeping: on the projector only errors show.
  const presenting = useStore(roomStore, (s) => s.projector !== null);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => editor.showNotice(null), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [editor, notice]);
  if (!notice || (presenting && notice.kind !== 'error')) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'info' ? 'status' : 'alert'}>
      <span>{notice.message}</span>
      {notice.offerCloseAnyway && (
        <button onClick={() => void editor.closeWorkshop(true)}>Close without saving them</button>
      )}
      {notice.offerUndo && (
        <button
          onClick={() => {
            editor.undo();
            editor.showNotice(null);
          }}
        >
          Undo
        </button>
      )}
      <button className="link" onClick={() => editor.showNotice(null)} aria-label="Dismiss">
        ✕
      </button>
    </div>
  );
}
