import type { JourneyboardApi } from '../../../shared/api/contract.ts';
import type { ApiError, ApiErrorCode } from '../../../shared/api/errors.ts';
import type { Change } from '../../../shared/change/change.ts';

export interface SaveQueueEvents {
  onSaving(unsaved: number): void;
  onSaved(savedAt: string): void;
  /** A change was refused; it and everything after it are kept, unsaved. */
  onFailed(error: ApiError, unsaved: number): void;
}

/** Causes that can go away by themselves (space freed, the file put back, the folder writable again). */
const PASSING: readonly ApiErrorCode[] = ['disk-full', 'io-error', 'file-busy', 'permission-denied', 'file-moved', 'not-found', 'internal'];
const RETRY_MS = 4000;

/**
 * Changes reach the file in the order they were made, one request at a time. A refused
 * change is never dropped: it and everything made after it wait, unsaved, on the board
 * and in the undo history. When the cause may pass, the queue tries again by itself;
 * otherwise the user saves a copy (which takes everything at once) or reloads.
 */
export class SaveQueue {
  private readonly waiting: Change[] = [];
  private sending = false;
  private failure: ApiError | null = null;
  private paused = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private idleWaiters: (() => void)[] = [];
  private readonly api: JourneyboardApi;
  private readonly events: SaveQueueEvents;

  constructor(api: JourneyboardApi, events: SaveQueueEvents) {
    this.api = api;
    this.events = events;
  }

  enqueue(change: Change): void {
    this.waiting.push(change);
    if (!this.failure) this.events.onSaving(this.waiting.length);
    else this.events.onFailed(this.failure, this.waiting.length);
    this.pump();
  }

  /** How many changes are on the board but not in the file. */
  get unsaved(): number {
    return this.waiting.length;
  }

  get lastFailure(): ApiError | null {
    return this.failure;
  }

  /** Tries the waiting changes again now. */
  retry(): void {
    if (!this.failure) return;
    this.failure = null;
    clearTimeout(this.retryTimer);
    if (this.waiting.length > 0) this.events.onSaving(this.waiting.length);
    this.pump();
  }

  /**
   * Runs a request that takes every change made so far at once (a copy of the whole
   * board): the changes waiting when it starts are settled by it if it succeeds; the
   * ones made meanwhile follow it to the new file.
   */
  async replaceAll<T extends { ok: boolean }>(request: () => Promise<T>): Promise<T> {
    this.paused = true;
    clearTimeout(this.retryTimer);
    while (this.sending) await new Promise((resolve) => setTimeout(resolve, 10));
    const covered = this.waiting.length;
    try {
      const result = await request();
      if (result.ok) {
        this.waiting.splice(0, covered);
        this.failure = null;
      }
      return result;
    } finally {
      this.paused = false;
      if (this.failure) this.scheduleRetry();
      else if (this.waiting.length === 0) this.events.onSaved(new Date().toISOString());
      this.pump();
    }
  }

  /** Forgets every unsaved change: the user chose to take the file's word for it. */
  discard(): void {
    this.waiting.length = 0;
    this.failure = null;
    clearTimeout(this.retryTimer);
    this.wakeIdle();
  }

  /** Resolves when nothing is waiting, or what waits is stuck behind a refusal. */
  flush(): Promise<void> {
    if (this.isSettled()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    if (this.sending || this.paused || this.failure || this.waiting.length === 0) return this.wakeIdle();
    this.sending = true;
    const change = this.waiting[0]!;
    void this.api['workshop-apply-change']({ change }).then((result) => {
      this.sending = false;
      if (result.ok) {
        if (this.waiting[0] === change) this.waiting.shift();
        if (this.waiting.length === 0) this.events.onSaved(result.value.savedAt);
      } else {
        this.failure = result.error;
        this.events.onFailed(result.error, this.waiting.length);
        this.scheduleRetry();
      }
      this.pump();
    });
  }

  private scheduleRetry(): void {
    clearTimeout(this.retryTimer);
    if (this.failure && PASSING.includes(this.failure.code)) this.retryTimer = setTimeout(() => this.retry(), RETRY_MS);
  }

  private isSettled(): boolean {
    return !this.sending && !this.paused && (this.waiting.length === 0 || this.failure !== null);
  }

  private wakeIdle(): void {
    if (!this.isSettled()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const wake of waiters) wake();
  }
}

/** Whether trying again can help, so the UI offers it. */
export function mayPass(error: ApiError): boolean {
  return PASSING.includes(error.code);
}
