import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { installTimeoutMs, launchFailureMessage, planLaunch, type ElectronFacts, type InstallOutcome } from './launch-plan.ts';

/**
 * `npm start`: runs the built app in Electron. Electron 45 fetches its binary on first
 * use, so the first start runs Electron's own installer (its progress on this terminal),
 * bounded in time; where the download fails, say why in one sentence and offer the
 * browser build instead of a stack trace. The decisions are in launch-plan.ts.
 */
function readFacts(install?: InstallOutcome): ElectronFacts {
  const packageDir = electronPackageDir();
  return {
    platform: process.platform,
    overrideDistPath: process.env.ELECTRON_OVERRIDE_DIST_PATH || undefined,
    packageDir,
    recordedExecutable: packageDir ? readText(join(packageDir, 'path.txt')) : undefined,
    installScript: packageDir ? installerOf(packageDir) : undefined,
    install,
    exists: existsSync,
  };
}

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/** The script behind the package's `install-electron` bin (install.js in Electron 45). */
function installerOf(packageDir: string): string | undefined {
  try {
    const manifest = JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { bin?: Record<string, string> | string };
    const script = typeof manifest.bin === 'object' ? manifest.bin['install-electron'] : undefined;
    return script ? join(packageDir, script) : undefined;
  } catch {
    return undefined;
  }
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8').trim() || undefined;
  } catch {
    return undefined;
  }
}

/**
 * Runs Electron's installer on this terminal (its progress stays visible), stopped after
 * `timeoutMs`. `stdio: 'ignore'` is for tests.
 */
export function runInstaller(script: string, timeoutMs: number, stdio: 'inherit' | 'ignore' = 'inherit'): Promise<InstallOutcome> {
  const folder = mkdtempSync(join(tmpdir(), 'journeyboard-electron-install-'));
  const reasonFile = join(folder, 'reason.txt');
  const reporter = new URL('./install-reporter.ts', import.meta.url).href;
  const child = spawn(process.execPath, ['--import', reporter, script], {
    stdio,
    env: { ...process.env, JOURNEYBOARD_INSTALL_REASON_FILE: reasonFile },
  });
  let timedOutAfterMs: number | undefined;
  const timer = setTimeout(() => {
    timedOutAfterMs = timeoutMs;
    child.kill('SIGTERM');
  }, timeoutMs);
  return new Promise((resolve) => {
    const finish = (outcome: Omit<InstallOutcome, 'timedOutAfterMs' | 'reported'>) => {
      clearTimeout(timer);
      const reported = readText(reasonFile)?.split('\n')[0];
      rmSync(folder, { recursive: true, force: true });
      resolve({ ...outcome, timedOutAfterMs, reported });
    };
    child.once('error', (error) => finish({ code: null, signal: error.message }));
    child.once('exit', (code, signal) => finish({ code, signal }));
  });
}

function launch(binary: string): void {
  const appDir = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.once('error', (error) => fail(`Electron could not be started from ${binary} (${error.message})`));
  child.once('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
}

function fail(reason: string): never {
  console.error(launchFailureMessage(reason));
  process.exit(1);
}

async function main(): Promise<void> {
  let facts = readFacts();
  for (;;) {
    const step = planLaunch(facts);
    if (step.kind === 'fail') fail(step.reason);
    if (step.kind === 'launch') return launch(step.binary);
    console.log("Electron's binary is not installed yet: fetching it once with Electron's installer…");
    // Once tried, planLaunch never asks for the installer again, so this loop ends.
    facts = readFacts(await runInstaller(step.script, installTimeoutMs(process.env)));
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
