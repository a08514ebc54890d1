import { z } from 'zod';
import { LIMITS } from './limits.ts';
import type { RecordId, RecordType } from './ids.ts';

/** Building blocks shared by every record schema, with messages a person can read. */
export const idOf = <T extends RecordType>(type: T) =>
  z
    .string()
    .regex(new RegExp(`^${type}:[0-9a-z]{4,32}$`), `must be a ${type} id`)
    .transform((value) => value as RecordId<T>);

export const position = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[0-9A-Za-z]+$/, 'must be an ordering key');

export const name = (what: string) =>
  z.string().max(LIMITS.nameLength, `${what} can be at most ${LIMITS.nameLength} characters`);

export const longText = (what: string) =>
  z.string().max(LIMITS.cardTextLength, `${what} can be at most ${LIMITS.cardTextLength} characters`);

/** An amount of money or people: a finite number, never below zero. */
export const nonNegative = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .finite(`${what} must be a number`)
    .min(0, `${what} cannot be negative`)
    .max(1e12, `${what} is too large`);

/** Words that name a crowd, not a person: an owner is "one named person, never everyone". */
const NOT_ONE_PERSON = new Set(['everyone', 'everybody', 'all', 'all of us', 'the team', 'team', 'we', 'us', 'nobody', 'tbd']);

export const ownerName = (what: string) =>
  name(what).refine((value) => !NOT_ONE_PERSON.has(value.trim().toLowerCase()), {
    message: `${what} must be one named person, not "everyone"`,
  });
