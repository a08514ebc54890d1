/**
 * The icon files the installers need, written from PNGs with no image library:
 * - build/icon.png (1024×1024): electron-builder turns it into the app's .icns and .ico itself;
 * - build/icons/NxN.png: the Linux icon theme sizes for AppImage and deb;
 * - build/journey.icns and build/journey.ico: the icon of .journey documents in Finder and
 *   Explorer. electron-builder copies these as they are (it converts only the app icon), so
 *   they are built here. Both formats are containers of PNGs, which is all this writes.
 * make-icons.ts renders the PNGs from the one source image; this file is pure so it is tested.
 */

/** The one source image every icon is made from. */
export const ICON_SOURCE = 'assets/icon/journeyboard.svg';
/** What make-icons.ts wrote, and the SHA-256 of the source it wrote them from. */
export const ICONS_MANIFEST = 'build/icons-from.json';

/** Linux hicolor theme sizes (16…512); 1024 is build/icon.png. */
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Explorer picks among these by DPI and view; 256 is its largest ("extra large icons"). */
export const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256] as const;

/**
 * ICNS element types that hold PNG data, with their pixel size (Apple's "@2x" types hold
 * twice the points). Finder picks by size and screen scale.
 */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32], // 16@2x
  ['icp6', 64],
  ['ic12', 64], // 32@2x
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256], // 128@2x
  ['ic09', 512],
  ['ic14', 512], // 256@2x
  ['ic10', 1024], // 512@2x
] as const;

/** Every size make-icons.ts renders the document icon at. */
export const DOCUMENT_ICON_SIZES = [...new Set([...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])].sort((a, b) => a - b);

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width and height from a PNG's IHDR chunk; throws for anything that is not a PNG. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const bytes = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (bytes.length < 24 || !bytes.subarray(0, 8).equals(PNG_SIGNATURE) || bytes.toString('latin1', 12, 16) !== 'IHDR') {
    throw new Error('not a PNG image');
  }
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

/** PNGs by their pixel size (square). */
export type PngsBySize = ReadonlyMap<number, Uint8Array>;

function pngOfSize(pngs: PngsBySize, size: number): Buffer {
  const png = pngs.get(size);
  if (!png) throw new Error(`no ${size}×${size} image`);
  const { width, height } = pngSize(png);
  if (width !== size || height !== size) throw new Error(`the ${size}×${size} image is ${width}×${height}`);
  return Buffer.from(png);
}

/**
 * An .ico of PNG entries (Windows Vista and later read PNG inside ICO): a 6-byte header,
 * a 16-byte directory entry per image, then the images. A width or height of 256 is written as 0.
 */
export function encodeIco(pngs: PngsBySize, sizes: readonly number[] = ICO_SIZES): Buffer {
  const images = sizes.map((size) => pngOfSize(pngs, size));
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // 1 = icon
  header.writeUInt16LE(images.length, 4);
  const directory = Buffer.alloc(16 * images.length);
  let offset = header.length + directory.length;
  images.forEach((image, i) => {
    const size = sizes[i]!;
    const entry = i * 16;
    directory.writeUInt8(size >= 256 ? 0 : size, entry);
    directory.writeUInt8(size >= 256 ? 0 : size, entry + 1);
    directory.writeUInt8(0, entry + 2); // no palette
    directory.writeUInt8(0, entry + 3); // reserved
    directory.writeUInt16LE(1, entry + 4); // colour planes
    directory.writeUInt16LE(32, entry + 6); // bits per pixel
    directory.writeUInt32LE(image.length, entry + 8);
    directory.writeUInt32LE(offset, entry + 12);
    offset += image.length;
  });
  return Buffer.concat([header, directory, ...images]);
}

/**
 * An .icns: the magic 'icns' and the total length, then per element a 4-character type,
 * its length including this 8-byte header, and the PNG. All lengths big-endian.
 */
export function encodeIcns(pngs: PngsBySize, types: ReadonlyArray<readonly [string, number]> = ICNS_TYPES): Buffer {
  const elements = types.map(([type, size]) => {
    const image = pngOfSize(pngs, size);
    const head = Buffer.alloc(8);
    head.write(type, 0, 4, 'latin1');
    head.writeUInt32BE(image.length + 8, 4);
    return Buffer.concat([head, image]);
  });
  const body = Buffer.concat(elements);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 4, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

/**
 * The .journey document icon, made from the app icon so there is one source image: a page
 * with a folded corner, the app icon on it. The app icon goes in as a data: image, which an
 * SVG shown as an image may load (it may not load files).
 */
export function documentIconSvg(appIconSvg: string): string {
  const mark = `data:image/svg+xml;base64,${Buffer.from(appIconSvg, 'utf8').toString('base64')}`;
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" width="512" height="512" viewBox="0 0 512 512">',
    // The page, with its top-right corner cut off for the fold.
    '<path d="M124 20 H332 L436 124 V468 Q436 492 412 492 H124 Q100 492 100 468 V44 Q100 20 124 20 Z" fill="#ffffff" stroke="#8a9bb0" stroke-width="10" stroke-linejoin="round"/>',
    // The fold.
    '<path d="M332 20 V100 Q332 124 356 124 H436 Z" fill="#dde4ec" stroke="#8a9bb0" stroke-width="10" stroke-linejoin="round"/>',
    `<image href="${mark}" x="138" y="176" width="260" height="260"/>`,
    '</svg>',
  ].join('\n');
}
