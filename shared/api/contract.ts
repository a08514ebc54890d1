import { z } from 'zod';
import { LIMITS } from '../model/limits.ts';
import type { AnyRecord } from '../model/records.ts';
import { changeSchema } from '../change/change-schema.ts';
import { TEMPLATE_IDS } from '../model/templates.ts';
import type { ApiError } from './errors.ts';
import type { Result } from './result.ts';

/**
 * The API between the renderer and the services: one list of calls, each with the
 * schema its input must pass in the main process (the renderer is untrusted input) and
 * the type of its value. Electron's preload and the browser build's HTTP host serve the
 * same calls, so the renderer cannot tell them apart.
 */

const filePath = z
  .string()
  .min(1, 'A file path is required')
  .max(LIMITS.pathLength, 'That file path is too long')
  .refine((p) => !p.includes('\0'), 'A file path cannot contain a NUL character');

export const WORKSHOP_EXTENSION = '.journey';

const workshopPath = filePath.refine((p) => p.toLowerCase().endsWith(WORKSHOP_EXTENSION), {
  message: `A workshop file name ends in ${WORKSHOP_EXTENSION}`,
});

const exportPath = (extension: string) =>
  filePath.refine((p) => p.toLowerCase().endsWith(extension), { message: `This export's file name ends in ${extension}` });

export const apiInputSchemas = {
  'app-info': z.object({}),
  'workshop-create': z.object({
    path: workshopPath,
    name: z.string().trim().min(1, 'A workshop needs a name').max(LIMITS.nameLength),
    /** The save dialog has already asked the user to confirm replacing the file. */
    replaceExisting: z.boolean().default(false),
    template: z.enum(TEMPLATE_IDS).default('blank'),
  }),
  'workshop-open': z.object({ path: filePath }),
  'workshop-read': z.object({}),
  'workshop-close': z.object({}),
  'workshop-apply-change': z.object({ change: changeSchema }),
  'export-json': z.object({ path: exportPath('.json') }),
  'export-csv': z.object({ path: exportPath('.csv'), table: z.enum(['cards', 'priorities']) }),
  'import-json': z.object({ sourcePath: filePath, path: workshopPath, replaceExisting: z.boolean().default(false) }),
  'recent-list': z.object({}),
  'recent-forget': z.object({ path: filePath }),
} as const;

export type ApiName = keyof typeof apiInputSchemas;
export const API_NAMES = Object.keys(apiInputSchemas) as ApiName[];

export interface AppInfo {
  version: string;
  /** The schema version this build writes; files above it are refused. */
  fileFormatVersion: number;
  /** Where new workshops go unless the user picks another folder. */
  defaultWorkshopFolder: string;
  /** The platform path separator, so the renderer can suggest paths. */
  pathSeparator: '/' | '\\';
}

export interface OpenedWorkshop {
  path: string;
  fileFormatVersion: number;
  records: AnyRecord[];
}

export interface RecentWorkshop {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface ExportedFile {
  path: string;
  bytes: number;
}

export interface SavedChange {
  savedAt: string;
}

export interface ApiValues {
  'app-info': AppInfo;
  'workshop-create': OpenedWorkshop;
  'workshop-open': OpenedWorkshop;
  'workshop-read': OpenedWorkshop;
  'workshop-close': null;
  'workshop-apply-change': SavedChange;
  'export-json': ExportedFile;
  'export-csv': ExportedFile;
  'import-json': OpenedWorkshop;
  'recent-list': RecentWorkshop[];
  'recent-forget': RecentWorkshop[];
}

export type ApiInput<K extends ApiName> = z.input<(typeof apiInputSchemas)[K]>;
export type ApiParsedInput<K extends ApiName> = z.output<(typeof apiInputSchemas)[K]>;
export type ApiResult<K extends ApiName> = Result<ApiValues[K], ApiError>;

/** What the renderer holds: one function per call, whichever transport serves it. */
export type JourneyboardApi = { [K in ApiName]: (input: ApiInput<K>) => Promise<ApiResult<K>> };

/** What the services implement: parsed input in, a value out, WorkshopError thrown. */
export type ApiHandlers = { [K in ApiName]: (input: ApiParsedInput<K>) => Promise<ApiValues[K]> | ApiValues[K] };
