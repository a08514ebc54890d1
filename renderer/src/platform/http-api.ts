import { API_NAMES, type ApiName, type JourneyboardApi } from '../../../shared/api/contract.ts';
import { isApiError } from '../../../shared/api/errors.ts';

const TOKEN_KEY = 'journeyboard-token';

/** The token from `#token=…` (then removed from the address bar), kept for reloads. */
export function takeHostToken(): string {
  const match = /[#&]token=([^&]+)/.exec(window.location.hash);
  if (match?.[1]) {
    sessionStorage.setItem(TOKEN_KEY, match[1]);
    history.replaceState(null, '', window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

/**
 * The browser build's API: each call is a POST to the loopback host. A network failure
 * or a garbled answer becomes an error value like any other, never a throw.
 */
export function createHttpApi(token: string): JourneyboardApi {
  const call = async (name: ApiName, input: unknown) => {
    try {
      const response = await fetch(`api/${name}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-journeyboard-token': token },
        body: JSON.stringify(input ?? {}),
      });
      const body: unknown = await response.json();
      if (typeof body === 'object' && body !== null && 'ok' in body) {
        const result = body as { ok: boolean; error?: unknown };
        if (result.ok || isApiError(result.error)) return body;
      }
      return { ok: false, error: { code: 'internal', message: 'Journeyboard got an answer it could not read.' } };
    } catch {
      return {
        ok: false,
        error: { code: 'io-error', message: 'Journeyboard lost contact with its host. Is `npm run start:web` still running?' },
      };
    }
  };
  return Object.fromEntries(API_NAMES.map((name) => [name, (input: unknown) => call(name, input)])) as JourneyboardApi;
}
