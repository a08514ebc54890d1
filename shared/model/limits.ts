/**
 * Limits on what one record may hold. They protect the projector (a 1 MB card is not a
 * note anyone can read) and the file; the same numbers validate in the renderer, in the
 * main process and in the schema's CHECK constraints.
 */
export const LIMITS = {
  nameLength: 200,
  cardTextLength: 4000,
  recordsPerChange: 50_000,
  pathLength: 4096,
} as const;
