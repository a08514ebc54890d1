import type { LaneType } from '../../../shared/model/records.ts';

/** Soft sticky-note colours per lane type: distinct on a washed-out projector, dark text on all. */
export const LANE_CARD_COLORS: Record<LaneType, string> = {
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

export const STAGE_BAND_COLORS = ['#2f5d8a', '#3b7a6b', '#7a5a2f', '#6b4f8a', '#8a3b4f', '#3f6f8f', '#5f7a2f'];

export const BOARD_COLORS = {
  canvas: '#f6f7f9',
  stepHeader: '#ffffff',
  laneHeader: '#ffffff',
  grid: '#d9dde3',
  text: '#1b2430',
  mutedText: '#5a6472',
  focus: '#1f6feb',
};
