import { join } from 'node:path';

/**
 * What `npm start` does next, decided from plain facts so it can be tested without
 * Electron. Since Electron 45 the `electron` package no longer downloads its binary at
 * `npm install`: the binary arrives on first use, through the package's own installer
 * (its `install-electron` bin, `install.js`), which unpacks it into `dist/` and writes
 * the executable's path, relative to `dist/`, into `path.txt`.
 */
export interface ElectronFacts {
  platform: NodeJS.Platform;
  /** ELECTRON_OVERRIDE_DIST_PATH: a folder holding an Electron build to use instead. */
  overrideDistPath?: string | undefined;
  /** Folder of the installed `electron` package; undefined when it is not installed. */
  packageDir?: string | undefined;
  /** Contents of the package's `path.txt`; undefined until the binary was installed. */
  recordedExecutable?: string | undefined;
  /** Absolute path of the package's installer script, if it declares one. */
  installScript?: string | undefined;
  /** How the installer ended, once this launcher has run it. */
  install?: InstallOutcome | undefined;
  exists: (path: string) => boolean;
}

export interface InstallOutcome {
  /** Exit code of the installer; null when it was killed. */
  code: number | null;
  signal?: string | null | undefined;
  /** The launcher stopped it after this many milliseconds. */
  timedOutAfterMs?: number | undefined;
  /** The first failure the installer reported (see install-reporter.ts). */
  reported?: string | undefined;
}

export type LaunchStep =
  | { kind: 'launch'; binary: string }
  | { kind: 'install'; script: string }
  | { kind: 'fail'; reason: string };

/** Where an Electron build keeps its executable, relative to its dist folder. */
export function platformExecutable(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'Electron.app/Contents/MacOS/Electron';
  if (platform === 'win32') return 'electron.exe';
  return 'electron';
}

export function planLaunch(facts: ElectronFacts): LaunchStep {
  const { overrideDistPath, packageDir, recordedExecutable, exists } = facts;
  if (overrideDistPath) {
    // As the electron package itself does: the override folder replaces its dist/.
    const binary = join(overrideDistPath, recordedExecutable ?? platformExecutable(facts.platform));
    return exists(binary)
      ? { kind: 'launch', binary }
      : { kind: 'fail', reason: `ELECTRON_OVERRIDE_DIST_PATH is set to ${overrideDistPath}, but there is no Electron binary at ${binary}` };
  }
  if (!packageDir) {
    return { kind: 'fail', reason: 'the electron package is not installed in node_modules (run `npm install`)' };
  }
  const binary = recordedExecutable ? join(packageDir, 'dist', recordedExecutable) : undefined;
  if (binary && exists(binary)) return { kind: 'launch', binary };
  if (facts.install) {
    if (facts.install.code === 0) {
      return { kind: 'fail', reason: `Electron's installer finished, but left no binary in ${join(packageDir, 'dist')}` };
    }
    return { kind: 'fail', reason: `Electron's binary could not be downloaded (${installFailureReason(facts.install)})` };
  }
  if (!facts.installScript || !exists(facts.installScript)) {
    return { kind: 'fail', reason: `Electron's binary is not installed and the electron package in ${packageDir} has no installer to fetch it` };
  }
  return { kind: 'install', script: facts.installScript };
}

/** Why an install failed, in a few words. */
export function installFailureReason(outcome: InstallOutcome): string {
  if (outcome.timedOutAfterMs !== undefined) {
    const waited = `it did not finish within ${formatDuration(outcome.timedOutAfterMs)}`;
    return outcome.reported ? `${waited}; last error: ${outcome.reported}` : waited;
  }
  if (outcome.reported) return outcome.reported;
  if (outcome.code === null) return `the installer was stopped${outcome.signal ? ` by ${outcome.signal}` : ''}`;
  return `the installer exited with code ${outcome.code}`;
}

/** The whole message when the desktop app cannot start: one sentence why, one way on. */
export function launchFailureMessage(reason: string): string {
  return [
    `Journeyboard's desktop app cannot start: ${reason}.`,
    'Run `npm run start:web` to open Journeyboard in your browser instead (same workshops, same files).',
  ].join('\n');
}

/** One line from an error, with its cause: fetch's own message is only "fetch failed". */
export function describeError(error: unknown): string {
  if (!(error instanceof Error)) return oneLine(String(error));
  const cause = error.cause instanceof Error ? error.cause.message : undefined;
  return oneLine(cause && !error.message.includes(cause) ? `${error.message}: ${cause}` : error.message);
}

/** The first line of what the installer printed to stderr (it prints `err.stack`). */
export function firstLine(text: string): string {
  return oneLine(text.split('\n').find((line) => line.trim() !== '') ?? '');
}

/** The installer's time limit: a hanging network must not hold `npm start` forever. */
export const DEFAULT_INSTALL_TIMEOUT_MS = 10 * 60_000;

export function installTimeoutMs(env: Record<string, string | undefined>): number {
  const seconds = Number(env.JOURNEYBOARD_ELECTRON_INSTALL_TIMEOUT);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : DEFAULT_INSTALL_TIMEOUT_MS;
}

function formatDuration(ms: number): string {
  const seconds = Math.round(ms / 1000);
  if (seconds % 60 === 0 && seconds >= 60) return `${seconds / 60} minute${seconds === 60 ? '' : 's'}`;
  return `${seconds} s`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
