import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  documentIconSvg,
  encodeIcns,
  encodeIco,
  ICNS_TYPES,
  ICO_SIZES,
  ICON_SOURCE,
  ICONS_MANIFEST,
  pngSize,
} from '../../../electron/icon-formats.ts';

/**
 * The icons `npm run icons` writes: the ICO and ICNS containers are read back with parsers
 * written from the formats' descriptions, independently of the encoders.
 */
const projectPath = (path: string) => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

/** A minimal valid PNG header claiming `size`×`size`: enough for the containers, which only carry bytes. */
function fakePng(size: number): Buffer {
  const png = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(png);
  png.writeUInt32BE(13, 8);
  png.write('IHDR', 12, 'latin1');
  png.writeUInt32BE(size, 16);
  png.writeUInt32BE(size, 20);
  return png;
}
const fakePngs = (sizes: readonly number[]) => new Map(sizes.map((size) => [size, fakePng(size)]));

function readIco(file: Buffer): { width: number; height: number; png: Buffer }[] {
  expect([file.readUInt16LE(0), file.readUInt16LE(2)], 'ICO header').toEqual([0, 1]);
  return Array.from({ length: file.readUInt16LE(4) }, (_, i) => {
    const entry = 6 + i * 16;
    const length = file.readUInt32LE(entry + 8);
    const offset = file.readUInt32LE(entry + 12);
    expect(offset + length).toBeLessThanOrEqual(file.length);
    return { width: file[entry] || 256, height: file[entry + 1] || 256, png: file.subarray(offset, offset + length) };
  });
}

function readIcns(file: Buffer): { type: string; png: Buffer }[] {
  expect(file.toString('latin1', 0, 4)).toBe('icns');
  expect(file.readUInt32BE(4), 'ICNS length').toBe(file.length);
  const elements: { type: string; png: Buffer }[] = [];
  for (let at = 8; at < file.length; ) {
    const length = file.readUInt32BE(at + 4);
    expect(length).toBeGreaterThan(8);
    elements.push({ type: file.toString('latin1', at, at + 4), png: file.subarray(at + 8, at + length) });
    at += length;
  }
  return elements;
}

describe('icon containers', () => {
  it('reads a PNG size and refuses what is not a PNG', () => {
    expect(pngSize(fakePng(48))).toEqual({ width: 48, height: 48 });
    expect(() => pngSize(Buffer.from('GIF89a, certainly not a PNG'))).toThrow('not a PNG');
  });

  it('writes an ICO whose directory points at each PNG, 256 written as 0', () => {
    const pngs = fakePngs(ICO_SIZES);
    const ico = encodeIco(pngs);
    const images = readIco(ico);
    expect(images.map((image) => image.width)).toEqual([...ICO_SIZES]);
    expect(ico[6 + 16 * (ICO_SIZES.length - 1)]).toBe(0);
    images.forEach((image) => expect(image.png.equals(pngs.get(image.width)!)).toBe(true));
  });

  it('writes an ICNS of typed PNG elements with big-endian lengths', () => {
    const pngs = fakePngs(ICNS_TYPES.map(([, size]) => size));
    const elements = readIcns(encodeIcns(pngs));
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    elements.forEach((element, i) => expect(element.png.equals(pngs.get(ICNS_TYPES[i]![1])!)).toBe(true));
  });

  it('refuses a missing size or a PNG of the wrong size, rather than writing a broken icon', () => {
    expect(() => encodeIco(fakePngs([16]))).toThrow('no 24×24 image');
    expect(() => encodeIco(new Map([[16, fakePng(32)]]), [16])).toThrow('the 16×16 image is 32×32');
  });

  it('draws the document icon around the app icon, embedded, so there is one source image', () => {
    const svg = documentIconSvg('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain(`href="data:image/svg+xml;base64,${Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>').toString('base64')}"`);
  });
});

describe('the committed icons', () => {
  it('were made from the source image as it is now (else run `npm run icons`)', () => {
    const manifest = JSON.parse(readFileSync(projectPath(ICONS_MANIFEST), 'utf8')) as { source: string; sha256: string; files: string[] };
    expect(manifest.source).toBe(ICON_SOURCE);
    expect(manifest.sha256).toBe(createHash('sha256').update(readFileSync(projectPath(ICON_SOURCE), 'utf8')).digest('hex'));
    expect(manifest.files).toEqual(expect.arrayContaining(['build/icon.png', 'build/journey.icns', 'build/journey.ico']));
  });

  it('have one source: no other image to edit by mistake in build/', () => {
    expect(readdirSync(projectPath('build')).filter((name) => /\.(svg|psd|xcf|ai)$/i.test(name))).toEqual([]);
  });

  it('give .journey documents an ICO with every Explorer size, each PNG the size its entry says', () => {
    const images = readIco(readFileSync(projectPath('build/journey.ico')));
    expect(images.map((image) => image.width)).toEqual([...ICO_SIZES]);
    for (const image of images) expect(pngSize(image.png)).toEqual({ width: image.width, height: image.height });
  });

  it('give .journey documents an ICNS with every Finder size, up to 1024', () => {
    const elements = readIcns(readFileSync(projectPath('build/journey.icns')));
    expect(elements.map((element) => element.type)).toEqual(ICNS_TYPES.map(([type]) => type));
    elements.forEach((element, i) => {
      const size = ICNS_TYPES[i]![1];
      expect(pngSize(element.png), element.type).toEqual({ width: size, height: size });
    });
  });
});
