import { performance } from 'node:perf_hooks';
import { parentPort, workerData } from 'node:worker_threads';

/**
 * A client on its own thread that keeps asking the host for the open workshop and
 * times each answer until its first byte (the host writes an answer whole, so that is
 * the host's work and its wait). Its clock runs whatever the host's thread is doing,
 * so a stretch in which the host answers nothing shows as one slow read.
 */
const { port, token, header, pauseMs } = workerData as { port: number; token: string; header: string; pauseMs: number };
let stopping = false;
parentPort!.on('message', () => (stopping = true));

const latencies: number[] = [];
let failures = 0;
parentPort!.postMessage({ ready: true });
while (!stopping) {
  const start = performance.now();
  const response = await fetch(`http://127.0.0.1:${port}/api/workshop-read`, { method: 'POST', headers: { [header]: token, 'content-type': 'application/json' }, body: '{}' });
  latencies.push(performance.now() - start);
  const body = (await response.json()) as { ok: boolean };
  if (!body.ok) failures++;
  await new Promise((resolve) => setTimeout(resolve, pauseMs));
}
parentPort!.postMessage({ latencies, failures });
