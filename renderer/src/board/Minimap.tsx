import { useEffect, useMemo, useRef } from 'react';
import type { BoardLayout } from '../../../shared/layout/board-layout.ts';
import type { Editor } from '../editor/editor.ts';
import type { BoardPalette } from './themes.ts';

const WIDTH = 200;
const MAX_HEIGHT = 140;

/**
 * The whole map small, with the part on screen outlined; a click centres the board
 * there. Drawn on a plain 2D canvas: a few hundred rectangles need no scene graph.
 */
export function Minimap({ editor, layout, palette }: { editor: Editor; layout: BoardLayout; palette: BoardPalette }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const scale = Math.min(WIDTH / layout.width, MAX_HEIGHT / layout.height);
  const height = Math.max(20, Math.round(layout.height * scale));

  // The map drawn once per layout; a frame only copies it and outlines the view.
  const picture = useMemo(() => {
    const ratio = window.devicePixelRatio || 1;
    const canvas = document.createElement('canvas');
    canvas.width = WIDTH * ratio;
    canvas.height = height * ratio;
    const context = canvas.getContext('2d');
    if (!context) return canvas;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = palette.board;
    context.fillRect(0, 0, layout.width * scale, layout.height * scale);
    layout.stages.forEach((box, i) => {
      context.fillStyle = palette.stages[i % palette.stages.length]!;
      context.fillRect(box.x * scale, 0, box.width * scale, Math.max(2, box.height * scale));
    });
    context.fillStyle = palette.muted;
    for (const box of layout.cards) context.fillRect(box.x * scale, box.y * scale, Math.max(1, box.width * scale), Math.max(1, box.height * scale));
    return canvas;
  }, [layout, palette, scale, height]);

  // The view outline follows every frame of a pan without rendering React.
  useEffect(() => {
    const draw = () => {
      const context = canvas.current?.getContext('2d');
      if (!context) return;
      const viewport = editor.state.viewport;
      context.setTransform(1, 0, 0, 1, 0, 0);
      context.clearRect(0, 0, context.canvas.width, context.canvas.height);
      context.drawImage(picture, 0, 0);
      const ratio = window.devicePixelRatio || 1;
      context.setTransform(ratio, 0, 0, ratio, 0, 0);
      const size = editor.boardSize;
      context.strokeStyle = palette.focus;
      context.lineWidth = 2;
      context.strokeRect((-viewport.x / viewport.scale) * scale, (-viewport.y / viewport.scale) * scale, (size.width / viewport.scale) * scale, (size.height / viewport.scale) * scale);
    };
    draw();
    return editor.store.subscribe((state, previous) => {
      if (state.viewport !== previous.viewport) draw();
    });
  }, [editor, picture, palette, scale]);

  return (
    <canvas
      ref={canvas}
      className="minimap"
      aria-label="Minimap: click to move the view"
      width={WIDTH * (window.devicePixelRatio || 1)}
      height={height * (window.devicePixelRatio || 1)}
      style={{ width: WIDTH, height }}
      onMouseDown={(e) => {
        e.stopPropagation();
        const rect = e.currentTarget.getBoundingClientRect();
        const boardX = (e.clientX - rect.left) / scale;
        const boardY = (e.clientY - rect.top) / scale;
        const v = editor.state.viewport;
        const size = editor.boardSize;
        editor.setViewport({ ...v, x: size.width / 2 - boardX * v.scale, y: size.height / 2 - boardY * v.scale });
      }}
    />
  );
}
