import { homedir } from 'node:os';
import { join } from 'node:path';

/** Where the browser build keeps preferences and suggests new workshops, per OS. */
export function defaultDataFolder(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Journeyboard');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Journeyboard');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Journeyboard');
}

export function defaultWorkshopFolder(): string {
  return join(homedir(), 'Documents', 'Journeyboard');
}
