import { createStore } from 'zustand/vanilla';

export interface PathPrompt {
  mode: 'open' | 'new' | 'export' | 'import';
  suggestedName: string;
  resolve: (path: string | null) => void;
}

export interface Confirmation {
  title: string;
  message: string;
  confirmLabel: string;
  resolve: (confirmed: boolean) => void;
}

interface UiState {
  pathPrompt: PathPrompt | null;
  setPathPrompt(prompt: PathPrompt | null): void;
  confirmation: Confirmation | null;
  /** The backups dialog: of the open workshop, or of a file that would not open. */
  backups: { path?: string } | null;
  /** Save a copy as… was asked for (from the palette or the menu); the shell's picker runs it. */
  copyRequested: boolean;
  /** Help → Keyboard Shortcuts: the sheet of every shortcut, from the action list. */
  shortcutsOpen: boolean;
}

/**
 * Dialogs that belong to the app, not to the workshop document: the browser build's
 * stand-in for native file dialogs, questions before replacing a file, and backups.
 */
export const uiStore = createStore<UiState>((set) => ({
  pathPrompt: null,
  setPathPrompt: (pathPrompt) => set({ pathPrompt }),
  confirmation: null,
  backups: null,
  copyRequested: false,
  shortcutsOpen: false,
}));

/** Asks the user a yes/no question in an in-app dialog. */
export function askToConfirm(question: Omit<Confirmation, 'resolve'>): Promise<boolean> {
  return new Promise((resolve) =>
    uiStore.setState({
      confirmation: {
        ...question,
        resolve: (confirmed) => {
          uiStore.setState({ confirmation: null });
          resolve(confirmed);
        },
      },
    }),
  );
}
