import { z } from 'zod';
import { LIMITS } from '../../model/limits.ts';
import { anyRecordSchema, type AnyRecord } from '../../model/records.ts';
import { changeSchema } from '../../change/change-schema.ts';
import { TEMPLATE_IDS } from '../../model/templates.ts';
import { filePath, replaceExisting, workshopPath } from './fields.ts';

/** The workshop session: opening, saving changes, copies, recent files and backups. */
export const workshopCalls = {
  'app-info': z.object({}),
  'workshop-create': z.object({
    path: workshopPath,
    name: z.string().trim().min(1, 'A workshop needs a name').max(LIMITS.nameLength),
    replaceExisting,
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
    replaceExisting,
  }),
  'recent-list': z.object({}),
  'recent-forget': z.object({ path: filePath }),
  /** Rolling backups, newest first: of the open workshop, or of the file named (one that would not open). */
  'backup-list': z.object({ path: filePath.optional() }),
  /** A backup written to a new file of the user's choosing, and opened. */
  'backup-restore': z.object({ backupId: z.string().max(80), path: workshopPath, replaceExisting }),
} as const;

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

export interface RecentWorkshop {
  path: string;
  name: string;
  openedAt: string;
  exists: boolean;
}

export interface BackupEntry {
  id: string;
  takenAt: string;
  bytes: number;
  cards: number;
  workshopName: string;
}

export interface SavedChange {
  savedAt: string;
}

export interface WorkshopValues {
  'app-info': AppInfo;
  'workshop-create': OpenedWorkshop;
  'workshop-open': OpenedWorkshop;
  'workshop-read': OpenedWorkshop;
  'workshop-close': null;
  'workshop-apply-change': SavedChange;
  'workshop-save-copy': OpenedWorkshop;
  'recent-list': RecentWorkshop[];
  'recent-forget': RecentWorkshop[];
  'backup-list': BackupEntry[];
  'backup-restore': OpenedWorkshop;
}
