import type { LaneType } from '../model/records.ts';

export const THEMES = ['light', 'dark', 'projector'] as const;
export type Theme = (typeof THEMES)[number];

/** Everything the canvas paints with, per theme: Konva cannot read CSS variables. */
export interface BoardPalette {
  canvas: string;
  board: string;
  laneAlt: string;
  grid: string;
  stageDivider: string;
  text: string;
  muted: string;
  stepHeader: string;
  laneHeader: string;
  focus: string;
  cardText: string;
  cardBorder: string;
  cards: Record<LaneType, string>;
  stages: readonly string[];
}

const PASTEL_CARDS: Record<LaneType, string> = {
  actions: '#fff3b0',
  thoughts: '#d6ecff',
  needs: '#e3f6d8',
  touchpoints: '#d9f2ec',
  channels: '#e8e3ff',
  content: '#f2e8d5',
  emotions: '#ffe0ec',
  'pain-points': '#ffd9d2',
  opportunities: '#d8f5dc',
  tollgates: '#ffe7c2',
  'moments-of-truth': '#fde2ff',
  backstage: '#e6e9ef',
  kpis: '#dfeffa',
  quotes: '#f1f1f1',
};

/** Saturated enough to survive a washed-out projector, still dark text on every one. */
const PROJECTOR_CARDS: Record<LaneType, string> = {
  actions: '#ffe45c',
  thoughts: '#9fd3ff',
  needs: '#b9ee9e',
  touchpoints: '#8fe3cf',
  channels: '#c9bdff',
  content: '#f0d39a',
  emotions: '#ffb3cf',
  'pain-points': '#ffa192',
  opportunities: '#9ef0ad',
  tollgates: '#ffc46b',
  'moments-of-truth': '#f5a8ff',
  backstage: '#cfd5df',
  kpis: '#a9d8f7',
  quotes: '#e0e0e0',
};

const STAGES = ['#2f5d8a', '#3b7a6b', '#7a5a2f', '#6b4f8a', '#8a3b4f', '#3f6f8f', '#5f7a2f'];

export const PALETTES: Record<Theme, BoardPalette> = {
  light: {
    canvas: '#f3f5f8',
    board: '#ffffff',
    laneAlt: '#fafbfc',
    grid: '#d9dde3',
    stageDivider: '#9aa3ae',
    text: '#1b2430',
    muted: '#5a6472',
    stepHeader: '#ffffff',
    laneHeader: '#eef1f5',
    focus: '#1f6feb',
    cardText: '#1b2430',
    cardBorder: 'rgba(0,0,0,0.08)',
    cards: PASTEL_CARDS,
    stages: STAGES,
  },
  dark: {
    canvas: '#0e1116',
    board: '#161b22',
    laneAlt: '#1a2029',
    grid: '#2d3642',
    stageDivider: '#56606d',
    text: '#e6ebf1',
    muted: '#9aa5b1',
    stepHeader: '#1c232c',
    laneHeader: '#1f2630',
    focus: '#58a6ff',
    cardText: '#1b2430',
    cardBorder: 'rgba(0,0,0,0.3)',
    cards: PASTEL_CARDS,
    stages: STAGES,
  },
  projector: {
    canvas: '#ffffff',
    board: '#ffffff',
    laneAlt: '#f2f2f2',
    grid: '#7d8590',
    stageDivider: '#000000',
    text: '#000000',
    muted: '#1f1f1f',
    stepHeader: '#ffffff',
    laneHeader: '#e8e8e8',
    focus: '#0050d0',
    cardText: '#000000',
    cardBorder: '#000000',
    cards: PROJECTOR_CARDS,
    stages: ['#003f7f', '#00573f', '#6b3d00', '#4b2a7a', '#7a0026', '#004f6b', '#3d5700'],
  },
};

