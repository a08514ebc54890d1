import { resolve, sep } from 'node:path';
import type { FeatureHandlers, WorkshopValues } from '../../../shared/api/contract.ts';
import type { Change } from '../../../shared/change/change.ts';
import { WorkshopFile } from '../workshop-file.ts';
import { CURRENT_FILE_FORMAT_VERSION } from '../schema/migrations.ts';
import type { WorkshopSession } from '../session.ts';

/** The workshop session's calls: open, create, save changes and copies, recent files, backups. */
export function workshopHandlers(session: WorkshopSession, app: { version: string; defaultWorkshopFolder: string; pathSeparator?: '/' | '\\' }): FeatureHandlers<keyof WorkshopValues> {
  return {
    'app-info': () => ({
      version: app.version,
      fileFormatVersion: CURRENT_FILE_FORMAT_VERSION,
      defaultWorkshopFolder: app.defaultWorkshopFolder,
      pathSeparator: app.pathSeparator ?? (sep as '/' | '\\'),
    }),
    'workshop-create': ({ path, name, replaceExisting, template }) =>
      session.switchTo(WorkshopFile.create(session.writable(path, replaceExisting), name, { replaceExisting, template })),
    'workshop-open': ({ path, readOnly }) => {
      const target = session.paths.forReading(path);
      const open = session.open;
      if (open?.path === target && open.readOnly === readOnly) return session.describe(open);
      if (open?.path === target) session.close();
      return session.switchTo(WorkshopFile.open(target, { readOnly, recoveryFolder: session.recoveryFolder }));
    },
    'workshop-read': () => session.describe(session.current()),
    'workshop-close': () => {
      session.close();
      return null;
    },
    'workshop-apply-change': ({ change }) => {
      const file = session.current();
      file.applyChange(change as Change);
      session.backups.afterChange(file);
      return { savedAt: new Date().toISOString() };
    },
    'workshop-save-copy': ({ path, records, replaceExisting }) =>
      session.switchTo(WorkshopFile.createFromRecords(session.writable(path, replaceExisting), records, { replaceExisting })),
    'recent-list': () => session.recent.list(),
    'recent-forget': ({ path }) => {
      session.recent.forget(path);
      return session.recent.list();
    },
    'backup-list': ({ path }) => session.backups.list(path === undefined ? session.current().path : resolve(path)),
    'backup-restore': ({ backupId, path, replaceExisting }) => {
      const backup = WorkshopFile.open(session.backups.fileOf(backupId), { readOnly: true });
      try {
        return session.switchTo(WorkshopFile.createFromRecords(session.writable(path, replaceExisting), backup.readRecords(), { replaceExisting }));
      } finally {
        backup.close();
      }
    },
  };
}
