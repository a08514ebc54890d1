import QRCode from 'qrcode';

/** A QR code as one SVG path: the renderer draws it as <path d>, no image, no innerHTML. */
export interface JoinQr {
  /** Modules per side, without the quiet zone. */
  size: number;
  /** Horizontal runs of dark modules, in module units. */
  path: string;
}

/**
 * Error correction M: a projected code is read from across a room, at an angle, through
 * glare; M keeps it small enough to stay large on screen at a short URL's length.
 */
export function joinQr(text: string): JoinQr {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const size = modules.size;
  const runs: string[] = [];
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      if (!modules.get(y, x)) continue;
      let end = x;
      while (end + 1 < size && modules.get(y, end + 1)) end++;
      runs.push(`M${x} ${y}h${end - x + 1}v1h-${end - x + 1}z`);
      x = end;
    }
  }
  return { size, path: runs.join('') };
}
