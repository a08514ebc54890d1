import Konva from 'konva';

type Box = { x: number; y: number; width: number; height: number };
type Measured = { key: unknown; groups: { group: Konva.Container; all: Konva.Node[]; rects: Box[] }[] };

const measured = new WeakMap<Konva.Layer, Measured>();

/**
 * Konva draws every node of a layer whatever part of it is on screen, and the map layer
 * has hundreds (stage, step and lane headers, grid lines, curves). For one draw, each
 * of its groups holds only the nodes that meet `region` (board units); the returned
 * function puts the full lists straight back, before React or anything else sees them.
 * Boxes are measured once per `key` (the layout they were drawn from).
 */
export function cullLayer(layer: Konva.Layer, key: unknown, region: Box): () => void {
  let m = measured.get(layer);
  if (!m || m.key !== key) {
    const groups = layer.getChildren().flatMap((group) => {
      if (!(group instanceof Konva.Container)) return [];
      const all = [...group.children];
      return [{ group, all, rects: all.map((node) => node.getClientRect({ relativeTo: layer, skipShadow: true })) }];
    });
    measured.set(layer, (m = { key, groups }));
  }
  const culled: { group: Konva.Container; all: Konva.Node[] }[] = [];
  for (const { group, all, rects } of m.groups) {
    // A group React changed since it was measured is drawn whole, not from stale boxes.
    if (group.children.length !== all.length) continue;
    group.children = all.filter((_, i) => {
      const r = rects[i]!;
      return r.x < region.x + region.width && r.x + r.width > region.x && r.y < region.y + region.height && r.y + r.height > region.y;
    });
    culled.push({ group, all });
  }
  return () => {
    for (const { group, all } of culled) group.children = all;
  };
}

/** The region drawn instead of the screen while `draw` runs (a tile off screen). */
let override: Box | null = null;
export function drawingRegion<T>(region: Box, draw: () => T): T {
  override = region;
  try {
    return draw();
  } finally {
    override = null;
  }
}

/**
 * Makes a live layer draw (scene and hit) only what is on screen now: what cannot be
 * seen cannot be pressed either. `key` gives the layout its nodes were drawn from.
 */
export function cullOnScreen(layer: Konva.Layer, key: () => unknown) {
  const marked = layer as Konva.Layer & { culled?: boolean };
  if (marked.culled) return;
  marked.culled = true;
  const region = (): Box => {
    const stage = layer.getStage();
    const s = stage.scaleX();
    return { x: -stage.x() / s, y: -stage.y() / s, width: stage.width() / s, height: stage.height() / s };
  };
  for (const method of ['drawScene', 'drawHit'] as const) {
    const draw = layer[method].bind(layer) as (...args: unknown[]) => Konva.Layer;
    (layer as unknown as Record<string, unknown>)[method] = (...args: unknown[]) => {
      if (!layer.getStage()) return draw(...args);
      const restore = cullLayer(layer, key(), override ?? region());
      try {
        return draw(...args);
      } finally {
        restore();
      }
    };
  }
}
