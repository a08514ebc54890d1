import type { MessageBoxOptions } from 'electron';
import { isAppUrl } from './app-origin.ts';

/** In-app navigation never leaves the app; everything else is refused. */
export function mayNavigate(url: string): boolean {
  return isAppUrl(url);
}

/** What a navigation event hands its listener (will-navigate, will-redirect, will-frame-navigate). */
export interface NavigationDetails {
  url: string;
  preventDefault(): void;
}

type NavigationListener = (details: NavigationDetails) => void;

/** The part of a WebContents the navigation guards attach to. */
export interface NavigationEvents {
  on(event: 'will-navigate', listener: NavigationListener): unknown;
  on(event: 'will-redirect', listener: NavigationListener): unknown;
  on(event: 'will-frame-navigate', listener: NavigationListener): unknown;
}

/**
 * Every way a page can move somewhere else gets the same check: a link or script
 * (will-navigate), a server redirect during any navigation (will-redirect), and a
 * navigation in any frame, including subframes will-navigate does not see
 * (will-frame-navigate).
 */
export function installNavigationGuards(contents: NavigationEvents): void {
  const guard: NavigationListener = (details) => {
    if (!mayNavigate(details.url)) details.preventDefault();
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);
  contents.on('will-frame-navigate', guard);
}

/** A link the user's browser may open, after the user agrees: its normalised URL and host. */
export interface ExternalLink {
  url: string;
  host: string;
}

/**
 * Only plain https links leave the app: not http, file:, javascript: or custom schemes
 * (which would start other programs), and not a URL with a user name or password in it
 * ("https://bank.example@evil.example" shows one host and opens another).
 */
export function externalLink(url: string): ExternalLink | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return undefined;
  // URL.host is lower-case, punycode for international names (no look-alike letters),
  // and carries the port only when it is not 443.
  return { url: parsed.href, host: parsed.host };
}

/**
 * New windows are never opened. A plain https link (e.g. help) may go to the user's
 * browser, once confirmed (openExternalDialogOptions); file:, javascript:, custom
 * schemes and http do not.
 */
export function windowOpenDecision(url: string): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: externalLink(url) !== undefined };
}

export const OPEN_LINK_BUTTON = 0;
const CANCEL_BUTTON = 1;
const MAX_SHOWN_URL = 300;

/** The native question asked before a link goes to the browser; Cancel is the default. */
export function openExternalDialogOptions(link: ExternalLink): MessageBoxOptions {
  const shownUrl = link.url.length > MAX_SHOWN_URL ? `${link.url.slice(0, MAX_SHOWN_URL - 1)}…` : link.url;
  return {
    type: 'question',
    title: 'Open link',
    message: `Open ${link.host} in your browser?`,
    detail: shownUrl,
    buttons: ['Open in Browser', 'Cancel'],
    defaultId: CANCEL_BUTTON,
    cancelId: CANCEL_BUTTON,
    noLink: true,
  };
}

/** Whether the answer to openExternalDialogOptions was "Open in Browser". */
export function mayOpenAfterConfirmation(response: number): boolean {
  return response === OPEN_LINK_BUTTON;
}

/** IPC is answered only for our own page in the main frame's origin. */
export function isTrustedSender(frameUrl: string | undefined | null): boolean {
  return typeof frameUrl === 'string' && isAppUrl(frameUrl);
}

/** Permission requests (camera, notifications, …): the app needs none. */
export function mayGrantPermission(_permission: string): boolean {
  return false;
}
