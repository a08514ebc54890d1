import { useStore } from 'zustand';
import { preferences, type Theme } from '../room/preferences.ts';

const LABELS: Record<Theme, string> = { light: 'Light', dark: 'Dark', projector: 'High contrast' };

/** The screen's theme, in sight: the palette and the menu are not where people look for it. */
export function ThemeSwitch() {
  const theme = useStore(preferences, (s) => s.theme);
  return (
    <select className="theme-switch" aria-label="Screen theme" title="Screen theme" value={theme} onChange={(e) => preferences.getState().setTheme(e.target.value as Theme)}>
      {(Object.keys(LABELS) as Theme[]).map((value) => (
        <option key={value} value={value}>
          {LABELS[value]}
        </option>
      ))}
    </select>
  );
}
