import { useStore } from 'zustand';
import { interviewViewStore, showMode, showView, type InterviewsMode, type WorkshopView } from './interview-view-store.ts';

const VIEWS: { view: WorkshopView; label: string; title: string }[] = [
  { view: 'map', label: 'Map', title: 'The journey map and its details' },
  { view: 'interviews', label: 'Interviews', title: 'Samples, interviews and note taking' },
  { view: 'decisions', label: 'Decisions', title: 'Needle movers, impact and effort, the gap to the future state, the action plan, and last year' },
];

/** "Map | Interviews | Decisions" in the top bar: buttons, reached with Tab, the current one pressed. */
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

const MODES: { mode: InterviewsMode; label: string; title: string }[] = [
  { mode: 'notes', label: 'Notes', title: 'Samples and interviews: take and read one interview’s notes and transcript' },
  { mode: 'synthesis', label: 'Synthesis', title: 'Every note side by side: by stage, step or tag, filtered' },
];

/** "Notes | Synthesis" at the head of the interviews view's left column. */
export function InterviewsModeSwitch() {
  const current = useStore(interviewViewStore, (s) => s.mode);
  return (
    <div className="view-switch mode-switch" role="group" aria-label="Interviews or synthesis">
      {MODES.map(({ mode, label, title }) => (
        <button key={mode} aria-pressed={current === mode} className={current === mode ? 'active' : ''} title={title} onClick={() => showMode(mode)}>
          {label}
        </button>
      ))}
    </div>
  );
}
