import { rgb, type PDFDocument, type PDFPage, type RGB } from 'pdf-lib';
import { recordsGroupedBy, type RecordMap } from '../../../../shared/model/document.ts';
import type { Emotion, Persona } from '../../../../shared/model/records.ts';
import { PALETTES } from '../../../../shared/theme/palettes.ts';
import { BADGE_COLOR, shortName, STAR_COLOR, type CardBadges } from '../deck/card-details.ts';
import { A3_LANDSCAPE, BADGE_LINE, layoutPoster, MAP_MARGIN, TITLE_BAND, type Poster, type PosterCard, type PosterRow, type PosterTile } from './map-poster-layout.ts';
import type { Anchor, TextWriter } from './text-writer.ts';

const PALETTE = PALETTES.light;
const hex = (value: string): RGB => {
  const n = Number.parseInt(value.replace('#', '').slice(0, 6), 16);
  return rgb(((n >> 16) & 255) / 255, ((n >> 8) & 255) / 255, (n & 255) / 255);
};
const WHITE = rgb(1, 1, 1);
const GRID = hex(PALETTE.grid);
const CARD_EDGE = hex('#c4cad3');

/**
 * The journey's map drawn as vector shapes and real text on A3 landscape pages (see
 * map-poster-layout.ts for how it is cut): zoomable without blur, searchable, and the
 * card text copies out. Returns where the first page is, for the journey's bookmark.
 */
export async function drawMapPages(doc: PDFDocument, text: TextWriter, records: RecordMap, badges: ReadonlyMap<string, CardBadges>, journeyId: string, name: string, pause: () => Promise<void>): Promise<Anchor | null> {
  const poster = layoutPoster(records, journeyId, badges, (value, size, width, style = 'regular') => text.wrapped(value, style, size, width));
  if (!poster) return null;
  const emotions = recordsGroupedBy(records, 'emotion', 'stepId');
  let first: Anchor | null = null;
  for (const [index, tile] of poster.tiles.entries()) {
    const page = doc.addPage(A3_LANDSCAPE);
    const top = A3_LANDSCAPE[1] - MAP_MARGIN;
    const part = poster.tiles.length > 1 ? ` — map, page ${index + 1} of ${poster.tiles.length}` : ' — map';
    text.drawLine(page, `${name}${part}`, MAP_MARGIN, top - 16, 14, 'bold');
    first ??= { page: page.ref, y: top };
    const painter = new TilePainter(page, text, poster, tile, top - TITLE_BAND);
    painter.headers();
    for (const row of tile.rows) {
      if (row.y + row.height <= tile.top || row.y >= tile.bottom) continue;
      painter.row(row, records, emotions);
      await pause();
    }
  }
  return first;
}

class TilePainter {
  private readonly page: PDFPage;
  private readonly text: TextWriter;
  private readonly poster: Poster;
  private readonly tile: PosterTile;
  private readonly top: number;
  /** Page x of the tile's first step column. */
  private readonly left: number;
  private readonly right: number;

  constructor(page: PDFPage, text: TextWriter, poster: Poster, tile: PosterTile, top: number) {
    this.page = page;
    this.text = text;
    this.poster = poster;
    this.tile = tile;
    this.top = top;
    this.left = MAP_MARGIN + poster.laneHeaderWidth - tile.columns[0]!.x;
    this.right = this.left + tile.columns.at(-1)!.x + poster.columnWidth;
  }

  /** Page y of a point in the lanes, from the lanes' top. */
  private y(laneY: number): number {
    return this.top - this.poster.stageHeaderHeight - this.poster.stepHeaderHeight - (laneY - this.tile.top);
  }

  headers(): void {
    const { poster, tile, page } = this;
    const stageBottom = this.top - poster.stageHeaderHeight;
    const stepBottom = stageBottom - poster.stepHeaderHeight;
    // Each stage's part on this page, named again so a page read alone says where it is.
    const runs: { columns: typeof tile.columns }[] = [];
    for (const column of tile.columns) {
      const last = runs.at(-1);
      if (last && last.columns[0]!.stage.id === column.stage.id) last.columns.push(column);
      else runs.push({ columns: [column] });
    }
    for (const { columns } of runs) {
      const x = this.left + columns[0]!.x;
      const width = columns.length * poster.columnWidth;
      page.drawRectangle({ x, y: stageBottom, width, height: poster.stageHeaderHeight, color: hex(PALETTE.stages[columns[0]!.stageIndex % PALETTE.stages.length]!), borderColor: WHITE, borderWidth: 0.5 });
      this.fitted(columns[0]!.stage.name, x + poster.padding, stageBottom + poster.stageHeaderHeight / 2 - poster.fontSize * 0.35, poster.fontSize * 1.05, width - 2 * poster.padding, 'bold', WHITE);
    }
    for (const column of tile.columns) {
      const x = this.left + column.x;
      page.drawRectangle({ x, y: stepBottom, width: poster.columnWidth, height: poster.stepHeaderHeight, color: WHITE, borderColor: GRID, borderWidth: 0.5 });
      const label = `${column.step.momentOfTruth ? '★ ' : ''}${column.step.name}`;
      this.fitted(label, x + poster.padding, stepBottom + poster.stepHeaderHeight / 2 - poster.fontSize * 0.35, poster.fontSize * 0.95, poster.columnWidth - 2 * poster.padding, 'bold', hex(PALETTE.text));
    }
  }

  row(row: PosterRow, records: RecordMap, emotions: ReadonlyMap<string, readonly Emotion[]>): void {
    const { poster, page, tile } = this;
    const from = Math.max(row.y, tile.top);
    const to = Math.min(row.y + row.height, tile.bottom);
    const yTop = this.y(from);
    const height = to - from;
    page.drawRectangle({ x: MAP_MARGIN, y: yTop - height, width: this.right - MAP_MARGIN, height, color: WHITE, borderColor: GRID, borderWidth: 0.5 });
    page.drawRectangle({ x: MAP_MARGIN, y: yTop - height, width: poster.laneHeaderWidth, height, color: hex(PALETTE.laneHeader), borderColor: GRID, borderWidth: 0.5 });
    for (const column of tile.columns) page.drawLine({ start: { x: this.left + column.x, y: yTop }, end: { x: this.left + column.x, y: yTop - height }, thickness: 0.5, color: GRID });
    const nameLines = this.text.wrapped(row.lane.name, 'bold', poster.fontSize, poster.laneHeaderWidth - 2 * poster.padding);
    nameLines.slice(0, 3).forEach((line, i) => this.text.drawLine(page, line, MAP_MARGIN + poster.padding, yTop - poster.padding - poster.fontSize * (i + 0.8) * 1.2, poster.fontSize, 'bold'));
    if (row.lane.laneType === 'emotions') {
      this.emotionCurves(row, records, emotions, yTop, height);
      return;
    }
    const onPage = new Set(tile.columns.map((c) => c.step.id));
    for (const card of row.cards) {
      if (card.y < tile.top || card.y >= tile.bottom || !onPage.has(card.card.stepId)) continue;
      this.card(card, row);
    }
  }

  private card(card: PosterCard, row: PosterRow): void {
    const { poster, page, text } = this;
    const x = this.left + card.x;
    const top = this.y(card.y);
    page.drawRectangle({ x, y: top - card.height, width: card.width, height: card.height, color: hex(PALETTE.cards[row.lane.laneType]), borderColor: card.border ? hex(card.border) : CARD_EDGE, borderWidth: card.border ? 1.5 : 0.5 });
    const rtl = card.direction === 'rtl';
    const textX = rtl ? x + card.width - poster.padding : x + poster.padding;
    let baseline = top - poster.padding - poster.fontSize * 0.8;
    for (const line of card.lines) {
      text.drawLine(page, line, textX, baseline, poster.fontSize, 'regular', rtl ? 'right' : 'left', card.direction);
      baseline -= poster.lineHeight;
    }
    for (const line of card.badges) {
      text.drawLine(page, line, x + poster.padding, baseline, poster.badgeSize, 'bold', 'left', 'ltr', hex(BADGE_COLOR));
      baseline -= poster.badgeSize * BADGE_LINE;
    }
    if (card.momentOfTruth) text.drawLine(page, '★', x + card.width - 2, top - poster.fontSize * 0.9, poster.fontSize, 'regular', 'right', 'ltr', hex(STAR_COLOR));
  }

  /** Each persona's curve from -3 to +3 across the steps on this page, its scores written beside the points. */
  private emotionCurves(row: PosterRow, records: RecordMap, emotions: ReadonlyMap<string, readonly Emotion[]>, yTop: number, height: number): void {
    const { poster, page, tile, text } = this;
    const middle = yTop - height / 2;
    const reach = height / 2 - poster.fontSize;
    page.drawLine({ start: { x: this.left + tile.columns[0]!.x, y: middle }, end: { x: this.right, y: middle }, thickness: 0.5, color: GRID, dashArray: [3, 3] });
    const curves = new Map<string, { persona: Persona; points: { x: number; y: number; score: number }[] }>();
    for (const column of tile.columns) {
      for (const emotion of emotions.get(column.step.id) ?? []) {
        const persona = records[emotion.personaId];
        if (persona?.type !== 'persona') continue;
        let curve = curves.get(persona.id);
        if (!curve) curves.set(persona.id, (curve = { persona, points: [] }));
        curve.points.push({ x: this.left + column.x + poster.columnWidth / 2, y: middle + (emotion.score / 3) * reach, score: emotion.score });
      }
    }
    let legendY = yTop - poster.padding - poster.fontSize * 3;
    for (const { persona, points } of curves.values()) {
      const color = hex(persona.color);
      points.forEach((point, i) => {
        const next = points[i + 1];
        if (next) page.drawLine({ start: point, end: next, thickness: 1.5, color });
        page.drawCircle({ x: point.x, y: point.y, size: 2.5, color });
        text.drawLine(page, point.score > 0 ? `+${point.score}` : `${point.score}`, point.x + 4, point.y + 3, poster.fontSize * 0.8, 'bold', 'left', 'ltr', color);
      });
      page.drawRectangle({ x: MAP_MARGIN + poster.padding, y: legendY, width: 6, height: 6, color });
      this.fitted(shortName(persona.name), MAP_MARGIN + poster.padding + 9, legendY, poster.fontSize * 0.8, poster.laneHeaderWidth - 2 * poster.padding - 9, 'regular', hex(PALETTE.text));
      legendY -= poster.fontSize * 1.1;
    }
  }

  /** One line in a width: a header too long for its box ends in "…" (the report below says it whole). */
  private fitted(value: string, x: number, y: number, size: number, width: number, style: 'regular' | 'bold', color: RGB): void {
    const lines = this.text.wrapped(value, style, size, width);
    const line = lines.length > 1 ? `${lines[0]!.replace(/\s*\S{0,2}$/, '')}…` : (lines[0] ?? '');
    this.text.drawLine(this.page, line, x, y, size, style, 'left', undefined, color);
  }
}
