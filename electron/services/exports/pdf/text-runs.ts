import bidiFactory from 'bidi-js';
import { IGNORABLE, type Face, type FontSet, type Style } from './font-set.ts';

const bidi = bidiFactory();

const EMOJI_PRESENTATION = /[\ufe0e\ufe0f]/u;

/** A stretch of one line drawn in one font, in one direction. */
export interface Run {
  /** In logical order: fontkit lays a right-to-left script out right to left itself. */
  text: string;
  face: Face;
  rtl: boolean;
}

/**
 * One line of text as runs in the order they are drawn, left to right. The Unicode
 * bidirectional algorithm (bidi-js) gives each character its level in the paragraph's
 * direction (see directionOf) — and runs at higher levels are
 * reversed as rule L2 says, so an Arabic or Hebrew card reads right to left on the page
 * and, because its glyphs sit in visual order, comes back in logical order from
 * pdftotext or a copy. Each run is also split where the font changes.
 */
export function visualRuns(line: string, fonts: FontSet, style: Style, direction: Direction = 'ltr'): Run[] {
  // Most lines of a report hold no right-to-left character: every level is the
  // paragraph's, and the bidi pass (a tenth of a millisecond a line) is skipped.
  const levels = direction === 'ltr' && !MAY_BE_RTL.test(line) ? null : bidi.getEmbeddingLevels(line, direction).levels;
  const runs: (Run & { level: number })[] = [];
  const marks = levels ? rtlMarkPlaces(line, levels) : NO_MARKS;
  let current: Face | null = null;
  let index = 0;
  for (const char of line) {
    const level = levels ? levels[index]! : 0;
    index += char.length;
    // Text or emoji presentation selectors, and the joiner between two emoji, ask for
    // colour and ligated sequences that a monochrome emoji font does not draw: left in,
    // fontkit folds a selector into the glyph before it ("1" would copy as "1\ufe0f"
    // everywhere in the file) and a joiner draws as a gap.
    if (EMOJI_PRESENTATION.test(char) || (char === '\u200d' && current?.script === 'emoji')) continue;
    let face = fonts.faceFor(char, current, style);
    if (!face) {
      if (IGNORABLE.test(char)) continue;
      face = fonts.fallback(style);
    }
    const rtl = level % 2 === 1;
    // Mirrored in right-to-left text: "(" closes what reads as the bracket's far side.
    // (Copied text keeps the glyph's own character: poppler turns ActualText into loose
    // characters on lines of their own, which is worse than a mirrored bracket.)
    const drawn = rtl ? (bidi.getMirroredCharacter(char) ?? char) : char;
    const last = runs.at(-1);
    if (last && last.face === face && last.level === level) last.text += drawn;
    else runs.push({ text: drawn, face, rtl, level });
    if (marks.has(index) && face.has(0x200f)) runs.at(-1)!.text += RLM;
    current = face;
  }
  reorder(runs);
  for (const run of runs) {
    // fontkit reverses a run only when its script is right to left; a run of neutrals
    // alone (a dash between two Hebrew runs, say) is reversed here.
    if (run.rtl && !/[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]/u.test(run.text)) run.text = [...run.text].reverse().join('');
  }
  return runs.map(({ text, face, rtl }) => ({ text, face, rtl }));
}

export type Direction = 'ltr' | 'rtl';

const RLM = '\u200f';
const NO_MARKS: ReadonlySet<number> = new Set();

/**
 * Where a right-to-left mark goes (as an offset the mark follows) so that pdftotext
 * gives a right-to-left stretch back in logical order. poppler does not run the bidi
 * algorithm: on a page of mostly left-to-right text it takes a right-to-left stretch to
 * start at its first right-to-left letter as drawn. Punctuation at the stretch's logical
 * end — the "?" of a Hebrew question, drawn at its left — would be read into the
 * left-to-right text before it ("? למה…"). A mark after that punctuation is a strong
 * right-to-left character that draws nothing and moves no glyph (the bidi algorithm
 * already put the punctuation on the right-to-left side), and starts poppler's stretch
 * there. A tail holding a Latin letter or a digit is left alone: it is not neutral.
 */
export function rtlMarkPlaces(line: string, levels: Uint8Array): Set<number> {
  const places = new Set<number>();
  let lastStrong = -1; // offset after the stretch's last right-to-left letter
  let lastNeutral = -1; // offset after a neutral since then
  let tailIsNeutral = true;
  const close = () => {
    if (lastStrong >= 0 && lastNeutral > lastStrong && tailIsNeutral) places.add(lastNeutral);
    lastStrong = lastNeutral = -1;
    tailIsNeutral = true;
  };
  let index = 0;
  for (const char of line) {
    const start = index;
    index += char.length;
    if (levels[start]! % 2 === 0) {
      close();
      continue;
    }
    const type = bidi.getBidiCharTypeName(char);
    if (type === 'R' || type === 'AL') {
      lastStrong = index;
      lastNeutral = -1;
      tailIsNeutral = true;
    } else if (type === 'ON') lastNeutral = index;
    else if (type === 'L' || type === 'EN' || type === 'AN') tailIsNeutral = false;
  }
  close();
  return places;
}

/** Hebrew to N'Ko, Arabic presentation forms, the RTL supplementary planes, and bidi controls. */
const MAY_BE_RTL = /[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefe\u200f\u202b\u202e\u2067\u{10800}-\u{10fff}\u{1e800}-\u{1efff}]/u;

/** A paragraph's direction, from its first strong character (rules P2–P3): a Hebrew heading is right to left. */
export function directionOf(text: string): Direction {
  if (!MAY_BE_RTL.test(text)) return 'ltr';
  return bidi.getEmbeddingLevels(text, 'auto').paragraphs[0]?.level === 1 ? 'rtl' : 'ltr';
}

/**
 * A text set apart inside a line of others (a card among the cards of a lane), in its
 * own direction: an Arabic card ending in "؟" keeps the mark at its own end, instead of
 * the line's direction pulling it to the far side. The isolate controls are not drawn.
 */
export function isolate(text: string): string {
  return `${directionOf(text) === 'rtl' ? RLI : LRI}${text}${PDI}`;
}

const LRI = '\u2066';
const RLI = '\u2067';
const PDI = '\u2069';

/** The isolate a line leaves open, to reopen on the next line of the same paragraph. */
export function openIsolate(line: string): string {
  const open: string[] = [];
  for (const char of line) {
    if (char === LRI || char === RLI || char === '\u2068') open.push(char);
    else if (char === PDI) open.pop();
  }
  return open.join('');
}

/** Rule L2: from the highest level down to the lowest odd one, reverse every sequence at that level or above. */
function reorder(runs: { level: number }[]): void {
  const levels = runs.map((r) => r.level);
  const highest = Math.max(0, ...levels);
  const lowestOdd = Math.min(...levels.filter((l) => l % 2 === 1), highest + 1);
  for (let level = highest; level >= lowestOdd; level--) {
    let i = 0;
    while (i < runs.length) {
      if (runs[i]!.level < level) {
        i++;
        continue;
      }
      let j = i;
      while (j < runs.length && runs[j]!.level >= level) j++;
      const reversed = runs.slice(i, j).reverse();
      runs.splice(i, j - i, ...(reversed as typeof runs));
      i = j;
    }
  }
}
