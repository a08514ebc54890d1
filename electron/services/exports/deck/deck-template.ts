import { posix } from 'node:path';
import JSZip from 'jszip';
import { TITLE_MASTER } from './deck-context.ts';

/**
 * A company template applied to a finished deck. pptxgenjs cannot start from a template,
 * so the deck is written as usual and then, in its zip, our master and layouts are
 * replaced by the template's first master with its layouts, theme (colours and fonts)
 * and pictures; each slide is moved onto the template's title-only layout (the title
 * slide onto its title layout), titles drop their own font, size and colour so the
 * master's title style shows, and text set in our face takes the theme's body font.
 * That is what "uses its master" means to a consultant: restyling, the slide master
 * view and "Reset slide" all behave as in any deck made from the template.
 */

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_MASTER = `${REL}/slideMaster`;
const REL_LAYOUT = `${REL}/slideLayout`;
const OUR_FACE = 'Arial';

export class TemplateError extends Error {}

interface Rel {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

const relsPathOf = (part: string) => posix.join(posix.dirname(part), '_rels', `${posix.basename(part)}.rels`);
const attr = (tag: string, name: string) => new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];

function parseRels(xml: string): Rel[] {
  return [...xml.matchAll(/<Relationship\b[^>]*>/g)].map(([tag]) => ({
    id: attr(tag, 'Id') ?? '',
    type: attr(tag, 'Type') ?? '',
    target: attr(tag, 'Target') ?? '',
    external: attr(tag, 'TargetMode') === 'External',
  }));
}

/** A relationship's target as a part name in the zip ("ppt/media/image1.png"). */
const resolvePart = (fromPart: string, target: string) => (target.startsWith('/') ? target.slice(1) : posix.normalize(posix.join(posix.dirname(fromPart), target)));

async function text(zip: JSZip, part: string): Promise<string | null> {
  const file = zip.file(part);
  return file ? file.async('string') : null;
}

async function openTemplate(templateBytes: Uint8Array): Promise<{ template: JSZip; masterRel: Rel; masterPath: string }> {
  let template: JSZip;
  try {
    template = await JSZip.loadAsync(templateBytes);
  } catch {
    throw new TemplateError('The company template is not a PowerPoint file (.pptx or .potx).');
  }
  const presRels = await text(template, 'ppt/_rels/presentation.xml.rels');
  const masterRel = presRels ? parseRels(presRels).find((r) => r.type === REL_MASTER) : undefined;
  if (!masterRel) throw new TemplateError('The company template has no slide master: it is not a PowerPoint presentation or template.');
  return { template, masterRel, masterPath: resolvePart('ppt/presentation.xml', masterRel.target) };
}

/** The template's body font (the theme's minor Latin face), which the slides' text will be set in. */
export async function templateBodyFace(templateBytes: Uint8Array): Promise<string | null> {
  const { template, masterPath } = await openTemplate(templateBytes);
  const theme = parseRels((await text(template, relsPathOf(masterPath))) ?? '').find((r) => r.type === `${REL}/theme`);
  const xml = theme ? ((await text(template, resolvePart(masterPath, theme.target))) ?? '') : '';
  return /<a:minorFont>\s*<a:latin typeface="([^"]+)"/.exec(xml)?.[1] ?? null;
}

/**
 * Refuses, before any slide is built, a template the deck could not use; the message
 * says why in the user's words. The export itself applies it on its own thread.
 */
export async function checkTemplate(templateBytes: Uint8Array): Promise<void> {
  const { template, masterPath } = await openTemplate(templateBytes);
  const rels = parseRels((await text(template, relsPathOf(masterPath))) ?? '');
  await chooseLayouts(template, rels.filter((r) => r.type === REL_LAYOUT).map((r) => resolvePart(masterPath, r.target)));
}

export async function applyTemplate(deck: Uint8Array, templateBytes: Uint8Array): Promise<Buffer> {
  const { template, masterRel, masterPath } = await openTemplate(templateBytes);
  const out = await JSZip.loadAsync(deck);

  // Which of our layouts each slide used, by the layout's name (MASTER or TITLE_MASTER).
  const ourLayoutNames = new Map<string, string>();
  for (const part of Object.keys(out.files).filter((n) => /^ppt\/slideLayouts\/[^/]+\.xml$/.test(n))) {
    ourLayoutNames.set(part, /<p:cSld\b[^>]*\bname="([^"]*)"/.exec((await text(out, part)) ?? '')?.[1] ?? '');
  }
  const types = await contentTypes(out);
  for (const part of Object.keys(out.files).filter((n) => /^ppt\/(slideLayouts|slideMasters)\//.test(n))) {
    out.remove(part);
    types.overrides.delete(`/${part}`);
  }

  // The master and everything it reaches (layouts, theme, pictures), copied across.
  // Masters, layouts and themes keep their names; anything else is prefixed so it
  // cannot collide with the deck's own pictures and charts.
  const templateTypes = await contentTypes(template);
  const renamed = (part: string) => (/^ppt\/(slideMasters|slideLayouts|theme)\//.test(part) ? part : posix.join(posix.dirname(part), `tpl-${posix.basename(part)}`));
  const queue = [masterPath];
  const seen = new Set(queue);
  const layouts: string[] = [];
  while (queue.length) {
    const part = queue.shift()!;
    const file = template.file(part);
    if (!file) continue;
    const target = renamed(part);
    out.file(target, await file.async('uint8array'));
    const override = templateTypes.overrides.get(`/${part}`);
    if (override) types.overrides.set(`/${target}`, override);
    else {
      const ext = posix.extname(part).slice(1).toLowerCase();
      const known = templateTypes.defaults.get(ext);
      if (known && !types.defaults.has(ext)) types.defaults.set(ext, known);
    }
    const rels = await text(template, relsPathOf(part));
    if (rels === null) continue;
    const rewritten = rels.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (attr(tag, 'TargetMode') === 'External') return tag;
      const linked = resolvePart(part, attr(tag, 'Target') ?? '');
      if (attr(tag, 'Type') === REL_LAYOUT && part === masterPath) layouts.push(linked);
      if (!seen.has(linked)) {
        seen.add(linked);
        queue.push(linked);
      }
      return tag.replace(/\bTarget="[^"]*"/, `Target="${posix.relative(posix.dirname(target), renamed(linked))}"`);
    });
    out.file(relsPathOf(target), rewritten);
  }

  const chosen = await chooseLayouts(template, layouts);
  await fitToSlideSize(out, template, [masterPath, ...layouts]);
  await pointPresentationAt(out, template, masterRel.id, masterPath);

  for (const part of Object.keys(out.files).filter((n) => /^ppt\/slides\/_rels\/slide\d+\.xml\.rels$/.test(n))) {
    const slidePart = `ppt/slides/${posix.basename(part, '.rels')}`;
    let isTitle = false;
    const rels = (await text(out, part))!.replace(/<Relationship\b[^>]*>/g, (tag) => {
      if (attr(tag, 'Type') !== REL_LAYOUT) return tag;
      isTitle = ourLayoutNames.get(resolvePart(slidePart, attr(tag, 'Target') ?? '')) === TITLE_MASTER;
      const layout = isTitle ? (chosen.title ?? chosen.content) : chosen.content;
      return tag.replace(/\bTarget="[^"]*"/, `Target="${posix.relative('ppt/slides', layout.part)}"`);
    });
    out.file(part, rels);
    const xml = (await text(out, slidePart))!;
    out.file(slidePart, restyle(xml, isTitle && chosen.title?.ctrTitle ? 'ctrTitle' : 'title'));
  }
  for (const part of Object.keys(out.files).filter((n) => /^ppt\/charts\/chart\d+\.xml$/.test(n))) out.file(part, bodyFont((await text(out, part))!));
  // pptxgenjs lists a master part per layout it defined, though it writes one; a
  // content type for a part that is not there makes PowerPoint offer to repair the file.
  for (const part of types.overrides.keys()) if (!out.file(part.slice(1))) types.overrides.delete(part);
  out.file('[Content_Types].xml', writeContentTypes(types));
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

interface ChosenLayout {
  part: string;
  ctrTitle: boolean;
}

/** The template's title-only layout for content slides (else its emptiest titled one), and its title layout. */
async function chooseLayouts(template: JSZip, layouts: string[]): Promise<{ content: ChosenLayout; title?: ChosenLayout }> {
  const described = [];
  for (const part of layouts) {
    const xml = (await text(template, part)) ?? '';
    const type = /<p:sldLayout\b[^>]*\btype="([^"]*)"/.exec(xml)?.[1] ?? '';
    const placeholders = [...xml.matchAll(/<p:ph\b[^>]*>/g)].map(([tag]) => attr(tag, 'type') ?? 'body');
    const titled = placeholders.includes('title') || placeholders.includes('ctrTitle');
    described.push({ part, type, placeholders: placeholders.length, titled, ctrTitle: placeholders.includes('ctrTitle') && !placeholders.includes('title') });
  }
  const titled = described.filter((l) => l.titled);
  if (titled.length === 0) throw new TemplateError('The company template has no layout with a title placeholder, so the slide titles would have nowhere to go.');
  const content = titled.find((l) => l.type === 'titleOnly') ?? [...titled].filter((l) => !l.ctrTitle).sort((a, b) => a.placeholders - b.placeholders)[0] ?? titled[0]!;
  const title = titled.find((l) => l.type === 'title');
  return { content: { part: content.part, ctrTitle: content.ctrTitle }, title: title && { part: title.part, ctrTitle: title.ctrTitle } };
}

const slideSize = (presentation: string) => {
  const tag = /<p:sldSz\b[^>]*>/.exec(presentation)?.[0] ?? '';
  return { cx: Number(attr(tag, 'cx') ?? 0), cy: Number(attr(tag, 'cy') ?? 0) };
};

/**
 * A template drawn for a smaller slide of the same shape (10 × 5.625 in, as Google
 * Slides and older decks are) has its master and layouts scaled to our 13.33 × 7.5 in,
 * positions and text sizes alike, so its logo and bands land where it drew them. A
 * template of another shape (4:3) is left as drawn: stretching a logo is worse.
 */
async function fitToSlideSize(out: JSZip, template: JSZip, parts: string[]): Promise<void> {
  const ours = slideSize((await text(out, 'ppt/presentation.xml')) ?? '');
  const theirs = slideSize((await text(template, 'ppt/presentation.xml')) ?? '');
  if (!theirs.cx || !theirs.cy || (theirs.cx === ours.cx && theirs.cy === ours.cy)) return;
  const k = ours.cx / theirs.cx;
  if (Math.abs(ours.cy / theirs.cy - k) > 0.02 * k) return;
  const scaled = (v: string) => String(Math.round(Number(v) * k));
  for (const part of parts) {
    const xml = await text(out, part);
    if (xml === null) continue;
    out.file(
      part,
      xml
        .replace(/<a:(off|chOff) x="(-?\d+)" y="(-?\d+)"/g, (_m, tag: string, x: string, y: string) => `<a:${tag} x="${scaled(x)}" y="${scaled(y)}"`)
        .replace(/<a:(ext|chExt) cx="(\d+)" cy="(\d+)"/g, (_m, tag: string, cx: string, cy: string) => `<a:${tag} cx="${scaled(cx)}" cy="${scaled(cy)}"`)
        .replace(/(<a:(?:def)?rPr\b[^>]*?\bsz=")(\d+)"/g, (_m, head: string, sz: string) => `${head}${Math.round((Number(sz) * k) / 100) * 100}"`),
    );
  }
}

/** presentation.xml lists one master: the template's, under the id the template gave it. */
async function pointPresentationAt(out: JSZip, template: JSZip, templateRelId: string, masterPath: string): Promise<void> {
  const rels = (await text(out, 'ppt/_rels/presentation.xml.rels'))!;
  const ourRel = parseRels(rels).find((r) => r.type === REL_MASTER)!;
  out.file(
    'ppt/_rels/presentation.xml.rels',
    rels.replace(/<Relationship\b[^>]*>/g, (tag) => (attr(tag, 'Id') === ourRel.id ? tag.replace(/\bTarget="[^"]*"/, `Target="${posix.relative('ppt', masterPath)}"`) : tag)),
  );
  const templatePres = (await text(template, 'ppt/presentation.xml')) ?? '';
  const templateId = [...templatePres.matchAll(/<p:sldMasterId\b[^>]*>/g)].map(([tag]) => tag).find((tag) => attr(tag, 'r:id') === templateRelId);
  const id = templateId ? attr(templateId, 'id') : undefined;
  const pres = (await text(out, 'ppt/presentation.xml'))!;
  out.file('ppt/presentation.xml', pres.replace(/<p:sldMasterIdLst>.*?<\/p:sldMasterIdLst>/s, `<p:sldMasterIdLst><p:sldMasterId${id ? ` id="${id}"` : ''} r:id="${ourRel.id}"/></p:sldMasterIdLst>`));
}

/**
 * The title placeholder loses what pptxgenjs wrote into it (size, bold, colour, face)
 * so the master's title style applies; every other run set in our face takes the
 * theme's body font (+mn-lt), which is how a template's fonts reach the text.
 */
function restyle(xml: string, titleType: 'title' | 'ctrTitle'): string {
  const styled = xml.replace(/<p:sp>(?:(?!<\/p:sp>).)*?<p:ph\b[^>]*type="title"[^>]*\/>.*?<\/p:sp>/gs, (shape) =>
    shape
      .replace(/<p:ph\b[^>]*\/>/, `<p:ph type="${titleType}"/>`)
      .replace(/<a:rPr\b([^>]*?)(\/>|>.*?<\/a:rPr>)/gs, (_m, attrs: string) => `<a:rPr${/\blang="[^"]*"/.exec(attrs)?.[0] ? ` ${/\blang="[^"]*"/.exec(attrs)![0]}` : ''} dirty="0"/>`)
      .replace(/<a:endParaRPr\b[^>]*\/>/g, '<a:endParaRPr dirty="0"/>'),
  );
  return bodyFont(styled);
}

const bodyFont = (xml: string) =>
  xml
    .replaceAll(`<a:latin typeface="${OUR_FACE}"`, '<a:latin typeface="+mn-lt"')
    .replaceAll(`<a:ea typeface="${OUR_FACE}"`, '<a:ea typeface="+mn-ea"')
    .replaceAll(`<a:cs typeface="${OUR_FACE}"`, '<a:cs typeface="+mn-cs"');

interface ContentTypes {
  defaults: Map<string, string>;
  overrides: Map<string, string>;
}

async function contentTypes(zip: JSZip): Promise<ContentTypes> {
  const xml = (await text(zip, '[Content_Types].xml')) ?? '';
  const defaults = new Map<string, string>();
  const overrides = new Map<string, string>();
  for (const [tag] of xml.matchAll(/<Default\b[^>]*>/g)) defaults.set((attr(tag, 'Extension') ?? '').toLowerCase(), attr(tag, 'ContentType') ?? '');
  for (const [tag] of xml.matchAll(/<Override\b[^>]*>/g)) overrides.set(attr(tag, 'PartName') ?? '', attr(tag, 'ContentType') ?? '');
  return { defaults, overrides };
}

function writeContentTypes({ defaults, overrides }: ContentTypes): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    [...defaults].map(([ext, type]) => `<Default Extension="${ext}" ContentType="${type}"/>`).join('') +
    [...overrides].map(([part, type]) => `<Override PartName="${part}" ContentType="${type}"/>`).join('') +
    '</Types>'
  );
}
