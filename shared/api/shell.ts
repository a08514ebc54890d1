import { MENU_ACTION_NAMES, type MenuCommand } from '../actions/action-list.ts';
import type { Theme } from '../theme/palettes.ts';

/**
 * What only a desktop shell can do (native dialogs, the application menu). Electron's
 * preload provides it; the browser build substitutes in-app dialogs.
 */

/** What the application menu can send the renderer: the action list's menu actions. */
export const MENU_COMMANDS: readonly MenuCommand[] = MENU_ACTION_NAMES;
export type { MenuCommand };

export const EXPORT_KINDS = {
  pptx: { name: 'PowerPoint deck', extension: 'pptx' },
  png: { name: 'PNG picture', extension: 'png' },
  pdf: { name: 'PDF document', extension: 'pdf' },
  json: { name: 'Journeyboard JSON', extension: 'json' },
  csv: { name: 'CSV spreadsheet', extension: 'csv' },
  qdpx: { name: 'REFI-QDA project', extension: 'qdpx' },
} as const;
export type ExportKind = keyof typeof EXPORT_KINDS;

/** What an open dialog asks for: a workshop's JSON to import, or a company slide template. */
export type ImportKind = 'json' | 'template';

export interface JourneyboardShell {
  /** True where the new-workshop picker has already asked before replacing a file. */
  readonly confirmsReplace: boolean;
  /** Asks for an existing workshop file; null when the user cancels. */
  pickWorkshopToOpen(): Promise<string | null>;
  /** Asks where to create a new workshop; null when the user cancels. */
  pickNewWorkshopPath(suggestedName: string): Promise<string | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(listener: (command: MenuCommand) => void): () => void;
  /** Asks where to save an export; null when the user cancels. */
  pickExportPath(suggestedName: string, kind: ExportKind): Promise<string | null>;
  /** Asks for a file to import or use (a company template); null when the user cancels. */
  pickImportPath(kind: ImportKind): Promise<string | null>;
  /** Files the operating system asks us to open (double-click, second launch). */
  onOpenFile(listener: (path: string) => void): () => void;
  /** Tells the shell which workshop is open (window title, recent documents). */
  setOpenWorkshop(info: { path: string; name: string } | null): void;
  /** Tells the shell the screen's theme, so View → Theme puts its check mark there. */
  setTheme(theme: Theme): void;
}

/** What Electron's preload puts on `window`. Absent in the browser build. */
export interface JourneyboardBridge {
  api: import('./contract.ts').JourneyboardApi;
  shell: JourneyboardShell;
}
