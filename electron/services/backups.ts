import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { BackupEntry } from '../../shared/api/contract.ts';
import { WorkshopError } from '../../shared/api/errors.ts';
import type { WorkshopFile } from './workshop-file.ts';

const KEEP = 12;
const EVERY_MS = 5 * 60_000;
const metaSchema = z.object({ sourcePath: z.string(), workshopName: z.string(), takenAt: z.string(), cards: z.number() });
export const BACKUP_ID = /^[0-9a-f]{16}\/[0-9A-Za-z-]{10,40}$/;

/**
 * Rolling backups in the app's data folder, away from the workshop's own folder (a
 * deleted or synced-over folder takes its file with it, not its backups). Taken with
 * SQLite's online backup, so a copy is always a consistent workshop: when a file is
 * opened, and while it is edited, at most every few minutes. The newest few are kept.
 */
export class Backups {
  private readonly folder: string;
  private readonly lastTaken = new Map<string, number>();
  private readonly running = new Set<string>();

  constructor(folder: string) {
    this.folder = folder;
  }

  /** A backup now; failures are reported to the log only, never to the editing. */
  async take(file: WorkshopFile, now = new Date()): Promise<void> {
    const key = keyOf(file.path);
    if (this.running.has(key)) return;
    this.running.add(key);
    this.lastTaken.set(key, now.getTime());
    try {
      const dir = join(this.folder, key);
      mkdirSync(dir, { recursive: true });
      const stamp = now.toISOString().replace(/[:.]/g, '-');
      await file.backupTo(join(dir, `${stamp}.journey`));
      const meta = { sourcePath: file.path, workshopName: file.workshopName(), takenAt: now.toISOString(), cards: file.countCards() };
      writeFileSync(join(dir, `${stamp}.json`), JSON.stringify(meta));
      this.prune(dir);
    } catch (error) {
      // A workshop closed while its backup ran simply has none this time.
      if (!file.isClosed) console.error('[journeyboard] backup failed', error);
    } finally {
      this.running.delete(key);
    }
  }

  /** After an edit: a backup if the last one is older than the interval. */
  afterChange(file: WorkshopFile, now = Date.now()): void {
    const last = this.lastTaken.get(keyOf(file.path)) ?? 0;
    if (now - last >= EVERY_MS) void this.take(file, new Date(now));
  }

  /** The backups of one workshop, newest first. */
  list(sourcePath: string): BackupEntry[] {
    const key = keyOf(sourcePath);
    const dir = join(this.folder, key);
    let names: string[];
    try {
      names = readdirSync(dir).filter((name) => name.endsWith('.json'));
    } catch {
      return [];
    }
    const entries: BackupEntry[] = [];
    for (const name of names) {
      const stamp = name.slice(0, -'.json'.length);
      try {
        const meta = metaSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
        const bytes = statSync(join(dir, `${stamp}.journey`)).size;
        entries.push({ id: `${key}/${stamp}`, takenAt: meta.takenAt, bytes, cards: meta.cards, workshopName: meta.workshopName });
      } catch {
        // A half-written or damaged backup is not offered.
      }
    }
    return entries.sort((a, b) => b.takenAt.localeCompare(a.takenAt));
  }

  /** The file behind a backup id from `list`. */
  fileOf(id: string): string {
    if (!BACKUP_ID.test(id)) throw new WorkshopError('invalid-request', 'That backup does not exist.');
    const path = join(this.folder, `${id}.journey`);
    try {
      statSync(path);
    } catch {
      throw new WorkshopError('not-found', 'That backup no longer exists.');
    }
    return path;
  }

  private prune(dir: string): void {
    const stamps = readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name) => name.slice(0, -'.json'.length))
      .sort()
      .reverse();
    for (const stamp of stamps.slice(KEEP)) {
      rmSync(join(dir, `${stamp}.journey`), { force: true });
      rmSync(join(dir, `${stamp}.json`), { force: true });
    }
  }
}

function keyOf(path: string): string {
  return createHash('sha256').update(path).digest('hex').slice(0, 16);
}
