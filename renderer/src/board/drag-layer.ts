import type Konva from 'konva';

const homes = new WeakMap<Konva.Node, { parent: Konva.Container; index: number }>();

/**
 * A dragged card moves to the overlay layer for the drag, so each pointer move redraws
 * one card, not every card on screen; it goes back to its place when dropped, before
 * the move is committed and React lays the cards out again.
 */
export function liftForDrag(node: Konva.Node): void {
  const parent = node.getParent();
  const overlay = node.getStage()?.findOne<Konva.Layer>('.overlay');
  if (!parent || !overlay) return;
  homes.set(node, { parent, index: node.zIndex() });
  node.moveTo(overlay);
}

export function putBackAfterDrag(node: Konva.Node): void {
  const home = homes.get(node);
  if (!home) return;
  homes.delete(node);
  node.moveTo(home.parent);
  node.zIndex(Math.min(home.index, home.parent.children.length - 1));
}
