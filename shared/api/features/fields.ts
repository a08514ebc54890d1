import { z } from 'zod';
import { LIMITS } from '../../model/limits.ts';

/** Input fields several features' calls share: paths and the user's confirmation. */

export const filePath = z
  .string()
  .min(1, 'A file path is required')
  .max(LIMITS.pathLength, 'That file path is too long')
  .refine((p) => !p.includes('\0'), 'A file path cannot contain a NUL character');

export const WORKSHOP_EXTENSION = '.journey';

export const workshopPath = filePath.refine((p) => p.toLowerCase().endsWith(WORKSHOP_EXTENSION), {
  message: `A workshop file name ends in ${WORKSHOP_EXTENSION}`,
});

/** The user confirmed replacing an existing file (the native dialog, or the path prompt). */
export const replaceExisting = z.boolean().default(false);
