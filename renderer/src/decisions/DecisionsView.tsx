import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import { decisionsStore, showDecisionsTab, type DecisionsTab } from './decisions-store.ts';
import { RankingPanel } from './RankingPanel.tsx';
import { MatrixPanel } from './MatrixPanel.tsx';
import { GapPanel } from './GapPanel.tsx';
import { ActionPlanPanel } from './ActionPlanPanel.tsx';
import { YearOverYearPanel } from './YearOverYearPanel.tsx';
import './decisions.css';

const TABS: { tab: DecisionsTab; label: string }[] = [
  { tab: 'ranking', label: 'Needle movers' },
  { tab: 'matrix', label: 'Impact / effort' },
  { tab: 'gap', label: 'Gap analysis' },
  { tab: 'plan', label: 'Action plan' },
  { tab: 'compare', label: 'Year over year' },
];

/**
 * Step 5 of the method on one screen: what to fix first and why (the ranking with its
 * formula), where it sits on impact and effort, the gap to the future state, who does
 * what by when, and what changed since last year. Tabs follow the ARIA pattern: arrows
 * move between them, Tab goes into the panel.
 */
export function DecisionsView({ editor, platform }: { editor: Editor; platform: Platform }) {
  const tab = useStore(decisionsStore, (s) => s.tab);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const onKeyDown = (event: React.KeyboardEvent) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.tab === tab);
    const next = TABS[(index + step + TABS.length) % TABS.length]!.tab;
    showDecisionsTab(next);
    document.getElementById(`decisions-tab-${next}`)?.focus();
  };
  return (
    <div className="decisions-view">
      <div className="decisions-tabs" role="tablist" aria-label="Decisions" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.tab}
            id={`decisions-tab-${t.tab}`}
            role="tab"
            aria-selected={tab === t.tab}
            aria-controls="decisions-panel"
            tabIndex={tab === t.tab ? 0 : -1}
            className={tab === t.tab ? 'active' : ''}
            onClick={() => showDecisionsTab(t.tab)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div id="decisions-panel" className="decisions-panel" role="tabpanel" tabIndex={0} aria-labelledby={`decisions-tab-${tab}`}>
        {!journeyId ? (
          <p className="decisions-empty">Add a journey first: the decisions are made on a map.</p>
        ) : tab === 'ranking' ? (
          <RankingPanel editor={editor} journeyId={journeyId} />
        ) : tab === 'matrix' ? (
          <MatrixPanel editor={editor} journeyId={journeyId} />
        ) : tab === 'gap' ? (
          <GapPanel editor={editor} journeyId={journeyId} />
        ) : tab === 'plan' ? (
          <ActionPlanPanel editor={editor} />
        ) : (
          <YearOverYearPanel editor={editor} platform={platform} />
        )}
      </div>
    </div>
  );
}
