import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Layer, Rect, Stage } from 'react-konva';
import type Konva from 'konva';
import { useStore } from 'zustand';
import { hitTestCell, type CardBox } from '../../../shared/layout/board-layout.ts';
import type { Editor } from '../editor/editor.ts';
import { moveCard } from '../editor/document-actions.ts';
import { addCard, zoomToFit } from '../editor/commands.ts';
import { zoomAround } from '../editor/viewport.ts';
import { CardNode } from './CardNode.tsx';
import { boardTextShower } from './shown-text.ts';
import { BoardGrid, BoardHeaders } from './BoardBackground.tsx';
import { FocusRing } from './FocusRing.tsx';
import { cardsInView, culling } from './culling.ts';
import { applyView, BACKGROUND_LAYER, CONTENT_LAYER, jumpTo, useBoardView } from './board-view.ts';
import { cardPainter } from './card-painter.ts';
import { cullOnScreen } from './layer-cull.ts';
import type { TileSource } from './motion-tiles.ts';
import { boardSettle, boardStage } from './stage-registry.ts';
import { PALETTES } from './themes.ts';
import { boardSettings } from './board-settings.ts';
import { preferences } from '../room/preferences.ts';
import { roomStore } from '../room/room-store.ts';
import { projectorViewport } from '../room/projector.ts';
import { projectorView } from '../room/projector-pages.ts';
import { castDot, isInOpenVote } from '../room/vote-actions.ts';
import { voteBadges } from '../room/vote-badges.ts';
import { TextOverlay } from './TextOverlay.tsx';
import { cardAt, isOverview, openingViewport, OverviewCards } from './OverviewCards.tsx';
import { EmotionLanes } from './EmotionLane.tsx';
import { emotionCurves } from './emotion-geometry.ts';
import { decorationsFor } from './decorations.ts';
import { setEmotion } from '../editor/detail-actions.ts';
import { describeFocus } from './focus-description.ts';

/** The journey board: Konva draws it, the editor owns every decision. */
export function Board({ editor }: { editor: Editor }) {
  const container = useRef<HTMLDivElement>(null);
  const [size, setSize] = useState({ width: 0, height: 0 });
  const records = useStore(editor.store, (s) => s.records);
  const journeyId = useStore(editor.store, (s) => s.journeyId);
  const workshopPath = useStore(editor.store, (s) => s.workshop?.path);
  const focus = useStore(editor.store, (s) => s.focus);
  const editing = useStore(editor.store, (s) => s.editing);
  const selection = useStore(editor.store, (s) => s.selection);
  const preferredTheme = useStore(preferences, (s) => s.theme);
  const projector = useStore(roomStore, (s) => s.projector);
  const { theme, onlyStageId: projectedStageId } = boardSettings(records, journeyId, preferredTheme, projector);
  const palette = PALETTES[theme];
  const voting = useStore(roomStore, (s) => s.voting);
  // The editor memoises its layout on the records and the board settings it reads.
  const layout = editor.layout();
  const badges = useMemo(() => voteBadges(records, voting?.voteId ?? null), [records, voting?.voteId]);
  const journeyPersonaId = useStore(editor.store, (s) => {
    const journey = s.journeyId ? s.records[s.journeyId] : undefined;
    return journey?.type === 'journey' ? journey.personaId : null;
  });
  const decorations = useMemo(() => decorationsFor(records), [records]);
  // The same function while the keys are unchanged, so the memoised headers keep still.
  const show = boardTextShower(records);
  const curves = useMemo(() => (layout ? emotionCurves(records, layout, journeyPersonaId) : []), [records, layout, journeyPersonaId]);

  useEffect(() => {
    const element = container.current;
    if (!element) return;
    const observer = new ResizeObserver(() => {
      const next = { width: element.clientWidth, height: element.clientHeight };
      editor.boardSize = next;
      // Fitting before the first sized render spares a big map a frame at the old view.
      editor.fitIfPending();
      setSize(next);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, [editor]);

  // The editor fits a freshly opened map itself; the projector fills the screen with
  // each stage it steps to, and leaving it shows the whole map again.
  const fittedFor = useRef('map');
  const openedPath = useRef<string | undefined>(undefined);
  const projectedPage = useStore(projectorView, (s) => s.page);
  // Before the first paint: a freshly opened big map must not paint its overview first.
  useLayoutEffect(() => {
    const key = projectedStageId ? `${projectedStageId}:${projectedPage}:${size.width}x${size.height}:${theme}` : 'map';
    const opening = workshopPath !== openedPath.current;
    // Only with a layout: marking the workshop opened before it has one would leave it fitted.
    if (size.width > 0 && workshopPath && layout && (fittedFor.current !== key || opening)) {
      fittedFor.current = key;
      openedPath.current = workshopPath;
      if (projectedStageId) jumpTo(editor, projectorViewport(layout, size));
      else if (opening) jumpTo(editor, openingViewport(layout, size));
      else zoomToFit(editor);
    }
  }, [editor, size, workshopPath, projectedStageId, projectedPage, layout, theme]);

  const toBoard = useCallback(
    (stage: Konva.Stage) => {
      const pointer = stage.getPointerPosition() ?? { x: 0, y: 0 };
      const { viewport: v } = editor.state;
      return { x: (pointer.x - v.x) / v.scale, y: (pointer.y - v.y) / v.scale };
    },
    [editor],
  );

  const onSelectCard = useCallback(
    (cardId: string, additive: boolean) => {
      if (additive) return editor.toggleSelected(cardId);
      editor.clearSelection();
      // While a vote is open, a click with a participant chosen places their dot; the
      // card is selected either way, so number keys then vote on it.
      castDot(editor, cardId);
      const card = editor.state.records[cardId];
      if (card?.type === 'card') editor.setFocus({ kind: 'cell', stepId: card.stepId, laneId: card.laneId, cardId });
    },
    [editor],
  );
  // Quick clicks that place dots are not a double-click to edit the card.
  const onEditCard = useCallback((cardId: string) => !isInOpenVote(editor, cardId) && editor.startEditing({ kind: 'card', cardId }), [editor]);
  const onSelectHeader = useCallback((id: string) => editor.setFocus({ kind: 'header', id }), [editor]);
  const onEditHeader = useCallback(
    (id: string) => {
      editor.setFocus({ kind: 'header', id });
      editor.startEditing({ kind: 'header', id });
    },
    [editor],
  );
  const onSetScore = useCallback(
    (stepId: string, personaId: string, score: number) => {
      if (editor.perform(setEmotion(editor.state.records, stepId, personaId, score))) editor.seal();
    },
    [editor],
  );
  const onSelectEmotionStep = useCallback((stepId: string, laneId: string) => editor.setFocus({ kind: 'cell', stepId, laneId }), [editor]);
  const onCardDragEnd = useCallback(
    (cardId: string, event: Konva.KonvaEventObject<DragEvent>) => {
      event.cancelBubble = true;
      const stage = event.target.getStage();
      const current = editor.layout();
      const box = current?.cardById.get(cardId);
      if (!stage || !current || !box) return;
      const target = hitTestCell(current, ...(Object.values(toBoard(stage)) as [number, number]));
      // Snap the node back; the new layout places it if the move is committed.
      event.target.position({ x: box.x, y: box.y });
      // Cards do not go into the emotions lane: it holds the curve.
      if (!target || current.lanes.find((l) => l.lane.id === target.laneId)?.lane.laneType === 'emotions') return;
      if (editor.perform(moveCard(editor.state.records, cardId, target, target.index))) editor.seal();
    },
    [editor, toBoard],
  );

  // Konva calls two quick clicks anywhere on the stage a double-click; only two
  // presses in the same spot count here, or a fast click on another cell adds a card.
  const presses = useRef<{ x: number; y: number }[]>([]);
  const onStageMouseDown = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const stage = event.target.getStage();
    presses.current = [...presses.current.slice(-1), { x: event.evt.clientX, y: event.evt.clientY }];
    if (!stage || !layout) return;
    const point = toBoard(stage);
    // Far out, cards are one shape that does not listen: the layout says what was pressed.
    const card = overview ? cardAt(layout, point.x, point.y) : undefined;
    if (card) return onSelectCard(card.card.id, event.evt.shiftKey);
    const hit = hitTestCell(layout, point.x, point.y);
    editor.setFocus(hit ? { kind: 'cell', stepId: hit.stepId, laneId: hit.laneId } : null);
  };
  const onStageDblClick = (event: Konva.KonvaEventObject<MouseEvent>) => {
    const [first, second] = presses.current;
    const samePlace = first && second && Math.hypot(first.x - second.x, first.y - second.y) < 6;
    if (event.target !== event.target.getStage() || !layout || !samePlace) return;
    const point = toBoard(event.target.getStage()!);
    const card = overview ? cardAt(layout, point.x, point.y) : undefined;
    // Double-clicking a card far out dives in: its cell at actual size, centred.
    if (card) return editor.setViewport({ scale: 1, x: size.width / 2 - (card.x + card.width / 2), y: size.height / 2 - (card.y + card.height / 2) });
    const hit = hitTestCell(layout, point.x, point.y);
    if (!hit) return;
    // Double-clicking an empty spot in a cell writes a new card at its end.
    editor.setFocus({ kind: 'cell', stepId: hit.stepId, laneId: hit.laneId });
    addCard(editor);
  };
  // The stage moves itself while dragged; the editor's view follows so the minimap (in
  // the sidebar, never over the cards) does.
  const onStageDrag = (event: Konva.KonvaEventObject<DragEvent>) => {
    if (event.target === event.target.getStage()) editor.setViewport({ ...editor.state.viewport, x: event.target.x(), y: event.target.y() });
  };
  const onWheel = (event: Konva.KonvaEventObject<WheelEvent>) => {
    event.evt.preventDefault();
    const v = editor.state.viewport;
    if (event.evt.ctrlKey || event.evt.metaKey) {
      const pointer = event.target.getStage()?.getPointerPosition() ?? { x: size.width / 2, y: size.height / 2 };
      editor.setViewport(zoomAround(v, Math.exp(-event.evt.deltaY / 300), pointer));
    } else {
      editor.setViewport({ ...v, x: v.x - event.evt.deltaX, y: v.y - event.evt.deltaY });
    }
  };

  const editingCardId = editing?.kind === 'card' ? editing.cardId : undefined;
  const focusWords = useMemo(() => describeFocus(records, layout, focus), [records, layout, focus]);
  const laneTypes = useMemo(() => new Map(layout?.lanes.map((l) => [l.lane.id, l.lane.laneType])), [layout]);
  // Only cards on or near the screen are drawn: a 10,000-card board costs what is seen.
  const cullingOff = useStore(culling, (s) => s.off);
  const stage = useRef<Konva.Stage | null>(null);
  const overlayLayer = useRef<Konva.Layer>(null);
  // The projector never pans: each page is a jump to new content, drawn sharp at once
  // (a bitmap of the page before would stand in for it meanwhile).
  const tileSource = useRef<TileSource | null>(null);
  const { settled: viewport, settleNow } = useBoardView(editor, stage, overlayLayer, size, cullingOff || editing !== null || projector !== null, tileSource);
  useEffect(() => {
    boardSettle.current = settleNow;
  }, [settleNow]);
  const overview = !cullingOff && layout !== null && isOverview(viewport.scale, layout.metrics);
  const cardColor = useCallback((box: CardBox) => palette.cards[laneTypes.get(box.card.laneId) ?? 'actions'], [palette, laneTypes]);
  // What the moving board's tiles draw cards with: the same look, no node per card.
  const paint = useMemo(
    () => layout && cardPainter({ metrics: layout.metrics, color: cardColor, text: (box) => show(box.card.text), decoration: (box) => decorations.cards.get(box.card.id), textColor: palette.cardText, borderColor: palette.cardBorder }),
    [layout, cardColor, show, decorations, palette],
  );
  tileSource.current = layout && paint ? { background: () => stage.current?.findOne<Konva.Layer>(`.${BACKGROUND_LAYER}`), cards: layout.cards, paint, isOverview: (scale) => isOverview(scale, layout.metrics) } : null;
  const visibleCards = useMemo(
    () => (!layout ? [] : cullingOff ? layout.cards : cardsInView(layout.cards, viewport, size)),
    [layout, viewport, size, cullingOff],
  );

  return (
    <div
      className="board"
      ref={container}
      data-testid="board"
      data-region="board"
      // A keyboard region of its own: Tab reaches it, its keys act while it has focus.
      // "application": a screen reader passes the single-letter shortcuts through.
      tabIndex={0}
      role="application"
      aria-label="Journey board"
      aria-roledescription="journey board"
      aria-describedby="board-keys board-focus"
      style={{ background: palette.canvas }}
      onPointerDownCapture={settleNow}
      onPointerDown={(event) => {
        // A press on the canvas gives the board the keys (the canvas cannot take focus);
        // a press in the text being typed keeps it there.
        if (!(event.target instanceof Element && event.target.closest('textarea, input, select, button'))) container.current?.focus({ preventScroll: true });
      }}
    >
      <p id="board-keys" className="visually-hidden">
        Arrow keys move between cells and cards, Enter writes or edits, N adds a card, S a stage, T a step, L a lane. Tab and F6 leave the board.
      </p>
      <p id="board-focus" className="visually-hidden" aria-live="polite">
        {focusWords}
      </p>
      {layout && size.width > 0 && (
        <Stage
          ref={(node) => {
            boardStage.current = stage.current = node;
            if (node) applyView(node, editor.state.viewport);
          }}
          width={size.width}
          height={size.height}
          draggable
          onMouseDown={onStageMouseDown}
          onDblClick={onStageDblClick}
          onDragMove={onStageDrag}
          onDragEnd={onStageDrag}
          onWheel={onWheel}
        >
          {/* Few layers: each is two canvases to size, clear and composite every frame. */}
          {/* Hundreds of header and grid nodes: drawn only where the screen is. */}
          <Layer name={`${CONTENT_LAYER} ${BACKGROUND_LAYER}`} ref={(layer) => void (layer && cullOnScreen(layer, () => editor.layout()?.cards))}>
            <BoardGrid layout={layout} palette={palette} />
            <BoardHeaders layout={layout} palette={palette} show={show} stepMarkers={decorations.steps} onSelectHeader={onSelectHeader} onEditHeader={onEditHeader} stageNames={!projector} />
            <EmotionLanes layout={layout} palette={palette} show={show} curves={curves} onSetScore={onSetScore} onSelectStep={onSelectEmotionStep} />
          </Layer>
          <Layer name={CONTENT_LAYER}>
            {overview && <OverviewCards cards={visibleCards} colorOf={cardColor} />}
            {!overview && visibleCards.map((box) => (
              <CardNode
                key={box.card.id}
                box={box}
                text={show(box.card.text)}
                color={cardColor(box)}
                textColor={palette.cardText}
                borderColor={palette.cardBorder}
                metrics={layout.metrics}
                dots={badges.get(box.card.id)}
                momentOfTruth={decorations.cards.get(box.card.id)?.momentOfTruth ?? false}
                stripe={decorations.cards.get(box.card.id)?.stripe}
                badge={decorations.cards.get(box.card.id)?.badge}
                hidden={box.card.id === editingCardId}
                onSelect={onSelectCard}
                onEdit={onEditCard}
                onDragEnd={onCardDragEnd}
              />
            ))}
          </Layer>
          <Layer ref={overlayLayer} listening={false} name="overlay">
            {selection.map((id) => {
              const box = layout.cardById.get(id);
              return box && <Rect key={id} x={box.x - 4} y={box.y - 4} width={box.width + 8} height={box.height + 8} stroke={palette.focus} strokeWidth={2} dash={[4, 3]} cornerRadius={9} />;
            })}
            <FocusRing layout={layout} focus={focus} color={palette.focus} />
          </Layer>
        </Stage>
      )}
      {layout && layout.stages.length === 0 && (
        <div
          className="board-hint"
          style={{ left: viewport.x + (layout.metrics.laneHeaderWidth + 16) * viewport.scale, top: viewport.y + 12 * viewport.scale }}
        >
          <strong>Press S to add the first stage</strong>
          <span>Name the stage, then its first step. T adds a step, Enter writes a card.</span>
        </div>
      )}
      {layout && editing && <TextOverlay editor={editor} layout={layout} editing={editing} viewport={viewport} />}
    </div>
  );
}

