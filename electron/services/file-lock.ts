import lockfile from 'proper-lockfile';
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, join } from 'node:path';
import { WorkshopError } from '../../shared/api/errors.ts';

/** Who holds a workshop: shown to the person who tries to open it elsewhere. */
export interface LockHolder {
  host: string;
  pid: number;
  since: string;
}

const HOLDER_FILE = 'holder.json';
/** A lock whose holder stopped refreshing it this long ago is taken to be dead. */
const STALE_MS = 60_000;
const REFRESH_MS = 10_000;

/**
 * One writer per workshop, across processes and machines. SQLite's own locks are held
 * only for a transaction, and on shared or network folders they are known to be
 * unreliable; a lock folder beside the file (proper-lockfile: mkdir is atomic on every
 * file system, and the holder refreshes its time so a crashed holder goes stale) works
 * for two app instances, the browser build beside the desktop app and two laptops on
 * one share alike.
 */
export class WorkshopLock {
  readonly lockPath: string;
  private readonly path: string;
  private readonly onLost: (error: WorkshopError) => void;
  private readonly since = new Date().toISOString();
  private release: (() => void) | undefined;
  private released = false;

  private constructor(path: string, onLost: (error: WorkshopError) => void) {
    this.path = path;
    this.lockPath = lockPathOf(path);
    this.onLost = onLost;
  }

  /** Takes the lock, or says who has it. `onLost` runs if it is taken away later. */
  static acquire(path: string, onLost: (error: WorkshopError) => void): WorkshopLock {
    const lock = new WorkshopLock(path, onLost);
    lock.take();
    return lock;
  }

  /** Whether another live holder has the file; used before replacing it. */
  static heldElsewhere(path: string): LockHolder | null | false {
    try {
      if (!lockfile.checkSync(path, { realpath: false, lockfilePath: lockPathOf(path), stale: STALE_MS })) return false;
    } catch {
      return false;
    }
    const holder = readHolder(lockPathOf(path));
    if (holder ? isDeadHereAndNow(holder) : isNamelessAndOld(lockPathOf(path))) return false;
    return holder;
  }

  unlock(): void {
    if (this.released) return;
    this.released = true;
    rmSync(join(this.lockPath, HOLDER_FILE), { force: true });
    try {
      this.release?.();
    } catch {
      // Already gone (compromised, or removed by hand): nothing is held any more.
    }
  }

  private take(): void {
    const lock = () =>
      lockfile.lockSync(this.path, {
        realpath: false,
        lockfilePath: this.lockPath,
        stale: STALE_MS,
        update: REFRESH_MS,
        onCompromised: () => this.compromised(),
      });
    try {
      this.release = lock();
    } catch (error) {
      const code = (error as { code?: string }).code;
      // Stale: proper-lockfile tried to remove the folder, which still names its holder.
      if (code === 'ENOTEMPTY' || code === 'EEXIST') {
        rmSync(this.lockPath, { recursive: true, force: true });
        this.release = lock();
      } else {
        if (code !== 'ELOCKED') throw error;
        const holder = readHolder(this.lockPath);
        // Our own machine can tell a dead holder at once, without waiting for staleness;
        // a lock that never got its holder's name was left by a holder killed in between.
        if (holder ? !isDeadHereAndNow(holder) : !isNamelessAndOld(this.lockPath)) throw lockedBy(this.path, holder);
        rmSync(this.lockPath, { recursive: true, force: true });
        this.release = lock();
      }
    }
    const holder: LockHolder = { host: hostname(), pid: process.pid, since: this.since };
    try {
      // proper-lockfile checks the folder's time against the one it set; a file written
      // into the folder changes it, so the time is put back.
      const { mtime } = statSync(this.lockPath);
      writeFileSync(join(this.lockPath, HOLDER_FILE), JSON.stringify(holder));
      utimesSync(this.lockPath, mtime, mtime);
    } catch {
      // The name of the holder is a courtesy; the lock itself is the folder.
    }
  }

  /**
   * The refresh came too late (a long blocking task) or failed. If the folder still
   * names us, nobody else took it: take it again. Otherwise it is truly lost.
   */
  private compromised(): void {
    if (this.released) return;
    const holder = readHolder(this.lockPath);
    if (holder && holder.host === hostname() && holder.pid === process.pid) {
      try {
        rmSync(this.lockPath, { recursive: true, force: true });
        this.take();
        return;
      } catch {
        // Someone else got in between: fall through.
      }
    }
    this.onLost(lostLock(this.path));
  }
}

export function lockPathOf(path: string): string {
  return `${path}.lock`;
}

function readHolder(lockPath: string): LockHolder | null {
  try {
    const value = JSON.parse(readFileSync(join(lockPath, HOLDER_FILE), 'utf8')) as Partial<LockHolder>;
    if (typeof value.host === 'string' && typeof value.pid === 'number' && typeof value.since === 'string') {
      return { host: value.host.slice(0, 200), pid: value.pid, since: value.since };
    }
  } catch {
    // Missing or half-written: the holder is unknown, the lock still counts.
  }
  return null;
}

/** A live holder names itself within milliseconds of taking the lock. */
const NAMING_GRACE_MS = 3_000;

function isNamelessAndOld(lockPath: string): boolean {
  try {
    return Date.now() - statSync(lockPath).mtimeMs > NAMING_GRACE_MS;
  } catch {
    return true;
  }
}

function isDeadHereAndNow(holder: LockHolder): boolean {
  return holder.host === hostname() && !isAlive(holder.pid);
}

function isAlive(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}

export function lockedBy(path: string, holder: LockHolder | null): WorkshopError {
  const where = holder ? ` (on ${holder.host}, since ${describeTime(holder.since)})` : '';
  return new WorkshopError(
    'locked',
    `${basename(path)} is open in another Journeyboard${where}. Close it there, or open it read-only here. The file has not been changed.`,
    path,
  );
}

function lostLock(path: string): WorkshopError {
  return new WorkshopError(
    'lock-lost',
    `Journeyboard lost its hold on ${basename(path)} (its lock was removed or could not be renewed), so it stopped saving to it in case another copy of the app writes to it too. Your work is still on the board: use Save a copy as… to keep it.`,
    path,
  );
}

function describeTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return 'some time';
  const sameDay = date.toDateString() === new Date().toDateString();
  const time = date.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit' });
  return sameDay ? time : `${date.toLocaleDateString('en-GB')} ${time}`;
}
