import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectPlatform } from './platform/platform.ts';
import { Editor } from './editor/editor.ts';
import { App } from './App.tsx';
import './styles.css';

const platform = detectPlatform();
const editor = new Editor(platform.api);

// Read-only handle for the end-to-end tests: the canvas has no DOM to query.
(window as unknown as { __journeyboardTest: object }).__journeyboardTest = {
  state: () => editor.state,
  layout: () => editor.layout(),
  whenSaved: () => editor.whenSaved(),
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App editor={editor} platform={platform} />
  </StrictMode>,
);
