import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../../electron/services/exports/pdf/build-pdf.ts';
import { cardBadges } from '../../../electron/services/exports/deck/card-details.ts';
import { A3_LANDSCAPE, layoutPoster, MAP_MARGIN, TITLE_BAND } from '../../../electron/services/exports/pdf/map-poster-layout.ts';
import type { Card, Journey, Stage, Step } from '../../../shared/model/records.ts';
import { generateDetailedWorkshop } from '../../support/detailed-workshop.ts';
import { realisticWorkshopRecords } from '../../support/realistic-workshop.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';

// Text on the map wraps inside its card, a word longer than the card (a URL, Japanese,
// which has no spaces) included: where a line breaks is layout, not content.
const letters = (text: string) => text.replace(/[\s\u200e\u200f\u202a-\u202e\u2066-\u2069\ufe0f]/gu, '');

describe("the PDF's map pages", () => {
  it('draw each journey as real text on A3 poster pages, every card of it whole', { timeout: 60_000 }, async () => {
    const records = realisticWorkshopRecords();
    const path = join(tempFolder('journeyboard-pdf-map-'), 'Map.pdf');
    writeFileSync(path, await buildPdf(Object.fromEntries(records.map((r) => [r.id, r])), { overviews: new Map() }));

    const sizes = [...execFileSync('pdfinfo', ['-f', '1', '-l', '999', path], { encoding: 'utf8' }).matchAll(/Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+)/g)]
      .map(([, page, width, height]) => ({ page: Number(page), a3: Math.abs(Number(width) - A3_LANDSCAPE[0]) < 1 && Math.abs(Number(height) - A3_LANDSCAPE[1]) < 1 }));
    // Runs of A3 pages, one per journey, in the journeys' order.
    const runs: number[][] = [];
    sizes.forEach(({ page, a3 }, i) => {
      if (!a3) return;
      if (i > 0 && sizes[i - 1]!.a3) runs.at(-1)!.push(page);
      else runs.push([page]);
    });
    const journeys = records.filter((r): r is Journey => r.type === 'journey');
    expect(runs).toHaveLength(journeys.length);

    for (const [i, journey] of journeys.entries()) {
      const pages = runs[i]!;
      const text = execFileSync('pdftotext', ['-enc', 'UTF-8', '-f', String(pages[0]), '-l', String(pages.at(-1)), path, '-'], { encoding: 'utf8' });
      expect(text).toContain(`${journey.name} — map, page 1 of ${pages.length}`);
      const stages = new Set(records.filter((r): r is Stage => r.type === 'stage' && r.journeyId === journey.id).map((s) => s.id));
      const steps = records.filter((r): r is Step => r.type === 'step' && stages.has(r.stageId));
      for (const step of steps) expect(letters(text)).toContain(letters(step.name));
      const stepIds = new Set(steps.map((s) => s.id));
      const cards = records.filter((r): r is Card => r.type === 'card' && stepIds.has(r.stepId));
      expect(cards.length).toBeGreaterThan(60);
      // The one card poppler cannot give back in logical order from any correctly drawn
      // page (Latin and a ':' between Hebrew words; see pdf-scripts.test.ts) is checked by its words.
      const missing = cards.map((c) => c.text).filter((t) => (t.startsWith('שאלה:') ? !t.split(/[\s:?-]+/).filter(Boolean).every((w) => text.includes(w)) : !letters(text).includes(letters(t))));
      expect(missing).toEqual([]);
    }
  });

  it('cut a 2,000-card map into pages along step columns and between cards, never through one, with text of 8 pt or more', () => {
    const records = generateDetailedWorkshop({ stages: 10, stepsPerStage: 4, lanes: 12, cards: 2_000, seed: 7 });
    const map = Object.fromEntries(records.map((r) => [r.id, r]));
    const journey = records.find((r) => r.type === 'journey')!;
    // A stand-in for the fonts: 0.5 em a character, words kept whole.
    const wrap = (text: string, size: number, width: number) => {
      const perLine = Math.max(1, Math.floor(width / (size * 0.5)));
      const lines: string[] = [];
      for (const word of text.split(/\s+/)) {
        const last = lines.at(-1);
        if (last !== undefined && last.length + 1 + word.length <= perLine) lines[lines.length - 1] = `${last} ${word}`;
        else lines.push(word);
      }
      return lines;
    };
    const poster = layoutPoster(map, journey.id, cardBadges(map), wrap)!;
    expect(poster.fontSize).toBeGreaterThanOrEqual(8);
    expect(poster.tiles.length).toBeGreaterThan(4);

    const pageHeight = A3_LANDSCAPE[1] - 2 * MAP_MARGIN - TITLE_BAND;
    const pageWidth = A3_LANDSCAPE[0] - 2 * MAP_MARGIN;
    const shownOn = new Map<string, number>();
    for (const tile of poster.tiles) {
      const cards = tile.rows.flatMap((row) => row.cards);
      expect(poster.laneHeaderWidth + tile.columns.length * poster.columnWidth).toBeLessThanOrEqual(pageWidth);
      expect(poster.stageHeaderHeight + poster.stepHeaderHeight + tile.bottom - tile.top).toBeLessThanOrEqual(pageHeight);
      const steps = new Set(tile.columns.map((c) => c.step.id));
      for (const card of cards) {
        if (!steps.has(card.card.stepId) || card.y + card.height <= tile.top || card.y >= tile.bottom) continue;
        // Whole on this page: not cut at its top or bottom.
        expect(card.y).toBeGreaterThanOrEqual(tile.top);
        expect(card.y + card.height).toBeLessThanOrEqual(tile.bottom);
        shownOn.set(card.card.id, (shownOn.get(card.card.id) ?? 0) + 1);
        expect(card.lines.join(' ')).toBe(card.card.text.split(/\s+/).join(' '));
      }
    }
    // Every card on exactly one page.
    expect(shownOn.size).toBe(2_000);
    expect([...shownOn.values()].every((n) => n === 1)).toBe(true);
  });
});
