import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFString } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildPdf } from '../../../electron/services/exports/pdf/build-pdf.ts';
import type { Card } from '../../../shared/model/records.ts';
import { tempFolder } from '../../support/workshop-fixtures.ts';
import { createRealisticWorkshop, realisticWorkshopRecords } from '../../support/realistic-workshop.ts';

// pdftotext marks right-to-left lines with embedding controls, and a card's text may be
// wrapped over lines: both are layout, not content.
const normalise = (text: string) => text.replace(/[\u200e\u200f\u202a-\u202e\u2066-\u2069\ufe0f]/gu, '').replace(/\s+/g, ' ');

/**
 * What pdftotext can give back of a card: its whole text, byte for byte — the "?" that
 * ends a Hebrew question included (the export draws a right-to-left mark after it, see
 * rtlMarkPlaces). One case poppler cannot put back from any correctly drawn page: it does
 * not run the bidi algorithm, and takes a Latin word, a digit or a separator it counts
 * with numbers (, . : / - + % #) after a right-to-left letter as the end of that
 * stretch, reading the stretches in the order they are drawn. For such a card every
 * stretch between them must come back whole and in logical order — reversed text, the
 * bug this guards against, fails that on every word.
 */
const POPPLER_SPLITS = /[\p{Script=Arabic}\p{Script=Hebrew}].*[\p{Script=Latin}\p{N},.:/+%#-]/u;
function expectedPieces(card: string): string[] {
  if (!POPPLER_SPLITS.test(card)) return [card];
  return card.split(/[^\p{L}\p{M}\s]+/u).map((piece) => piece.trim()).filter(Boolean);
}

describe('the PDF export, in every script a room writes', () => {
  it('gives back every card of the realistic workshop in logical order, drawn in the fallback fonts, with page numbers and bookmarks', { timeout: 60_000 }, async () => {
    const { api, folder, records } = await createRealisticWorkshop();
    const path = join(folder, 'Scripts.pdf');
    expect(await api.call('export-pdf', { path, jobId: 'pdf-scripts', overviews: [] })).toMatchObject({ ok: true, value: { path } });
    const text = normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));

    const cards = records.filter((r) => r.type === 'card').map((c) => normalise(c.text));
    expect(cards).toHaveLength(166);
    const missing = [...new Set(cards)].flatMap(expectedPieces).filter((piece) => !text.includes(piece));
    // Only the one card that needs it is checked stretch by stretch.
    expect([...new Set(cards)].filter((card) => POPPLER_SPLITS.test(card))).toEqual(['שאלה: האם יש תמיכה ב-SAML 2.0?']);
    expect(missing).toEqual([]);
    // The scripts the issue found broken, spelled out: reversed text would not match.
    for (const sample of ['هل يدعم النظام اللغة العربية؟', 'يجدد العقد لمدة ثلاث سنوات', 'למה צריך למלא את הטופס פעמיים?', 'מה התוכנית שלנו לרבעון הבא?', '比較表はありますか？', 'Renews for three years 🚀', 'Sicherheitsprüfung durch die IT abgeschlossen', 'Où sont hébergées nos données ? En France ?']) {
      expect(text).toContain(sample);
    }
    expect(text).toContain('1 / ');

    const fonts = execFileSync('pdffonts', [path], { encoding: 'utf8' });
    for (const font of ['DejaVuSans', 'DejaVuSans-Bold', 'NotoSansArabic', 'NotoSansHebrew', 'NotoSansCJKjp', 'NotoEmoji']) expect(fonts).toContain(font);
    // Each font is a subset: only the glyphs drawn travel with the file.
    for (const line of fonts.split('\n').slice(2).filter(Boolean)) expect(line).toMatch(/^[A-Z]{6}\+\S+\s+CID TrueType\s+Identity-H\s+yes yes yes/);

    const info = execFileSync('pdfinfo', [path], { encoding: 'utf8' });
    expect(info).toMatch(/Title:\s+Procurement platform — Kundenreise 2027/);
    // poppler 22 has no outline listing: the bookmarks are read back with pdf-lib.
    const outline = await bookmarksOf(readFileSync(path));
    const journeys = records.filter((r) => r.type === 'journey').map((j) => (j as { name: string }).name);
    for (const journey of journeys) {
      expect(outline).toContainEqual([journey, ['Trigger', 'Research', 'Evaluate', 'Purchase', 'Implement', 'Use', 'Renew or retire']]);
    }
    expect(info).toMatch(/Pages:\s+(\d+)/);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
    expect(text).toContain(`${pages} / ${pages}`);
    const catalog = (await PDFDocument.load(readFileSync(path))).catalog;
    expect(catalog.lookup(PDFName.of('Lang'), PDFString).decodeText()).toBe('en');
    api.close();
  });

  it('finds a font on the system for a script it bundles none for, and names the characters no font has', { timeout: 60_000 }, async () => {
    // Thai: Debian's fonts-noto-core has it (CI installs it); no bundled font does.
    const records = realisticWorkshopRecords();
    const card = records.find((r): r is Card => r.type === 'card')!;
    card.text = 'ลูกค้าโทรหาฝ่ายสนับสนุน \u{10fffd}';
    const path = join(tempFolder('journeyboard-pdf-'), 'Thai.pdf');
    writeFileSync(path, await buildPdf(Object.fromEntries(records.map((r) => [r.id, r])), { overviews: new Map() }));
    expect(execFileSync('pdffonts', [path], { encoding: 'utf8' })).toMatch(/\+NotoSansThai-Regular/);
    const text = normalise(execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' }));
    expect(text).toContain('ลูกค้าโทรหาฝ่ายสนับสนุน');
    expect(text).toContain('No font on this computer can draw this character, shown as boxes: U+10FFFD');
  });
});

/** The outline as [title, child titles] pairs, top level only. */
async function bookmarksOf(bytes: Uint8Array): Promise<[string, string[]][]> {
  const doc = await PDFDocument.load(bytes);
  const titles = (first: PDFDict | undefined): [string, PDFDict][] => {
    const items: [string, PDFDict][] = [];
    for (let item = first; item; item = item.lookupMaybe(PDFName.of('Next'), PDFDict)) {
      items.push([item.lookup(PDFName.of('Title'), PDFString, PDFHexString).decodeText(), item]);
    }
    return items;
  };
  const root = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
  return titles(root.lookupMaybe(PDFName.of('First'), PDFDict)).map(([title, item]) => [title, titles(item.lookupMaybe(PDFName.of('First'), PDFDict)).map(([t]) => t)]);
}
