import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * A file in the app's assets folder. The services run from source (tests, the browser
 * build) and bundled into dist/electron (the desktop app) at different depths, so the
 * folder is found by walking up from this module rather than by a fixed relative path.
 */
export function assetPath(relative: string): string {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    const candidate = join(folder, 'assets', relative);
    if (existsSync(candidate)) return candidate;
    folder = dirname(folder);
  }
  throw new Error(`Journeyboard's ${relative} is missing from its assets folder; reinstalling the app restores it.`);
}
