import { useMemo } from 'react';
import { useStore } from 'zustand';
import { recordsOfType } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import { interviewViewStore } from './interview-view-store.ts';
import { SampleColumn } from './SampleColumn.tsx';
import { InterviewEditor } from './InterviewEditor.tsx';
import { InterviewSidePanel } from './InterviewSidePanel.tsx';
import { interviewsOf } from './interview-actions.ts';
import { SynthesisView } from './SynthesisView.tsx';

/** The interviewer's screen: samples and interviews on the left, one interview's notes in the middle. */
export function InterviewsView({ editor, platform }: { editor: Editor; platform: Platform }) {
  const records = useStore(editor.store, (s) => s.records);
  const chosen = useStore(interviewViewStore, (s) => s);
  // A choice from another workshop, or undone away, falls back to what exists.
  const sample = useMemo(() => {
    const picked = chosen.sampleId ? records[chosen.sampleId] : undefined;
    return picked?.type === 'sample' ? picked : byPosition(recordsOfType(records, 'sample'))[0];
  }, [records, chosen.sampleId]);
  const picked = chosen.interviewId ? records[chosen.interviewId] : undefined;
  const interview = picked?.type === 'interview' && picked.sampleId === sample?.id ? picked : undefined;
  const count = sample ? interviewsOf(records, sample.id).length : 0;

  if (chosen.mode === 'synthesis') {
    return (
      <div className="interviews-view synthesis-view">
        <SynthesisView editor={editor} />
      </div>
    );
  }
  return (
    <div className="interviews-view">
      <SampleColumn editor={editor} platform={platform} sample={sample} interviewId={interview?.id ?? null} />
      {interview ? (
        <>
          <InterviewEditor key={interview.id} editor={editor} interview={interview} />
          <InterviewSidePanel editor={editor} interview={interview} />
        </>
      ) : (
        <div className="interviews-empty">
          <h2>{sample ? sample.name : 'Interviews'}</h2>
          <p className="muted">
            {!sample
              ? 'Add a sample first: the industry, region and product it covers and the customer roles to talk to. The method asks for 15–20 interviews per sample, two roles per company.'
              : count === 0
                ? 'Plan the first interview with “New interview”: its code, the role and company code, never names.'
                : 'Pick an interview on the left to take or read its notes.'}
          </p>
        </div>
      )}
    </div>
  );
}
