import type { OpenDialogOptions, SaveDialogOptions } from 'electron';
import { join } from 'node:path';
import { EXPORT_KINDS, type ExportKind, type ImportKind } from '../../shared/api/shell.ts';
import { workshopPathFromArgv as firstWorkshopPath, type CommandLineContext } from './open-requests.ts';

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

/** Where an export goes: the workshops folder, with the kind's extension as the filter. */
export function exportDialogOptions(defaultFolder: string, suggestedName: string, kind: ExportKind): SaveDialogOptions {
  const { name, extension } = EXPORT_KINDS[kind];
  return {
    title: `Export ${name}`,
    buttonLabel: 'Export',
    defaultPath: join(defaultFolder, suggestedName),
    filters: [{ name, extensions: [extension] }],
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
}

export function importDialogOptions(defaultFolder: string, kind: ImportKind = 'json'): OpenDialogOptions {
  if (kind === 'template') {
    return { title: 'Choose a company template', defaultPath: defaultFolder, properties: ['openFile'], filters: [{ name: 'PowerPoint template or presentation', extensions: ['potx', 'pptx'] }] };
  }
  return { title: 'Import a workshop', defaultPath: defaultFolder, properties: ['openFile'], filters: [{ name: 'Journeyboard JSON', extensions: ['json'] }] };
}

/** Adds an extension a save dialog left off. */
export function withExtension(path: string, extension: string): string {
  return path.toLowerCase().endsWith(`.${extension}`) ? path : `${path}.${extension}`;
}

/** A save dialog on Linux may return a name without the extension. */
export function withWorkshopExtension(path: string): string {
  return path.toLowerCase().endsWith('.journey') ? path : `${path}.journey`;
}

/**
 * A workshop path handed over by the OS on the command line (double-click, "Open with"),
 * read the way open-requests.ts reads it; relative paths start from this process's cwd.
 */
export function workshopPathFromArgv(
  argv: readonly string[],
  context: CommandLineContext = { cwd: process.cwd(), platform: process.platform },
): string | undefined {
  return firstWorkshopPath(argv, context);
}
