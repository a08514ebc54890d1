import { createStore } from 'zustand/vanilla';

/**
 * Which view the workshop shows and which sample and interview the interviewer has open.
 * Not the document (nothing here is saved or undone): a choice of this screen, like the
 * sidebar's tab. Ids that no longer exist (another workshop, an undo) are ignored by the
 * views, which fall back to the first sample.
 */
export type WorkshopView = 'map' | 'interviews';

/** Inside one interview: the notes as typed, or the transcript to make notes from. */
export type InterviewTab = 'notes' | 'transcript';

export interface InterviewViewState {
  view: WorkshopView;
  sampleId: string | null;
  interviewId: string | null;
  interviewTab: InterviewTab;
}

export const interviewViewStore = createStore<InterviewViewState>()(() => ({
  view: 'map',
  sampleId: null,
  interviewId: null,
  interviewTab: 'notes',
}));

export function showView(view: WorkshopView): void {
  interviewViewStore.setState({ view });
}

/** Opens one interview in the note-taking view (from a sample, or from a card's evidence). */
export function openInterview(sampleId: string, interviewId: string | null): void {
  interviewViewStore.setState({ view: 'interviews', sampleId, interviewId });
}

export function showInterviewTab(interviewTab: InterviewTab): void {
  interviewViewStore.setState({ interviewTab });
}
