import { posix, win32 } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Workshops the operating system asks us to open: a path on the command line (double-click
 * on Windows and Linux, `npm start -- Q3.journey`), a second instance handing over its
 * command line, or macOS's `open-file` event. Pure, so every route is tested without Electron.
 */

export interface CommandLineContext {
  /** Where relative paths start from: this process's cwd, or the second instance's. */
  cwd: string;
  /** Windows paths resolve and quote differently; tests pass 'win32' on any machine. */
  platform: NodeJS.Platform;
  /**
   * Unpackaged (`electron <appDir> …`, Electron's `process.defaultApp`): the first plain
   * argument is the app's folder, not a document.
   */
  defaultApp?: boolean;
}

const WORKSHOP_EXTENSION = '.journey';

/** Only workshop files are opened; anything else the OS passes along is ignored. */
export function isWorkshopPath(path: string): boolean {
  return path.toLowerCase().endsWith(WORKSHOP_EXTENSION) && path.length > WORKSHOP_EXTENSION.length;
}

/** Every workshop named on a command line, absolute, in order, each once. */
export function workshopPathsFromArgv(argv: readonly string[], context: CommandLineContext): string[] {
  const paths: string[] = [];
  let appFolderSkipped = !context.defaultApp;
  let switchesEnded = false;
  // argv[0] is the executable.
  for (const raw of argv.slice(1)) {
    const arg = unquote(raw);
    if (!switchesEnded) {
      // After `--` even a name starting with '-' is a file (Chromium stops reading switches there).
      if (arg === '--') {
        switchesEnded = true;
        continue;
      }
      // Chromium's and Electron's switches (--no-sandbox, --original-process-start-time=…),
      // and macOS's old -psn_… process serial number.
      if (arg.startsWith('-')) continue;
    }
    if (!appFolderSkipped) {
      appFolderSkipped = true;
      continue;
    }
    const path = absolutePath(arg, context);
    if (path && isWorkshopPath(path) && !paths.includes(path)) paths.push(path);
  }
  return paths;
}

/** The workshop a command line asks for: one window shows one workshop, so the first. */
export function workshopPathFromArgv(argv: readonly string[], context: CommandLineContext): string | undefined {
  return workshopPathsFromArgv(argv, context)[0];
}

/**
 * A Windows command line split by a program that did not follow the MSVC rules, or a
 * registry command with its own quotes, can leave quotes around a path, and a quoted
 * path ending in a backslash (`"C:\Workshops\"`) keeps a stray quote at its end.
 */
function unquote(arg: string): string {
  let text = arg.trim();
  if (text.startsWith('"')) text = text.slice(1);
  if (text.endsWith('"')) text = text.slice(0, -1);
  return text.trim();
}

/** A plain path resolved against the working directory, or a file: URL (Linux desktop files pass %U). */
function absolutePath(arg: string, context: CommandLineContext): string | undefined {
  if (arg === '') return undefined;
  const windows = context.platform === 'win32';
  if (/^file:/i.test(arg)) {
    try {
      return fileURLToPath(arg, { windows });
    } catch {
      return undefined; // a file: URL naming another machine, or malformed
    }
  }
  // Any other URL scheme (https:, journeyboard:) is not a file. One letter is a Windows drive.
  if (/^[a-z][a-z0-9+.-]+:/i.test(arg)) return undefined;
  return windows ? win32.resolve(context.cwd, arg) : posix.resolve(context.cwd, arg);
}

/**
 * Open requests that arrive before the page can take them: macOS sends `open-file` before
 * the app is ready when a double-click launches it, and again after the last window closed
 * while the app keeps running. They wait here until the page has loaded.
 */
export interface PendingOpenRequests {
  /** The OS asked for `path`: returns it when the page can take it now, else it waits. */
  request(path: string): string | undefined;
  /**
   * The page has loaded: returns what waited. One window shows one workshop, so only the
   * newest request is opened; opening the others first would only be replaced by it.
   */
  pageReady(): string | undefined;
  /** The window closed (macOS keeps the app running): later requests wait again. */
  pageGone(): void;
  /** What waits, oldest first. */
  readonly waiting: readonly string[];
}

/** At most this many requests wait; a burst of files dropped on the Dock keeps its newest. */
export const MAX_PENDING_OPEN_REQUESTS = 16;

export function pendingOpenRequests(initial: readonly string[] = []): PendingOpenRequests {
  let ready = false;
  let waiting: string[] = [];
  const enqueue = (path: string) => {
    waiting = [...waiting.filter((p) => p !== path), path].slice(-MAX_PENDING_OPEN_REQUESTS);
  };
  for (const path of initial) enqueue(path);
  return {
    request(path) {
      if (ready) return path;
      enqueue(path);
      return undefined;
    },
    pageReady() {
      ready = true;
      const newest = waiting.at(-1);
      waiting = [];
      return newest;
    },
    pageGone() {
      ready = false;
    },
    get waiting() {
      return waiting;
    },
  };
}
