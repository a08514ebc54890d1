import { isFinished, isRunning, remainingMs, type TimerState } from './timer.ts';

/**
 * Refreshes a timer display a few times a second and reports the end once. Each tick
 * reads the clock afresh, so ticks that never came (hidden window, stalled loop) cost
 * nothing: the next one shows the right time.
 */
export class TimerTicker {
  private interval: ReturnType<typeof setInterval> | undefined;
  private announcedEnd = false;
  private readonly read: () => TimerState;
  private readonly onTick: (remaining: number) => void;
  private readonly onFinish: () => void;
  private readonly now: () => number;

  constructor(options: { read: () => TimerState; onTick(remaining: number): void; onFinish(): void; now?: () => number }) {
    this.read = options.read;
    this.onTick = options.onTick;
    this.onFinish = options.onFinish;
    this.now = options.now ?? Date.now;
  }

  startTicking(everyMs = 250): void {
    this.stopTicking();
    this.interval = setInterval(() => this.tick(), everyMs);
    this.tick();
  }

  stopTicking(): void {
    clearInterval(this.interval);
    this.interval = undefined;
  }

  tick(): void {
    const timer = this.read();
    const now = this.now();
    this.onTick(remainingMs(timer, now));
    const ended = isFinished(timer, now) && (isRunning(timer) || timer.elapsedBeforeMs > 0);
    if (ended && !this.announcedEnd) {
      this.announcedEnd = true;
      this.onFinish();
    }
    if (!ended) this.announcedEnd = false;
  }
}
