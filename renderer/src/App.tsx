import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import type { Editor } from './editor/editor.ts';
import type { Platform } from './platform/platform.ts';
import { runCommand } from './editor/commands.ts';
import { StartScreen } from './screens/StartScreen.tsx';
import { WorkshopScreen } from './screens/WorkshopScreen.tsx';
import { NewWorkshopDialog } from './screens/NewWorkshopDialog.tsx';
import { PathPrompt } from './screens/PathPrompt.tsx';
import { useWorkshopFlows } from './screens/workshop-flows.ts';
import { preferences, type Theme } from './room/preferences.ts';
import { roomStore } from './room/room-store.ts';
import { enterProjector } from './room/projector-mode.ts';
import { focusStage, zoomToSelection } from './room/room-commands.ts';
import { ConfirmDialog } from './safety/ConfirmDialog.tsx';
import { BackupsDialog } from './safety/BackupsDialog.tsx';
import { CopyRequests } from './safety/CopyRequests.tsx';
import { uiStore } from './editor/ui-store.ts';

export function App({ editor, platform }: { editor: Editor; platform: Platform }) {
  const workshop = useStore(editor.store, (s) => s.workshop);
  const [askingName, setAskingName] = useState(false);
  const flows = useWorkshopFlows(editor, platform, () => setAskingName(true));

  useEffect(() => {
    void editor.start();
  }, [editor]);

  useEffect(() => platform.shell.setOpenWorkshop(workshop), [platform, workshop]);

  const theme = useStore(preferences, (s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);

  useEffect(() => {
    const offMenu = platform.shell.onMenuCommand((command) => {
      if (command === 'workshop-new') flows.startNew();
      else if (command === 'workshop-open') void flows.open();
      else if (command === 'workshop-close') void editor.closeWorkshop();
      else if (command === 'save-copy') uiStore.setState({ copyRequested: true });
      else if (command === 'restore-backup') uiStore.setState({ backups: {} });
      else if (command === 'projector') enterProjector(editor);
      else if (command === 'command-palette') roomStore.setState({ paletteOpen: true });
      else if (command === 'theme-light' || command === 'theme-dark' || command === 'theme-projector') preferences.getState().setTheme(command.slice(6) as Theme);
      else if (command === 'zoom-to-selection') zoomToSelection(editor);
      else if (command === 'focus-stage') focusStage(editor);
      else if (textFieldHasFocus() && (command === 'undo' || command === 'redo' || command === 'delete')) {
        // The menu's accelerators reach us before the page: in a text field they
        // belong to the text, not to the map.
        document.execCommand(command);
      } else runCommand(editor, command);
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
    </>
  );
}

function textFieldHasFocus(): boolean {
  const active = document.activeElement;
  return active instanceof HTMLElement && (active.isContentEditable || active.tagName === 'INPUT' || active.tagName === 'TEXTAREA');
}
