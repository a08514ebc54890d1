import { LANE_TYPE_LABELS, type LaneType } from '../../../shared/model/records.ts';
import { PALETTES, type Theme } from '../../../shared/theme/palettes.ts';
import { BOARD_FONT } from '../board/themes.ts';
import { TOLLGATE_COLORS } from '../board/decorations.ts';

export interface PictureFrame {
  title: string;
  /** e.g. the workshop's name and the date. */
  subtitle: string;
  theme: Theme;
  laneTypes: readonly LaneType[];
}

const loaded = (src: string) =>
  new Promise<HTMLImageElement>((resolve, reject) => {
    const image = new Image();
    image.onload = () => resolve(image);
    image.onerror = () => reject(new Error('The map picture could not be read back.'));
    image.src = src;
  });

/**
 * The whole-map picture as it leaves the app: a band above with the journey's name, the
 * workshop and the date, and a legend below (lane colours, the moment-of-truth star, the
 * pain-point badge, tollgate colours), so the picture explains itself in an email or on
 * a wall. `scale` is the picture's pixels per board point, so the bands match the map.
 */
export async function framedPicture(dataUrl: string, frame: PictureFrame, scale: number): Promise<string> {
  const map = await loaded(dataUrl);
  const palette = PALETTES[frame.theme];
  const pad = 24 * scale;
  const headerH = 84 * scale;
  const legendH = 56 * scale;
  const canvas = document.createElement('canvas');
  canvas.width = Math.max(map.width, Math.round(900 * scale));
  canvas.height = headerH + map.height + legendH;
  const g = canvas.getContext('2d');
  if (!g) return dataUrl;
  g.fillStyle = palette.board;
  g.fillRect(0, 0, canvas.width, canvas.height);
  g.textBaseline = 'alphabetic';
  g.fillStyle = palette.text;
  g.font = `bold ${26 * scale}px ${BOARD_FONT}`;
  g.fillText(frame.title, pad, 38 * scale, canvas.width - 2 * pad);
  g.fillStyle = palette.muted;
  g.font = `${15 * scale}px ${BOARD_FONT}`;
  g.fillText(frame.subtitle, pad, 66 * scale, canvas.width - 2 * pad);
  g.drawImage(map, 0, headerH);

  // The legend: one chip per lane colour on the map, then the marks.
  let x = pad;
  const y = headerH + map.height + 14 * scale;
  const chipH = 26 * scale;
  g.font = `${13 * scale}px ${BOARD_FONT}`;
  g.textBaseline = 'middle';
  const chip = (label: string, fill: string, text: string) => {
    const w = g.measureText(label).width + 20 * scale;
    g.fillStyle = fill;
    g.fillRect(x, y, w, chipH);
    g.strokeStyle = palette.grid;
    g.strokeRect(x, y, w, chipH);
    g.fillStyle = text;
    g.fillText(label, x + 10 * scale, y + chipH / 2);
    x += w + 8 * scale;
  };
  for (const type of frame.laneTypes) chip(LANE_TYPE_LABELS[type], palette.cards[type], palette.cardText);
  const mark = (label: string, color: string) => {
    g.fillStyle = color;
    g.fillText(label, x, y + chipH / 2);
    x += g.measureText(label).width + 16 * scale;
  };
  mark('★ moment of truth', '#c98a00');
  mark('S1–S5 · €/yr: severity, yearly cost if not fixed', '#8a1c1c');
  mark('▌tollgate passes', TOLLGATE_COLORS.passes);
  mark('▌friction', TOLLGATE_COLORS.friction);
  mark('▌blocks', TOLLGATE_COLORS.blocks);
  return canvas.toDataURL('image/png');
}
