import { z } from 'zod';
import { THEMES } from '../../theme/palettes.ts';
import { filePath, replaceExisting, workshopPath } from './fields.ts';
import type { OpenedWorkshop } from './workshop-calls.ts';

/** Leaving the room and coming back: exports (some as cancellable jobs) and imports. */

const jobId = z.string().regex(/^[a-z0-9-]{4,64}$/, 'An export job id is letters, digits and dashes');

/** A PNG as base64; the size cap keeps a request within what the transports carry. */
const pngBase64 = z
  .string()
  .max(40 * 1024 * 1024, 'That picture is too large to export')
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, 'That is not a PNG picture');

const overview = z.object({ journeyId: z.string().regex(/^journey:[0-9a-z]{4,32}$/), png: pngBase64 });

const exportPath = (extension: string) =>
  filePath.refine((p) => p.toLowerCase().endsWith(extension), { message: `This export's file name ends in ${extension}` });

export const exchangeCalls = {
  'export-json': z.object({ path: exportPath('.json'), replaceExisting }),
  'export-csv': z.object({ path: exportPath('.csv'), table: z.enum(['cards', 'priorities']), replaceExisting }),
  'export-qdpx': z.object({ path: exportPath('.qdpx'), replaceExisting }),
  'import-json': z.object({ sourcePath: filePath, path: workshopPath, replaceExisting }),
  'export-pptx': z.object({
    path: exportPath('.pptx'),
    jobId,
    theme: z.enum(THEMES),
    overviews: z.array(overview).max(50),
    /** A company template (.pptx or .potx) the user picked: the deck takes its master and fonts. */
    template: filePath.refine((p) => /\.(pptx|potx)$/i.test(p), { message: 'A company template is a .pptx or .potx file' }).optional(),
    /** Last year's workshop file: the deck adds what changed since (the file is only read). */
    compareWith: filePath.optional(),
    replaceExisting,
  }),
  'export-png': z.object({ path: exportPath('.png'), png: pngBase64, replaceExisting }),
  /** With last year's workshop file, the report adds what changed since (the file is only read). */
  'export-pdf': z.object({ path: exportPath('.pdf'), jobId, overviews: z.array(overview).max(50), compareWith: filePath.optional(), replaceExisting }),
  'export-progress': z.object({ jobId }),
  'export-cancel': z.object({ jobId }),
} as const;

export interface ExportedFile {
  path: string;
  bytes: number;
}

export interface ExchangeValues {
  'export-json': ExportedFile;
  'export-csv': ExportedFile;
  'export-qdpx': ExportedFile;
  'import-json': OpenedWorkshop;
  'export-pptx': ExportedFile & { slides: number };
  'export-png': ExportedFile;
  'export-pdf': ExportedFile;
  'export-progress': { done: number; total: number } | null;
  'export-cancel': null;
}
