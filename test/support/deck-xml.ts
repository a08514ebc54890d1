import JSZip from 'jszip';

/** A written deck read back the way the fit rules talk about it: slides, titles, named shapes. */
export interface SlideXml {
  index: number;
  xml: string;
  title: string;
  subtitle: string;
  /** Shape names pptxgenjs wrote (cNvPr name), e.g. "lane: Pain points", "card: …". */
  names: string[];
  notes: string;
}

export const EMU_PER_INCH = 914400;

export async function readDeck(bytes: Uint8Array): Promise<{ zip: JSZip; slides: SlideXml[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const count = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n)).length;
  const slides: SlideXml[] = [];
  for (let i = 1; i <= count; i++) {
    const xml = await zip.file(`ppt/slides/slide${i}.xml`)!.async('string');
    const rels = await zip.file(`ppt/slides/_rels/slide${i}.xml.rels`)!.async('string');
    const notesPart = /Target="\.\.\/notesSlides\/(notesSlide\d+\.xml)"/.exec(rels)?.[1];
    const notes = notesPart ? textOf((await zip.file(`ppt/notesSlides/${notesPart}`)?.async('string')) ?? '') : '';
    const shapes = xml.split('<p:sp>').slice(1);
    const titleShape = shapes.find((s) => /<p:ph\b[^>]*type="(title|ctrTitle)"/.test(s)) ?? '';
    const subtitleShape = shapes.find((s) => s.includes('name="subtitle"')) ?? '';
    slides.push({ index: i, xml, title: textOf(titleShape), subtitle: textOf(subtitleShape), names: [...xml.matchAll(/<p:cNvPr id="\d+" name="([^"]*)"/g)].map((m) => unescapeXml(m[1]!)), notes });
  }
  return { zip, slides };
}

export const textOf = (xml: string) => [...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map((m) => unescapeXml(m[1]!)).join('');

/** Each shape of a slide with its box in inches and its text. */
export function shapesOf(xml: string): { name: string; x: number; y: number; w: number; h: number; text: string; size: number; xml: string }[] {
  return xml
    .split(/<p:sp>|<p:graphicFrame>|<p:pic>/)
    .slice(1)
    .map((shape) => {
      const off = /<a:off x="(-?\d+)" y="(-?\d+)"\/>/.exec(shape);
      const ext = /<a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape);
      return {
        name: unescapeXml(/<p:cNvPr id="\d+" name="([^"]*)"/.exec(shape)?.[1] ?? ''),
        x: Number(off?.[1] ?? 0) / EMU_PER_INCH,
        y: Number(off?.[2] ?? 0) / EMU_PER_INCH,
        w: Number(ext?.[1] ?? 0) / EMU_PER_INCH,
        h: Number(ext?.[2] ?? 0) / EMU_PER_INCH,
        text: textOf(shape),
        size: Number(/sz="(\d+)"/.exec(shape)?.[1] ?? 0) / 100,
        xml: shape,
      };
    });
}

export const unescapeXml = (s: string) => s.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&quot;', '"').replaceAll('&apos;', "'").replaceAll('&amp;', '&');
