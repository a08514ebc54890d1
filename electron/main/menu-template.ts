import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../../shared/api/shell.ts';

/** A menu item that either runs a command in the renderer or is an OS role. */
export type MenuSpec = Omit<MenuItemConstructorOptions, 'submenu' | 'click'> & {
  command?: MenuCommand;
  submenu?: MenuSpec[];
};

/**
 * The application menu as data, so it is tested without Electron. Single-key board
 * shortcuts (S, T, L, Enter, Delete, F) are shown but not registered: registered, they
 * would fire while the facilitator is typing a card.
 */
export function buildMenuTemplate(platform: NodeJS.Platform, options: { development: boolean }): MenuSpec[] {
  const mac = platform === 'darwin';
  const shown = (accelerator: string) => ({ accelerator, registerAccelerator: false });
  const file: MenuSpec = {
    label: 'File',
    submenu: [
      { label: 'New Workshop…', accelerator: 'CmdOrCtrl+N', command: 'workshop-new' },
      { label: 'Open Workshop…', accelerator: 'CmdOrCtrl+O', command: 'workshop-open' },
      ...(mac ? [{ label: 'Open Recent', role: 'recentDocuments' as const, submenu: [{ label: 'Clear Menu', role: 'clearRecentDocuments' as const }] }] : []),
      { type: 'separator' },
      { label: 'Save a Copy As…', accelerator: 'CmdOrCtrl+Shift+S', command: 'save-copy' },
      { label: 'Restore from Backup…', command: 'restore-backup' },
      { type: 'separator' },
      { label: 'Close Workshop', accelerator: 'CmdOrCtrl+W', command: 'workshop-close' },
      ...(mac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuSpec = {
    label: 'Edit',
    submenu: [
      { label: 'Undo', accelerator: 'CmdOrCtrl+Z', command: 'undo' },
      { label: 'Redo', accelerator: mac ? 'Shift+Cmd+Z' : 'Ctrl+Y', command: 'redo' },
      ...(mac ? [] : [{ label: 'Redo', accelerator: 'Shift+Ctrl+Z', command: 'redo' as const, visible: false }]),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      { label: 'Delete', ...shown('Delete'), command: 'delete' },
    ],
  };
  const journey: MenuSpec = {
    label: 'Journey',
    submenu: [
      { label: 'Add Stage', ...shown('S'), command: 'add-stage' },
      { label: 'Add Step', ...shown('T'), command: 'add-step' },
      { label: 'Add Lane', ...shown('L'), command: 'add-lane' },
      { label: 'Add Card', ...shown('Enter'), command: 'add-card' },
    ],
  };
  const view: MenuSpec = {
    label: 'View',
    submenu: [
      { label: 'Zoom In', ...shown('+'), command: 'zoom-in' },
      { label: 'Zoom Out', ...shown('-'), command: 'zoom-out' },
      { label: 'Zoom to Fit', ...shown('F'), command: 'zoom-to-fit' },
      { label: 'Actual Size', ...shown('0'), command: 'zoom-reset' },
      { label: 'Zoom to Selection', ...shown('Z'), command: 'zoom-to-selection' },
      { label: 'Focus on This Stage', ...shown('G'), command: 'focus-stage' },
      { type: 'separator' },
      { label: 'Projector Mode', accelerator: 'F5', command: 'projector' },
      { label: 'Command Palette…', accelerator: 'CmdOrCtrl+K', command: 'command-palette' },
      {
        label: 'Theme',
        submenu: [
          { label: 'Light', command: 'theme-light' },
          { label: 'Dark', command: 'theme-dark' },
          { label: 'Projector (high contrast)', command: 'theme-projector' },
        ],
      },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      ...(options.development ? [{ role: 'toggleDevTools' as const }] : []),
    ],
  };
  const app: MenuSpec[] = mac ? [{ role: 'appMenu' }] : [];
  return [...app, file, edit, journey, view, { role: 'windowMenu' }];
}
