import { useState } from 'react';
import type { Editor } from '../editor/editor.ts';
import { Inspector } from './Inspector.tsx';
import { PersonaPanel } from './PersonaPanel.tsx';
import { PrioritiesPanel } from './PrioritiesPanel.tsx';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'personas', label: 'Personas' },
  { id: 'priorities', label: 'Priorities' },
] as const;

export function Sidebar({ editor }: { editor: Editor }) {
  const [tab, setTab] = useState<(typeof TABS)[number]['id']>('details');
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
      </div>
    </aside>
  );
}
