import type { Editor } from '../editor/editor.ts';
import { boardStage } from '../board/stage-registry.ts';
import { culling } from '../board/culling.ts';

const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

/**
 * A picture of a journey's whole map: Konva redraws every layer into a fresh canvas for
 * the region asked, so cards outside the window are included; the selection overlay is
 * left out. `pixelRatio` is in board units: 2 gives two pixels per board point.
 */
export async function captureJourney(editor: Editor, journeyId: string, pixelRatio: number): Promise<string | null> {
  const previous = editor.state.journeyId;
  culling.setState({ off: true, wholeText: true });
  if (previous !== journeyId) editor.switchJourney(journeyId);
  await nextFrame();
  await nextFrame();
  try {
    const stage = boardStage.current;
    const layout = editor.layout();
    if (!stage || !layout || layout.stages.length === 0) return null;
    const v = editor.state.viewport;
    const overlay = stage.findOne('.overlay');
    overlay?.hide();
    try {
      return stage.toDataURL({
        x: v.x,
        y: v.y,
        width: layout.width * v.scale,
        height: layout.height * v.scale,
        pixelRatio: pixelRatio / v.scale,
        mimeType: 'image/png',
      });
    } finally {
      overlay?.show();
    }
  } finally {
    culling.setState({ off: false, wholeText: false });
    if (previous && previous !== journeyId) editor.switchJourney(previous);
  }
}

/** What is on screen now, at 1×, 2× or 3× the screen's pixels. */
export function captureView(pixelRatio: number): string | null {
  const stage = boardStage.current;
  if (!stage) return null;
  const overlay = stage.findOne('.overlay');
  overlay?.hide();
  try {
    return stage.toDataURL({ pixelRatio, mimeType: 'image/png' });
  } finally {
    overlay?.show();
  }
}

export const base64Of = (dataUrl: string) => dataUrl.slice(dataUrl.indexOf(',') + 1);
