import { useRef, type KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { roomStore, type SidebarTab } from '../room/room-store.ts';
import { Inspector } from './Inspector.tsx';
import { PersonaPanel } from './PersonaPanel.tsx';
import { PrioritiesPanel } from './PrioritiesPanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { ParkingPanel } from './ParkingPanel.tsx';
import { OutlinePanel } from '../outline/OutlinePanel.tsx';
import { MinimapPanel } from '../board/MinimapPanel.tsx';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'personas', label: 'Personas' },
  { id: 'priorities', label: 'Priorities' },
  { id: 'vote', label: 'Vote' },
  { id: 'agenda', label: 'Agenda' },
  { id: 'parking', label: 'Parking lot' },
  { id: 'outline', label: 'Outline' },
] as const satisfies readonly { id: SidebarTab; label: string }[];

export function Sidebar({ editor }: { editor: Editor }) {
  const tab = useStore(roomStore, (s) => s.sidebarTab);
  const tabs = useRef<HTMLDivElement>(null);
  const setTab = (next: SidebarTab) => roomStore.setState({ sidebarTab: next });
  // Every tab is in the Tab order (a keyboard user reaches each with Tab alone); the
  // arrow keys also move along them, as in any tab list.
  const onTabKey = (event: KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    const buttons = [...(tabs.current?.querySelectorAll<HTMLButtonElement>('[role="tab"]') ?? [])];
    const index = buttons.indexOf(event.target as HTMLButtonElement);
    if (index < 0) return;
    event.preventDefault();
    buttons[(index + step + buttons.length) % buttons.length]?.focus();
  };
  return (
    <aside className="sidebar" aria-label="Details">
      <div className="tabs" role="tablist" aria-label="Sidebar" ref={tabs} onKeyDown={onTabKey}>
        {TABS.map((t) => (
          <button key={t.id} id={`sidebar-tab-${t.id}`} role="tab" aria-selected={tab === t.id} aria-controls="sidebar-panel" className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="sidebar-body" role="tabpanel" id="sidebar-panel" aria-labelledby={`sidebar-tab-${tab}`}>
        {tab === 'details' && <Inspector editor={editor} />}
        {tab === 'personas' && <PersonaPanel editor={editor} />}
        {tab === 'priorities' && <PrioritiesPanel editor={editor} />}
        {tab === 'vote' && <VotePanel editor={editor} />}
        {tab === 'agenda' && <AgendaPanel editor={editor} />}
        {tab === 'parking' && <ParkingPanel editor={editor} />}
        {tab === 'outline' && <OutlinePanel editor={editor} />}
      </div>
      <MinimapPanel editor={editor} />
    </aside>
  );
}
