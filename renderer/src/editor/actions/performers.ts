import type { RunnableName } from '../../../../shared/actions/action-list.ts';
import type { Editor } from '../editor.ts';
import { actualSize, addCard, addLane, addStage, addStep, deleteFocused, editFocused, focusStage, moveFocusedHeader, zoomBy, zoomToFit, zoomToSelection } from '../commands.ts';
import { arrowFocus } from '../navigation.ts';
import { anonymizeChange } from '../../../../shared/interviews/outgoing.ts';
import { uiStore } from '../ui-store.ts';
import { enterProjector, exitProjector, goToStage, stepProjector } from '../../room/projector-mode.ts';
import { scrollProjector } from '../../room/projector.ts';
import { cycleRegion } from '../../board/keyboard-regions.ts';
import { preferences } from '../../room/preferences.ts';
import { roomStore, timerActions, type SidebarTab } from '../../room/room-store.ts';
import { castDotFor } from '../../room/vote-actions.ts';
import { showView } from '../../interviews/interview-view-store.ts';
import { askRoomHere, closeRoom, showOpenRoomDialog, takeBackLastPhoneCard } from '../../phones/room-link.ts';

/** What the app around the workshop can do: New and Open need its dialogs. */
export interface AppFlows {
  startNew(): void;
  open(): unknown;
}

/** Everything an action may need when it runs. */
export interface ActionEnv {
  editor: Editor;
  /** The key that ran it, for actions whose keys differ in meaning (arrows, 1–9). */
  key?: string;
  /** Present where the app's flows are wired (the menu); the workshop screen has none. */
  flows?: AppFlows;
}

type Perform = (env: ActionEnv) => void;

const openTab = (sidebarTab: SidebarTab) => () => roomStore.setState({ sidebarTab });
const theme = (value: 'light' | 'dark' | 'projector') => () => preferences.getState().setTheme(value);
const ARROW_DIRECTIONS = ['left', 'right', 'up', 'down'] as const;

/** "ArrowLeft" → "left": the direction is read off the key, so arrows are named once. */
function arrowDirection(key: string | undefined): (typeof ARROW_DIRECTIONS)[number] | undefined {
  const direction = key?.startsWith('Arrow') ? key.slice('Arrow'.length).toLowerCase() : undefined;
  return ARROW_DIRECTIONS.find((d) => d === direction);
}

function focusedCardId(editor: Editor): string | undefined {
  const focus = editor.state.focus;
  return focus?.kind === 'cell' ? focus.cardId : undefined;
}

/**
 * What each action does, by the name the action list gives it. The runner looks actions
 * up here at call time, so tests can watch which one a key or the palette ran.
 */
export const PERFORMERS: Record<RunnableName, Perform> = {
  'add-stage': ({ editor }) => addStage(editor),
  'add-step': ({ editor }) => addStep(editor),
  'add-lane': ({ editor }) => addLane(editor),
  'add-card': ({ editor }) => addCard(editor),
  'edit-focused': ({ editor }) => editFocused(editor),
  delete: ({ editor }) => deleteFocused(editor),
  'move-focus': ({ editor, key }) => editor.setFocus(arrowFocus(editor.layout()!, editor.state.focus, arrowDirection(key)!)),
  'move-earlier': ({ editor }) => moveFocusedHeader(editor, -1),
  'move-later': ({ editor }) => moveFocusedHeader(editor, 1),
  'clear-focus': ({ editor }) => editor.setFocus(null),
  'cast-dot': ({ editor, key }) => castDotFor(editor, focusedCardId(editor)!, Number(key) - 1),
  'next-region': () => void cycleRegion(false),
  'previous-region': () => void cycleRegion(true),
  undo: ({ editor }) => editor.undo(),
  redo: ({ editor }) => editor.redo(),
  'zoom-to-fit': ({ editor }) => zoomToFit(editor),
  'zoom-in': ({ editor }) => zoomBy(editor, 1.25),
  'zoom-out': ({ editor }) => zoomBy(editor, 0.8),
  'zoom-reset': ({ editor }) => actualSize(editor),
  'zoom-to-selection': ({ editor }) => zoomToSelection(editor),
  'focus-stage': ({ editor }) => focusStage(editor),
  'command-palette': () => roomStore.setState({ paletteOpen: true }),
  projector: ({ editor }) => enterProjector(editor),
  'projector-next': ({ editor }) => stepProjector(editor, 1),
  'projector-previous': ({ editor }) => stepProjector(editor, -1),
  'projector-first': ({ editor }) => goToStage(editor, -Infinity),
  'projector-last': ({ editor }) => goToStage(editor, Infinity),
  'projector-scroll': ({ editor, key }) => {
    const layout = editor.layout();
    if (layout) editor.setViewport(scrollProjector(editor.state.viewport, layout, editor.boardSize.height, key === 'ArrowUp' ? -1 : 1));
  },
  'projector-leave': () => exitProjector(),
  'timer-2': () => timerActions.startFor(2),
  'timer-5': () => timerActions.startFor(5),
  'timer-10': () => timerActions.startFor(10),
  'timer-15': () => timerActions.startFor(15),
  'timer-pause': () => timerActions.pause(),
  'timer-resume': () => timerActions.start(),
  'timer-add-minute': () => timerActions.addMinute(),
  'timer-reset': () => timerActions.reset(),
  'timer-chime': ({ editor }) => {
    const on = !preferences.getState().timerSound;
    preferences.getState().setTimerSound(on);
    editor.showNotice({ kind: 'info', message: on ? 'The timer will chime when it ends.' : 'The timer will end silently (it still flashes).' });
  },
  vote: openTab('vote'),
  park: openTab('parking'),
  agenda: openTab('agenda'),
  personas: openTab('personas'),
  priorities: openTab('priorities'),
  decisions: () => showView('decisions'),
  outline: openTab('outline'),
  'room-open': ({ editor }) => void showOpenRoomDialog(editor),
  'room-ask-here': ({ editor }) => void askRoomHere(editor),
  'room-take-back': ({ editor }) => void takeBackLastPhoneCard(editor),
  'room-close': ({ editor }) => void closeRoom(editor),
  'workshop-new': ({ flows }) => flows?.startNew(),
  'workshop-open': ({ flows }) => void flows?.open(),
  'save-copy': () => uiStore.setState({ copyRequested: true }),
  'restore-backup': () => uiStore.setState({ backups: {} }),
  anonymize: ({ editor }) => {
    const change = anonymizeChange(editor.state.records);
    if (!change) return editor.showNotice({ kind: 'info', message: 'There are no real names to remove: no interview has a private key.' });
    if (editor.commit(change)) {
      editor.showNotice({ kind: 'info', message: 'Every real name was replaced by its code and every private key removed. Undo brings them back.', offerUndo: true });
    }
  },
  export: () => roomStore.setState({ exchangeOpen: true }),
  import: () => roomStore.setState({ exchangeOpen: true }),
  'workshop-close': ({ editor }) => void editor.closeWorkshop(),
  shortcuts: () => uiStore.setState({ shortcutsOpen: true }),
  'theme-light': theme('light'),
  'theme-dark': theme('dark'),
  'theme-projector': theme('projector'),
};

const hasLayout = ({ editor }: ActionEnv) => editor.layout() !== null;
const presenting = () => roomStore.getState().projector !== null;

/**
 * When an action can run, beyond its context: an action that cannot leaves its key to
 * the page (a digit outside a vote is just a digit).
 */
export const CONDITIONS: Partial<Record<RunnableName, (env: ActionEnv) => boolean>> = {
  // Projector mode shows no regions; the keys wait until it is left.
  'next-region': () => !presenting(),
  'previous-region': () => !presenting(),
  'projector-next': presenting,
  'projector-previous': presenting,
  'projector-first': presenting,
  'projector-last': presenting,
  'projector-scroll': presenting,
  'projector-leave': presenting,
  'move-focus': (env) => hasLayout(env) && arrowDirection(env.key) !== undefined,
  // While a vote is open, 1–9 place a dot for that participant on the selected card.
  'cast-dot': ({ editor, key }) => roomStore.getState().voting !== null && focusedCardId(editor) !== undefined && /^[1-9]$/.test(key ?? ''),
  'workshop-new': ({ flows }) => flows !== undefined,
  'workshop-open': ({ flows }) => flows !== undefined,
};
