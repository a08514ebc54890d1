import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { WorkshopFile } from '../../../electron/services/workshop-file.ts';
import { layoutBoard } from '../../../shared/layout/board-layout.ts';
import { legendHeight } from '../../../shared/layout/card-metrics.ts';
import { balancedGroups, planProjectorPages, type ProjectorArea } from '../../../shared/layout/projector-pages.ts';
import { journeysOf, stagesOf, type RecordMap } from '../../../shared/model/document.ts';
import { newCard, newEmotion, newJourney, newLane, newPersona, newStage, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { PROJECTOR_METRICS } from '../../../renderer/src/board/themes.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

const toMap = (records: AnyRecord[]): RecordMap => Object.fromEntries(records.map((r) => [r.id, r]));
const MIN_PX = 24;
const scale = MIN_PX / PROJECTOR_METRICS.fontSize;
/** A 1280×720 projector less the page's margins. */
const AREA: ProjectorArea = { width: 1280 - 32, height: 720 - 32, emptyLanesLine: 40 };

function b2b(): RecordMap {
  const file = WorkshopFile.create(join(tempFolder(), 'b2b.journey'), 'Pages', { replaceExisting: false, template: 'b2b-buying' });
  const records = toMap(file.readRecords());
  file.close();
  return records;
}

/** Every page of every stage, laid out as the board lays it out. */
function allPages(records: RecordMap, journeyId: string, area = AREA) {
  return stagesOf(records, journeyId).flatMap((stage) =>
    planProjectorPages(records, journeyId, stage.id, PROJECTOR_METRICS, area, MIN_PX).map((page) => ({ page, layout: layoutBoard(records, journeyId, page.metrics, stage.id) })),
  );
}

function expectFitsAtMinimumSize(pages: ReturnType<typeof allPages>, area = AREA) {
  for (const { page, layout } of pages) {
    const reserve = page.metrics.slice.emptyLaneIds.length > 0 ? area.emptyLanesLine : 0;
    expect(layout.width * scale).toBeLessThanOrEqual(area.width);
    expect(layout.height * scale + reserve).toBeLessThanOrEqual(area.height);
  }
}

/** A journey of one stage: `steps` steps, and the cards given per step and lane. */
function stage(steps: number, lanes: string[], cards: [step: number, lane: number, text: string][]) {
  const journey = newJourney({ name: 'J', position: 'a0' });
  const buy = newStage({ journeyId: journey.id, name: 'Buy', position: 'a0' });
  const stepRecords = Array.from({ length: steps }, (_, i) => newStep({ stageId: buy.id, name: `Step ${i + 1}`, position: `a${i}` }));
  const laneRecords = lanes.map((name, i) => newLane({ journeyId: journey.id, name, laneType: name === 'Emotions' ? 'emotions' : 'actions', position: `a${i}` }));
  const cardRecords = cards.map(([s, l, text], i) => newCard({ stepId: stepRecords[s]!.id, laneId: laneRecords[l]!.id, text, position: `a${String(i).padStart(3, '0')}` }));
  return { records: toMap([journey, buy, ...stepRecords, ...laneRecords, ...cardRecords]), journeyId: journey.id, stageId: buy.id, cards: cardRecords };
}

describe('projector pages', () => {
  it('show every card of the B2B template once, at 24 px, nothing below the fold at 1280×720', () => {
    const records = b2b();
    const journeyId = journeysOf(records)[0]!.id;
    const pages = allPages(records, journeyId);
    expectFitsAtMinimumSize(pages);
    const shown = pages.flatMap(({ layout }) => layout.cards.map((box) => box.card.id));
    const cards = Object.values(records).filter((r) => r.type === 'card').map((c) => c.id);
    expect(shown.sort()).toEqual(cards.sort());
    // Each page knows where it is among its stage's pages ("Evaluate 1/2").
    for (const { page } of pages) expect(page.metrics.slice.index).toBeLessThan(page.metrics.slice.count);
  });

  it('name the lanes with nothing on a page instead of drawing them empty', () => {
    const { records, journeyId, stageId } = stage(1, ['Actions', 'Thoughts', 'Pain points'], [[0, 1, 'Why now?']]);
    const [page, ...more] = planProjectorPages(records, journeyId, stageId, PROJECTOR_METRICS, AREA, MIN_PX);
    expect(more).toEqual([]);
    const slice = page!.metrics.slice;
    expect(slice.laneIds).toHaveLength(1);
    expect(slice.emptyLaneIds).toHaveLength(2);
    expect(layoutBoard(records, journeyId, page!.metrics, stageId).lanes.map((l) => l.lane.name)).toEqual(['Thoughts']);
  });

  it('put steps side by side as far as they fit, in even groups, and widen few columns', () => {
    const { records, journeyId, stageId } = stage(8, ['Actions'], Array.from({ length: 8 }, (_, i) => [i, 0, `Card ${i}`] as [number, number, string]));
    const pages = planProjectorPages(records, journeyId, stageId, PROJECTOR_METRICS, AREA, MIN_PX);
    expect(pages.map((p) => p.metrics.slice.stepIds.length)).toEqual([3, 3, 2]);
    const one = stage(1, ['Actions'], [[0, 0, 'Alone']]);
    const [wide] = planProjectorPages(one.records, one.journeyId, one.stageId, PROJECTOR_METRICS, AREA, MIN_PX);
    expect(wide!.metrics.columnWidth).toBeGreaterThan(PROJECTOR_METRICS.columnWidth);
  });

  it('end a page before a lane that does not fit, never cutting a lane', () => {
    const lanes = ['A', 'B', 'C', 'D', 'E', 'F'];
    const { records, journeyId, stageId } = stage(2, lanes, lanes.flatMap((_, l) => [[0, l, `Two cards ${l}`], [0, l, `In lane ${l}`]] as [number, number, string][]));
    const pages = planProjectorPages(records, journeyId, stageId, PROJECTOR_METRICS, AREA, MIN_PX);
    expect(pages.length).toBeGreaterThan(1);
    expect(pages.flatMap((p) => p.metrics.slice.laneIds)).toHaveLength(lanes.length);
    expect(pages.every((p) => p.metrics.slice.cardIds === null)).toBe(true);
    expectFitsAtMinimumSize(pages.map((page) => ({ page, layout: layoutBoard(records, journeyId, page.metrics, stageId) })));
  });

  it('spread a cell fuller than a screen over pages of its own, each card once', () => {
    const { records, journeyId, stageId, cards } = stage(1, ['Actions'], Array.from({ length: 20 }, (_, i) => [0, 0, `Action ${i} with enough words to take two lines`] as [number, number, string]));
    const pages = planProjectorPages(records, journeyId, stageId, PROJECTOR_METRICS, AREA, MIN_PX);
    expect(pages.length).toBeGreaterThan(2);
    const laid = pages.map((page) => ({ page, layout: layoutBoard(records, journeyId, page.metrics, stageId) }));
    expectFitsAtMinimumSize(laid);
    const shown = laid.flatMap(({ layout }) => layout.cards.map((box) => box.card.id));
    expect(shown).toEqual(cards.map((c) => c.id));
  });

  it('plan for the screen: a 1920×1080 projector needs no more pages than 1280×720', () => {
    const records = b2b();
    const journeyId = journeysOf(records)[0]!.id;
    const large = { width: 1920 - 32, height: 1080 - 32, emptyLanesLine: 40 };
    const pages = allPages(records, journeyId, large);
    expectFitsAtMinimumSize(pages, large);
    expect(pages.length).toBeLessThanOrEqual(allPages(records, journeyId).length);
    expect(pages.length).toBe(stagesOf(records, journeyId).length);
  });
});

describe('balanced groups', () => {
  it('splits as evenly as it can', () => {
    expect(balancedGroups([1, 2, 3, 4, 5, 6, 7], 3)).toEqual([[1, 2, 3], [4, 5], [6, 7]]);
    expect(balancedGroups([1, 2], 3)).toEqual([[1, 2]]);
    expect(balancedGroups([], 3)).toEqual([[]]);
  });
});

describe('the persona legend', () => {
  it('grows the emotions lane to name every persona whole', () => {
    const { records, journeyId, stageId } = stage(1, ['Emotions'], []);
    const step = Object.values(records).find((r) => r.type === 'step')!;
    const names = ['Procurement lead for the whole region', 'Chief information security officer', 'Head of finance and operations', 'Dana', 'Sam'];
    const personas = names.map((name, i) => newPersona({ name, position: `a${i}` }));
    const emotions = personas.map((p) => newEmotion({ stepId: step.id, personaId: p.id, score: 1 }));
    const map = { ...records, ...toMap([...personas, ...emotions]) };
    const lane = layoutBoard(map, journeyId, PROJECTOR_METRICS, stageId).lanes[0]!;
    expect(lane.height).toBe(legendHeight(names, PROJECTOR_METRICS));
    expect(lane.height).toBeGreaterThan(PROJECTOR_METRICS.emotionRowHeight);
  });
});
