import Konva from 'konva';
import { SceneCanvas } from 'konva/lib/Canvas';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from '../editor/editor-state.ts';
import type { CardPainter } from './card-painter.ts';
import { viewRegion } from './culling.ts';
import { drawingRegion } from './layer-cull.ts';

/** A tile's side in screen pixels at the scale it was drawn for. */
const TILE_PX = 128;
/**
 * Tiles kept while moving: 112 at device pixel ratio 2 (1 MB each). Those a frame needs
 * are never dropped, so a frame may pass this by a few: the bench's cap is 128 MB.
 */
const MAX_TILE_BYTES = 112 * 1024 * 1024;
/**
 * Drawing tiles stops once a frame has spent this long on them, their pixels included
 * (see draw): the frame comes first.
 */
const FRAME_BUDGET_MS = 4;
/** A frame that came this long after the one before was late: the next draws no tiles. */
const LATE_MS = 20;
/** A new set of tiles is drawn once the zoom has moved this far from the set's scale. */
const RELEVEL = Math.SQRT2;

/** What tiles are drawn from: the map layer's nodes, and every card of the layout. */
export interface TileSource {
  background(): Konva.Layer | undefined;
  cards: readonly CardBox[];
  paint: CardPainter;
  isOverview(scale: number): boolean;
}

interface Tile {
  image: Konva.Image;
  canvas: SceneCanvas;
  level: number;
  bytes: number;
  used: number;
}

/** Figures for the benchmark: the most tile memory one motion held. */
export const tileStats = { peakBytes: 0 };

/**
 * Tile canvases kept for the next tiles and the next motion. Making a canvas is the
 * costly part of a tile in Chromium (its pixels are shared memory the compositor maps,
 * about 2 ms at ratio 2 where drawing a tile's cards is often less): a zoom made ~150 of
 * them, 370 ms of its frames. Reused, a tile costs a clear.
 */
const spare: SceneCanvas[] = [];
const MAX_SPARE = 24;

function tileCanvas(px: number): SceneCanvas {
  let canvas = spare.pop();
  while (canvas && canvas.width !== px) {
    canvas._canvas.width = canvas._canvas.height = 0;
    canvas = spare.pop();
  }
  if (!canvas) return new SceneCanvas({ width: px, height: px, pixelRatio: 1 });
  const raw = canvas.getContext()._context;
  raw.setTransform(1, 0, 0, 1, 0, 0);
  raw.clearRect(0, 0, px, px);
  return canvas;
}

function putBack(canvas: SceneCanvas) {
  if (spare.length < MAX_SPARE) spare.push(canvas);
  else Konva.Util.releaseCanvas(canvas._canvas);
}

/**
 * The board while it moves: bitmap tiles at the screen's full resolution (device
 * pixels), drawn a few per frame within a budget — those on screen first, nearest the
 * middle first, then a ring around them — so no frame waits for the whole view to be
 * drawn, and a long pan keeps drawing where it goes instead of stopping to re-snapshot.
 * The screen as it was when the motion began is copied from the layers' own canvases
 * (already drawn, at full resolution) and shows beneath until tiles cover it. Tiles
 * are drawn for a scale; zooming far enough starts a new set, drawn over the old one.
 * The least recently needed tiles go when the set exceeds its memory cap.
 *
 * Tiles are Konva images on the overlay layer. (Tried: tiles as page canvases moved by
 * a CSS transform, so no canvas repaints per frame; with Chromium's software
 * compositing that made a frame 5× slower, not faster.)
 */
export class MotionTiles {
  private readonly group = new Konva.Group({ listening: false });
  private readonly tiles = new Map<string, Tile>();
  private bytes = 0;
  private level: number;
  private frame = 0;
  private pending = 0;
  private view: Viewport;
  /** The screen as drawn when the motion began, at the first scale: one image per layer. */
  private base: Konva.Image[] = [];
  private readonly baseLevel: number;
  /** The scale before the current one: its tiles stand in while the current ones are drawn. */
  private previous: number;

  private readonly size: { width: number; height: number };
  private readonly source: TileSource;
  private readonly overlay: Konva.Layer;

  constructor(stage: Konva.Stage, overlay: Konva.Layer, size: { width: number; height: number }, source: TileSource, layers: Konva.Layer[]) {
    this.size = size;
    this.source = source;
    this.view = { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
    this.level = this.view.scale;
    this.baseLevel = this.previous = this.level;
    // Beneath the focus ring and the selection, which stay live on the overlay.
    overlay.add(this.group);
    this.group.moveToBottom();
    // Tiles are drawn at their scale's resolution, so a pan shows them pixel for pixel;
    // only a zoom scales them, and for the few frames until the new scale's tiles come,
    // nearest-pixel scaling does it. Smoothed (bilinear) scaling of a screen of tiles in
    // software was most of a zoom frame at ratio 2: 23 of 80 frames late, 5 without.
    this.overlay = overlay;
    overlay.imageSmoothingEnabled(false);
    this.copyScreen(layers);
  }

  /** Follows the view; the tiles it lacks are drawn in the next frames. */
  show(view: Viewport) {
    this.view = view;
    const ratio = view.scale / this.level;
    if (ratio > RELEVEL || ratio < 1 / RELEVEL) {
      this.previous = this.level;
      this.level = view.scale;
    }
    this.cover();
    this.pending ||= requestAnimationFrame((time) => this.work(time));
  }

  destroy() {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    this.overlay.imageSmoothingEnabled(true);
    for (const tile of this.tiles.values()) putBack(tile.canvas);
    this.tiles.clear();
    // The base images show the layers' own canvases: those stay with their layers.
    this.group.destroy();
  }

  /**
   * The layers are about to be drawn again for the settled view: their canvases, which
   * the base shows as they were, would show the new view at the old place.
   */
  dropBase() {
    for (const image of this.base) image.destroy();
    this.base = [];
  }

  private lastWork = 0;
  private skipped = 0;

  private work(time: number) {
    this.pending = 0;
    // After a late frame the screen has catching up to do: drawing tiles on top of it
    // would make the next frame late too. Tiles wait a frame (never two in a row).
    const late = this.lastWork > 0 && time - this.lastWork > LATE_MS;
    this.lastWork = time;
    if (late && this.skipped === 0) {
      this.skipped++;
      this.pending = requestAnimationFrame((next) => this.work(next));
      return;
    }
    this.skipped = 0;
    const start = performance.now();
    this.frame++;
    const wanted = this.wanted();
    let drew = false;
    for (const key of wanted) {
      const tile = this.tiles.get(key);
      if (tile) {
        tile.used = this.frame;
        continue;
      }
      if (performance.now() - start > FRAME_BUDGET_MS) {
        this.pending = requestAnimationFrame((next) => this.work(next));
        break;
      }
      this.draw(key);
      drew = true;
    }
    this.evict();
    if (drew) {
      this.cover();
      this.group.getLayer()?.batchDraw();
    }
  }

  /**
   * Only what is seen is drawn each frame: tiles off screen are hidden, and once the
   * current scale's tiles cover the screen, older scales' tiles and the first copy are
   * hidden too; until then only the scale before stands in, never older ones. Every
   * set drawn under the newest each frame made a zoom through eight scales grow from
   * 17 to 200 ms a frame (software canvas: each set refills the screen's pixels).
   */
  private cover() {
    const screen = viewRegion(this.view, this.size, 0);
    const side = TILE_PX / this.level;
    let complete = true;
    for (let col = Math.floor(screen.x / side); complete && col * side < screen.x + screen.width; col++) {
      for (let row = Math.floor(screen.y / side); row * side < screen.y + screen.height; row++) {
        if (!this.tiles.has(`${this.level}:${col}:${row}`)) {
          complete = false;
          break;
        }
      }
    }
    const meets = (node: Konva.Image) => node.x() < screen.x + screen.width && node.x() + node.width() > screen.x && node.y() < screen.y + screen.height && node.y() + node.height() > screen.y;
    const shown = (level: number) => level === this.level || (!complete && level === this.previous);
    // A stand-in tile the current ones already cover is not drawn: at ratio 2 every
    // screen of pixels filled twice costs most of a frame.
    const covered = (node: Konva.Image) => {
      const right = Math.min(node.x() + node.width(), screen.x + screen.width);
      const bottom = Math.min(node.y() + node.height(), screen.y + screen.height);
      for (let col = Math.floor(Math.max(node.x(), screen.x) / side); col * side < right; col++) {
        for (let row = Math.floor(Math.max(node.y(), screen.y) / side); row * side < bottom; row++) if (!this.tiles.has(`${this.level}:${col}:${row}`)) return false;
      }
      return true;
    };
    for (const tile of this.tiles.values()) tile.image.visible(shown(tile.level) && meets(tile.image) && (tile.level === this.level || !covered(tile.image)));
    for (const image of this.base) image.visible(shown(this.baseLevel) && !(complete && this.level === this.baseLevel) && meets(image));
  }

  /** The tiles for the view at the current level: on screen nearest the middle first, then a ring. */
  private wanted(): string[] {
    const size = TILE_PX / this.level;
    const screen = viewRegion(this.view, this.size, 0);
    const ring = viewRegion(this.view, this.size, 0.25);
    const cx = screen.x + screen.width / 2;
    const cy = screen.y + screen.height / 2;
    const keys = (r: { x: number; y: number; width: number; height: number }) => {
      const out: [string, number][] = [];
      for (let col = Math.floor(r.x / size); col * size < r.x + r.width; col++) {
        for (let row = Math.floor(r.y / size); row * size < r.y + r.height; row++) out.push([`${this.level}:${col}:${row}`, Math.hypot((col + 0.5) * size - cx, (row + 0.5) * size - cy)]);
      }
      return out.sort((a, b) => a[1] - b[1]).map(([key]) => key);
    };
    const onScreen = keys(screen);
    const seen = new Set(onScreen);
    return [...onScreen, ...keys(ring).filter((key) => !seen.has(key))];
  }

  private draw(key: string) {
    const [, col, row] = key.split(':').map(Number) as [number, number, number];
    const level = this.level;
    const side = TILE_PX / level;
    const region = { x: col * side, y: row * side, width: side, height: side };
    const dpr = window.devicePixelRatio || 1;
    if (spare.length === 0) this.reclaim();
    const canvas = this.background(region, level, dpr);
    const context = canvas._canvas.getContext('2d')!;
    const scale = canvas.width / side;
    context.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
    const { cards } = this.source;
    const inside = cards.filter((c) => c.x < region.x + side && c.x + c.width > region.x && c.y < region.y + side && c.y + c.height > region.y);
    this.source.paint(context, inside, this.source.isOverview(level));
    // Chromium records canvas calls and draws their pixels later, when the tile is first
    // drawn onto the screen: reading one pixel draws them now, inside the frame budget
    // that is meant to bound them.
    context.getImageData(0, 0, 1, 1);
    const image = new Konva.Image({ image: canvas._canvas, ...region, listening: false });
    this.group.add(image);
    const bytes = canvas.width * canvas.height * 4;
    this.tiles.set(key, { image, canvas, level, bytes, used: this.frame });
    this.bytes += bytes;
    tileStats.peakBytes = Math.max(tileStats.peakBytes, this.bytes);
  }

  /** The map layer (grid, headers, curves: every node is there) drawn for a board region. */
  private background(region: { x: number; y: number; width: number; height: number }, level: number, dpr: number): SceneCanvas {
    const canvas = tileCanvas(Math.round(TILE_PX * dpr));
    const layer = this.source.background();
    if (!layer) return canvas;
    // The layer draws through the stage's live transform, so the tile's transform takes
    // the region from where it is on screen now, at the resolution of the tile's pixels
    // (what Konva's toCanvas does, into a canvas of ours).
    const v = this.view;
    const k = (level * dpr) / v.scale;
    canvas.getContext()._context.setTransform(k, 0, 0, k, -k * (region.x * v.scale + v.x), -k * (region.y * v.scale + v.y));
    const shown = layer.isVisible();
    const clears = layer.clearBeforeDraw();
    layer.visible(true);
    // The canvas is clear already, and a clear through this transform would miss parts.
    layer.clearBeforeDraw(false);
    try {
      // The layer culls itself to what it draws (see layer-cull.ts): here, the tile.
      drawingRegion(region, () => layer.drawScene(canvas));
    } finally {
      layer.visible(shown);
      layer.clearBeforeDraw(clears);
    }
    return canvas;
  }

  /**
   * A tile of a scale no longer shown (neither this one nor the one standing in) gives
   * its canvas to the next tile: a zoom through several scales then makes no new ones.
   */
  private reclaim() {
    let oldest: [string, Tile] | undefined;
    for (const entry of this.tiles) {
      const level = entry[1].level;
      if (level !== this.level && level !== this.previous && (!oldest || entry[1].used < oldest[1].used)) oldest = entry;
    }
    if (!oldest) return;
    oldest[1].image.destroy();
    putBack(oldest[1].canvas);
    this.tiles.delete(oldest[0]);
    this.bytes -= oldest[1].bytes;
  }

  private evict() {
    if (this.bytes <= MAX_TILE_BYTES) return;
    for (const [key, tile] of [...this.tiles].sort((a, b) => a[1].used - b[1].used)) {
      if (this.bytes <= MAX_TILE_BYTES || tile.used === this.frame) break;
      tile.image.destroy();
      putBack(tile.canvas);
      this.tiles.delete(key);
      this.bytes -= tile.bytes;
    }
  }

  /**
   * The screen as drawn now: the hidden layers' own canvases, shown where they were. Not
   * a copy — copying two screens of device pixels into a new canvas made the motion's
   * first frame 100–190 ms at ratio 2. The layers keep their pixels while hidden (see
   * startMotion in board-view.ts: they are not cleared).
   */
  private copyScreen(layers: Konva.Layer[]) {
    const v = this.view;
    for (const layer of layers) {
      const image = new Konva.Image({ image: layer.getNativeCanvasElement(), x: -v.x / v.scale, y: -v.y / v.scale, width: this.size.width / v.scale, height: this.size.height / v.scale, listening: false });
      this.base.push(image);
      this.group.add(image);
    }
  }
}
