import type { JourneyboardApi } from '../../../shared/api/contract.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import type { Change } from '../../../shared/change/change.ts';

export interface SaveQueueEvents {
  onSaving(): void;
  onSaved(savedAt: string): void;
  onFailed(error: ApiError): void;
}

/**
 * Changes reach the file in the order they were made, one request at a time. After a
 * refusal the queue drops what is still waiting: those changes were built on top of
 * the refused one, and the editor reloads the file to get back in line with it.
 */
export class SaveQueue {
  private tail: Promise<void> = Promise.resolve();
  private pending = 0;
  private generation = 0;
  private readonly api: JourneyboardApi;
  private readonly events: SaveQueueEvents;

  constructor(api: JourneyboardApi, events: SaveQueueEvents) {
    this.api = api;
    this.events = events;
  }

  enqueue(change: Change): Promise<void> {
    const generation = this.generation;
    this.pending++;
    this.events.onSaving();
    this.tail = this.tail.then(async () => {
      if (generation !== this.generation) return this.settle();
      const result = await this.api['workshop-apply-change']({ change });
      if (generation !== this.generation) return this.settle();
      if (result.ok) {
        this.settle();
        if (this.pending === 0) this.events.onSaved(result.value.savedAt);
      } else {
        this.generation++;
        this.settle();
        this.events.onFailed(result.error);
      }
    });
    return this.tail;
  }

  /** Resolves when everything queued so far has been answered. */
  flush(): Promise<void> {
    return this.tail;
  }

  get isIdle(): boolean {
    return this.pending === 0;
  }

  private settle(): void {
    this.pending--;
  }
}
