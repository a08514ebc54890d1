import { cardsIn, lanesOf, recordsOfType, stagesOf, stepsOf, type RecordMap } from '../../../shared/model/document.ts';
import { byPosition } from '../../../shared/model/ordering.ts';
import type { NoteTag } from '../../../shared/model/records.ts';
import type { TagSpec } from './interview-actions.ts';

/**
 * What the interviewer types besides the note itself: `#` and a name to tag the note
 * (stages, steps, the workshop's tags, quote, outlier, moment of truth) and `!-2`…`!+3`
 * for an emotion score. The text is only ever a way in: what is kept are note-tag
 * records, never parsed text.
 */

export interface TagSuggestion {
  key: string;
  label: string;
  /** What kind of thing it is, shown beside the label ("step in Research"). */
  detail: string;
  /** The tag to make; `create` makes a new workshop tag of that name first. */
  spec: TagSpec | { create: string };
}

/** Tags every note can have, whatever the map holds. */
export const FIXED_TAGS: readonly TagSuggestion[] = [
  { key: 'quote', label: 'quote', detail: 'a verbatim quote', spec: { kind: 'quote' } },
  { key: 'outlier', label: 'outlier', detail: 'one customer only', spec: { kind: 'outlier' } },
  { key: 'moment-of-truth', label: 'moment of truth', detail: 'decides the relationship', spec: { kind: 'moment-of-truth' } },
];

/** Everything `#` can name on this journey, in map order, then the workshop's tags. */
export function tagSuggestions(records: RecordMap, journeyId: string | null): TagSuggestion[] {
  const out: TagSuggestion[] = [];
  if (journeyId) {
    for (const stage of stagesOf(records, journeyId)) {
      out.push({ key: stage.id, label: stage.name, detail: 'stage', spec: { kind: 'stage', stageId: stage.id } });
      for (const step of stepsOf(records, stage.id)) out.push({ key: step.id, label: step.name, detail: `step in ${stage.name}`, spec: { kind: 'step', stepId: step.id } });
    }
  }
  for (const tag of byPosition(recordsOfType(records, 'tag'))) out.push({ key: tag.id, label: tag.name, detail: tag.group ? `tag · ${tag.group}` : 'tag', spec: { kind: 'tag', tagId: tag.id } });
  return [...out, ...FIXED_TAGS];
}

/** Hyphens and underscores read as spaces, so `#moment-of-truth` finds "moment of truth". */
const normalize = (text: string) => text.toLowerCase().replace(/[-_]+/g, ' ').replace(/\s+/g, ' ').trim();

/**
 * The suggestions a query matches, best first: names that start with it, then names with
 * a word that does, then names that contain it. A one-word query nothing matches offers
 * to create a workshop tag of that name; a longer one offers nothing, so typing on past
 * a `#` that named nothing just goes on typing text.
 */
export function filterSuggestions(all: readonly TagSuggestion[], query: string, limit = 8): TagSuggestion[] {
  const q = normalize(query);
  if (q === '') return all.slice(0, limit);
  const rank = (s: TagSuggestion) => {
    const label = normalize(s.label);
    if (label.startsWith(q)) return 0;
    if (label.split(' ').some((word) => word.startsWith(q))) return 1;
    return label.includes(q) ? 2 : -1;
  };
  const matches = all
    .map((s, i) => ({ s, i, r: rank(s) }))
    .filter((m) => m.r >= 0)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((m) => m.s)
    .slice(0, limit);
  if (matches.length === 0 && !/\s/.test(query.trim()) && query.trim().length > 0) {
    return [{ key: 'create', label: query.trim(), detail: 'new tag', spec: { create: query.trim() } }];
  }
  return matches;
}

export interface HashToken {
  /** Where the `#` is. */
  start: number;
  /** What is typed after it, up to the caret. */
  query: string;
}

/**
 * The `#token` the caret is in, if any: a `#` at the start or after a space, and at
 * most a few words up to the caret on the same line (names have spaces in them).
 */
export function hashTokenAt(text: string, caret: number): HashToken | null {
  const before = text.slice(0, caret);
  const start = before.lastIndexOf('#');
  if (start < 0) return null;
  if (start > 0 && !/\s/.test(before[start - 1]!)) return null;
  const query = before.slice(start + 1);
  if (query.includes('\n') || query.length > 60 || /^\s/.test(query) || query.split(' ').length > 5) return null;
  return { start, query };
}

/** The text with the `#token` taken out, and where the caret goes. */
export function removeToken(text: string, token: HashToken, caret: number): { text: string; caret: number } {
  let before = text.slice(0, token.start);
  let after = text.slice(caret);
  // One space where the token was, none at the start or the end.
  if (before.endsWith(' ') && (after.startsWith(' ') || after === '')) before = before.slice(0, -1);
  if (before === '' && after.startsWith(' ')) after = after.slice(1);
  return { text: before + after, caret: before.length };
}

const EMOTION = /(^|\s)!([+\-−]?[0-3])(?=\s|$)/g;

/** `!-2`, `!+3`, `!0` (a typographic minus too): the scores, and the text without them. */
export function extractEmotions(text: string): { text: string; scores: number[] } {
  const scores: number[] = [];
  const stripped = text.replace(EMOTION, (_match, lead: string, score: string) => {
    scores.push(Number(score.replace('−', '-')));
    return lead;
  });
  return { text: scores.length ? stripped.replace(/[ \t]{2,}/g, ' ') : text, scores };
}

/** A score as the room writes it: −2, 0, +3. */
export const scoreText = (score: number) => (score > 0 ? `+${score}` : score < 0 ? `−${-score}` : '0');

/** A chip's words for a tag on a note. */
export function tagLabel(records: RecordMap, tag: NoteTag): string {
  const nameOf = (id: string | null) => {
    const record = id ? records[id] : undefined;
    if (!record) return '?';
    if (record.type === 'card') return record.text.length > 40 ? `${record.text.slice(0, 39)}…` : record.text || '(empty card)';
    return 'name' in record ? record.name : '?';
  };
  switch (tag.kind) {
    case 'stage':
      return nameOf(tag.stageId);
    case 'step':
      return nameOf(tag.stepId);
    case 'tag':
      return nameOf(tag.tagId);
    case 'card':
      return `↗ ${nameOf(tag.cardId)}`;
    case 'emotion':
      return `emotion ${scoreText(tag.score ?? 0)}${tag.stepId ? ` at ${nameOf(tag.stepId)}` : ''}`;
    case 'moment-of-truth':
      return 'moment of truth';
    default:
      return tag.kind;
  }
}

export interface CardChoice {
  id: string;
  text: string;
  /** Where it is on the map: "Research · Pain points". */
  place: string;
}

/** The journey's cards in map order, for "Link to card…". */
export function cardChoices(records: RecordMap, journeyId: string | null): CardChoice[] {
  if (!journeyId) return [];
  const lanes = lanesOf(records, journeyId);
  const out: CardChoice[] = [];
  for (const stage of stagesOf(records, journeyId)) {
    for (const step of stepsOf(records, stage.id)) {
      for (const lane of lanes) for (const card of cardsIn(records, step.id, lane.id)) if (card.text.trim()) out.push({ id: card.id, text: card.text, place: `${step.name} · ${lane.name}` });
    }
  }
  return out;
}

export function filterCards(cards: readonly CardChoice[], query: string, limit = 10): CardChoice[] {
  const words = normalize(query).split(' ').filter(Boolean);
  return cards.filter((c) => words.every((w) => normalize(`${c.text} ${c.place}`).includes(w))).slice(0, limit);
}
