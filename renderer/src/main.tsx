import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { detectPlatform } from './platform/platform.ts';
import { Editor } from './editor/editor.ts';
import { App } from './App.tsx';
import { roomStore } from './room/room-store.ts';
import { boardStage } from './board/stage-registry.ts';
import { benchHooks } from './board/bench-hooks.ts';
import { CONTENT_LAYER } from './board/board-view.ts';
import { boardSettings } from './board/board-settings.ts';
import { culling } from './board/culling.ts';
import { preferences } from './room/preferences.ts';
import './styles.css';
import './interviews/interviews.css';

const platform = detectPlatform();
const editor = new Editor(platform.api);
editor.onClose = () => roomStore.setState({ voting: null, projector: null, paletteOpen: false });
editor.boardSettings = () => boardSettings(editor.state.records, editor.state.journeyId, preferences.getState().theme, roomStore.getState().projector, culling.getState().wholeText);

// Read-only handle for the end-to-end tests: the canvas has no DOM to query.
(window as unknown as { __journeyboardTest: object }).__journeyboardTest = {
  state: () => editor.state,
  layout: () => editor.layout(),
  whenSaved: () => editor.whenSaved(),
  ...benchHooks(editor, platform.api),
  boardSize: () => editor.boardSize,
  /** What the board's layers hold now: card nodes, the moving bitmap, what is shown. */
  boardScene: () => {
    const stage = boardStage.current;
    return {
      contentShown: stage?.find(`.${CONTENT_LAYER}`).every((layer) => layer.isVisible()) ?? false,
      bitmaps: stage?.find('Image').length ?? 0,
      cardNodes: stage?.find('Group').filter((group) => group.id().startsWith('card:')).length ?? 0,
    };
  },
  /** Every text the board draws now (its Konva Text nodes): what a picture of the map shows. */
  boardTexts: () => (boardStage.current?.find('Text') ?? []).map((node) => (node as unknown as { text(): string }).text()),
  /** The font size a card's text is drawn at on screen, in CSS pixels. */
  renderedCardFontPx: (cardId: string) => {
    const card = boardStage.current?.findOne(`#${cardId}`) as unknown as { findOne(selector: string): { fontSize(): number; getAbsoluteScale(): { y: number } } | undefined } | undefined;
    const text = card?.findOne('Text');
    return text ? text.fontSize() * text.getAbsoluteScale().y : null;
  },
};

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App editor={editor} platform={platform} />
  </StrictMode>,
);
