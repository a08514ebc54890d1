import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { workshopNameIn, type Editor } from './editor/editor.ts';
import type { Platform } from './platform/platform.ts';
import { runAction } from './editor/actions/run-action.ts';
import { ACTION_BY_NAME } from '../../shared/actions/action-list.ts';
import { StartScreen } from './screens/StartScreen.tsx';
import { WorkshopScreen } from './screens/WorkshopScreen.tsx';
import { NewWorkshopDialog } from './screens/NewWorkshopDialog.tsx';
import { PathPrompt } from './screens/PathPrompt.tsx';
import { useWorkshopFlows } from './screens/workshop-flows.ts';
import { preferences } from './room/preferences.ts';
import { ConfirmDialog } from './safety/ConfirmDialog.tsx';
import { BackupsDialog } from './safety/BackupsDialog.tsx';
import { CopyRequests } from './safety/CopyRequests.tsx';
import { ShortcutsSheet } from './screens/ShortcutsSheet.tsx';

export function App({ editor, platform }: { editor: Editor; platform: Platform }) {
  const workshop = useStore(editor.store, (s) => s.workshop);
  const workshopName = useStore(editor.store, (s) => workshopNameIn(s.records));
  const [askingName, setAskingName] = useState(false);
  const flows = useWorkshopFlows(editor, platform, () => setAskingName(true));

  useEffect(() => {
    void editor.start();
  }, [editor]);

  // The window title follows the record, so a rename shows at once.
  const path = workshop?.path;
  useEffect(() => platform.shell.setOpenWorkshop(path ? { path, name: workshopName } : null), [platform, path, workshopName]);

  const theme = useStore(preferences, (s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
    platform.shell.setTheme(theme);
  }, [theme, platform]);

  useEffect(() => {
    const offMenu = platform.shell.onMenuCommand((command) => {
      const { textCommand } = ACTION_BY_NAME[command];
      // The menu's accelerators reach us before the page: in a text field they
      // belong to the text, not to the map.
      if (textCommand && textFieldHasFocus()) document.execCommand(textCommand);
      else runAction(command, { editor, flows });
    });
    const offFile = platform.shell.onOpenFile((path) => void editor.openWorkshop(path));
    return () => {
      offMenu();
      offFile();
    };
  }, [editor, platform, flows]);

  return (
    <>
      {workshop ? <WorkshopScreen editor={editor} platform={platform} onClose={() => void editor.closeWorkshop()} /> : <StartScreen editor={editor} flows={flows} />}
      {askingName && (
        <NewWorkshopDialog
          onCancel={() => setAskingName(false)}
          onCreate={(name, template) => {
            setAskingName(false);
            void flows.create(name, template);
          }}
        />
      )}
      <BackupsDialog editor={editor} platform={platform} />
      <CopyRequests editor={editor} platform={platform} />
      {platform.kind === 'web' && <PathPrompt editor={editor} />}
      <ConfirmDialog />
      <ShortcutsSheet />
    </>
  );
}

function textFieldHasFocus(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLElement && (active.isContentEditable || active.tagName === 'INPUT' || active.tagName === 'TEXTAREA');
}
