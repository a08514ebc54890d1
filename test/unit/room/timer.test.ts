import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addMinute, formatRemaining, newTimer, pause, remainingMs, reset, start, type TimerState } from '../../../renderer/src/room/timer.ts';
import { TimerTicker } from '../../../renderer/src/room/timer-ticker.ts';

const T0 = Date.parse('2026-11-23T09:00:00Z');
const minutes = (n: number) => n * 60_000;

describe('the workshop timer', () => {
  it('counts down from the clock: start, pause, resume', () => {
    let timer = start(newTimer(5), T0);
    expect(formatRemaining(remainingMs(timer, T0 + minutes(1)))).toBe('4:00');
    timer = pause(timer, T0 + minutes(2));
    expect(remainingMs(timer, T0 + minutes(30))).toBe(minutes(3));
    timer = start(timer, T0 + minutes(30));
    expect(formatRemaining(remainingMs(timer, T0 + minutes(31) + 30_000))).toBe('1:30');
  });

  it('adds a minute while running and after the end', () => {
    const running = start(newTimer(2), T0);
    expect(remainingMs(addMinute(running, T0 + minutes(1)), T0 + minutes(1))).toBe(minutes(2));
    const over = start(newTimer(2), T0);
    const extended = addMinute(over, T0 + minutes(7));
    expect(remainingMs(extended, T0 + minutes(7))).toBe(minutes(1));
    expect(remainingMs(extended, T0 + minutes(7) + 30_000)).toBe(30_000);
  });

  it('resets to the full duration, stopped', () => {
    const timer = reset(start(newTimer(10), T0));
    expect(remainingMs(timer, T0 + minutes(3))).toBe(minutes(10));
  });

  it('never shows negative time', () => {
    expect(formatRemaining(remainingMs(start(newTimer(2), T0), T0 + minutes(9)))).toBe('0:00');
  });
});

describe('the timer display with a faked clock', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(T0);
  });
  afterEach(() => vi.useRealTimers());

  it('shows the right time after the event loop stalls for 10 minutes, and signals the end once', () => {
    let timer: TimerState = start(newTimer(5), Date.now());
    const shown: string[] = [];
    const onFinish = vi.fn();
    const ticker = new TimerTicker({ read: () => timer, onTick: (ms) => shown.push(formatRemaining(ms)), onFinish });
    ticker.startTicking(250);

    vi.advanceTimersByTime(minutes(1));
    expect(shown.at(-1)).toBe('4:00');

    // The machine is busy: ten minutes pass and not one tick runs.
    vi.setSystemTime(Date.now() + minutes(10));
    expect(shown.at(-1)).toBe('4:00');
    vi.advanceTimersByTime(250);
    expect(shown.at(-1)).toBe('0:00');
    expect(onFinish).toHaveBeenCalledTimes(1);

    vi.advanceTimersByTime(minutes(1));
    expect(onFinish).toHaveBeenCalledTimes(1);

    // One more minute, then it ends again and says so again.
    timer = addMinute(timer, Date.now());
    vi.advanceTimersByTime(30_000);
    expect(shown.at(-1)).toBe('0:30');
    vi.advanceTimersByTime(31_000);
    expect(onFinish).toHaveBeenCalledTimes(2);
    ticker.stopTicking();
  });

  it('a paused timer keeps its time however long the pause', () => {
    let timer: TimerState = start(newTimer(10), Date.now());
    vi.advanceTimersByTime(minutes(3));
    timer = pause(timer, Date.now());
    vi.setSystemTime(Date.now() + minutes(45));
    expect(formatRemaining(remainingMs(timer, Date.now()))).toBe('7:00');
  });
});
