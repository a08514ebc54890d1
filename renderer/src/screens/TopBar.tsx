import { useStore } from 'zustand';
import { workshopNameIn, type Editor } from '../editor/editor.ts';
import type { RunnableName } from '../../../shared/actions/action-list.ts';
import { runAction, shortcutText, titleOf } from '../editor/actions/run-action.ts';
import { useSaveLabel } from './WorkshopScreen.tsx';
import { JourneySwitcher } from './JourneySwitcher.tsx';
import { TimerWidget } from '../room/TimerWidget.tsx';
import { ThemeSwitch } from './ThemeSwitch.tsx';
import { enterProjector } from '../room/projector-mode.ts';
import { roomStore } from '../room/room-store.ts';
import { ViewSwitch } from '../interviews/ViewSwitch.tsx';
import { interviewViewStore } from '../interviews/interview-view-store.ts';
import './topbar.css';

const ADD: { name: RunnableName; text: string }[] = [
  { name: 'add-stage', text: '+ Stage' },
  { name: 'add-step', text: '+ Step' },
  { name: 'add-lane', text: '+ Lane' },
  { name: 'add-card', text: '+ Card' },
];

/** A title row (which workshop, which journey, the room's timer) and a tool row. */
export function TopBar({ editor, onClose }: { editor: Editor; onClose(): void }) {
  const path = useStore(editor.store, (s) => s.workshop?.path);
  const name = useStore(editor.store, (s) => workshopNameIn(s.records));
  const canUndo = useStore(editor.store, (s) => s.undoStack.length > 0);
  const canRedo = useStore(editor.store, (s) => s.redoStack.length > 0);
  const saveStatus = useStore(editor.store, (s) => s.save.status);
  const saveLabel = useSaveLabel(editor);
  const run = (name: RunnableName) => () => runAction(name, { editor });
  // The board's tools act on a board that the Interviews view does not show.
  const onMap = useStore(interviewViewStore, (s) => s.view === 'map');
  return (
    <header className="topbar">
      <div className="topbar-row">
        <div className="topbar-title">
          <span className="app-mark" aria-hidden>
            ◆
          </span>
          <div className="topbar-name">
            <h1 title={path ? `${name}\n${path}` : name}>{name}</h1>
            <span className={`save-status save-${saveStatus}`} role="status" aria-live="polite">
              {saveLabel}
            </span>
          </div>
        </div>
        <ViewSwitch />
        <JourneySwitcher editor={editor} />
        <div className="topbar-end">
          <button onClick={() => roomStore.setState({ exchangeOpen: true })} title="Export a deck, picture, CSV or JSON; import cards">
            Export…
          </button>
          <button className="primary" onClick={() => enterProjector(editor)} title={titleOf('projector')}>
            Present
          </button>
          <button onClick={onClose} title={titleOf('workshop-close')}>
            Close
          </button>
        </div>
      </div>
      <nav className="toolbar" aria-label="Board tools">
        <button onClick={run('undo')} disabled={!canUndo} title={titleOf('undo')}>
          Undo
        </button>
        <button onClick={run('redo')} disabled={!canRedo} title={titleOf('redo')}>
          Redo
        </button>
        {onMap && (
          <>
            <span className="separator" />
            {ADD.map((item) => (
              <button key={item.name} onClick={run(item.name)} title={titleOf(item.name)}>
                {item.text}
              </button>
            ))}
            <span className="separator" />
            <button onClick={run('zoom-out')} title={titleOf('zoom-out')} aria-label="Zoom out">
              −
            </button>
            <button onClick={run('zoom-to-fit')} title={titleOf('zoom-to-fit')}>
              Fit
            </button>
            <button onClick={run('zoom-in')} title={titleOf('zoom-in')} aria-label="Zoom in">
              +
            </button>
          </>
        )}
        <span className="toolbar-spacer" />
        <TimerWidget />
        <ThemeSwitch />
        <button onClick={() => roomStore.setState({ paletteOpen: true })} title={`Every command, with its shortcut (${shortcutText('command-palette')})`}>
          Commands <kbd>{shortcutText('command-palette')}</kbd>
        </button>
      </nav>
    </header>
  );
}
