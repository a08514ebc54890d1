import { useEffect } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { uiStore } from '../editor/ui-store.ts';
import type { Platform } from '../platform/platform.ts';
import { saveCopy } from '../screens/workshop-flows.ts';

/** Runs Save a copy as… wherever it was asked for, with the shell's own file picker. */
export function CopyRequests({ editor, platform }: { editor: Editor; platform: Platform }) {
  const requested = useStore(uiStore, (s) => s.copyRequested);
  useEffect(() => {
    if (!requested) return;
    uiStore.setState({ copyRequested: false });
    if (editor.state.workshop) void saveCopy(editor, platform);
  }, [requested, editor, platform]);
  return null;
}
