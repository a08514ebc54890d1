import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';

const WORKSHOP_FILTER = { name: 'Journeyboard workshops', extensions: ['journey'] };

export function openWorkshopDialogOptions(defaultFolder: string): OpenDialogOptions {
  return {
    title: 'Open workshop',
    defaultPath: defaultFolder,
    properties: ['openFile'],
    filters: [WORKSHOP_FILTER, { name: 'All files', extensions: ['*'] }],
  };
}

/** The OS asks before replacing a file, which is why create may replace what it returns. */
export function newWorkshopDialogOptions(defaultFolder: string, suggestedName: string): SaveDialogOptions {
  return {
    title: 'Create workshop',
    buttonLabel: 'Create',
    defaultPath: join(defaultFolder, suggestedName),
    filters: [WORKSHOP_FILTER],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

/** A save dialog on Linux may return a name without the extension. */
export function withWorkshopExtension(path: string): string {
  return path.toLowerCase().endsWith('.journey') ? path : `${path}.journey`;
}

/** A workshop path handed over by the OS on the command line (double-click, "Open with"). */
export function workshopPathFromArgv(argv: readonly string[]): string | undefined {
  return argv.slice(1).find((arg) => !arg.startsWith('-') && arg.toLowerCase().endsWith('.journey'));
}
