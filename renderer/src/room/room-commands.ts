import type { Editor } from '../editor/editor.ts';
import { COMMANDS } from '../editor/commands.ts';
import { cellRect } from '../../../shared/layout/board-layout.ts';
import { fitRect } from '../editor/viewport.ts';
import { enterProjector } from './projector-mode.ts';
import { preferences, type Theme } from './preferences.ts';
import { roomStore, timerActions, type SidebarTab } from './room-store.ts';
import { uiStore } from '../editor/ui-store.ts';

/** Everything the command palette offers: one entry per action, with its shortcut. */
export interface PaletteCommand {
  name: string;
  label: string;
  shortcut?: string;
  run(editor: Editor): void;
}

/** Zooms to what has focus: a card, a cell, or a header. */
export function zoomToSelection(editor: Editor): void {
  const layout = editor.layout();
  const focus = editor.state.focus;
  if (!layout || !focus) return;
  const rect =
    focus.kind === 'cell'
      ? focus.cardId
        ? layout.cardById.get(focus.cardId)
        : cellRect(layout, focus)
      : (layout.stages.find((s) => s.stage.id === focus.id) ?? layout.steps.find((s) => s.step.id === focus.id) ?? layout.lanes.find((l) => l.lane.id === focus.id));
  if (rect) editor.setViewport(fitRect(rect, editor.boardSize, 2));
}

/** Fills the screen with the stage that has focus, every lane of it. */
export function focusStage(editor: Editor): void {
  const layout = editor.layout();
  const focus = editor.state.focus;
  if (!layout || !focus) return;
  const record = editor.state.records[focus.kind === 'cell' ? focus.stepId : focus.id];
  const stageId = record?.type === 'stage' ? record.id : record?.type === 'step' ? record.stageId : undefined;
  const stage = layout.stages.find((s) => s.stage.id === stageId);
  if (stage) editor.setViewport(fitRect({ x: stage.x, y: 0, width: stage.width, height: layout.height }, editor.boardSize, 2));
}

const theme = (value: Theme, label: string): PaletteCommand => ({ name: `theme-${value}`, label, run: () => preferences.getState().setTheme(value) });
const openTab = (sidebarTab: SidebarTab) => () => roomStore.setState({ sidebarTab });

export const ROOM_COMMANDS: PaletteCommand[] = [
  { name: 'projector', label: 'Projector mode', shortcut: 'F5', run: enterProjector },
  { name: 'zoom-to-selection', label: 'Zoom to selection', shortcut: 'Z', run: zoomToSelection },
  { name: 'focus-stage', label: 'Focus on this stage', shortcut: 'G', run: focusStage },
  ...[2, 5, 10, 15].map((m) => ({ name: `timer-${m}`, label: `Start a ${m}-minute timer`, run: () => timerActions.startFor(m) })),
  { name: 'timer-pause', label: 'Pause the timer', run: () => timerActions.pause() },
  { name: 'timer-resume', label: 'Resume the timer', run: () => timerActions.start() },
  { name: 'timer-add-minute', label: 'Add a minute to the timer', run: () => timerActions.addMinute() },
  { name: 'timer-reset', label: 'Reset the timer', run: () => timerActions.reset() },
  { name: 'save-copy', label: 'Save a copy as…', run: () => uiStore.setState({ copyRequested: true }) },
  { name: 'restore-backup', label: 'Restore from backup…', run: () => uiStore.setState({ backups: {} }) },
  { name: 'export', label: 'Export deck, picture, CSV or JSON…', run: () => roomStore.setState({ exchangeOpen: true }) },
  { name: 'import', label: 'Import cards from CSV or a workshop from JSON…', run: () => roomStore.setState({ exchangeOpen: true }) },
  { name: 'vote', label: 'Dot vote…', run: openTab('vote') },
  { name: 'park', label: 'Park a topic…', run: openTab('parking') },
  { name: 'agenda', label: 'Agenda', run: openTab('agenda') },
  { name: 'personas', label: 'Personas', run: openTab('personas') },
  { name: 'priorities', label: 'Priorities: pain points by cost, moments of truth', run: openTab('priorities') },
  {
    name: 'timer-chime',
    label: 'Timer chime on or off',
    run: (editor) => {
      const on = !preferences.getState().timerSound;
      preferences.getState().setTimerSound(on);
      editor.showNotice({ kind: 'info', message: on ? 'The timer will chime when it ends.' : 'The timer will end silently (it still flashes).' });
    },
  },
  theme('light', 'Theme: light'),
  theme('dark', 'Theme: dark'),
  theme('projector', 'Theme: projector (high contrast)'),
];

export function paletteCommands(): PaletteCommand[] {
  return [...COMMANDS.map((c) => ({ name: c.name, label: c.label, ...(c.shortcut ? { shortcut: c.shortcut } : {}), run: c.run })), ...ROOM_COMMANDS];
}

/** Every word typed must begin a word of the label: "timer 5" is not the 15-minute one. */
export function matchCommands(commands: PaletteCommand[], query: string): PaletteCommand[] {
  const typed = query.toLowerCase().split(/\s+/).filter(Boolean);
  return commands.filter((command) => {
    const words = command.label.toLowerCase().split(/[^\p{L}\p{N}]+/u);
    return typed.every((t) => words.some((w) => w.startsWith(t)));
  });
}
