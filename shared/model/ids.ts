/**
 * Record ids carry their record type (`card:k3j9x0q2m4ab`) so a row, a log line or a
 * change is readable on its own, and a card id can never be passed where a step id is
 * expected without the compiler noticing.
 */
/** Every record type, parents before children: the order inserts run in (records.ts). */
export const RECORD_TYPES = [
  'workshop',
  'persona',
  'journey',
  'stage',
  'step',
  'lane',
  'card',
  'kpi',
  'emotion',
  'tollgate',
  'pain-point',
  'agenda-item',
  'parking-topic',
  'dot-vote',
  'vote-option',
  'vote-participant',
  'dot',
  'sample',
  'interview',
  'passage',
  'note',
  'tag',
  'note-tag',
  'pseudonym',
  'scoring',
  'rating',
  'copy-origin',
  'plan-action',
  'plan-link',
  'participant',
  'card-author',
] as const;
export type RecordType = (typeof RECORD_TYPES)[number];

export type RecordId<T extends RecordType = RecordType> = `${T}:${string}`;

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';
const RANDOM_LENGTH = 12;

/** 12 base-36 characters: ~62 bits, ample for the records of one workshop file. */
export function newId<T extends RecordType>(type: T): RecordId<T> {
  const bytes = new Uint8Array(RANDOM_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let suffix = '';
  for (const byte of bytes) suffix += ALPHABET[byte % ALPHABET.length];
  return `${type}:${suffix}`;
}

export function recordTypeOf(id: string): RecordType | undefined {
  const type = id.slice(0, id.indexOf(':'));
  return (RECORD_TYPES as readonly string[]).includes(type) ? (type as RecordType) : undefined;
}
