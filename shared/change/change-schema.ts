import { z } from 'zod';
import { anyRecordSchema } from '../model/records.ts';
import { LIMITS } from '../model/limits.ts';
import { changeSize, type Change } from './change.ts';

/**
 * What a valid change looks like from outside the renderer: every record valid, every
 * key equal to its record's id, an update never changing a record's id or type, and a
 * bounded size. The main process runs this before a change reaches the file.
 */
export const changeSchema = z
  .object({
    added: z.record(z.string(), anyRecordSchema),
    updated: z.record(z.string(), z.tuple([anyRecordSchema, anyRecordSchema])),
    removed: z.record(z.string(), anyRecordSchema),
  })
  .superRefine((change, ctx) => {
    const keyed = (section: 'added' | 'removed') => {
      for (const [key, record] of Object.entries(change[section])) {
        if (record.id !== key) ctx.addIssue({ code: 'custom', path: [section, key], message: 'key and record id differ' });
      }
    };
    keyed('added');
    keyed('removed');
    for (const [key, [from, to]] of Object.entries(change.updated)) {
      if (from.id !== key || to.id !== key) {
        ctx.addIssue({ code: 'custom', path: ['updated', key], message: 'key and record id differ' });
      }
      if (from.type !== to.type) {
        ctx.addIssue({ code: 'custom', path: ['updated', key], message: 'an update cannot change a record type' });
      }
    }
    const seen = new Set<string>();
    for (const key of [...Object.keys(change.added), ...Object.keys(change.updated), ...Object.keys(change.removed)]) {
      if (seen.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'a record appears twice in one change' });
      seen.add(key);
    }
    if (changeSize(change as Change) > LIMITS.recordsPerChange) {
      ctx.addIssue({ code: 'custom', path: [], message: `a change can hold at most ${LIMITS.recordsPerChange} records` });
    }
  });
