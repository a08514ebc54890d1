import { createStore } from 'zustand/vanilla';
import { persist } from 'zustand/middleware';

import type { Theme } from '../../../shared/theme/palettes.ts';
export { THEMES, type Theme } from '../../../shared/theme/palettes.ts';

export interface Preferences {
  theme: Theme;
  /** A short chime when the timer ends, on top of the visual signal. */
  timerSound: boolean;
  setTheme(theme: Theme): void;
  setTimerSound(on: boolean): void;
}

/**
 * Preferences belong to the facilitator's machine, not to a workshop file: a theme
 * chosen for this projector stays chosen whichever workshop is opened next.
 */
export const preferences = createStore<Preferences>()(
  persist(
    (set) => ({
      theme: 'light',
      timerSound: true,
      setTheme: (theme) => set({ theme }),
      setTimerSound: (timerSound) => set({ timerSound }),
    }),
    { name: 'journeyboard-preferences', version: 1 },
  ),
);
