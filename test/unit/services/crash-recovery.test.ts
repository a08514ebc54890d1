import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const RUNNER = fileURLToPath(new URL('../../crash/crash-runner.ts', import.meta.url));
const TRIALS = 10;

/**
 * The crash test (`npm run test:crash`, 200 trials) at a size CI can run on every push:
 * a process saving to a workshop is killed with SIGKILL at random moments, and the file
 * must pass integrity_check and hold every save it acknowledged. It runs as its own
 * process, as the command does, so the kills and the file checks are the real ones.
 */
describe('a workshop file after the process saving to it is killed', () => {
  it(`holds every acknowledged save and stays intact, ${TRIALS} kills in a row`, async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [RUNNER, String(TRIALS)], { timeout: 55_000, maxBuffer: 16 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
      throw new Error(`the crash runner failed:\n${error.stdout ?? ''}${error.stderr ?? ''}${error.message}`);
    });
    expect(stdout).toMatch(new RegExp(`^${TRIALS} passed, 0 failed`, 'm'));
  }, 60_000);
});
