import { performance } from 'node:perf_hooks';

export class ExportCancelled extends Error {
  constructor() {
    super('The export was cancelled.');
    this.name = 'ExportCancelled';
  }
}

/** One turn of the event loop: requests that arrived meanwhile are read and answered. */
export const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Long enough that yielding costs little, short enough that a request waits no longer. */
export const SLICE_MS = 15;

/**
 * One thread serves every request of a window, so an export of thousands of cards must
 * give way: the function returned yields to the event loop once a slice of work has
 * run (setImmediate, so waiting requests are read before the export goes on), and that
 * is also where a cancel takes effect.
 */
export function pacer(signal?: AbortSignal, sliceMs = SLICE_MS): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (signal?.aborted) throw new ExportCancelled();
    if (performance.now() - sliceStart < sliceMs) return;
    await nextTurn();
    sliceStart = performance.now();
    if (signal?.aborted) throw new ExportCancelled();
  };
}
