import { anyRecordSchema, type AnyRecord } from './records.ts';

/** A message as a sentence: zod's own messages come without the full stop. */
export function asSentence(message: string): string {
  return /[.!?]$/.test(message) ? message : `${message}.`;
}

/** The first problem the shared schema finds with a record, as a sentence; null if valid. */
export function problemWith(record: unknown, fallback = 'This value is not valid'): string | null {
  const parsed = anyRecordSchema.safeParse(record);
  if (parsed.success) return null;
  return asSentence(parsed.error.issues[0]?.message ?? fallback);
}

/** The first record a change would add or update that is not valid, as a sentence. */
export function firstProblemIn(records: readonly AnyRecord[]): string | null {
  for (const record of records) {
    const problem = problemWith(record, 'This edit is not valid');
    if (problem) return problem;
  }
  return null;
}
