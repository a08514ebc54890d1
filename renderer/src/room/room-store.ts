import { createStore } from 'zustand/vanilla';
import { addMinute, newTimer, pause, reset, start, type TimerState } from './timer.ts';

/**
 * Facilitation state that is neither the document nor a preference: the timer, the
 * projector, the vote being cast. None of it is undoable; the timer's meaning comes
 * from the clock (see timer.ts).
 */
export type SidebarTab = 'details' | 'personas' | 'priorities' | 'vote' | 'agenda' | 'parking' | 'outline';

export interface RoomState {
  sidebarTab: SidebarTab;
  timer: TimerState;
  projector: { stageIndex: number } | null;
  /** The open vote on this screen and the participant whose dots a click places. */
  voting: { voteId: string; participantId: string | null } | null;
  paletteOpen: boolean;
  exchangeOpen: boolean;
}

export const roomStore = createStore<RoomState>()(() => ({
  sidebarTab: 'details',
  timer: newTimer(5),
  projector: null,
  voting: null,
  paletteOpen: false,
  exchangeOpen: false,
}));

const now = () => Date.now();
const setTimer = (update: (timer: TimerState) => TimerState) => roomStore.setState((s) => ({ timer: update(s.timer) }));

export const timerActions = {
  preset: (minutes: number) => setTimer(() => newTimer(minutes)),
  start: () => setTimer((t) => start(t, now())),
  pause: () => setTimer((t) => pause(t, now())),
  addMinute: () => setTimer((t) => addMinute(t, now())),
  reset: () => setTimer(reset),
  startFor: (minutes: number) => setTimer(() => start(newTimer(minutes), now())),
};
