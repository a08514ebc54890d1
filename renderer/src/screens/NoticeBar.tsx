import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';

const INFO_VISIBLE_MS = 8000;

/** Errors stay until dismissed; information fades after a while. */
export function NoticeBar({ editor }: { editor: Editor }) {
  const notice = useStore(editor.store, (s) => s.notice);
  useEffect(() => {
    if (notice?.kind !== 'info') return;
    const timer = setTimeout(() => editor.showNotice(null), INFO_VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [editor, notice]);
  if (!notice) return null;
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.message}</span>
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
