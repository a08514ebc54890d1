/**
 * The renderer is served from a privileged custom scheme rather than file://, so it has
 * a real origin: the CSP's 'self', the navigation policy and the IPC sender check all
 * compare against this one origin.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'journeyboard';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_START_URL = `${APP_ORIGIN}/index.html`;

export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}
