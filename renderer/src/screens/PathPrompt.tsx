import { useState } from 'react';
import { useStore } from 'zustand';
import type { Editor } from '../editor/editor.ts';
import { uiStore, type PathPrompt as Prompt } from '../editor/ui-store.ts';

/** The browser build's file dialog: a path on this machine, typed or picked from recent. */
export function PathPrompt({ editor }: { editor: Editor }) {
  const prompt = useStore(uiStore, (s) => s.pathPrompt);
  if (!prompt) return null;
  return <PathPromptDialog key={prompt.mode + prompt.suggestedName} editor={editor} prompt={prompt} />;
}

function PathPromptDialog({ editor, prompt }: { editor: Editor; prompt: Prompt }) {
  const info = editor.state.appInfo;
  const folder = info ? info.defaultWorkshopFolder + info.pathSeparator : '';
  const [path, setPath] = useState(folder + prompt.suggestedName);
  const close = (value: string | null) => {
    uiStore.getState().setPathPrompt(null);
    prompt.resolve(value);
  };
  const title = { new: 'Save the new workshop as', open: 'Open a workshop file', export: 'Export to', import: 'Import from' }[prompt.mode];
  return (
    <div className="modal-backdrop" onMouseDown={() => close(null)}>
      <form
        className="modal wide"
        role="dialog"
        aria-label={title}
        onMouseDown={(e) => e.stopPropagation()}
        onSubmit={(e) => {
          e.preventDefault();
          if (path.trim()) close(path.trim());
        }}
        onKeyDown={(e) => e.key === 'Escape' && close(null)}
      >
        <h2>{title}</h2>
        <label>
          File path on this computer
          <input autoFocus value={path} onChange={(e) => setPath(e.target.value)} spellCheck={false} />
        </label>
        <p className="muted">Workshop files end in .journey. New workshops go to {info?.defaultWorkshopFolder ?? 'your Documents folder'} unless you choose another path.</p>
        <div className="modal-actions">
          <button type="button" onClick={() => close(null)}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={!path.trim()}>
            {{ new: 'Create', open: 'Open', export: 'Export', import: 'Import' }[prompt.mode]}
          </button>
        </div>
      </form>
    </div>
  );
}
