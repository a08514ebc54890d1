import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ACTION_BY_NAME, ACTIONS, findClashes, shortcutTable, type ActionDefinition, type RunnableName } from '../../../shared/actions/action-list.ts';
import { acceleratorFor, eventFor, keyLabel, keysLabels, matchesKey, parseKey } from '../../../shared/actions/keys.ts';
import { Editor } from '../../../renderer/src/editor/editor.ts';
import { setCardText } from '../../../renderer/src/editor/document-actions.ts';
import { PERFORMERS } from '../../../renderer/src/editor/actions/performers.ts';
import { KEY_STYLE, runAction } from '../../../renderer/src/editor/actions/run-action.ts';
import { actionForKey, handleKey, typingActionForKey, type KeyPlace } from '../../../renderer/src/editor/keyboard.ts';
import { paletteCommands, ROOM_COMMANDS } from '../../../renderer/src/room/room-commands.ts';
import { roomStore } from '../../../renderer/src/room/room-store.ts';
import { API_NAMES, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { newWorkshopRecords } from '../../../shared/model/new-workshop.ts';
import { stagesOf, stepsOf } from '../../../shared/model/document.ts';

/** An editor with a workshop open against a stand-in for the file that takes every change. */
async function openEditor(): Promise<Editor> {
  const records = newWorkshopRecords('Test');
  const opened = { path: '/w.journey', fileFormatVersion: 1, records, readOnly: false, notices: [] };
  const api = Object.fromEntries(API_NAMES.map((name) => [name, async () => ({ ok: true, value: null })])) as unknown as JourneyboardApi;
  (api as any)['workshop-open'] = async () => ({ ok: true, value: opened });
  (api as any)['workshop-apply-change'] = async () => ({ ok: true, value: { savedAt: '2026-11-23T10:00:00.000Z' } });
  const editor = new Editor(api);
  await editor.openWorkshop('/w.journey');
  return editor;
}

/** A key press as the window's listener gets it, noting whether its default was cancelled. */
function press(spec: string) {
  const event = {
    ...eventFor(spec),
    prevented: false,
    preventDefault: () => void (event.prevented = true),
  };
  return event;
}

/** Replaces every action's effect with a note of its name, to see which one a path runs. */
function watchPerformers(): string[] {
  const ran: string[] = [];
  for (const name of Object.keys(PERFORMERS) as RunnableName[]) vi.spyOn(PERFORMERS, name).mockImplementation(() => void ran.push(name));
  return ran;
}

afterEach(() => {
  vi.restoreAllMocks();
  roomStore.setState({ voting: null, paletteOpen: false });
});

describe('the action list', () => {
  it('has one entry per name, and every key in it parses', () => {
    expect(new Set(ACTIONS.map((a) => a.name)).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) for (const key of 'keys' in action ? action.keys : []) expect(() => parseKey(key), `${action.name}: ${key}`).not.toThrow();
  });

  it('gives no key to two actions where both would hear it', () => {
    expect(findClashes(ACTIONS)).toEqual([]);
  });

  it('catches a key given twice in one context, also when spelled differently', () => {
    const extra: ActionDefinition[] = [
      { name: 'x-board', label: 'X', keys: ['s'], context: 'board' },
      { name: 'x-global', label: 'Y', keys: ['Mod+Shift+z'], context: 'workshop' },
    ];
    expect(findClashes([...ACTIONS, ...extra])).toEqual([
      's (board): add-stage and x-board',
      'Mod+Shift+z (board): redo and x-global',
      'Mod+Shift+z (elsewhere): redo and x-global',
      'Mod+Shift+z (typing): redo and x-global',
      'Mod+Shift+z (projector): redo and x-global',
    ]);
    // The same key in places that are never live together is no clash: Esc on the board and in a card.
    expect(findClashes([{ name: 'a', label: 'A', keys: ['Escape'], context: 'board' }, { name: 'b', label: 'B', keys: ['Escape'], context: 'typing' }])).toEqual([]);
  });

  it('has no runnable action without a performer, and no performer without an action', () => {
    const runnable = ACTIONS.filter((a) => a.context !== 'typing').map((a) => a.name);
    expect(Object.keys(PERFORMERS).sort()).toEqual([...runnable].sort());
  });

  it('writes each shortcut for people, for the keyboard and for Electron from one spelling', () => {
    expect(keyLabel('Mod+Shift+Z', 'pc')).toBe('Ctrl+Shift+Z');
    expect(keyLabel('Mod+Shift+Z', 'mac')).toBe('Cmd+Shift+Z');
    expect(keyLabel('Mod+Shift+Z', 'any')).toBe('Ctrl/Cmd+Shift+Z');
    expect(keysLabels(ACTION_BY_NAME['move-focus'].keys!, 'any')).toEqual(['arrow keys']);
    expect(keysLabels(ACTION_BY_NAME['cast-dot'].keys!, 'any')).toEqual(['1–9']);
    expect(acceleratorFor('Mod+Shift+S')).toEqual({ accelerator: 'CmdOrCtrl+Shift+S', register: true });
    expect(acceleratorFor('+')).toEqual({ accelerator: 'Plus', register: false });
    expect(acceleratorFor('F5')).toEqual({ accelerator: 'F5', register: true });
    const key = (over: Partial<ReturnType<typeof eventFor>>) => ({ ...eventFor('S'), ...over });
    expect(matchesKey('S', key({ key: 'S' }))).toBe(true); // Caps Lock
    expect(matchesKey('S', key({ key: 'S', shiftKey: true }))).toBe(false);
    expect(matchesKey('Mod+K', key({ key: 'k', metaKey: true }))).toBe(true);
    expect(matchesKey('+', { ...eventFor('+'), shiftKey: true })).toBe(true);
    expect(matchesKey('Tab', eventFor('Shift+Tab'))).toBe(false);
  });

  it('is the README’s shortcut table, row for row', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8').split('\n');
    const start = readme.findIndex((line) => line.includes('**Keyboard first**'));
    const table = readme.slice(start).filter((_, i, lines) => lines.slice(0, i + 1).some((l) => l.startsWith('  |')));
    const rows = table.slice(0, table.findIndex((line) => !line.startsWith('  |')));
    const expected = shortcutTable().map((row) => `  ${row}`);
    expect(rows, `README.md's table under "Keyboard first" should be:\n${expected.join('\n')}`).toEqual(expected);
  });
});

describe('keys, the palette and the menu run the same actions', () => {
  it('runs, for each shortcut the palette shows, the action the palette runs', async () => {
    const editor = await openEditor();
    const ran = watchPerformers();
    const offered = paletteCommands(editor).filter((command) => command.shortcut);
    expect(offered.map((c) => c.name)).toEqual(expect.arrayContaining(['add-stage', 'add-card', 'edit-focused', 'undo', 'zoom-to-fit', 'projector']));
    for (const command of offered) {
      const action = ACTION_BY_NAME[command.name];
      expect(command.shortcut).toBe(keyLabel(action.keys![0]!, KEY_STYLE));
      for (const key of action.keys!) {
        ran.length = 0;
        const event = press(key);
        expect(handleKey({ editor }, event, 'board'), `${key} for ${command.name}`).toBe(true);
        expect(event.prevented).toBe(true);
        const byKey = [...ran];
        ran.length = 0;
        command.run(editor);
        expect(byKey, `${key}`).toEqual([command.name]);
        expect(ran).toEqual([command.name]);
      }
    }
  });

  it('finds every action by each of its keys where that action listens', () => {
    const placeOf: Record<string, KeyPlace> = { board: 'board', projector: 'projector' };
    for (const action of ACTIONS) {
      if (!('keys' in action)) continue;
      for (const key of action.keys) {
        const found = action.context === 'typing' ? typingActionForKey(eventFor(key)) : actionForKey(eventFor(key), placeOf[action.context] ?? 'elsewhere');
        expect(found, key).toBe(action.name);
      }
    }
  });

  it('lists in the palette every action that needs no key, and New and Open only where the menu can run them', async () => {
    const editor = await openEditor();
    const names = paletteCommands(editor).map((c) => c.name);
    expect(names).toEqual(expect.arrayContaining(['add-stage', 'delete', 'zoom-to-selection', 'focus-stage', 'timer-5', 'theme-dark', 'save-copy']));
    expect(names).not.toContain('move-focus');
    expect(names).not.toContain('workshop-new');
    expect(ROOM_COMMANDS.map((c) => c.name)).toContain('workshop-new');
    expect(runAction('workshop-new', { editor })).toBe(false);
    const flows = { startNew: vi.fn(), open: vi.fn() };
    expect(runAction('workshop-new', { editor, flows })).toBe(true);
    expect(flows.startNew).toHaveBeenCalledOnce();
  });
});

describe('where keys act', () => {
  it('gives single-key board shortcuts, Tab and the arrows to the board only: a focused button keeps them', async () => {
    const editor = await openEditor();
    for (const key of ['S', 'T', 'L', 'N', 'F', 'Z', 'G', '0', 'Tab', 'Shift+Tab', 'ArrowDown', 'Enter', 'Delete']) {
      const event = press(key);
      expect(handleKey({ editor }, event, 'elsewhere'), key).toBe(false);
      expect(event.prevented, key).toBe(false);
    }
    expect(stagesOf(editor.state.records, editor.state.journeyId!)).toHaveLength(0);
    expect(handleKey({ editor }, press('S'), 'board')).toBe(true);
    expect(stagesOf(editor.state.records, editor.state.journeyId!)).toHaveLength(1);
  });

  it('acts on Ctrl/Cmd+K, undo, redo, Ctrl/Cmd+W and F5 wherever focus is', async () => {
    const editor = await openEditor();
    const ran = watchPerformers();
    for (const place of ['board', 'elsewhere'] as const) {
      ran.length = 0;
      for (const key of ['Mod+K', 'Mod+Z', 'Mod+Shift+Z', 'Mod+Y', 'Mod+W', 'F5']) expect(handleKey({ editor }, press(key), place), `${key} ${place}`).toBe(true);
      expect(ran).toEqual(['command-palette', 'undo', 'redo', 'redo', 'workshop-close', 'projector']);
    }
  });

  it('leaves the board’s keys to the field while a card or name is being typed', async () => {
    const editor = await openEditor();
    editor.startEditing({ kind: 'header', id: editor.state.journeyId! });
    expect(handleKey({ editor }, press('S'), 'board')).toBe(false);
  });

  it('leaves a digit alone outside a vote', async () => {
    const editor = await openEditor();
    const event = press('3');
    expect(handleKey({ editor }, event, 'board')).toBe(false);
    expect(event.prevented).toBe(false);
  });

  it('moves between cells with the arrows on the board, and leaves Tab to the page', async () => {
    const editor = await openEditor();
    runAction('add-stage', { editor });
    editor.stopEditing();
    const journeyId = editor.state.journeyId!;
    const step = stepsOf(editor.state.records, stagesOf(editor.state.records, journeyId)[0]!.id)[0]!;
    const lanes: string[] = editor.layout()!.lanes.map((l) => l.lane.id);
    editor.setFocus({ kind: 'cell', stepId: step.id, laneId: lanes[0]! });
    const tab = press('Tab');
    expect(handleKey({ editor }, tab, 'board')).toBe(false);
    expect(tab.prevented).toBe(false);
    expect(handleKey({ editor }, press('ArrowDown'), 'board')).toBe(true);
    expect(editor.state.focus).toMatchObject({ kind: 'cell', stepId: step.id, laneId: lanes[1] });
  });

  it('gives Tab and Shift+Tab to the card being typed (next and previous cell), never to the board', () => {
    expect(typingActionForKey(eventFor('Tab'))).toBe('next-cell');
    expect(typingActionForKey(eventFor('Shift+Tab'))).toBe('previous-cell');
    for (const place of ['board', 'elsewhere', 'projector', 'field'] as const) {
      expect(actionForKey(eventFor('Tab'), place), place).toBeUndefined();
      expect(actionForKey(eventFor('Shift+Tab'), place), place).toBeUndefined();
    }
  });

  it('lets F6 and Shift+F6 out of a text field, and nothing else', async () => {
    const editor = await openEditor();
    const ran = watchPerformers();
    expect(actionForKey(eventFor('F6'), 'field')).toBe('next-region');
    expect(actionForKey(eventFor('Shift+F6'), 'field')).toBe('previous-region');
    expect(handleKey({ editor }, press('F6'), 'field')).toBe(true);
    expect(handleKey({ editor }, press('Shift+F6'), 'board')).toBe(true);
    expect(ran).toEqual(['next-region', 'previous-region']);
    // A field keeps its letters, its arrows, Enter, and its own undo.
    for (const key of ['S', 'N', 'ArrowDown', 'Enter', 'Delete', 'Mod+Z', 'F5', 'Escape']) expect(actionForKey(eventFor(key), 'field'), key).toBeUndefined();
  });
});

describe('projector mode: the clicker’s keys', () => {
  afterEach(() => roomStore.setState({ projector: null, sidebarTab: 'details' }));

  it('steps pages on →, PageDown and Space, back on ← and PageUp, and leaves on Esc', async () => {
    const editor = await openEditor();
    const ran = watchPerformers();
    roomStore.setState({ projector: { stageIndex: 0 } });
    for (const key of ['ArrowRight', 'PageDown', ' ', 'ArrowLeft', 'PageUp', 'Home', 'End', 'ArrowDown', 'Escape']) expect(handleKey({ editor }, press(key), 'projector'), key).toBe(true);
    expect(ran).toEqual(['projector-next', 'projector-next', 'projector-next', 'projector-previous', 'projector-previous', 'projector-first', 'projector-last', 'projector-scroll', 'projector-leave']);
  });

  it('keeps the board’s editing keys off while the room reads the projector, and F5, Ctrl/Cmd+K on', async () => {
    const editor = await openEditor();
    roomStore.setState({ projector: { stageIndex: 0 } });
    for (const key of ['S', 'N', 'Delete', 'Enter', 'F']) expect(actionForKey(eventFor(key), 'projector'), key).toBeUndefined();
    expect(actionForKey(eventFor('F5'), 'projector')).toBe('projector');
    expect(actionForKey(eventFor('Mod+K'), 'projector')).toBe('command-palette');
    // Outside projector mode the clicker's keys do nothing, and F6 waits until it is left.
    roomStore.setState({ projector: null });
    expect(runAction('projector-next', { editor })).toBe(false);
    roomStore.setState({ projector: { stageIndex: 0 } });
    expect(runAction('next-region', { editor })).toBe(false);
  });

  it('opens the Outline tab from the palette, like every other tab', async () => {
    const editor = await openEditor();
    const outline = paletteCommands(editor).find((c) => c.name === 'outline');
    expect(outline?.label).toBe('Outline of the journey, as text');
    outline!.run(editor);
    expect(roomStore.getState().sidebarTab).toBe('outline');
  });
});

describe('undo grouping comes from the action, not from its caller', () => {
  it('seals around own-step actions, before edits that open a text field, and not around views', async () => {
    const editor = await openEditor();
    watchPerformers();
    const seal = vi.spyOn(editor, 'seal');
    const seals = (name: RunnableName) => {
      seal.mockClear();
      runAction(name, { editor });
      return seal.mock.calls.length;
    };
    expect(seals('delete')).toBe(2);
    expect(seals('move-earlier')).toBe(2);
    expect(seals('add-card')).toBe(1);
    expect(seals('zoom-to-fit')).toBe(0);
  });

  it('makes a deleted card its own undo step, even while its text was still merging', async () => {
    const editor = await openEditor();
    runAction('add-stage', { editor });
    editor.stopEditing();
    runAction('add-card', { editor });
    const cardId = editor.state.editing?.kind === 'card' ? editor.state.editing.cardId : '';
    editor.perform(setCardText(editor.state.records, cardId, 'Calls the helpdesk'));
    editor.startEditing(null);
    runAction('delete', { editor });
    expect(editor.state.records[cardId]).toBeUndefined();
    editor.undo();
    expect(editor.state.records[cardId]).toMatchObject({ text: 'Calls the helpdesk' });
  });
});
