import { useStore } from 'zustand';
import { interviewViewStore, showView, type WorkshopView } from './interview-view-store.ts';

const VIEWS: { view: WorkshopView; label: string; title: string }[] = [
  { view: 'map', label: 'Map', title: 'The journey map and its details' },
  { view: 'interviews', label: 'Interviews', title: 'Samples, interviews and note taking' },
];

/** "Map | Interviews" in the top bar: two buttons, reached with Tab, the current one pressed. */
export function ViewSwitch() {
  const current = useStore(interviewViewStore, (s) => s.view);
  return (
    <div className="view-switch" role="group" aria-label="View">
      {VIEWS.map(({ view, label, title }) => (
        <button key={view} aria-pressed={current === view} className={current === view ? 'active' : ''} title={title} onClick={() => showView(view)}>
          {label}
        </button>
      ))}
    </div>
  );
}
