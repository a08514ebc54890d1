import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { roomStore, type SidebarTab } from '../room/room-store.ts';
import { Inspector } from './Inspector.tsx';
import { PersonaPanel } from './PersonaPanel.tsx';
import { PrioritiesPanel } from './PrioritiesPanel.tsx';
import { VotePanel } from './VotePanel.tsx';
import { AgendaPanel } from './AgendaPanel.tsx';
import { ParkingPanel } from './ParkingPanel.tsx';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'personas', label: 'Personas' },
  { id: 'priorities', label: 'Priorities' },
  { id: 'vote', label: 'Vote' },
  { id: 'agenda', label: 'Agenda' },
  { id: 'parking', label: 'Parking lot' },
] as const satisfies readonly { id: SidebarTab; label: string }[];

export function Sidebar({ editor }: { editor: Editor }) {
  const tab = useStore(roomStore, (s) => s.sidebarTab);
  const setTab = (sidebarTab: SidebarTab) => roomStore.setState({ sidebarTab });
  return (
    <aside className="sidebar" aria-label="Details">
      <div className="tabs" role="tablist">
        {TABS.map((t) => (
          <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'tab active' : 'tab'} onClick={() => setTab(t.id)}>
            {t.label}
          </button>
        ))}
      </div>
      <div className="sidebar-body" role="tabpanel">
        {tab === 'details' && <Inspector editor={editor} />}
        {tab === 'personas' && <PersonaPanel editor={editor} />}
        {tab === 'priorities' && <PrioritiesPanel editor={editor} />}
        {tab === 'vote' && <VotePanel editor={editor} />}
        {tab === 'agenda' && <AgendaPanel editor={editor} />}
        {tab === 'parking' && <ParkingPanel editor={editor} />}
      </div>
    </aside>
  );
}
