import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_INSTALL_TIMEOUT_MS,
  describeError,
  installFailureReason,
  installTimeoutMs,
  launchFailureMessage,
  planLaunch,
  platformExecutable,
  type ElectronFacts,
} from '../../../electron/launch-plan.ts';
import { runInstaller } from '../../../electron/launch.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const pkg = '/app/node_modules/electron';
const installer = join(pkg, 'install.js');
const installed = join(pkg, 'dist', 'electron');

/** A Linux checkout whose electron package is installed; `files` are the paths that exist. */
function facts(files: string[], more: Partial<ElectronFacts> = {}): ElectronFacts {
  const present = new Set(files);
  return { platform: 'linux', packageDir: pkg, installScript: installer, exists: (path) => present.has(path), ...more };
}

describe('npm start: what the launcher does', () => {
  it('launches the binary the electron package recorded in path.txt', () => {
    expect(planLaunch(facts([installer, installed], { recordedExecutable: 'electron' }))).toEqual({ kind: 'launch', binary: installed });
  });

  it("runs Electron's own installer when the binary is missing (Electron 45 fetches it on first use)", () => {
    expect(planLaunch(facts([installer]))).toEqual({ kind: 'install', script: installer });
    // path.txt written, but dist/ deleted since: fetch again.
    expect(planLaunch(facts([installer], { recordedExecutable: 'electron' }))).toEqual({ kind: 'install', script: installer });
  });

  it('launches once the installer has put the binary in place', () => {
    const after = facts([installer, installed], { recordedExecutable: 'electron', install: { code: 0 } });
    expect(planLaunch(after)).toEqual({ kind: 'launch', binary: installed });
  });

  it('gives up after one failed install, saying why, and never asks to install twice', () => {
    const failed = { code: 1, reported: 'fetch failed: getaddrinfo ENOTFOUND github.com' };
    const step = planLaunch(facts([installer], { install: failed }));
    expect(step).toEqual({ kind: 'fail', reason: "Electron's binary could not be downloaded (fetch failed: getaddrinfo ENOTFOUND github.com)" });
    expect(planLaunch(facts([installer], { install: { code: 0 } }))).toMatchObject({ kind: 'fail', reason: expect.stringContaining('left no binary') });
    expect(planLaunch(facts([installer], { install: { code: null, signal: 'SIGTERM', timedOutAfterMs: 600_000 } }))).toEqual({
      kind: 'fail',
      reason: "Electron's binary could not be downloaded (it did not finish within 10 minutes)",
    });
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH instead of the package, and never installs over it', () => {
    expect(planLaunch(facts(['/opt/electron/electron'], { overrideDistPath: '/opt/electron', packageDir: undefined }))).toEqual({
      kind: 'launch',
      binary: '/opt/electron/electron',
    });
    const mac = facts(['/opt/e/Electron.app/Contents/MacOS/Electron'], { platform: 'darwin', overrideDistPath: '/opt/e' });
    expect(planLaunch(mac)).toEqual({ kind: 'launch', binary: '/opt/e/Electron.app/Contents/MacOS/Electron' });
    const missing = planLaunch(facts([installer], { overrideDistPath: '/opt/none' }));
    expect(missing).toMatchObject({ kind: 'fail', reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH is set to /opt/none') });
  });

  it('says what to do when the electron package or its installer is absent', () => {
    expect(planLaunch(facts([], { packageDir: undefined }))).toMatchObject({ kind: 'fail', reason: expect.stringContaining('npm install') });
    expect(planLaunch(facts([], { installScript: undefined }))).toMatchObject({ kind: 'fail', reason: expect.stringContaining('no installer') });
    expect(planLaunch(facts([]))).toMatchObject({ kind: 'fail' });
  });

  it('knows where each platform keeps the executable', () => {
    expect(platformExecutable('darwin')).toBe('Electron.app/Contents/MacOS/Electron');
    expect(platformExecutable('win32')).toBe('electron.exe');
    expect(platformExecutable('linux')).toBe('electron');
  });
});

describe('npm start: the message when it cannot start', () => {
  it('is one sentence why, then the browser build', () => {
    const lines = launchFailureMessage("Electron's binary could not be downloaded (fetch failed)").split('\n');
    expect(lines).toEqual([
      "Journeyboard's desktop app cannot start: Electron's binary could not be downloaded (fetch failed).",
      expect.stringContaining('`npm run start:web`'),
    ]);
  });

  it("names the failure from the installer's report, its time limit, or its exit", () => {
    expect(installFailureReason({ code: 1, reported: 'HTTPError: Response code 404 (Not Found)' })).toBe('HTTPError: Response code 404 (Not Found)');
    expect(installFailureReason({ code: null, timedOutAfterMs: 90_000, reported: 'fetch failed' })).toBe('it did not finish within 90 s; last error: fetch failed');
    expect(installFailureReason({ code: 7 })).toBe('the installer exited with code 7');
    expect(installFailureReason({ code: null, signal: 'SIGINT' })).toBe('the installer was stopped by SIGINT');
  });

  it("adds fetch's cause, which its own message leaves out", () => {
    const error = new TypeError('fetch failed', { cause: new Error('getaddrinfo ENOTFOUND github.com') });
    expect(describeError(error)).toBe('fetch failed: getaddrinfo ENOTFOUND github.com');
    expect(describeError(new Error('checksum\nmismatch'))).toBe('checksum mismatch');
    expect(describeError('boom')).toBe('boom');
  });

  it('bounds the installer: ten minutes unless JOURNEYBOARD_ELECTRON_INSTALL_TIMEOUT says otherwise (seconds)', () => {
    expect(installTimeoutMs({})).toBe(DEFAULT_INSTALL_TIMEOUT_MS);
    expect(DEFAULT_INSTALL_TIMEOUT_MS).toBe(600_000);
    expect(installTimeoutMs({ JOURNEYBOARD_ELECTRON_INSTALL_TIMEOUT: '30' })).toBe(30_000);
    for (const bad of ['0', '-5', 'soon', '']) expect(installTimeoutMs({ JOURNEYBOARD_ELECTRON_INSTALL_TIMEOUT: bad })).toBe(DEFAULT_INSTALL_TIMEOUT_MS);
  });
});

describe('npm start: running an installer', () => {
  /** A port nothing listens on: connecting to it is refused at once. */
  async function closedPort(): Promise<number> {
    const server = createServer().listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    const { port } = server.address() as { port: number };
    await new Promise((resolve) => server.close(resolve));
    return port;
  }

  function script(body: string): string {
    const file = join(tempFolder('fake-installer-'), 'install.cjs');
    writeFileSync(file, body);
    return file;
  }

  it('reports the cause of a failed download, as Electron’s installer fails (err.stack, exit 1)', async () => {
    const port = await closedPort();
    const fake = script(`fetch('http://127.0.0.1:${port}/electron.zip').catch((err) => { console.error(err.stack); process.exit(1); });`);
    const outcome = await runInstaller(fake, 10_000, 'ignore');
    expect(outcome).toMatchObject({ code: 1, timedOutAfterMs: undefined });
    expect(outcome.reported).toBe(`fetch failed: connect ECONNREFUSED 127.0.0.1:${port}`);
  });

  it('stops an installer that hangs, at its time limit', async () => {
    const started = Date.now();
    const outcome = await runInstaller(script('setInterval(() => {}, 1000);'), 300, 'ignore');
    expect(outcome).toMatchObject({ code: null, signal: 'SIGTERM', timedOutAfterMs: 300 });
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reports success', async () => {
    expect(await runInstaller(script('process.exit(0);'), 10_000, 'ignore')).toEqual({ code: 0, signal: null, timedOutAfterMs: undefined, reported: undefined });
  });
});
