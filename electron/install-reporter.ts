import { appendFileSync } from 'node:fs';
import { describeError, firstLine } from './launch-plan.ts';

/**
 * Loaded with `node --import` into Electron's own installer when electron/launch.ts runs
 * it. The installer keeps its terminal (progress bar, messages); this only notes, in the
 * file named by JOURNEYBOARD_INSTALL_REASON_FILE, each failure it sees, so the launcher
 * can say in one sentence why the download failed. A failed download prints just
 * "TypeError: fetch failed"; the cause (DNS, refused connection, proxy) is in
 * `error.cause`, which only a wrapper around fetch gets to see.
 */
const reasonFile = process.env.JOURNEYBOARD_INSTALL_REASON_FILE;

if (reasonFile) {
  const note = (reason: string) => {
    if (!reason) return;
    try {
      appendFileSync(reasonFile, `${reason}\n`);
    } catch {
      // Only a nicer message is lost.
    }
  };

  const originalFetch = globalThis.fetch;
  globalThis.fetch = async (...args: Parameters<typeof fetch>) => {
    try {
      return await originalFetch(...args);
    } catch (error) {
      note(describeError(error));
      throw error;
    }
  };

  const originalConsoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    note(firstLine(args.map(String).join(' ')));
    originalConsoleError(...args);
  };
}
