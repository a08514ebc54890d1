import { readFileSync } from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import { assetPath } from '../../assets.ts';
import { systemFontsFor, type SystemFont } from './system-fonts.ts';

type Kit = typeof fontkit;
type KitFont = ReturnType<Kit['create']>;
type KitGlyph = ReturnType<KitFont['layout']>['glyphs'][number];

/**
 * The fonts a PDF draws with, chosen per character: DejaVu Sans for Latin, Greek and
 * Cyrillic, and bundled Noto fonts for the scripts it lacks (see assets/fonts/README.md),
 * then whatever font on the user's machine has the glyph. One font cannot hold every
 * script — the PDF showed Japanese and emoji as boxes — so a line is drawn as
 * runs, each in the first font that has its characters.
 */
export type Style = 'regular' | 'bold';

interface FaceSpec {
  /** What the face is for: a character of this script goes to it before DejaVu. */
  script: 'latin' | 'arabic' | 'hebrew' | 'japanese' | 'emoji' | 'system';
  files: Record<Style, string>;
}

const BUNDLED: FaceSpec[] = [
  { script: 'latin', files: { regular: 'DejaVuSans.ttf', bold: 'DejaVuSans-Bold.ttf' } },
  { script: 'arabic', files: { regular: 'NotoSansArabic-Regular.ttf', bold: 'NotoSansArabic-Bold.ttf' } },
  { script: 'hebrew', files: { regular: 'NotoSansHebrew-Regular.ttf', bold: 'NotoSansHebrew-Bold.ttf' } },
  // One weight only: 4.7 MB is the price of a second; headings in Japanese stay regular.
  { script: 'japanese', files: { regular: 'NotoSansJP-Regular.ttf', bold: 'NotoSansJP-Regular.ttf' } },
  { script: 'emoji', files: { regular: 'NotoEmoji-Regular.ttf', bold: 'NotoEmoji-Regular.ttf' } },
];

const PREFERRED: [FaceSpec['script'], RegExp][] = [
  ['arabic', /\p{Script=Arabic}/u],
  ['hebrew', /\p{Script=Hebrew}/u],
  ['japanese', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u],
  // Pictographs that DejaVu also has (✍ ✅) are drawn as the emoji the user typed.
  ['emoji', /[\p{Extended_Pictographic}\u{1f3fb}-\u{1f3ff}]/u],
];

/** Characters that only modify their neighbour: drawn in the neighbour's font, or not at all. */
export const IGNORABLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufe00-\ufe0f\ufeff]/u;
const JOINS_PREVIOUS = /[\p{M}\u200d\ufe00-\ufe0f\u{1f3fb}-\u{1f3ff}\u{e0020}-\u{e007f}]/u;

export interface Face {
  name: string;
  script: FaceSpec['script'];
  pdf: PDFFont;
  has(codePoint: number): boolean;
}

/**
 * pdf-lib hands font bytes to fontkit without a face name, so a collection (.ttc, as
 * most Japanese system fonts are) would not open: the face to take is looked up here.
 * It also fixes the text layer of right-to-left ligatures: fontkit returns an RTL run's
 * glyphs right to left, and a ligature such as lam-alef keeps its characters in logical
 * order, so a reader that puts the run back into logical order (pdftotext, copy and
 * paste) would turn "لا" into "ال". Stored reversed, they come out right.
 */
function fontkitFor(faces: WeakMap<Uint8Array, string>): Kit {
  const reversed = new WeakSet<object>();
  const create = (data: Uint8Array, name?: string) => {
    const font = fontkit.create(data, name ?? faces.get(data));
    const layout = font.layout.bind(font);
    font.layout = (text: string, features?: Parameters<KitFont['layout']>[1]) => {
      const marked = text.includes(RLM);
      const run = layout(marked ? text.replaceAll(RLM, MARK_STAND_IN) : text, features);
      if (marked) keepMarks(font, run.glyphs);
      if ((run as { direction?: string }).direction === 'rtl') {
        for (const glyph of run.glyphs) {
          if (glyph.codePoints.length > 1 && !reversed.has(glyph)) {
            glyph.codePoints = [...glyph.codePoints].reverse();
            reversed.add(glyph);
          }
        }
      }
      return run;
    };
    padSubsetGlyphs(font);
    return font;
  };
  return { ...fontkit, create } as Kit;
}

const RLM = '\u200f';
/** A private-use character fontkit lays out as it is, to be swapped back for the mark. */
const MARK_STAND_IN = '\ue000';

/**
 * fontkit draws a right-to-left mark as a space (a space glyph, which pdf-lib then
 * advances a full space and writes to the text layer as " "). text-runs.ts places a
 * mark where a text extractor needs one (see rtlMarkPlaces), so it is drawn as the
 * font's own zero-width glyph for U+200F, which copies out as the mark it is.
 */
function keepMarks(font: KitFont, glyphs: KitGlyph[]): void {
  const id = font.glyphForCodePoint(0x200f).id;
  glyphs.forEach((glyph, i) => {
    if (glyph.codePoints[0] === MARK_STAND_IN.codePointAt(0)) glyphs[i] = font.getGlyph(id, [0x200f]);
  });
}

interface SubsetInternals {
  glyf: Uint8Array[];
  offset: number;
  _addGlyph(gid: number): number;
}

/**
 * fontkit's TrueType subsetter writes a small subset with short loca offsets, which
 * store offset / 2, but copies each glyph's bytes as they are: in a font whose glyphs
 * are not padded (fontTools writes them so; so do some system fonts), every glyph after
 * an odd-length one is read a byte off, and the reader draws nothing. Padding each copied
 * glyph to an even length keeps every offset exact.
 */
function padSubsetGlyphs(font: KitFont): void {
  const createSubset = font.createSubset.bind(font);
  font.createSubset = () => {
    const subset = createSubset() as unknown as SubsetInternals;
    const addGlyph = subset._addGlyph?.bind(subset);
    if (!addGlyph) return subset as unknown as ReturnType<KitFont['createSubset']>;
    subset._addGlyph = (gid: number) => {
      const index = addGlyph(gid);
      const data = subset.glyf[index]!;
      if (data.length % 2 === 1) {
        // fontkit's bundle carries its own Buffer class, and its writer takes only that one.
        const FontkitBuffer = data.constructor as typeof Buffer;
        subset.glyf[index] = FontkitBuffer.concat([data, FontkitBuffer.alloc(1)]);
        subset.offset += 1;
      }
      return index;
    };
    return subset as unknown as ReturnType<KitFont['createSubset']>;
  };
}

export class FontSet {
  readonly missing = new Set<string>();
  private readonly faces: Record<Style, Face[]> = { regular: [], bold: [] };
  private readonly used = new Set<PDFFont>();
  private readonly settled: Record<Style, Map<string, Face>> = { regular: new Map(), bold: new Map() };

  private readonly doc: PDFDocument;

  private constructor(doc: PDFDocument) {
    this.doc = doc;
  }

  /**
   * Embeds the fonts the texts need (each as a subset of the glyphs drawn): DejaVu
   * always, a fallback only when some character asks for it, so a Latin-only workshop
   * gives the same small PDF as before. `onTurn` lets other requests in after each font.
   */
  static async prepare(doc: PDFDocument, texts: Iterable<string>, onTurn: () => Promise<void>): Promise<FontSet> {
    const set = new FontSet(doc);
    const names = new WeakMap<Uint8Array, string>();
    doc.registerFontkit(fontkitFor(names));
    const chars = new Set<number>();
    for (const text of texts) for (const char of text) chars.add(char.codePointAt(0)!);
    for (const char of 'Journeyboard 0123456789–—…·•→★') chars.add(char.codePointAt(0)!);
    // A font is read only when a character may need it: a Latin-only workshop reads DejaVu alone.
    const parsed = new Map<FaceSpec, KitFont>();
    const fontOf = (spec: FaceSpec) => parsed.get(spec) ?? parsed.set(spec, fontkit.create(readFileSync(assetPath(`fonts/${spec.files.regular}`)))).get(spec)!;
    const needed = new Set<FaceSpec>([BUNDLED[0]!]);
    const uncovered: number[] = [];
    for (const cp of chars) {
      const char = String.fromCodePoint(cp);
      if (IGNORABLE.test(char) || cp < 0x20) continue;
      const preferred = PREFERRED.find(([, pattern]) => pattern.test(char))?.[0];
      const own = BUNDLED.find((spec) => spec.script === preferred);
      const hit = own && fontOf(own).hasGlyphForCodePoint(cp) ? own : BUNDLED.find((spec) => fontOf(spec).hasGlyphForCodePoint(cp));
      if (hit) needed.add(hit);
      else uncovered.push(cp);
    }
    for (const spec of BUNDLED.filter((s) => needed.has(s))) {
      for (const style of ['regular', 'bold'] as const) {
        const data = readFileSync(assetPath(`fonts/${spec.files[style]}`));
        set.faces[style].push(await set.embed(data, spec.files[style].replace(/\.ttf$/, ''), spec.script));
        await onTurn();
      }
    }
    // Only for what no bundled font draws: finding system fonts can mean reading many files.
    for (const system of uncovered.length ? systemFontsFor(uncovered) : []) {
      if (system.postscriptName) names.set(system.data, system.postscriptName);
      const face = await set.embedSystem(system);
      set.faces.regular.push(face);
      set.faces.bold.push(face);
      await onTurn();
    }
    return set;
  }

  private async embed(data: Uint8Array, name: string, script: FaceSpec['script']): Promise<Face> {
    const font = fontkit.create(data);
    const pdf = await this.doc.embedFont(data, { subset: true, customName: this.subsetName(font.postscriptName ?? name) });
    return { name, pdf, script, has: (cp) => font.hasGlyphForCodePoint(cp) };
  }

  private tags = 0;

  /**
   * "AAAAAB+NotoSansArabic-Regular": PDF 9.6.4 names a subset font with a six-letter
   * tag, so readers (and pdffonts) know only some glyphs are inside, and two subsets of
   * one font in one file do not clash.
   */
  private subsetName(postscriptName: string): string {
    let n = this.tags++;
    let tag = '';
    for (let i = 0; i < 6; i++, n = Math.floor(n / 26)) tag = String.fromCharCode(65 + (n % 26)) + tag;
    return `${tag}+${postscriptName.replace(/[^\x21-\x7e]|[()<>[\]{}/%#]/g, '')}`;
  }

  private async embedSystem(system: SystemFont): Promise<Face> {
    const pdf = await this.doc.embedFont(system.data, { subset: true, customName: this.subsetName(system.font.postscriptName ?? 'SystemFont') });
    return { name: system.postscriptName ?? system.path, script: 'system', pdf, has: (cp) => system.font.hasGlyphForCodePoint(cp) };
  }

  /**
   * The face for a character: the face of its script first, else an Arabic or Hebrew
   * run's own face when it has the character (spaces and punctuation stay in the run,
   * so its shaping and spacing hold), else the first face that has it. Null when none has it; the
   * character is then noted in `missing`, for the report to name.
   */
  faceFor(char: string, current: Face | null, style: Style): Face | null {
    if (current && JOINS_PREVIOUS.test(char)) return current;
    // Most characters' face does not depend on their neighbour: looked up once each.
    const known = this.settled[style].get(char);
    if (known) return known;
    const faces = this.faces[style];
    const cp = char.codePointAt(0)!;
    const preferred = PREFERRED.find(([, pattern]) => pattern.test(char))?.[0];
    const scripted = preferred && faces.find((f) => f.script === preferred && f.has(cp));
    // Only right-to-left runs keep their neutrals: Latin after an emoji is DejaVu's again.
    const mayStay = !preferred && faces.some((f) => (f.script === 'arabic' || f.script === 'hebrew') && f.has(cp));
    const staying = mayStay && current && (current.script === 'arabic' || current.script === 'hebrew') && current.has(cp) ? current : undefined;
    const face = scripted || staying || faces.find((f) => f.has(cp));
    if (face && !mayStay) this.settled[style].set(char, face);
    if (face) return face;
    if (!IGNORABLE.test(char)) this.missing.add(char);
    return null;
  }

  /** The face when nothing else fits: DejaVu, whose empty box at least shows a gap. */
  fallback(style: Style): Face {
    return this.faces[style][0]!;
  }

  markUsed(face: Face): void {
    this.used.add(face.pdf);
  }

  /** The fonts the PDF lists: the ones drawn with (pdf-lib would write every embedded one). */
  dropUnused(): string[] {
    const fonts = (this.doc as unknown as { fonts: PDFFont[] }).fonts;
    const keep = fonts.filter((f) => this.used.has(f));
    fonts.splice(0, fonts.length, ...keep);
    return [...this.faces.regular, ...this.faces.bold].filter((f) => this.used.has(f.pdf)).map((f) => f.name);
  }
}
