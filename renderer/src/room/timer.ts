/**
 * The workshop timer, derived from the clock and never from counting ticks: a hidden
 * window, a busy machine or a paused event loop cannot make it drift. State is what
 * was decided (duration, when it last started, time run before that); the remaining
 * time is computed from `now` whenever it is shown.
 */
export interface TimerState {
  durationMs: number;
  /** Epoch ms when the timer last started running; null while paused or stopped. */
  startedAt: number | null;
  /** Time already run before the last start. */
  elapsedBeforeMs: number;
}

export const TIMER_PRESETS_MINUTES = [2, 5, 10, 15] as const;

export function newTimer(minutes: number): TimerState {
  return { durationMs: minutes * 60_000, startedAt: null, elapsedBeforeMs: 0 };
}

export function elapsedMs(timer: TimerState, now: number): number {
  return timer.elapsedBeforeMs + (timer.startedAt === null ? 0 : Math.max(0, now - timer.startedAt));
}

export function remainingMs(timer: TimerState, now: number): number {
  return Math.max(0, timer.durationMs - elapsedMs(timer, now));
}

export const isRunning = (timer: TimerState) => timer.startedAt !== null;
export const isFinished = (timer: TimerState, now: number) => remainingMs(timer, now) === 0;

export function start(timer: TimerState, now: number): TimerState {
  if (isRunning(timer) || isFinished(timer, now)) return timer;
  return { ...timer, startedAt: now };
}

export function pause(timer: TimerState, now: number): TimerState {
  if (!isRunning(timer)) return timer;
  return { ...timer, startedAt: null, elapsedBeforeMs: elapsedMs(timer, now) };
}

/** One more minute, also after the end: the room always asks for one. */
export function addMinute(timer: TimerState, now: number): TimerState {
  const finished = isFinished(timer, now);
  const base = finished ? { ...timer, durationMs: elapsedMs(timer, now), startedAt: timer.startedAt === null ? null : now, elapsedBeforeMs: elapsedMs(timer, now) } : timer;
  return { ...base, durationMs: base.durationMs + 60_000 };
}

export function reset(timer: TimerState): TimerState {
  return { ...timer, startedAt: null, elapsedBeforeMs: 0 };
}

/** "4:05", or "0:00" when done. */
export function formatRemaining(ms: number): string {
  const total = Math.ceil(ms / 1000);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
