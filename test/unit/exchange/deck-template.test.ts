import { readFileSync, writeFileSync } from 'node:fs';
import { posix } from 'node:path';
import { join } from 'node:path';
import JSZip from 'jszip';
import PptxGenJS from 'pptxgenjs';
import { describe, expect, it } from 'vitest';
import { createRealisticWorkshop } from '../../support/realistic-workshop.ts';

/** A 2×1 red PNG: the company logo on the template's layout. */
const LOGO = 'iVBORw0KGgoAAAANSUhEUgAAAAIAAAABCAIAAAB7QOjdAAAAEElEQVR4nGP4z8DAwMDAAAAK/gH/6M/yvQAAAABJRU5ErkJggg==';

/**
 * A company template as a firm hands it out: theme fonts Georgia (headings) and Courier
 * New (body), its own accent colour, a master with a band across the top, and a
 * "Title Only" layout with the logo and a confidentiality line. Made with pptxgenjs, then
 * marked up the way PowerPoint writes such a file (layout type, master name and shape).
 */
async function companyTemplate(layout: 'LAYOUT_WIDE' | 'LAYOUT_16x9' = 'LAYOUT_WIDE'): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = layout;
  const width = layout === 'LAYOUT_WIDE' ? 12192000 : 9144000;
  pptx.theme = { headFontFace: 'Georgia', bodyFontFace: 'Courier New' };
  pptx.defineSlideMaster({
    title: 'ACME Title Only',
    background: { color: 'FFF4E0' },
    objects: [
      { image: { data: `image/png;base64,${LOGO}`, x: 12.2, y: 0.2, w: 0.8, h: 0.4 } },
      { text: { text: 'ACME CONFIDENTIAL', options: { x: 9, y: 7.1, w: 4, h: 0.3, fontSize: 8 } } },
      { placeholder: { options: { name: 'title', type: 'title', x: 0.4, y: 0.2, w: 11, h: 0.8 }, text: '' } },
    ],
  });
  pptx.addSlide({ masterName: 'ACME Title Only' }).addText('Example', { placeholder: 'title' });
  const zip = await JSZip.loadAsync((await pptx.write({ outputType: 'nodebuffer' })) as Buffer);
  const layouts = Object.keys(zip.files).filter((n) => /^ppt\/slideLayouts\/slideLayout\d+\.xml$/.test(n));
  for (const part of layouts) {
    const xml = await zip.file(part)!.async('string');
    if (xml.includes('name="ACME Title Only"')) zip.file(part, xml.replace('<p:sldLayout ', '<p:sldLayout type="titleOnly" '));
  }
  const master = await zip.file('ppt/slideMasters/slideMaster1.xml')!.async('string');
  const band = `<p:sp><p:nvSpPr><p:cNvPr id="9" name="ACME band"/><p:cNvSpPr/><p:nvPr/></p:nvSpPr><p:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${width}" cy="91440"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom><a:solidFill><a:srgbClr val="C0392B"/></a:solidFill></p:spPr></p:sp>`;
  zip.file('ppt/slideMasters/slideMaster1.xml', master.replace('<p:cSld>', '<p:cSld name="ACME Master">').replace('</p:grpSpPr>', `</p:grpSpPr>${band}`));
  const theme = await zip.file('ppt/theme/theme1.xml')!.async('string');
  zip.file('ppt/theme/theme1.xml', theme.replace(/<a:accent1>.*?<\/a:accent1>/s, '<a:accent1><a:srgbClr val="C0392B"/></a:accent1>'));
  return zip.generateAsync({ type: 'nodebuffer' });
}

async function exportWith(template: Buffer | string) {
  const { api, folder } = await createRealisticWorkshop();
  const templatePath = join(folder, 'ACME template.potx');
  writeFileSync(templatePath, template);
  const path = join(folder, 'Deck.pptx');
  const result = await api.call('export-pptx', { path, jobId: 'template-deck', theme: 'light', overviews: [], template: templatePath });
  api.close();
  return { result, path };
}

const read = async (zip: JSZip, part: string) => (await zip.file(part)?.async('string')) ?? '';
const relsOf = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
const targets = (rels: string, from: string) =>
  [...rels.matchAll(/<Relationship\b[^>]*>/g)]
    .filter(([tag]) => !tag.includes('TargetMode="External"'))
    .map(([tag]) => {
      const target = /Target="([^"]*)"/.exec(tag)![1]!;
      return { type: /Type="[^"]*\/([^"/]+)"/.exec(tag)![1]!, part: target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(from), target)) };
    });

describe('a deck exported with a company template', () => {
  it('is built on the template’s master and layout, with its theme colours and fonts', async () => {
    const { result, path } = await exportWith(await companyTemplate());
    expect(result).toMatchObject({ ok: true });
    const zip = await JSZip.loadAsync(readFileSync(path));

    // The one master is the template's, and it uses the template's theme.
    const presRels = targets(await read(zip, 'ppt/_rels/presentation.xml.rels'), 'ppt/presentation.xml');
    const masters = presRels.filter((r) => r.type === 'slideMaster');
    expect(masters).toHaveLength(1);
    const master = await read(zip, masters[0]!.part);
    expect(master).toContain('name="ACME Master"');
    expect(master).toContain('name="ACME band"');
    const theme = await read(zip, targets(await read(zip, relsOf(masters[0]!.part)), masters[0]!.part).find((r) => r.type === 'theme')!.part);
    expect(theme).toMatch(/<a:majorFont><a:latin typeface="Georgia"/);
    expect(theme).toMatch(/<a:minorFont><a:latin typeface="Courier New"/);
    expect(theme).toContain('<a:accent1><a:srgbClr val="C0392B"/></a:accent1>');

    // Every slide sits on the template's Title Only layout, which carries its logo.
    const slides = Object.keys(zip.files).filter((n) => /^ppt\/slides\/slide\d+\.xml$/.test(n));
    expect(slides.length).toBeGreaterThan(20);
    for (const slide of slides) {
      const layout = targets(await read(zip, relsOf(slide)), slide).find((r) => r.type === 'slideLayout')!;
      expect(await read(zip, layout.part), slide).toContain('name="ACME Title Only"');
      const xml = await read(zip, slide);
      // The title is the layout's placeholder, styled by the master; text is in the theme's fonts.
      expect(xml, slide).toContain('<p:ph type="title"/>');
      expect(xml, slide).not.toContain('typeface="Arial"');
    }
    const body = await read(zip, slides[4]!);
    expect(body).toContain('<a:latin typeface="+mn-lt"');
    const layoutPart = targets(await read(zip, relsOf(slides[0]!)), slides[0]!).find((r) => r.type === 'slideLayout')!.part;
    const logo = targets(await read(zip, relsOf(layoutPart)), layoutPart).find((r) => r.type === 'image')!;
    expect(zip.file(logo.part), logo.part).not.toBeNull();

    // The package is whole: every part a relationship names exists, and has a content type.
    const types = await read(zip, '[Content_Types].xml');
    for (const name of Object.keys(zip.files).filter((n) => n.endsWith('.rels'))) {
      const from = name.replace(/_rels\/([^/]+)\.rels$/, '$1').replace(/^\.rels$|^_rels\/\.rels$/, '');
      for (const t of targets(await read(zip, name), from || 'x')) expect(zip.file(t.part), `${name} → ${t.part}`).not.toBeNull();
    }
    for (const [, part] of types.matchAll(/<Override PartName="\/([^"]+)"/g)) expect(zip.file(part!), part).not.toBeNull();
    expect(types).toContain('PartName="/ppt/slideMasters/slideMaster1.xml"');
  }, 60_000);

  it('scales a template drawn for a 10 × 5.625 in slide up to the deck’s 13.33 × 7.5 in', async () => {
    const { result, path } = await exportWith(await companyTemplate('LAYOUT_16x9'));
    expect(result).toMatchObject({ ok: true });
    const zip = await JSZip.loadAsync(readFileSync(path));
    expect(await read(zip, 'ppt/presentation.xml')).toContain('<p:sldSz cx="12192000" cy="6858000"');
    const master = targets(await read(zip, 'ppt/_rels/presentation.xml.rels'), 'ppt/presentation.xml').find((r) => r.type === 'slideMaster')!.part;
    // The band spanned the template's 10 in; it spans our 13.33 in.
    expect(await read(zip, master)).toMatch(/name="ACME band".*?<a:ext cx="12192000" cy="121920"\/>/s);
  }, 60_000);

  it('refuses a file that is not a template, in words, and writes nothing', async () => {
    const { result, path } = await exportWith('not a presentation');
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/cannot be used as a company template: .*not a PowerPoint file/);
    expect(() => readFileSync(path)).toThrow();
  });
});
