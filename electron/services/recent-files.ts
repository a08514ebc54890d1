import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { RecentWorkshop } from '../../shared/api/contract.ts';

const MAX_RECENT = 12;
const FILE_NAME = 'recent-workshops.json';

const storedSchema = z.array(z.object({ path: z.string(), name: z.string(), openedAt: z.string() }));
type Stored = z.output<typeof storedSchema>;

/**
 * The recent-workshops list, kept beside the app's other preferences (not in any
 * workshop). A damaged list is treated as empty: losing it must never stop the app.
 */
export class RecentFiles {
  private readonly file: string;

  constructor(dataFolder: string) {
    this.file = join(dataFolder, FILE_NAME);
  }

  list(): RecentWorkshop[] {
    return this.read().map((entry) => ({ ...entry, exists: existsSync(entry.path) }));
  }

  remember(path: string, name: string, now: Date = new Date()): void {
    const absolute = resolve(path);
    const rest = this.read().filter((entry) => entry.path !== absolute);
    this.write([{ path: absolute, name, openedAt: now.toISOString() }, ...rest].slice(0, MAX_RECENT));
  }

  forget(path: string): void {
    const absolute = resolve(path);
    this.write(this.read().filter((entry) => entry.path !== absolute));
  }

  private read(): Stored {
    try {
      const parsed = storedSchema.safeParse(JSON.parse(readFileSync(this.file, 'utf8')));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  }

  private write(entries: Stored): void {
    mkdirSync(join(this.file, '..'), { recursive: true });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(entries, null, 2));
    renameSync(temp, this.file);
  }
}
