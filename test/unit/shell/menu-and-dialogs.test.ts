import { describe, expect, it } from 'vitest';
import { aboutPanelOptions, buildMenuTemplate, themeMenuId, type MenuSpec } from '../../../electron/main/menu-template.ts';
import { newWorkshopDialogOptions, openWorkshopDialogOptions, withWorkshopExtension, workshopPathFromArgv } from '../../../electron/main/dialog-options.ts';
import { MENU_COMMANDS } from '../../../shared/api/shell.ts';
import { ACTION_BY_NAME, isActionName, menuLabelOf } from '../../../shared/actions/action-list.ts';
import { acceleratorFor } from '../../../shared/actions/keys.ts';

const flatten = (items: MenuSpec[]): MenuSpec[] => items.flatMap((item) => [item, ...flatten(item.submenu ?? [])]);
const byLabel = (items: MenuSpec[], label: string) => flatten(items).find((item) => item.label === label);

describe('the application menu', () => {
  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    const menu = buildMenuTemplate(platform, { development: false });

    it(`has the usual accelerators on ${platform}`, () => {
      expect(byLabel(menu, 'New Workshop…')).toMatchObject({ accelerator: 'CmdOrCtrl+N', command: 'workshop-new' });
      expect(byLabel(menu, 'Open Workshop…')).toMatchObject({ accelerator: 'CmdOrCtrl+O', command: 'workshop-open' });
      expect(byLabel(menu, 'Close Workshop')).toMatchObject({ accelerator: 'CmdOrCtrl+W' });
      expect(byLabel(menu, 'Undo')).toMatchObject({ accelerator: 'CmdOrCtrl+Z', command: 'undo' });
      // Both redo keys work; the first is shown, the second is a hidden twin.
      const redo = flatten(menu).filter((item) => item.command === 'redo');
      expect(redo.map((item) => [item.accelerator, item.visible ?? true])).toEqual([
        ['CmdOrCtrl+Shift+Z', true],
        ['CmdOrCtrl+Y', false],
      ]);
    });

    it(`shows single-key shortcuts on ${platform} without registering them, so typing a card never triggers them`, () => {
      for (const label of ['Add Stage', 'Add Step', 'Add Lane', 'Add Card', 'Delete', 'Zoom to Fit']) {
        expect(byLabel(menu, label)).toMatchObject({ registerAccelerator: false });
      }
    });
  }

  it('puts the app menu first on macOS and Quit in File elsewhere', () => {
    expect(buildMenuTemplate('darwin', { development: false })[0]).toEqual({ role: 'appMenu' });
    expect(flatten(buildMenuTemplate('linux', { development: false })).some((item) => item.role === 'quit')).toBe(true);
  });

  it('offers developer tools only in development', () => {
    const has = (development: boolean) => flatten(buildMenuTemplate('linux', { development })).some((i) => i.role === 'toggleDevTools');
    expect(has(false)).toBe(false);
    expect(has(true)).toBe(true);
  });

  it('sends only commands the renderer knows', () => {
    for (const item of flatten(buildMenuTemplate('darwin', { development: true }))) {
      if (item.command) expect(MENU_COMMANDS).toContain(item.command);
    }
  });

  for (const platform of ['darwin', 'win32', 'linux'] as const) {
    const items = flatten(buildMenuTemplate(platform, { development: true }));

    it(`names only actions of the action list on ${platform}, and every menu action has an item`, () => {
      const named = items.filter((item) => item.command !== undefined).map((item) => item.command as string);
      expect(named.filter((name) => !isActionName(name))).toEqual([]);
      expect([...new Set(named)].sort()).toEqual([...MENU_COMMANDS].sort());
    });

    it(`takes each item's label and accelerator from its action on ${platform}`, () => {
      for (const item of items.filter((i) => i.command && i.visible !== false)) {
        const action = ACTION_BY_NAME[item.command!];
        expect(item.label).toBe(menuLabelOf(action));
        const first = action.keys?.[0];
        expect(item.accelerator).toBe(first === undefined ? undefined : acceleratorFor(first).accelerator);
      }
    });
  }

  it('shows the same key for Add Card as the keyboard and the palette: N', () => {
    expect(byLabel(buildMenuTemplate('linux', { development: false }), 'Add Card')).toMatchObject({ accelerator: 'N', registerAccelerator: false });
  });
});

describe('file dialogs and files from the OS', () => {
  it('filter for workshop files and start in the workshops folder', () => {
    expect(openWorkshopDialogOptions('/home/f/Documents/Journeyboard')).toMatchObject({
      defaultPath: '/home/f/Documents/Journeyboard',
      properties: ['openFile'],
      filters: [{ extensions: ['journey'] }, { extensions: ['*'] }],
    });
    const save = newWorkshopDialogOptions('/docs', 'Onboarding.journey');
    expect(save.defaultPath).toBe('/docs/Onboarding.journey');
    expect(save.properties).toContain('showOverwriteConfirmation');
  });

  it('adds the extension a Linux save dialog may leave off', () => {
    expect(withWorkshopExtension('/docs/Onboarding')).toBe('/docs/Onboarding.journey');
    expect(withWorkshopExtension('/docs/Onboarding.JOURNEY')).toBe('/docs/Onboarding.JOURNEY');
  });

  it('finds the workshop the OS asked to open among the arguments', () => {
    expect(workshopPathFromArgv(['/opt/Journeyboard/journeyboard', '--no-sandbox', '/home/f/Q3.journey'])).toBe('/home/f/Q3.journey');
    expect(workshopPathFromArgv(['/opt/Journeyboard/journeyboard', 'notes.txt'])).toBeUndefined();
  });
});

describe('the room in the menu', () => {
  it('offers projector mode on F5, the command palette on Ctrl/Cmd+K and the three themes', () => {
    const menu = buildMenuTemplate('linux', { development: false });
    expect(byLabel(menu, 'Projector Mode')).toMatchObject({ accelerator: 'F5', command: 'projector' });
    expect(byLabel(menu, 'Command Palette…')).toMatchObject({ accelerator: 'CmdOrCtrl+K', command: 'command-palette' });
    expect(byLabel(menu, 'Theme')?.submenu?.map((i) => i.command)).toEqual(['theme-light', 'theme-dark', 'theme-projector']);
  });

  it('shows the themes as radio items, the check mark findable by id for the theme the screen reports', () => {
    const themes = byLabel(buildMenuTemplate('linux', { development: false }), 'Theme')?.submenu ?? [];
    expect(themes.map((i) => [i.type, i.id, i.checked])).toEqual([
      ['radio', 'theme-light', true],
      ['radio', 'theme-dark', false],
      ['radio', 'theme-projector', false],
    ]);
    expect(themeMenuId('dark')).toBe('theme-dark');
  });

  it('ends with Help: the keyboard shortcuts, and About (in the app menu on macOS)', () => {
    const help = (platform: NodeJS.Platform) => buildMenuTemplate(platform, { development: false }).at(-1);
    expect(help('linux')?.role).toBe('help');
    expect(help('linux')?.submenu?.map((i) => i.command ?? i.role ?? i.type)).toEqual(['shortcuts', 'separator', 'about']);
    expect(help('darwin')?.submenu?.map((i) => i.label)).toEqual(['Keyboard Shortcuts']);
  });

  it('says in About which version this is and which workshop file format it writes', () => {
    expect(aboutPanelOptions('1.4.0', 7)).toEqual({ applicationName: 'Journeyboard', applicationVersion: '1.4.0', version: 'workshop file format 7' });
  });

  it('has a Workshop menu with the timer, the dot vote, the parking lot and the agenda', () => {
    const workshop = byLabel(buildMenuTemplate('linux', { development: false }), 'Workshop');
    expect(byLabel(workshop?.submenu ?? [], 'Timer')?.submenu?.filter((i) => i.command).map((i) => i.label)).toEqual([
      '2 Minutes', '5 Minutes', '10 Minutes', '15 Minutes', 'Pause', 'Resume', 'Add a Minute', 'Reset', 'Chime On or Off',
    ]);
    expect(workshop?.submenu?.filter((i) => i.command).map((i) => [i.label, i.command])).toEqual([
      ['Dot Vote…', 'vote'],
      ['Park a Topic…', 'park'],
      ['Agenda', 'agenda'],
      ['Personas', 'personas'],
      ['Priorities', 'priorities'],
    ]);
  });
});
