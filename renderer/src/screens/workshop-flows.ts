import { useMemo } from 'react';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import type { TemplateId } from '../../../shared/model/templates.ts';
import type { ApiError } from '../../../shared/api/errors.ts';
import { askToConfirm } from '../editor/ui-store.ts';

export interface WorkshopFlows {
  startNew(): void;
  create(name: string, template: TemplateId): Promise<void>;
  open(): Promise<void>;
}

/** New and Open, the same from the start screen, the menu and the keyboard. */
export function useWorkshopFlows(editor: Editor, platform: Platform, askName: () => void): WorkshopFlows {
  return useMemo(
    () => ({
      startNew: askName,
      async create(name: string, template: TemplateId) {
        const path = await platform.shell.pickNewWorkshopPath(`${fileNameFor(name)}.journey`);
        if (!path) return;
        await withReplaceConfirmed(platform, async (replace) => {
          const created = await editor.createWorkshop(path, name, replace, template);
          return created ? { ok: true } : { ok: false, error: editor.state.startError ?? undefined };
        });
      },
      async open() {
        const path = await platform.shell.pickWorkshopToOpen();
        if (path) await editor.openWorkshop(path);
      },
    }),
    [editor, platform, askName],
  );
}

/** Save a copy as…: the board as it is, to a new file the user picks, and carry on there. */
export async function saveCopy(editor: Editor, platform: Platform): Promise<void> {
  const name = editor.workshopName();
  const path = await platform.shell.pickNewWorkshopPath(`${fileNameFor(name)} (copy).journey`);
  if (!path) return;
  await withReplaceConfirmed(platform, async (replace) => {
    const saved = await editor.saveCopyAs(path, replace);
    return saved ? { ok: true } : { ok: false, error: { code: 'internal', message: '' } };
  });
}

/** A backup brought back as a new file of the user's choosing, opened at once. */
export async function restoreBackup(editor: Editor, platform: Platform, backupId: string, workshopName: string, takenAt: string): Promise<boolean> {
  const day = takenAt.slice(0, 16).replace('T', ' ').replace(':', '.');
  const path = await platform.shell.pickNewWorkshopPath(`${fileNameFor(workshopName)} (backup ${day}).journey`);
  if (!path) return false;
  return withReplaceConfirmed(platform, async (replace) => {
    const result = await editor.restoreBackup(backupId, path, replace);
    return result;
  }).then((result) => result.ok);
}

type Attempt = { ok: boolean; error?: Pick<ApiError, 'code' | 'message'> | undefined; value?: unknown };

/**
 * Runs a request that writes a file, asking before replacing one that exists where the
 * shell's own picker has not already asked (the browser build's path prompt).
 */
export async function withReplaceConfirmed<T extends Attempt>(platform: Platform, attempt: (replace: boolean) => Promise<T>): Promise<T> {
  const first = await attempt(platform.shell.confirmsReplace);
  if (first.ok || first.error?.code !== 'already-exists' || platform.shell.confirmsReplace) return first;
  const replace = await askToConfirm({ title: 'Replace the file?', message: first.error.message.replace(' Nothing was written.', ''), confirmLabel: 'Replace' });
  return replace ? attempt(true) : first;
}

/** A file name from a workshop name: no characters any OS forbids. */
export function fileNameFor(name: string): string {
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 100) || 'Workshop';
}
