import type { MenuItemConstructorOptions } from 'electron';
import { ACTION_BY_NAME, menuLabelOf, type MenuCommand } from '../../shared/actions/action-list.ts';
import { acceleratorFor } from '../../shared/actions/keys.ts';
import { THEMES, type Theme } from '../../shared/theme/palettes.ts';

/** A menu item that either runs a command in the renderer or is an OS role. */
export type MenuSpec = Omit<MenuItemConstructorOptions, 'submenu' | 'click'> & {
  command?: MenuCommand;
  submenu?: MenuSpec[];
};

const SEPARATOR: MenuSpec = { type: 'separator' };

/**
 * The menu items of one action, named by the action list: its label and accelerators
 * come from there. Typed keys (S, Enter, Delete, F) are shown but not registered:
 * registered, they would fire while the facilitator is typing a card. An action's
 * further Ctrl/Cmd keys (Ctrl+Y for redo) are registered through hidden twins.
 */
function action(name: MenuCommand): MenuSpec[] {
  const definition = ACTION_BY_NAME[name];
  const label = menuLabelOf(definition);
  const [first, ...more] = definition.keys ?? [];
  if (first === undefined) return [{ label, command: name }];
  const shown = acceleratorFor(first);
  const twins = more
    .map(acceleratorFor)
    .filter((key) => key.register)
    .map(({ accelerator }): MenuSpec => ({ label, accelerator, command: name, visible: false }));
  return [{ label, accelerator: shown.accelerator, ...(shown.register ? {} : { registerAccelerator: false }), command: name }, ...twins];
}

const actions = (...names: MenuCommand[]): MenuSpec[] => names.flatMap(action);

/** The id of a theme's menu item, by which the main process moves the check mark. */
export const themeMenuId = (theme: Theme): MenuCommand => `theme-${theme}`;

/**
 * The themes as radio items: a click moves the check mark at once, and the renderer
 * reports the theme it starts with (remembered on this machine) through setTheme.
 */
function themeItems(): MenuSpec[] {
  return THEMES.flatMap((theme) => action(themeMenuId(theme)).map((item): MenuSpec => ({ ...item, id: themeMenuId(theme), type: 'radio', checked: theme === 'light' })));
}

/** The application menu as data, so it is tested without Electron. */
export function buildMenuTemplate(platform: NodeJS.Platform, options: { development: boolean }): MenuSpec[] {
  const mac = platform === 'darwin';
  const file: MenuSpec = {
    label: 'File',
    submenu: [
      ...actions('workshop-new', 'workshop-open'),
      ...(mac ? [{ label: 'Open Recent', role: 'recentDocuments' as const, submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' as const }] }] : []),
      SEPARATOR,
      ...actions('save-copy', 'restore-backup', 'anonymize'),
      SEPARATOR,
      ...actions('workshop-close'),
      ...(mac ? [] : [SEPARATOR, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuSpec = {
    label: 'Edit',
    submenu: [...actions('undo', 'redo'), SEPARATOR, { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' }, SEPARATOR, ...actions('delete')],
  };
  const journey: MenuSpec = { label: 'Journey', submenu: actions('add-stage', 'add-step', 'add-lane', 'add-card') };
  const view: MenuSpec = {
    label: 'View',
    submenu: [
      ...actions('zoom-in', 'zoom-out', 'zoom-to-fit', 'zoom-reset', 'zoom-to-selection', 'focus-stage', 'outline'),
      SEPARATOR,
      ...actions('projector', 'command-palette'),
      { label: 'Theme', submenu: themeItems() },
      SEPARATOR,
      { role: 'togglefullscreen' },
      ...(options.development ? [{ role: 'toggleDevTools' as const }] : []),
    ],
  };
  // The room's tools, where a facilitator who does not know the palette looks for them.
  const workshop: MenuSpec = {
    label: 'Workshop',
    submenu: [
      {
        label: 'Timer',
        submenu: [...actions('timer-2', 'timer-5', 'timer-10', 'timer-15'), SEPARATOR, ...actions('timer-pause', 'timer-resume', 'timer-add-minute', 'timer-reset'), SEPARATOR, ...actions('timer-chime')],
      },
      ...actions('vote', 'park'),
      SEPARATOR,
      ...actions('agenda', 'personas', 'priorities'),
    ],
  };
  // macOS has About in the app menu; elsewhere it is Help's last item.
  const help: MenuSpec = { role: 'help', submenu: [...actions('shortcuts'), ...(mac ? [] : [SEPARATOR, { role: 'about' as const }])] };
  const app: MenuSpec[] = mac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, journey, view, workshop, { role: 'windowMenu' }, help];
}

/**
 * Help → About: the app's version and the workshop file format it writes, the two
 * numbers support asks for when a file will not open.
 */
export function aboutPanelOptions(appVersion: string, fileFormatVersion: number): { applicationName: string; applicationVersion: string; version: string } {
  return { applicationName: 'Journeyboard', applicationVersion: appVersion, version: `workshop file format ${fileFormatVersion}` };
}
