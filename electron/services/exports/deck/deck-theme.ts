import { PALETTES, type Theme } from '../../../../shared/theme/palettes.ts';
import type { LaneType } from '../../../../shared/model/records.ts';

/** The deck's colours, taken from the board theme the consultant chose (hex without #). */
export interface DeckTheme {
  background: string;
  text: string;
  muted: string;
  accent: string;
  laneHeader: string;
  grid: string;
  cardText: string;
  cardBorder: string;
  cards: Record<LaneType, string>;
  stages: string[];
}

const hex = (color: string) => (color.startsWith('#') ? color.slice(1).toUpperCase() : '000000');

export function deckTheme(theme: Theme): DeckTheme {
  const p = PALETTES[theme];
  return {
    background: hex(p.board),
    text: hex(p.text),
    muted: hex(p.muted),
    accent: hex(p.focus),
    laneHeader: hex(p.laneHeader),
    grid: hex(p.grid),
    cardText: hex(p.cardText),
    cardBorder: p.cardBorder.startsWith('#') ? hex(p.cardBorder) : '9AA3AE',
    cards: Object.fromEntries(Object.entries(p.cards).map(([k, v]) => [k, hex(v)])) as Record<LaneType, string>,
    stages: p.stages.map(hex),
  };
}
