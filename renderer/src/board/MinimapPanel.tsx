import { useState } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { preferences } from '../room/preferences.ts';
import { Minimap } from './Minimap.tsx';
import { PALETTES } from './themes.ts';

const HIDDEN_KEY = 'journeyboard.minimap-hidden';

function storedHidden(): boolean {
  try {
    return localStorage.getItem(HIDDEN_KEY) === '1';
  } catch {
    return false;
  }
}

/**
 * The minimap under the sidebar's panels: over the board it covered cards (at
 * 1280×720 the Opportunities lane and a pain point), here it covers nothing. It can be
 * hidden to give the panels its room; the choice is remembered on this computer.
 */
export function MinimapPanel({ editor }: { editor: Editor }) {
  const [hidden, setHidden] = useState(storedHidden);
  // The map's picture follows the records; its frame follows the view by itself.
  useStore(editor.store, (s) => s.records);
  useStore(editor.store, (s) => s.journeyId);
  const theme = useStore(preferences, (s) => s.theme);
  const layout = editor.layout();
  const toggle = () => {
    setHidden(!hidden);
    try {
      localStorage.setItem(HIDDEN_KEY, hidden ? '0' : '1');
    } catch {
      // A preference that cannot be stored lasts until the app closes.
    }
  };
  if (!layout || layout.stages.length === 0) return null;
  return (
    <div className="minimap-panel">
      <button className="link minimap-toggle" aria-expanded={!hidden} onClick={toggle}>
        {hidden ? '▸ Show minimap' : '▾ Minimap'}
      </button>
      {!hidden && <Minimap editor={editor} layout={layout} palette={PALETTES[theme]} />}
    </div>
  );
}
