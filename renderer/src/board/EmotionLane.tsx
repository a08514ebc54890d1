import { memo } from 'react';
import Konva from 'konva';
import { LEGEND_TOP, legendFontSize, legendTextWidth } from '../../../shared/layout/card-metrics.ts';
import { Circle, Group, Line, Text } from 'react-konva';
import type { BoardLayout, LaneBox } from '../../../shared/layout/board-layout.ts';
import { scoreToY, yToScore, type EmotionCurve } from './emotion-geometry.ts';
import { BOARD_FONT, type BoardPalette } from './themes.ts';

const SCALE = [3, 2, 1, 0, -1, -2, -3];

interface Props {
  layout: BoardLayout;
  palette: BoardPalette;
  curves: EmotionCurve[];
  /** A text as the board shows it: real names from the interview keys read as codes. */
  show(text: string): string;
  onSetScore(stepId: string, personaId: string, score: number): void;
  onSelectStep(stepId: string, laneId: string): void;
}

/**
 * The persona's emotion curve across the steps, overlaid for up to five personas, on a
 * labelled -3..+3 scale. Points drag up and down and snap to whole scores.
 */
export const EmotionLanes = memo(function EmotionLanes({ layout, palette, show, curves, onSetScore, onSelectStep }: Props) {
  const lanes = layout.lanes.filter((l) => l.lane.laneType === 'emotions');
  if (lanes.length === 0) return null;
  return (
    <Group>
      {lanes.map((lane) => (
        <Group key={lane.lane.id}>
          <Scale layout={layout} lane={lane} palette={palette} />
          {curves.map((curve) => (
            <Curve key={curve.persona.id} lane={lane} curve={curve} onSetScore={onSetScore} onSelectStep={onSelectStep} />
          ))}
          <Legend layout={layout} lane={lane} curves={curves} palette={palette} show={show} />
        </Group>
      ))}
    </Group>
  );
});

function Scale({ layout, lane, palette }: { layout: BoardLayout; lane: LaneBox; palette: BoardPalette }) {
  const left = layout.metrics.laneHeaderWidth;
  return (
    <Group listening={false}>
      {SCALE.map((score) => (
        <Group key={score}>
          <Line
            points={[left, scoreToY(lane, score), layout.width, scoreToY(lane, score)]}
            stroke={score === 0 ? palette.stageDivider : palette.grid}
            strokeWidth={score === 0 ? 1.5 : 1}
            dash={score === 0 ? undefined : [4, 6]}
          />
          <Text
            x={left - 34}
            y={scoreToY(lane, score) - 8}
            width={28}
            align="right"
            text={score > 0 ? `+${score}` : score === 0 ? '0' : `−${-score}`}
            fontSize={layout.metrics.fontSize - 2}
            fontFamily={BOARD_FONT}
            fill={palette.muted}
          />
        </Group>
      ))}
    </Group>
  );
}

/**
 * Each persona's colour and name. Names wrap rather than being cut ("Procurement le…"):
 * each entry is placed under the lines the one above actually took, and the layout made
 * the lane tall enough for them (shared/layout/card-metrics.ts, legendHeight).
 */
function Legend({ layout, lane, curves, palette, show }: { layout: BoardLayout; lane: LaneBox; curves: EmotionCurve[]; palette: BoardPalette; show(text: string): string }) {
  const m = layout.metrics;
  const fontSize = legendFontSize(m);
  const width = legendTextWidth(m);
  let y = 0;
  const entries = curves.map((curve) => {
    const top = y;
    const name = show(curve.persona.name);
    y += measuredHeight(name, width, fontSize) + 4;
    return (
      <Group key={curve.persona.id} y={top}>
        <Line points={[0, fontSize / 2, 18, fontSize / 2]} stroke={curve.persona.color} strokeWidth={4} lineCap="round" />
        <Text x={24} y={0} width={width} text={name} fontSize={fontSize} lineHeight={1.2} fontFamily={BOARD_FONT} fill={palette.text} wrap="word" />
      </Group>
    );
  });
  return (
    <Group listening={false} x={14} y={lane.y + LEGEND_TOP}>
      {entries}
    </Group>
  );
}

/** How tall Konva draws a wrapped name: measured, as the canvas will wrap it. */
function measuredHeight(text: string, width: number, fontSize: number): number {
  const probe = new Konva.Text({ text, width, fontSize, lineHeight: 1.2, fontFamily: BOARD_FONT, wrap: 'word' });
  const height = probe.height();
  probe.destroy();
  return height;
}

function Curve({ lane, curve, onSetScore, onSelectStep }: { lane: LaneBox; curve: EmotionCurve } & Pick<Props, 'onSetScore' | 'onSelectStep'>) {
  const color = curve.persona.color;
  const points = curve.points.flatMap((p) => [p.x, scoreToY(lane, p.score)]);
  return (
    <Group>
      {curve.points.length > 1 && <Line points={points} stroke={color} strokeWidth={4} tension={0.4} lineCap="round" lineJoin="round" listening={false} opacity={0.9} />}
      {curve.points.map((point) => (
        <Circle
          key={point.stepId}
          name={`emotion-point ${curve.persona.id} ${point.stepId}`}
          x={point.x}
          y={scoreToY(lane, point.score)}
          radius={9}
          fill="#ffffff"
          stroke={color}
          strokeWidth={4}
          draggable
          onMouseDown={(e) => {
            e.cancelBubble = true;
            onSelectStep(point.stepId, lane.lane.id);
          }}
          onDragMove={(e) => {
            e.target.x(point.x);
            e.target.y(Math.max(scoreToY(lane, 3), Math.min(scoreToY(lane, -3), e.target.y())));
          }}
          onDragEnd={(e) => {
            e.cancelBubble = true;
            const score = yToScore(lane, e.target.y());
            e.target.position({ x: point.x, y: scoreToY(lane, point.score) });
            if (score !== point.score) onSetScore(point.stepId, curve.persona.id, score);
          }}
        />
      ))}
    </Group>
  );
}
