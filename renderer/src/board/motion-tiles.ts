import Konva from 'konva';
import type { CardBox } from '../../../shared/layout/board-layout.ts';
import type { Viewport } from '../editor/editor-state.ts';
import type { CardPainter } from './card-painter.ts';
import { viewRegion } from './culling.ts';
import { drawingRegion } from './layer-cull.ts';

/** A tile's side in screen pixels at the scale it was drawn for. */
const TILE_PX = 256;
/**
 * Tiles kept while moving: 112 at device pixel ratio 2 (1 MB each). Those a frame needs
 * are never dropped, so a frame may pass this by a few: the bench's cap is 128 MB.
 */
const MAX_TILE_BYTES = 112 * 1024 * 1024;
/** Drawing tiles stops once a frame has spent this long on them: the frame comes first. */
const FRAME_BUDGET_MS = 6;
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
  canvas: HTMLCanvasElement;
  level: number;
  bytes: number;
  used: number;
}

/** Figures for the benchmark: the most tile memory one motion held. */
export const tileStats = { peakBytes: 0 };

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
  /** The screen as drawn when the motion began, at the first scale. */
  private base: Konva.Image | undefined;
  private readonly baseLevel: number;
  /** The scale before the current one: its tiles stand in while the current ones are drawn. */
  private previous: number;

  private readonly size: { width: number; height: number };
  private readonly source: TileSource;

  constructor(stage: Konva.Stage, overlay: Konva.Layer, size: { width: number; height: number }, source: TileSource, layers: Konva.Layer[]) {
    this.size = size;
    this.source = source;
    this.view = { x: stage.x(), y: stage.y(), scale: stage.scaleX() };
    this.level = this.view.scale;
    this.baseLevel = this.previous = this.level;
    // Beneath the focus ring and the selection, which stay live on the overlay.
    overlay.add(this.group);
    this.group.moveToBottom();
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
    this.pending ||= requestAnimationFrame(() => this.work());
  }

  destroy() {
    cancelAnimationFrame(this.pending);
    this.pending = 0;
    for (const image of this.group.getChildren()) {
      const canvas = (image as Konva.Image).image();
      if (canvas instanceof HTMLCanvasElement) Konva.Util.releaseCanvas(canvas);
    }
    this.tiles.clear();
    this.group.destroy();
  }

  private work() {
    this.pending = 0;
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
        this.pending = requestAnimationFrame(() => this.work());
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
    for (const tile of this.tiles.values()) tile.image.visible(shown(tile.level) && meets(tile.image));
    this.base?.visible(shown(this.baseLevel) && !(complete && this.level === this.baseLevel) && meets(this.base));
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
    const canvas = this.background(region, level, dpr);
    const context = canvas.getContext('2d')!;
    const scale = (canvas.width / side) || level * dpr;
    context.setTransform(scale, 0, 0, scale, -region.x * scale, -region.y * scale);
    const { cards } = this.source;
    const inside = cards.filter((c) => c.x < region.x + side && c.x + c.width > region.x && c.y < region.y + side && c.y + c.height > region.y);
    this.source.paint(context, inside, this.source.isOverview(level));
    const image = new Konva.Image({ image: canvas, ...region, listening: false });
    this.group.add(image);
    const bytes = canvas.width * canvas.height * 4;
    this.tiles.set(key, { image, canvas, level, bytes, used: this.frame });
    this.bytes += bytes;
    tileStats.peakBytes = Math.max(tileStats.peakBytes, this.bytes);
  }

  /** The map layer (grid, headers, curves: every node is there) drawn for a board region. */
  private background(region: { x: number; y: number; width: number; height: number }, level: number, dpr: number): HTMLCanvasElement {
    const layer = this.source.background();
    const px = Math.round(TILE_PX * dpr);
    if (!layer) return Object.assign(document.createElement('canvas'), { width: px, height: px });
    // The layer is drawn through the stage's live transform: ask for the region where
    // it is on screen now, at the resolution that gives the tile its pixels.
    const v = this.view;
    const pixelRatio = (level * dpr) / v.scale;
    const shown = layer.isVisible();
    layer.visible(true);
    try {
      // The layer culls itself to what it draws (see layer-cull.ts): here, the tile.
      return drawingRegion(region, () => layer.toCanvas({ x: region.x * v.scale + v.x, y: region.y * v.scale + v.y, width: region.width * v.scale, height: region.height * v.scale, pixelRatio }));
    } finally {
      layer.visible(shown);
    }
  }

  private evict() {
    if (this.bytes <= MAX_TILE_BYTES) return;
    for (const [key, tile] of [...this.tiles].sort((a, b) => a[1].used - b[1].used)) {
      if (this.bytes <= MAX_TILE_BYTES || tile.used === this.frame) break;
      tile.image.destroy();
      Konva.Util.releaseCanvas(tile.canvas);
      this.tiles.delete(key);
      this.bytes -= tile.bytes;
    }
  }

  /** The screen as drawn now, from the layers' canvases: no redraw, full resolution. */
  private copyScreen(layers: Konva.Layer[]) {
    const first = layers[0]?.getNativeCanvasElement();
    if (!first) return;
    const canvas = document.createElement('canvas');
    canvas.width = first.width;
    canvas.height = first.height;
    const context = canvas.getContext('2d')!;
    for (const layer of layers) context.drawImage(layer.getNativeCanvasElement(), 0, 0);
    const v = this.view;
    this.base = new Konva.Image({ image: canvas, x: -v.x / v.scale, y: -v.y / v.scale, width: this.size.width / v.scale, height: this.size.height / v.scale, listening: false });
    this.group.add(this.base);
  }
}
