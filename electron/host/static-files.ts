import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/** A file under `root` for a URL path, or null: nothing outside `root` is ever served. */
export async function resolveStaticFile(root: string, urlPath: string): Promise<{ body: Buffer; contentType: string } | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = normalize(decoded === '/' ? '/index.html' : decoded).replace(/^([/\\])+/, '');
  const absolute = join(root, relative);
  if (absolute !== root && !absolute.startsWith(root.endsWith(sep) ? root : root + sep)) return null;
  try {
    if (!(await stat(absolute)).isFile()) return null;
    return { body: await readFile(absolute), contentType: CONTENT_TYPES[extname(absolute)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
