import { memo } from 'react';
import { Line, Rect, Star, Text, Group } from 'react-konva';
import { TOLLGATE_COLORS, type StepMarker } from './decorations.ts';
import type { BoardLayout } from '../../../shared/layout/board-layout.ts';
import { BOARD_FONT, type BoardPalette } from './themes.ts';


interface HeaderProps {
  layout: BoardLayout;
  palette: BoardPalette;
  /** A text as the board shows it: real names from the interview keys read as codes. */
  show(text: string): string;
  stepMarkers: Map<string, StepMarker>;
  onSelectHeader(id: string): void;
  onEditHeader(id: string): void;
  /** Off on the projector: its overlay names the stage once, with the page ("Evaluate 1/2"). */
  stageNames?: boolean;
}

/** Grid and lane bands: static, so they do not listen for events. */
export const BoardGrid = memo(function BoardGrid({ layout, palette }: { layout: BoardLayout; palette: BoardPalette }) {
  const top = layout.metrics.stageHeaderHeight;
  return (
    <Group listening={false}>
      <Rect x={0} y={0} width={layout.width} height={layout.height} fill={palette.board} />
      {layout.lanes.map((lane, i) => (
        <Rect key={lane.lane.id} x={0} y={lane.y} width={layout.width} height={lane.height} fill={i % 2 ? palette.laneAlt : palette.board} />
      ))}
      {layout.steps.map((step) => (
        <Line key={step.step.id} points={[step.x, top, step.x, layout.height]} stroke={palette.grid} strokeWidth={1} />
      ))}
      {layout.stages.map((stage) => (
        <Line key={stage.stage.id} points={[stage.x, 0, stage.x, layout.height]} stroke={palette.stageDivider} strokeWidth={2} />
      ))}
      {layout.lanes.map((lane) => (
        <Line key={lane.lane.id} points={[0, lane.y, layout.width, lane.y]} stroke={palette.grid} strokeWidth={1} />
      ))}
      <Line points={[0, layout.height, layout.width, layout.height]} stroke={palette.grid} strokeWidth={1} />
    </Group>
  );
});

/** Stage, step and lane headers: click to select, double-click to rename. */
export const BoardHeaders = memo(function BoardHeaders({ layout, palette, show, stepMarkers, onSelectHeader, onEditHeader, stageNames = true }: HeaderProps) {
  const m = layout.metrics;
  const handlers = (id: string) => ({
    onMouseDown: (e: { cancelBubble: boolean }) => {
      e.cancelBubble = true;
      onSelectHeader(id);
    },
    onDblClick: () => onEditHeader(id),
  });
  return (
    <Group>
      {layout.stages.map((box, i) => (
        <Group key={box.stage.id} id={box.stage.id} x={box.x} y={box.y} {...handlers(box.stage.id)}>
          <Rect width={box.width} height={box.height} fill={palette.stages[i % palette.stages.length]} stroke="#ffffff" strokeWidth={1} />
          {stageNames && <Text text={show(box.stage.name) || 'Untitled stage'} width={box.width} height={box.height} padding={12} fontSize={m.fontSize + 4} fontStyle="bold" fontFamily={BOARD_FONT} fill="#ffffff" verticalAlign="middle" ellipsis wrap="none" />}
        </Group>
      ))}
      {layout.steps.map((box) => (
        <Group key={box.step.id} id={box.step.id} x={box.x} y={box.y} {...handlers(box.step.id)}>
          <Rect width={box.width} height={box.height} fill={palette.stepHeader} stroke={palette.grid} strokeWidth={1} />
          <Text text={show(box.step.name) || 'Untitled step'} width={box.width - markerWidth(stepMarkers.get(box.step.id))} height={box.height} padding={10} fontSize={m.fontSize + 1} fontStyle="bold" fontFamily={BOARD_FONT} fill={palette.text} verticalAlign="middle" ellipsis wrap="none" />
          <StepMarkers marker={stepMarkers.get(box.step.id)} right={box.width - 8} middle={box.height / 2} />
        </Group>
      ))}
      <Rect x={0} y={0} width={m.laneHeaderWidth} height={m.stageHeaderHeight + m.stepHeaderHeight} fill={palette.laneHeader} listening={false} />
      {layout.lanes.map((box) => (
        <Group key={box.lane.id} id={box.lane.id} x={0} y={box.y} {...handlers(box.lane.id)}>
          <Rect width={m.laneHeaderWidth} height={box.height} fill={palette.laneHeader} stroke={palette.grid} strokeWidth={1} />
          <Text
            text={show(box.lane.name) || 'Untitled lane'}
            width={m.laneHeaderWidth}
            height={box.height}
            padding={14}
            fontSize={m.fontSize + 1}
            fontStyle="bold"
            fontFamily={BOARD_FONT}
            fill={palette.text}
            // The emotions lane lists its personas under the name.
            verticalAlign={box.lane.laneType === 'emotions' ? 'top' : 'middle'}
            ellipsis
          />
        </Group>
      ))}
    </Group>
  );
});

const GATE_WIDTH = 16;

function markerWidth(marker: StepMarker | undefined): number {
  if (!marker) return 0;
  return marker.gates.length * (GATE_WIDTH + 4) + (marker.momentOfTruth ? 24 : 0) + 6;
}

/** A gate per tollgate, coloured by status, and a star for a moment of truth. */
function StepMarkers({ marker, right, middle }: { marker: StepMarker | undefined; right: number; middle: number }) {
  if (!marker) return null;
  let x = right;
  const items = [];
  if (marker.momentOfTruth) {
    x -= 20;
    items.push(<Star key="mot" x={x + 10} y={middle} numPoints={5} innerRadius={4.5} outerRadius={10} fill="#f4b400" stroke="#b37f00" strokeWidth={1} />);
  }
  marker.gates.forEach((status, i) => {
    x -= GATE_WIDTH + 4;
    items.push(
      <Group key={i} x={x} y={middle - 10} name={`tollgate-marker ${status}`}>
        <Rect width={4} height={20} fill={TOLLGATE_COLORS[status]} />
        <Rect x={GATE_WIDTH - 4} width={4} height={20} fill={TOLLGATE_COLORS[status]} />
        <Rect y={5} width={GATE_WIDTH} height={4} fill={TOLLGATE_COLORS[status]} />
      </Group>,
    );
  });
  return <Group listening={false}>{items}</Group>;
}
