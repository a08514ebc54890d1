import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * `npm start`: runs the built app in Electron. Electron's package downloads its binary
 * at install; where that did not happen (no network, or ELECTRON_SKIP_BINARY_DOWNLOAD),
 * say so plainly and offer the browser build instead of a stack trace.
 */
export function electronBinaryPath(packageDir: string | undefined = electronPackageDir()): string | undefined {
  if (!packageDir) return undefined;
  const pathFile = join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(packageDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

function electronPackageDir(): string | undefined {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const binary = process.env.ELECTRON_OVERRIDE_DIST_PATH ? join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron') : electronBinaryPath();
  if (!binary) {
    console.error(
      [
        "Electron's binary is not installed on this machine, so the desktop app cannot start.",
        'Run `npm run start:web` to open Journeyboard in your browser instead (same workshops, same files),',
        'or reinstall with network access (`npm rebuild electron`) to get the desktop app.',
      ].join('\n'),
    );
    process.exit(1);
  }
  const appDir = fileURLToPath(new URL('..', import.meta.url));
  const child = spawn(binary, [appDir, ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}
