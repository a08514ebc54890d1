/**
 * Every way a request can fail, as a code the UI can act on and a sentence a
 * facilitator can read. Messages say what happened and what is safe: the file on disk
 * is untouched whenever we refuse it.
 */
export const API_ERROR_CODES = [
  'not-found',
  'not-a-workshop',
  'newer-version',
  'damaged',
  'already-exists',
  'already-open',
  /** Another Journeyboard (this machine or another) holds the file's lock. */
  'locked',
  /** The workshop was opened read-only; edits are not written. */
  'read-only',
  /** The file was deleted or moved while it was open. */
  'file-moved',
  /** The lock on the open file was taken away (e.g. the lock folder was removed). */
  'lock-lost',
  /** The file no longer holds what the change was made from (another writer). */
  'conflict',
  'no-workshop-open',
  'permission-denied',
  'disk-full',
  'file-busy',
  'invalid-request',
  'invalid-change',
  'unknown-call',
  'io-error',
  'cancelled',
  'internal',
] as const;
export type ApiErrorCode = (typeof API_ERROR_CODES)[number];

export interface ApiError {
  code: ApiErrorCode;
  /** A complete sentence for the person at the laptop. */
  message: string;
  /** The file the error is about, when there is one. */
  path?: string;
}

/** Thrown inside services and turned into `{ ok: false, error }` at the API boundary. */
export class WorkshopError extends Error {
  readonly code: ApiErrorCode;
  readonly path: string | undefined;

  constructor(code: ApiErrorCode, message: string, path?: string) {
    super(message);
    this.name = 'WorkshopError';
    this.code = code;
    this.path = path;
  }

  toApiError(): ApiError {
    return this.path === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, path: this.path };
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    (API_ERROR_CODES as readonly string[]).includes((value as ApiError).code) &&
    typeof (value as ApiError).message === 'string'
  );
}
