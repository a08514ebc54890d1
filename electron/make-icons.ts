import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { DOCUMENT_ICON_SIZES, documentIconSvg, encodeIcns, encodeIco, ICON_SOURCE, ICONS_MANIFEST, LINUX_ICON_SIZES, pngSize } from './icon-formats.ts';

/**
 * `npm run icons`: every icon the installers use, from the one source image
 * assets/icon/journeyboard.svg. The results are committed, so packaging never needs this;
 * run it after changing the source image.
 *
 * The SVG is rasterised by Chromium at each size (sharper than scaling one large PNG down),
 * the same Debian Chromium the end-to-end tests drive, so no image library is installed.
 * CHROMIUM_PATH points elsewhere if needed.
 */
const root = (path: string) => fileURLToPath(new URL(`../${path}`, import.meta.url));
const appSvg = readFileSync(root(ICON_SOURCE), 'utf8');
const documentSvg = documentIconSvg(appSvg);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1024, height: 1024 }, deviceScaleFactor: 1 });

  /** One square PNG with a transparent background, the SVG drawn at exactly `size` pixels. */
  const render = async (svg: string, size: number): Promise<Buffer> => {
    const src = `data:image/svg+xml;base64,${Buffer.from(svg, 'utf8').toString('base64')}`;
    await page.setContent(
      `<!doctype html><html><body style="margin:0;background:transparent"><img id="icon" style="display:block" width="${size}" height="${size}" src="${src}"></body></html>`,
    );
    await page.locator('#icon').evaluate((img: HTMLImageElement) => img.decode());
    const png = await page.screenshot({ clip: { x: 0, y: 0, width: size, height: size }, omitBackground: true, type: 'png' });
    const actual = pngSize(png);
    if (actual.width !== size || actual.height !== size) throw new Error(`rendered ${actual.width}×${actual.height}, wanted ${size}×${size}`);
    return png;
  };

  const written: string[] = [];
  const write = (path: string, data: Uint8Array) => {
    writeFileSync(root(path), data);
    written.push(path);
  };

  // The app icon: electron-builder converts this one into the macOS .icns and Windows .ico.
  write('build/icon.png', await render(appSvg, 1024));

  // Linux: electron-builder installs build/icons/NxN.png into the hicolor theme.
  mkdirSync(root('build/icons'), { recursive: true });
  for (const size of LINUX_ICON_SIZES) write(`build/icons/${size}x${size}.png`, await render(appSvg, size));

  // The .journey document icon, which electron-builder copies as it is (see icon-formats.ts).
  const documentPngs = new Map<number, Buffer>();
  for (const size of DOCUMENT_ICON_SIZES) documentPngs.set(size, await render(documentSvg, size));
  write('build/journey.icns', encodeIcns(documentPngs));
  write('build/journey.ico', encodeIco(documentPngs));

  // Which source the files were made from, so a test notices a source changed without `npm run icons`.
  const sha256 = createHash('sha256').update(appSvg).digest('hex');
  write(ICONS_MANIFEST, Buffer.from(`${JSON.stringify({ source: ICON_SOURCE, sha256, files: [...written] }, null, 2)}\n`));

  console.log(`From ${ICON_SOURCE}:\n${written.map((path) => `  ${path}`).join('\n')}`);
} finally {
  await browser.close();
}
