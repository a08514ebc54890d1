import type { JourneyboardShell } from '../../../shared/api/shell.ts';
import { uiStore, type PathPrompt } from '../editor/ui-store.ts';

/**
 * The browser has no native file dialogs, so the browser build asks for a path in an
 * in-app dialog (rendered by PathPrompt) and resolves the shell's promise from there.
 */
export function createWebShell(): JourneyboardShell {
  const ask = (mode: PathPrompt['mode'], suggestedName: string) =>
    new Promise<string | null>((resolve) => uiStore.getState().setPathPrompt({ mode, suggestedName, resolve }));
  return {
    confirmsReplace: false,
    pickWorkshopToOpen: () => ask('open', ''),
    pickNewWorkshopPath: (suggestedName) => ask('new', suggestedName),
    pickExportPath: (suggestedName) => ask('export', suggestedName),
    pickImportPath: () => ask('import', ''),
    onMenuCommand: () => () => {},
    onOpenFile: () => () => {},
    setOpenWorkshop(info) {
      document.title = info ? `${info.name} — Journeyboard` : 'Journeyboard';
    },
    // The browser has no application menu to put a check mark in.
    setTheme() {},
  };
}
