import type { z } from 'zod';
import { asSentence } from '../../shared/model/record-problems.ts';

const FIELD_NAMES: Record<string, string> = {
  path: 'the file path',
  name: 'the name',
  change: 'the change',
  text: 'the card text',
};

/** One sentence from zod's issues: which field, and what is wrong with it. */
export function describeInvalidInput(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'The request was not valid.';
  const message = issue.message;
  // Our own schema messages are already sentences ("A card can hold at most …").
  if (/^[A-Z]/.test(message) && !message.startsWith('Invalid')) return withPeriod(message);
  const field = issue.path.map(String).find((part) => FIELD_NAMES[part]) ?? issue.path.at(-1);
  const where = field === undefined ? '' : ` in ${FIELD_NAMES[String(field)] ?? String(field)}`;
  return withPeriod(`The request was not valid${where}: ${message}`);
}

const withPeriod = asSentence;
