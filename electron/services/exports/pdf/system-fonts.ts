import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { extname, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';

type KitFont = ReturnType<typeof fontkit.create>;

export interface SystemFont {
  path: string;
  /** The face inside a collection (.ttc); undefined for a single font file. */
  postscriptName?: string;
  data: Uint8Array;
  font: KitFont;
}

/**
 * Fonts on the user's machine for characters no bundled font has (a rare kanji, a
 * script we ship nothing for). Linux asks fontconfig; Windows and macOS read their font
 * folders. Only TrueType-outline faces are taken: pdf-lib's subsets of PostScript (CFF)
 * outlines are rejected by poppler and others, which would draw nothing at all.
 */
export function systemFontsFor(codePoints: readonly number[]): SystemFont[] {
  const chosen: SystemFont[] = [];
  let left = [...codePoints];
  for (const path of candidatePaths(left)) {
    if (left.length === 0) break;
    for (const face of facesIn(path)) {
      const covers = left.filter((cp) => face.font.hasGlyphForCodePoint(cp));
      if (covers.length === 0) continue;
      chosen.push(face);
      left = left.filter((cp) => !covers.includes(cp));
      break;
    }
  }
  return chosen;
}

function candidatePaths(codePoints: readonly number[]): string[] {
  if (process.platform === 'linux') {
    const paths = new Set<string>();
    // One question per character, at most 40: a card in an unusual script asks a few.
    for (const cp of codePoints.slice(0, 40)) {
      try {
        const out = execFileSync('fc-list', [`:charset=${cp.toString(16)}`, 'file'], { encoding: 'utf8', timeout: 5000 });
        for (const line of out.split('\n')) if (line.trim()) paths.add(line.trim().replace(/:$/, ''));
      } catch {
        // No fontconfig: there is nothing more to find here.
        break;
      }
    }
    return [...paths].filter((p) => /\.(ttf|ttc|otf)$/i.test(p)).sort(byPreference);
  }
  const folders =
    process.platform === 'win32'
      ? [join(process.env.WINDIR ?? 'C:\\Windows', 'Fonts'), join(process.env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), 'Microsoft', 'Windows', 'Fonts')]
      : ['/System/Library/Fonts', '/System/Library/Fonts/Supplemental', '/Library/Fonts', join(homedir(), 'Library', 'Fonts')];
  const files: string[] = [];
  for (const folder of folders) {
    try {
      for (const name of readdirSync(folder)) if (/\.(ttf|ttc)$/i.test(name)) files.push(join(folder, name));
    } catch {
      // A folder that is not there on this version of the system.
    }
  }
  return files.sort(byPreference);
}

/** Upright sans faces first (the report is set in a sans), smaller files first (cheaper to read). */
function byPreference(a: string, b: string): number {
  const sans = (p: string) => (/sans|gothic|goth|meiryo|yu ?gothic|hiragino|arial|segoe/i.test(p) ? 0 : 2) + (/bold|italic|oblique|black|light/i.test(p) ? 1 : 0);
  const size = (p: string) => {
    try {
      return statSync(p).size;
    } catch {
      return Infinity;
    }
  };
  return sans(a) - sans(b) || size(a) - size(b);
}

const faceCache = new Map<string, SystemFont[]>();

function facesIn(path: string): SystemFont[] {
  const cached = faceCache.get(path);
  if (cached) return cached;
  let faces: SystemFont[] = [];
  try {
    const data = readFileSync(path);
    const opened = fontkit.create(data) as KitFont & { fonts?: KitFont[] };
    const all = extname(path).toLowerCase() === '.ttc' && opened.fonts ? opened.fonts : [opened];
    faces = all
      .filter((font) => Boolean((font as unknown as { directory?: { tables?: Record<string, unknown> } }).directory?.tables?.glyf))
      .map((font) => ({ path, postscriptName: opened.fonts ? (font.postscriptName ?? undefined) : undefined, data, font }));
  } catch {
    // A damaged or unusual font file is skipped, never fatal to the export.
  }
  faceCache.set(path, faces);
  return faces;
}
