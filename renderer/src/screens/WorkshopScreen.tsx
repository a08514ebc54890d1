import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { actionForKey, focusPlace, handleKey } from '../editor/keyboard.ts';
import { Board } from '../board/Board.tsx';
import { TopBar } from './TopBar.tsx';
import { NoticeBar } from './NoticeBar.tsx';
import { Sidebar } from '../panels/Sidebar.tsx';
import { roomStore } from '../room/room-store.ts';
import { ProjectorOverlay } from '../room/ProjectorOverlay.tsx';
import { CommandPalette } from '../room/CommandPalette.tsx';
import { ExchangeDialog } from '../exchange/ExchangeDialog.tsx';
import { SaveProblemBar } from '../safety/SaveProblemBar.tsx';
import type { Platform } from '../platform/platform.ts';
import { InterviewsView } from '../interviews/InterviewsView.tsx';
import { DecisionsView } from '../decisions/DecisionsView.tsx';
import { interviewViewStore } from '../interviews/interview-view-store.ts';
import { focusBoard, rememberFocus } from '../board/keyboard-regions.ts';
import { RoomPanel } from '../phones/RoomPanel.tsx';

const NON_TEXT_INPUTS = new Set(['checkbox', 'radio', 'button', 'submit', 'reset', 'color', 'range', 'file']);

/** Where keys belong to what is being typed; a ticked checkbox must not swallow shortcuts. */
export function isTextField(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target instanceof HTMLInputElement) return !NON_TEXT_INPUTS.has(target.type);
  return target.isContentEditable || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT';
}

export function WorkshopScreen({ editor, platform, onClose }: { editor: Editor; platform: Platform; onClose(): void }) {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      // F6 / Shift+F6 act from a text field too: that is where a keyboard user most needs
      // a way out. Every other key there is the field's.
      if (isTextField(event.target)) return void handleKey({ editor }, event, 'field');
      // Projector mode has the clicker's keys; the board's editing keys are off there.
      if (roomStore.getState().projector !== null) return void handleKey({ editor }, event, 'projector');
      // Board keys (S, arrows…) act only while the board has focus; a focused button
      // keeps its letters. Ctrl/Cmd chords and F5 act anywhere. No action has Tab here:
      // it moves the page's focus, out of the board too, so the board is never a trap.
      // The Interviews view hides the board, so the board's own keys (N, S, arrows…) are off there.
      // The Decisions view hides it too.
      const interviewing = interviewViewStore.getState().view !== 'map';
      const place = interviewing ? 'elsewhere' : focusPlace(event.target);
      if (handleKey({ editor }, event, place)) return;
      // The board's deselect key (Esc), pressed on a button or a tab, hands the keys back
      // to the board, and shows that it has them.
      if (place === 'elsewhere' && actionForKey(event, 'board') === 'clear-focus' && event.target instanceof HTMLElement) {
        if (interviewing || !focusBoard()) event.target.blur();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    // F6 comes back to where focus last was in a region.
    const onFocusIn = (event: FocusEvent) => rememberFocus(event.target);
    document.addEventListener('focusin', onFocusIn);
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      document.removeEventListener('focusin', onFocusIn);
    };
  }, [editor]);

  const presenting = useStore(roomStore, (s) => s.projector !== null);
  // The projector always shows the map; the Interviews view takes the board's place otherwise.
  const view = useStore(interviewViewStore, (s) => s.view);
  const interviewing = view === 'interviews' && !presenting;
  const deciding = view === 'decisions' && !presenting;
  return (
    <div className={`workshop ${presenting ? 'presenting' : ''}`}>
      {!presenting && <TopBar editor={editor} onClose={onClose} />}
      {!presenting && <SaveProblemBar editor={editor} />}
      <div className="workshop-body">
        {interviewing ? (
          <InterviewsView editor={editor} platform={platform} />
        ) : deciding ? (
          <DecisionsView editor={editor} platform={platform} />
        ) : (
          <>
            <Board editor={editor} />
            {!presenting && <Sidebar editor={editor} />}
          </>
        )}
      </div>
      <ProjectorOverlay editor={editor} />
      <RoomPanel editor={editor} />
      <CommandPalette editor={editor} />
      <ExchangeDialog editor={editor} platform={platform} />
      <NoticeBar editor={editor} />
    </div>
  );
}

export function useSaveLabel(editor: Editor): string {
  const save = useStore(editor.store, (s) => s.save);
  const readOnly = useStore(editor.store, (s) => s.workshop?.readOnly ?? false);
  if (readOnly) return 'Read-only';
  if (save.status === 'saving') return 'Saving…';
  if (save.status === 'failed') return 'Not saved';
  return 'All changes saved';
}
