import { Worker } from 'node:worker_threads';
import { ExportCancelled } from './pacing.ts';
import type { ExportJobInput, ExportWorkerMessage } from './export-worker.ts';

/**
 * Runs an export on its own thread: progress comes back as messages, a cancel ends the
 * thread at once, and a failure inside it arrives here as the error it was. From
 * source the worker is the .ts file beside this one; bundled, main.js sits beside
 * export-worker.js (electron/build.ts builds both).
 */
export function buildInWorker(
  input: ExportJobInput,
  job: { signal: AbortSignal; onProgress(done: number, total: number): void },
): Promise<{ bytes: Uint8Array; slides: number }> {
  const file = import.meta.url.endsWith('.ts') ? 'export-worker.ts' : 'export-worker.js';
  return new Promise((resolve, reject) => {
    if (job.signal.aborted) return reject(new ExportCancelled());
    const worker = new Worker(new URL(file, import.meta.url), { workerData: input });
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      job.signal.removeEventListener('abort', cancel);
      outcome();
    };
    const cancel = () => {
      void worker.terminate();
      finish(() => reject(new ExportCancelled()));
    };
    job.signal.addEventListener('abort', cancel, { once: true });
    worker.on('message', (message: ExportWorkerMessage) => {
      if (message.type === 'progress') job.onProgress(message.done, message.total);
      else finish(() => resolve({ bytes: message.bytes, slides: message.slides }));
    });
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The export stopped unexpectedly (code ${code}).`))));
  });
}
