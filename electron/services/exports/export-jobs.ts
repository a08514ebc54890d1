/**
 * Long exports run as jobs the renderer names, so it can ask how far one has got and
 * cancel it while it runs (both transports serve calls concurrently).
 */
export interface JobProgress {
  done: number;
  total: number;
}

export class ExportJobs {
  private readonly jobs = new Map<string, { controller: AbortController; progress: JobProgress }>();

  start(jobId: string): { signal: AbortSignal; report(done: number, total: number): void } {
    const controller = new AbortController();
    const job = { controller, progress: { done: 0, total: 0 } };
    this.jobs.set(jobId, job);
    return { signal: controller.signal, report: (done, total) => (job.progress = { done, total }) };
  }

  progress(jobId: string): JobProgress | null {
    return this.jobs.get(jobId)?.progress ?? null;
  }

  cancel(jobId: string): boolean {
    const job = this.jobs.get(jobId);
    job?.controller.abort();
    return Boolean(job);
  }

  finish(jobId: string): void {
    this.jobs.delete(jobId);
  }
}
