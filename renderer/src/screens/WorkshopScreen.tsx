import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { handleBoardKey } from '../editor/keyboard.ts';
import { Board } from '../board/Board.tsx';
import { TopBar } from './TopBar.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { Sidebar } from '../panels/Sidebar.tsx';

function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

export function WorkshopScreen({ editor, onClose }: { editor: Editor; onClose(): void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (isTextField(event.target) || event.defaultPrevented) return;
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'w') {
        event.preventDefault();
        onClose();
        return;
      }
      handleBoardKey(editor, event);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [editor, onClose]);

  return (
    <div className="workshop">
      <TopBar editor={editor} onClose={onClose} />
      <div className="workshop-body">
        <Board editor={editor} />
        <Sidebar editor={editor} />
      </div>
      <NoticeBar editor={editor} />
    </div>
  );
}

export function useSaveLabel(editor: Editor): string {
  const save = useStore(editor.store, (s) => s.save);
  if (save.status === 'saving') return 'Saving…';
  if (save.status === 'failed') return 'Not saved';
  return 'All changes saved';
}
