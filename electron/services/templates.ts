import { readFileSync } from 'node:fs';
import { assetPath } from './assets.ts';
import { WorkshopError } from '../../shared/api/errors.ts';
import { newWorkshopRecords } from '../../shared/model/new-workshop.ts';
import { newId } from '../../shared/model/ids.ts';
import { methodAgenda } from '../../shared/model/room-factories.ts';
import { DEFAULT_PATTERN_THRESHOLD, type AnyRecord } from '../../shared/model/records.ts';
import { recordsFromTemplate, templateSchema, type TemplateId } from '../../shared/model/templates.ts';


/** The records a new workshop starts with: a blank map, or one of the method's journeys. */
export function startingRecords(template: TemplateId, workshopName: string, now: Date = new Date()): AnyRecord[] {
  return [...mapRecords(template, workshopName, now), ...methodAgenda()];
}

function mapRecords(template: TemplateId, workshopName: string, now: Date): AnyRecord[] {
  if (template === 'blank') return newWorkshopRecords(workshopName, now);
  let parsed;
  try {
    parsed = templateSchema.parse(JSON.parse(readFileSync(assetPath(`templates/${template}.json`), 'utf8')));
  } catch (error) {
    console.error('[journeyboard] template', template, error);
    throw new WorkshopError('internal', `The "${template}" template could not be read. Try the blank map, or reinstall Journeyboard.`);
  }
  return [{ id: newId('workshop'), type: 'workshop', name: workshopName, createdAt: now.toISOString(), facilitator: '', sample: '', patternThreshold: DEFAULT_PATTERN_THRESHOLD }, ...recordsFromTemplate(parsed)];
}
