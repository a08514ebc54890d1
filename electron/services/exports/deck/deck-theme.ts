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

/**
 * With a company template, titles, labels and rules take the template's own scheme
 * colours (tx1, tx2, bg2, accent1), so they read on its background and follow its
 * palette; the card colours stay ours, because they say which lane a card is in.
 */
export function deckTheme(theme: Theme, options: { template?: boolean } = {}): DeckTheme {
  const p = PALETTES[theme];
  if (options.template) {
    const light = PALETTES.light;
    return {
      ...deckTheme('light'),
      background: 'bg1',
      text: 'tx1',
      muted: 'tx2',
      accent: 'accent1',
      laneHeader: 'bg2',
      stages: ['accent1', 'accent2', 'accent3', 'accent4', 'accent5', 'accent6'],
      cards: Object.fromEntries(Object.entries(light.cards).map(([k, v]) => [k, hex(v)])) as Record<LaneType, string>,
    };
  }
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
