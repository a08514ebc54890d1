import { createStore } from 'zustand/vanilla';
import type { SynthesisFilter } from '../../../shared/interviews/synthesis.ts';

/**
 * Which view the workshop shows and which sample and interview the interviewer has open.
 * Not the document (nothing here is saved or undone): a choice of this screen, like the
 * sidebar's tab. Ids that no longer exist (another workshop, an undo) are ignored by the
 * views, which fall back to the first sample.
 */
export type WorkshopView = 'map' | 'interviews' | 'decisions';

/** Inside one interview: the notes as typed, or the transcript to make notes from. */
export type InterviewTab = 'notes' | 'transcript';

/** The interviews view: one interview at a time, or every note side by side. */
export type InterviewsMode = 'notes' | 'synthesis';

/** How the synthesis groups the notes. */
export type GroupBy = 'stage' | 'step' | 'tag';

export interface InterviewViewState {
  view: WorkshopView;
  sampleId: string | null;
  interviewId: string | null;
  interviewTab: InterviewTab;
  mode: InterviewsMode;
  /** Kept while the researcher flips between an interview and the synthesis. */
  filter: SynthesisFilter;
  groupBy: GroupBy;
}

export const interviewViewStore = createStore<InterviewViewState>()(() => ({
  view: 'map',
  sampleId: null,
  interviewId: null,
  interviewTab: 'notes',
  mode: 'notes',
  filter: {},
  groupBy: 'stage',
}));

export function showView(view: WorkshopView): void {
  interviewViewStore.setState({ view });
}

/** Opens one interview in the note-taking view (from a sample, or from a card's evidence). */
export function openInterview(sampleId: string, interviewId: string | null): void {
  interviewViewStore.setState({ view: 'interviews', mode: 'notes', sampleId, interviewId });
}

export function showInterviewTab(interviewTab: InterviewTab): void {
  interviewViewStore.setState({ interviewTab });
}

export function showMode(mode: InterviewsMode): void {
  interviewViewStore.setState({ mode });
}

/** One filter field set, or cleared with undefined (the filter treats absent as "any"). */
export function setFilter<K extends keyof SynthesisFilter>(field: K, value: SynthesisFilter[K] | undefined): void {
  const filter = { ...interviewViewStore.getState().filter };
  if (value === undefined || value === '') delete filter[field];
  else filter[field] = value;
  interviewViewStore.setState({ filter });
}

export function clearFilter(): void {
  interviewViewStore.setState({ filter: {} });
}

export function groupNotesBy(groupBy: GroupBy): void {
  interviewViewStore.setState({ groupBy });
}
