import { createStore } from 'zustand/vanilla';

export interface PathPrompt {
  mode: 'open' | 'new' | 'export' | 'import';
  suggestedName: string;
  resolve: (path: string | null) => void;
}

/**
 * The browser build's stand-in for native file dialogs lives outside the document
 * store: it belongs to the transport, not to the workshop.
 */
export const uiStore = createStore<{ pathPrompt: PathPrompt | null; setPathPrompt(prompt: PathPrompt | null): void }>((set) => ({
  pathPrompt: null,
  setPathPrompt: (pathPrompt) => set({ pathPrompt }),
}));
