import PptxGenJS from 'pptxgenjs';
import { buildDeck, deckBytes } from '../../electron/services/exports/deck/build-deck.ts';
import { lanesOf, stagesOf, stepsOf } from '../../shared/model/document.ts';
import type { Card } from '../../shared/model/records.ts';
import { generateWorkshop } from '../support/generate-workshop.ts';
import { compare, type Row } from './harness.ts';

/**
 * PPTX export of a 20-stage × 12-lane map with 240 cards, against pptxgenjs writing the
 * same shapes directly (a slide per stage, step headers, lane labels, the cards as
 * rounded rectangles with their text) with none of our measuring or paging.
 */
export async function exportBench(): Promise<Row[]> {
  const records = generateWorkshop({ stages: 20, stepsPerStage: 3, lanes: 12, cards: 240, seed: 7 });
  const map = Object.fromEntries(records.map((r) => [r.id, r]));
  const journeyId = records.find((r) => r.type === 'journey')!.id;
  const ours = async () => deckBytes((await buildDeck(map, { theme: 'light', overviews: new Map() })).pptx);
  // The same slides and shapes with the same styling and master, placed on a fixed
  // grid: what is left of the ratio is our own work (measuring, paging, indexing).
  const direct = async () => {
    const pptx = new PptxGenJS();
    pptx.layout = 'LAYOUT_WIDE';
    pptx.defineSlideMaster({
      title: 'M',
      background: { color: 'FFFFFF' },
      objects: [
        { rect: { x: 0, y: 7.18, w: 13.33, h: 0.02, fill: { color: '1F6FEB' } } },
        { text: { text: 'Generated workshop', options: { x: 0.4, y: 7.2, w: 8, h: 0.28, fontFace: 'Arial', fontSize: 9, color: '5A6472' } } },
      ],
      slideNumber: { x: 12.4, y: 7.2, w: 0.6, h: 0.28, fontFace: 'Arial', fontSize: 9, color: '5A6472' },
    });
    const lanes = lanesOf(map, journeyId);
    pptx.addSlide({ masterName: 'M' }).addText('Generated workshop', { x: 0.4, y: 2.2, w: 12.5, h: 1.2, fontFace: 'Arial', fontSize: 40, bold: true, color: '1B2430', fit: 'shrink' });
    pptx.addSlide({ masterName: 'M' }).addText('Generated workshop', { x: 0.4, y: 0.3, w: 12.5, h: 0.6, fontFace: 'Arial', fontSize: 26, bold: true, color: '1B2430', fit: 'shrink' });
    for (const stage of stagesOf(map, journeyId)) {
      const slide = pptx.addSlide({ masterName: 'M' });
      slide.addText(stage.name, { x: 0.4, y: 0.3, w: 12.5, h: 0.6, fontFace: 'Arial', fontSize: 26, bold: true, color: '1B2430', fit: 'shrink' });
      slide.addText(`Owner: ${stage.owner}`, { x: 0.4, y: 0.88, w: 12.5, h: 0.38, fontFace: 'Arial', fontSize: 13, color: '5A6472', fit: 'shrink' });
      slide.addShape(pptx.ShapeType.rect, { x: 0.4, y: 1.28, w: 12.5, h: 0.06, fill: { color: '2F5D8A' }, line: { type: 'none' } });
      const steps = stepsOf(map, stage.id);
      steps.forEach((step, i) => slide.addText(step.name, { x: 2.1 + i * 3.2, y: 1.4, w: 3.2, h: 0.45, fontFace: 'Arial', fontSize: 12, bold: true, color: '1B2430', fit: 'shrink', valign: 'middle' }));
      lanes.forEach((lane, l) => {
        const cells = steps.map((step) => Object.values(map).filter((r): r is Card => r.type === 'card' && r.stepId === step.id && r.laneId === lane.id));
        if (cells.every((c) => c.length === 0)) return;
        slide.addText(lane.name, { x: 0.4, y: 1.9 + l * 0.42, w: 1.64, h: 0.4, fontFace: 'Arial', fontSize: 11, bold: true, color: '1B2430', fill: { color: 'EEF1F5' }, valign: 'middle', fit: 'shrink' });
        cells.forEach((cell, i) =>
          cell.forEach((card) =>
            slide.addText(card.text, {
              shape: pptx.ShapeType.roundRect,
              rectRadius: 0.08,
              x: 2.16 + i * 3.2,
              y: 1.92 + l * 0.42,
              w: 3.08,
              h: 0.38,
              fill: { color: 'FFF3B0' },
              line: { color: '9AA3AE', width: 0.75 },
              fontFace: 'Arial',
              fontSize: 11,
              color: '1B2430',
              valign: 'top',
              margin: 4,
            }),
          ),
        );
      });
    }
    return Buffer.from((await pptx.write({ outputType: 'nodebuffer', compression: true })) as Uint8Array);
  };
  const { subject, baseline } = await compare(ours, direct, 9, 2);
  const ratio = subject.median / baseline.median;
  return [
    { benchmark: 'export', measure: 'PPTX, 20 stages × 12 lanes, 240 cards (median)', value: subject.median, unit: 'ms', baselineName: 'pptxgenjs direct', baseline: baseline.median, ratio, target: '≤ 1.5×', met: ratio <= 1.5 },
  ];
}
