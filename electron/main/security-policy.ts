import { isAppUrl } from './app-origin.ts';

/** In-app navigation never leaves the app; everything else is refused. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/**
 * New windows are never opened. A plain https link (e.g. help) may go to the user's
 * browser; file:, javascript:, custom schemes and http do not.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  let openExternally = false;
  try {
    openExternally = new URL(url).protocol === 'https:';
  } catch {
    openExternally = false;
  }
  return { action: 'deny', openExternally };
}

/** IPC is answered only for our own page in the main frame's origin. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Permission requests (camera, notifications, …): the app needs none. */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}
