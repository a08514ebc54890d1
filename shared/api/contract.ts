import { z } from 'zod';
import { LIMITS } from '../model/limits.ts';
import { anyRecordSchema, type AnyRecord } from '../model/records.ts';
import { changeSchema } from '../change/change-schema.ts';
import { TEMPLATE_IDS } from '../model/templates.ts';
import { THEMES } from '../theme/palettes.ts';
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

const jobId = z.string().regex(/^[a-z0-9-]{4,64}$/, 'An export job id is letters, digits and dashes');

/** A PNG as base64; the size cap keeps a request within what the transports carry. */
const pngBase64 = z
  .string()
  .max(40 * 1024 * 1024, 'That picture is too large to export')
  .regex(/^iVBORw0KGgo[A-Za-z0-9+/]*={0,2}$/, 'That is not a PNG picture');

const overview = z.object({ journeyId: z.string().regex(/^journey:[0-9a-z]{4,32}$/), png: pngBase64 });

/** The user confirmed replacing an existing file (the native dialog, or the path prompt). */
const replaceExisting = z.boolean().default(false);

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
  'workshop-open': z.object({
    path: filePath,
    /** Another Journeyboard holds the file: look at it without taking it. */
    readOnly: z.boolean().default(false),
  }),
  'workshop-read': z.object({}),
  'workshop-close': z.object({}),
  'workshop-apply-change': z.object({ change: changeSchema }),
  /**
   * The board as it is on screen, written to a new workshop that becomes the open one:
   * the way out when the open file can no longer be saved to.
   */
  'workshop-save-copy': z.object({
    path: workshopPath,
    records: z.array(anyRecordSchema).max(LIMITS.recordsPerChange, 'That workshop is too large to copy in one request'),
    replaceExisting: z.boolean().default(false),
  }),
  'export-json': z.object({ path: exportPath('.json'), replaceExisting }),
  'export-csv': z.object({ path: exportPath('.csv'), table: z.enum(['cards', 'priorities']), replaceExisting }),
  'import-json': z.object({ sourcePath: filePath, path: workshopPath, replaceExisting: z.boolean().default(false) }),
  'export-pptx': z.object({ path: exportPath('.pptx'), jobId, theme: z.enum(THEMES), overviews: z.array(overview).max(50), replaceExisting }),
  'export-png': z.object({ path: exportPath('.png'), png: pngBase64, replaceExisting }),
  'export-pdf': z.object({ path: exportPath('.pdf'), jobId, overviews: z.array(overview).max(50), replaceExisting }),
  'export-progress': z.object({ jobId }),
  'export-cancel': z.object({ jobId }),
  'recent-list': z.object({}),
  'recent-forget': z.object({ path: filePath }),
  /** Rolling backups, newest first: of the open workshop, or of the file named (one that would not open). */
  'backup-list': z.object({ path: filePath.optional() }),
  /** A backup written to a new file of the user's choosing, and opened. */
  'backup-restore': z.object({ backupId: z.string().max(80), path: workshopPath, replaceExisting: z.boolean().default(false) }),
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
  /** Opened for looking only: another Journeyboard is writing it. */
  readOnly: boolean;
  /** What opening did that the user should hear about (a journal set aside, a recovery). */
  notices: string[];
}

export interface BackupEntry {
  id: string;
  takenAt: string;
  bytes: number;
  cards: number;
  workshopName: string;
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
  'workshop-save-copy': OpenedWorkshop;
  'export-json': ExportedFile;
  'export-csv': ExportedFile;
  'import-json': OpenedWorkshop;
  'export-pptx': ExportedFile & { slides: number };
  'export-png': ExportedFile;
  'export-pdf': ExportedFile;
  'export-progress': { done: number; total: number } | null;
  'export-cancel': null;
  'recent-list': RecentWorkshop[];
  'recent-forget': RecentWorkshop[];
  'backup-list': BackupEntry[];
  'backup-restore': OpenedWorkshop;
}

export type ApiInput<K extends ApiName> = z.input<(typeof apiInputSchemas)[K]>;
export type ApiParsedInput<K extends ApiName> = z.output<(typeof apiInputSchemas)[K]>;
export type ApiResult<K extends ApiName> = Result<ApiValues[K], ApiError>;

/** What the renderer holds: one function per call, whichever transport serves it. */
export type JourneyboardApi = { [K in ApiName]: (input: ApiInput<K>) => Promise<ApiResult<K>> };

/** What the services implement: parsed input in, a value out, WorkshopError thrown. */
export type ApiHandlers = { [K in ApiName]: (input: ApiParsedInput<K>) => Promise<ApiValues[K]> | ApiValues[K] };
