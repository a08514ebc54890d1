import { useMemo } from 'react';
import type { Editor } from '../editor/editor.ts';
import type { Platform } from '../platform/platform.ts';
import type { TemplateId } from '../../../shared/model/templates.ts';

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
        if (path) await editor.createWorkshop(path, name, platform.shell.confirmsReplace, template);
      },
      async open() {
        const path = await platform.shell.pickWorkshopToOpen();
        if (path) await editor.openWorkshop(path);
      },
    }),
    [editor, platform, askName],
  );
}

/** A file name from a workshop name: no characters any OS forbids. */
export function fileNameFor(name: string): string {
  const cleaned = name.replace(/[<>:"/\\|?*\u0000-\u001f]/g, ' ').replace(/\s+/g, ' ').trim();
  return cleaned.slice(0, 100) || 'Workshop';
}
