import { cardsIn, journeysOf, lanesOf, recordsOfType, stagesOf, stepsOf, type RecordMap } from '../model/document.ts';
import { byPosition } from '../model/ordering.ts';
import type { NoteTag } from '../model/records.ts';
import { label, oneLine } from './qdpx-text.ts';

/** The code book of the REFI-QDA export (see qdpx.ts): what each note's tags are coded with. */

// ---------------------------------------------------------------------------------------
// The code book.

export interface Code {
  guid: string;
  name: string;
  /** Said after the name when another code already has it: "Pricing (Support)". */
  qualifier: string;
  codable: boolean;
  description: string;
  children: Code[];
}

const EMOTION_SCORES = [-3, -2, -1, 0, 1, 2, 3] as const;
const emotionName = (score: number) => `Emotion ${score > 0 ? '+' : ''}${score}`;

export interface CodeBook {
  roots: Code[];
  /** GUIDs by what they code: `tag:…`, `stage:…`, `step:…`, `card:…` ids, and `quote`, `outlier`, `moment-of-truth`, `emotion:+2`. */
  byKey: Map<string, Code>;
  /** Code order in the book: a selection's codings follow it. */
  order: Map<string, number>;
}

export function codeBook(records: RecordMap, tagsInUse: readonly NoteTag[], guid: (name: string) => string): CodeBook {
  const byKey = new Map<string, Code>();
  const code = (key: string | null, fields: { guid: string; text: string; fallback: string; qualifier: string; codable: boolean; description?: string }): Code => {
    const { name, truncated } = label(fields.text);
    const made: Code = {
      guid: fields.guid,
      name: name || fields.fallback,
      qualifier: fields.qualifier,
      codable: fields.codable,
      // A long card keeps its whole text where the name had to stop.
      description: fields.description ?? (truncated ? oneLine(fields.text).trim() : ''),
      children: [],
    };
    if (key !== null) byKey.set(key, made);
    return made;
  };
  const roots: Code[] = [];

  // The workshop's own tags, every one, in their groups.
  const groups = new Map<string, Code>();
  for (const tag of byPosition(recordsOfType(records, 'tag'))) {
    const group = label(tag.group).name;
    const made = code(tag.id, { guid: guid(tag.id), text: tag.name, fallback: 'Untitled tag', qualifier: group || 'tag', codable: true });
    if (group === '') {
      roots.push(made);
      continue;
    }
    let parent = groups.get(group);
    if (!parent) {
      parent = code(null, { guid: guid(`tag-group:${group}`), text: group, fallback: group, qualifier: 'tag group', codable: false });
      groups.set(group, parent);
      roots.push(parent);
    }
    parent.children.push(made);
  }

  // The journey map, as far as notes are tagged with it: journey › stage › step › card.
  const stages = new Set<string>();
  const steps = new Set<string>();
  const cards = new Set<string>();
  for (const tag of tagsInUse) {
    const card = tag.cardId === null ? undefined : records[tag.cardId];
    const stepId = card?.type === 'card' ? card.stepId : tag.stepId;
    const step = stepId === null ? undefined : records[stepId];
    const stageId = step?.type === 'step' ? step.stageId : tag.stageId;
    if (card?.type === 'card') cards.add(card.id);
    if (step?.type === 'step') steps.add(step.id);
    if (stageId !== null) stages.add(stageId);
  }
  for (const journey of journeysOf(records)) {
    const journeyCode = code(null, { guid: guid(journey.id), text: journey.name, fallback: 'Untitled journey', qualifier: `${journey.state} journey`, codable: false });
    const lanes = lanesOf(records, journey.id);
    for (const stage of stagesOf(records, journey.id)) {
      if (!stages.has(stage.id)) continue;
      const stageCode = code(stage.id, { guid: guid(stage.id), text: stage.name, fallback: 'Untitled stage', qualifier: journeyCode.name, codable: true });
      journeyCode.children.push(stageCode);
      for (const step of stepsOf(records, stage.id)) {
        if (!steps.has(step.id)) continue;
        const stepCode = code(step.id, { guid: guid(step.id), text: step.name, fallback: 'Untitled step', qualifier: stageCode.name, codable: true });
        stageCode.children.push(stepCode);
        for (const lane of lanes) {
          for (const card of cardsIn(records, step.id, lane.id)) {
            if (!cards.has(card.id)) continue;
            stepCode.children.push(code(card.id, { guid: guid(card.id), text: card.text, fallback: 'Untitled card', qualifier: stepCode.name, codable: true }));
          }
        }
      }
    }
    if (journeyCode.children.length > 0) roots.push(journeyCode);
  }

  // The method's own marks, always there, so a researcher can go on coding with them.
  roots.push(
    code('quote', { guid: guid('method:quote'), text: 'Quote', fallback: 'Quote', qualifier: 'Journeyboard', codable: true, description: 'Worth quoting as it was said.' }),
    code('outlier', { guid: guid('method:outlier'), text: 'Outlier', fallback: 'Outlier', qualifier: 'Journeyboard', codable: true, description: 'Said by one customer, not (yet) a pattern.' }),
    code('moment-of-truth', { guid: guid('method:moment-of-truth'), text: 'Moment of truth', fallback: 'Moment of truth', qualifier: 'Journeyboard', codable: true, description: 'A moment that decides how the customer feels about the whole journey.' }),
  );
  const emotion = code(null, { guid: guid('method:emotion'), text: 'Emotion', fallback: 'Emotion', qualifier: 'Journeyboard', codable: false, description: 'How the customer felt, from -3 to +3.' });
  for (const score of EMOTION_SCORES) emotion.children.push(code(`emotion:${score}`, { guid: guid(`method:emotion:${score}`), text: emotionName(score), fallback: emotionName(score), qualifier: 'Journeyboard', codable: true }));
  roots.push(emotion);

  uniqueNames(roots);
  const order = new Map<string, number>();
  const walk = (codes: readonly Code[]) => {
    for (const c of codes) {
      order.set(c.guid, order.size);
      walk(c.children);
    }
  };
  walk(roots);
  return { roots, byKey, order };
}

/**
 * Every code named differently, ignoring case: QualCoder and ATLAS.ti keep one code per
 * name and would fold "Pricing" in Buying into "Pricing" in Support. The second gets
 * its qualifier, "Pricing (Support)", then a number if even that is taken.
 */
function uniqueNames(roots: readonly Code[]): void {
  const taken = new Set<string>();
  const visit = (codes: readonly Code[]) => {
    for (const c of codes) {
      let name = c.name;
      if (taken.has(name.toLowerCase())) name = `${c.name} (${c.qualifier})`;
      for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${c.name} (${c.qualifier}) ${n}`;
      c.name = name;
      taken.add(name.toLowerCase());
      visit(c.children);
    }
  };
  visit(roots);
}

/** The codes one note-tag stands for: its kind's own, and every stage, step, card or tag it names. */
export function codesOfTag(tag: NoteTag, book: CodeBook): Code[] {
  const keys: string[] = [];
  if (tag.kind === 'quote' || tag.kind === 'outlier' || tag.kind === 'moment-of-truth') keys.push(tag.kind);
  if (tag.kind === 'emotion' && tag.score !== null) keys.push(`emotion:${tag.score}`);
  for (const id of [tag.tagId, tag.cardId, tag.stepId, tag.stageId]) if (id !== null) keys.push(id);
  return keys.flatMap((key) => book.byKey.get(key) ?? []);
}

