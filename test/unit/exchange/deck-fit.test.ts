import { describe, expect, it } from 'vitest';
import { buildDeck, deckBytes } from '../../../electron/services/exports/deck/build-deck.ts';
import { heightFor } from '../../../electron/services/exports/deck/text-fit.ts';
import { stepGroups } from '../../../electron/services/exports/deck/stage-layout.ts';
import { journeysOf, lanesOf, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { newCard, newStep } from '../../../shared/model/record-factories.ts';
import type { AnyRecord } from '../../../shared/model/records.ts';
import { realisticWorkshopRecords } from '../../support/realistic-workshop.ts';
import { readDeck, shapesOf, type SlideXml } from '../../support/deck-xml.ts';

/** The realistic workshop, with the five W's and channels filled in on a few steps as a room does. */
function workshop(): Record<string, AnyRecord> {
  const records = realisticWorkshopRecords();
  let filled = 0;
  for (const r of records) {
    if (r.type !== 'step' || filled++ % 3 !== 0) continue;
    Object.assign(r, { who: 'Head of Operations with the controller', when: 'Week 1 after the audit', where: 'Head office, Frankfurt', channels: 'Email, video call', why: 'The board wants the finding closed' });
  }
  return Object.fromEntries(records.map((r: AnyRecord) => [r.id, r]));
}

async function deck(records: RecordMap) {
  const { pptx, slides: count } = await buildDeck(records, { theme: 'light', overviews: new Map(), date: new Date('2026-11-23') });
  return { count, ...(await readDeck(await deckBytes(pptx))) };
}

const baseTitle = (title: string) => title.replace(/ \(\d+\/\d+\)$/, '');
const lanesOn = (slide: SlideXml) => slide.names.filter((n) => n.startsWith('lane: ') && n !== 'lane: Emotions').map((n) => n.slice(6));

describe('the deck of a realistic workshop fits its slides', () => {
  it('keeps each stage on one slide per four steps, every lane whole, no lane alone, every card whole', async () => {
    const records = workshop();
    const { slides, count } = await deck(records);
    expect(slides).toHaveLength(count);

    // Every slide is built on a layout with a real title placeholder, and has a title.
    for (const slide of slides) {
      expect(slide.xml, `slide ${slide.index}`).toMatch(/<p:ph\b[^>]*type="(title|ctrTitle)"/);
      expect(slide.title.trim(), `slide ${slide.index}`).not.toBe('');
    }

    const stageSlides = slides.filter((s) => s.names.some((n) => n.startsWith('lane: ')));
    let stagesSeen = 0;
    for (const journey of journeysOf(records)) {
      for (const stage of stagesOf(records, journey.id)) {
        const mine = stageSlides.filter((s) => baseTitle(s.title) === stage.name && s.subtitle.startsWith(journey.name));
        const steps = stepsOf(records, stage.id).length;
        expect(mine.length, `${journey.name} / ${stage.name}`).toBeGreaterThanOrEqual(1);
        expect(mine.length, `${journey.name} / ${stage.name}`).toBeLessThanOrEqual(Math.max(1, Math.ceil(steps / 4)));
        const laneSlides = new Map<string, number>();
        for (const slide of mine) {
          const lanes = lanesOn(slide);
          expect(lanes.length, `${stage.name}: slide ${slide.index} carries a lone lane`).not.toBe(1);
          for (const lane of lanes) laneSlides.set(lane, (laneSlides.get(lane) ?? 0) + 1);
        }
        // A stage split by steps repeats a lane label only because each part shows its own steps' cards.
        if (mine.length === 1) for (const [lane, n] of laneSlides) expect(n, `${stage.name}: ${lane}`).toBe(1);
        stagesSeen++;
      }
    }
    expect(stagesSeen).toBe(14);

    // Every card is on a slide in full, in a box its text fits at its size, above the footer.
    const cardTexts = stageSlides.flatMap((s) => shapesOf(s.xml).filter((sh) => sh.name.startsWith('card: ')));
    for (const card of Object.values(records).filter((r) => r.type === 'card')) {
      expect(cardTexts.some((c) => c.text.includes(card.text)), card.text).toBe(true);
    }
    for (const slide of stageSlides) {
      for (const shape of shapesOf(slide.xml).filter((sh) => !sh.name.startsWith('Slide Number'))) {
        expect(shape.y + shape.h, `slide ${slide.index} ${shape.name}`).toBeLessThanOrEqual(7.5 - 0.32 + 0.01);
        if (!shape.name.startsWith('card: ')) continue;
        expect(heightFor(shape.text, shape.w, shape.size), `slide ${slide.index} ${shape.name}`).toBeLessThanOrEqual(shape.h + 0.01);
        expect(shape.size, shape.name).toBeGreaterThanOrEqual(7);
      }
    }
    console.info(`realistic workshop: ${count} slides, ${stageSlides.length} stage slides for 14 stages`);
  });

  it('shows what the board shows: cost and severity, tollgate status, moments of truth, emotions with evokers, the five W’s', async () => {
    const records = workshop();
    const { slides } = await deck(records);
    const stageXml = slides.filter((s) => s.names.some((n) => n.startsWith('lane: '))).map((s) => shapesOf(s.xml));
    const cards = stageXml.flat().filter((s) => s.name.startsWith('card: '));
    const pain = Object.values(records).find((r) => r.type === 'pain-point' && r.severity === 4)!;
    const painCard = records[(pain as { cardId: string }).cardId] as { text: string };
    expect(cards.find((c) => c.text.includes(painCard.text))!.text).toMatch(/S4 · €[\d,]+\/yr/);
    expect(cards.some((c) => /Tollgate: (Passes easily|Friction|Blocks)/.test(c.text))).toBe(true);
    expect(cards.some((c) => c.text.startsWith('★ '))).toBe(true);
    const emotions = stageXml.flat().filter((s) => s.name.startsWith('emotions: '));
    expect(emotions.length).toBeGreaterThan(0);
    expect(emotions.map((e) => e.text).join(' ')).toMatch(/Dana Okafor [+-]?\d/);
    const steps = stageXml.flat().filter((s) => s.name.startsWith('step: '));
    expect(steps.some((s) => s.text.includes('Who: Head of Operations') && s.text.includes('Channels: Email, video call'))).toBe(true);
  });

  it('names the journey on every report line, so a to-be copy is not read as today', async () => {
    const records = workshop();
    const { slides } = await deck(records);
    const journeys = journeysOf(records).map((j) => j.name);
    for (const title of ['Moments of truth', 'Needle movers']) {
      const text = slides.filter((s) => s.title.startsWith(title)).map((s) => shapesOf(s.xml).map((sh) => sh.text).join('\n')).join('\n');
      for (const name of journeys) expect(text, `${title}: ${name}`).toContain(name);
    }
  });

  it('gives an overview readable at 10 pt or more, as a native table of stages by lanes', async () => {
    const records = workshop();
    const { slides } = await deck(records);
    const overviews = slides.filter((s) => s.names.includes('overview: stages by lanes'));
    expect(overviews.length).toBe(4); // two journeys of 7 stages: 4 + 3 stages a slide
    for (const slide of overviews) {
      const table = shapesOf(slide.xml).find((s) => s.name === 'overview: stages by lanes')!;
      const sizes = [...table.xml.matchAll(/\bsz="(\d+)"/g)].map((m) => Number(m[1]) / 100);
      expect(Math.min(...sizes), `slide ${slide.index}`).toBeGreaterThanOrEqual(10);
      expect(table.y + table.h).toBeLessThanOrEqual(7.5 - 0.3);
    }
  });

  it('splits a long stage by steps, four at most a slide, every lane with cards on each part', async () => {
    expect([3, 4, 5, 7, 8, 9].map((n) => stepGroups(Array.from({ length: n }, (_, i) => i)).map((g) => g.length))).toEqual([[3], [4], [3, 2], [4, 3], [4, 4], [3, 3, 3]]);
    const records = workshop();
    const journey = journeysOf(records)[0]!;
    const stage = stagesOf(records, journey.id)[0]!;
    const lanes = lanesOf(records, journey.id).filter((l) => l.laneType === 'actions' || l.laneType === 'pain-points');
    for (let i = 0; i < 4; i++) {
      const step = newStep({ stageId: stage.id, name: `Extra step ${i + 1}`, position: `z${i}` });
      records[step.id] = step;
      for (const lane of lanes) {
        const card = newCard({ stepId: step.id, laneId: lane.id, text: `${lane.name} of extra step ${i + 1}, written out at some length as rooms do`, position: 'a0' });
        records[card.id] = card;
      }
    }
    // A fresh map: the document's lookups are indexed once per records object.
    const { slides } = await deck({ ...records });
    const mine = slides.filter((s) => baseTitle(s.title) === stage.name && s.subtitle.startsWith(journey.name));
    expect(mine.map((s) => s.title)).toEqual([`${stage.name} (1/2)`, `${stage.name} (2/2)`]);
    for (const slide of mine) {
      expect(lanesOn(slide)).toEqual(expect.arrayContaining(lanes.map((l) => l.name)));
      expect(slide.names.filter((n) => n.startsWith('step: '))).toHaveLength(slide === mine[0] ? 4 : 3);
    }
  });

  it('puts what a slide cannot hold in the speaker notes rather than off the slide', async () => {
    const records = workshop();
    const journey = journeysOf(records)[0]!;
    const step = stepsOf(records, stagesOf(records, journey.id)[0]!.id)[0]!;
    const lane = lanesOf(records, journey.id).find((l) => l.laneType === 'quotes')!;
    for (let i = 0; i < 60; i++) {
      const card = newCard({ stepId: step.id, laneId: lane.id, text: `Quote number ${i + 1}: “we keep asking the same question and nobody answers it”`, position: `b${String(i).padStart(2, '0')}` });
      records[card.id] = card;
    }
    const { slides } = await deck({ ...records });
    const slide = slides.find((s) => s.names.includes(`step: ${step.name}`))!;
    for (const shape of shapesOf(slide.xml).filter((sh) => !sh.name.startsWith('Slide Number'))) expect(shape.y + shape.h).toBeLessThanOrEqual(7.5 - 0.32 + 0.01);
    expect(slide.notes).toContain('Not on the slide for lack of room');
    expect(slide.notes).toContain('Quote number 60');
  });
});

