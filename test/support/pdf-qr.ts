/**
 * Reads back the QR codes pdfkit drew into a PDF (documents/pdf-kit.ts drawQrCode draws each dark
 * module as a filled square): inflates the content streams, collects the squares of each symbol
 * and rebuilds its module grid. `qrMatches` compares that grid with the one the qrcode package
 * makes for a text: the same text at the same error-correction level gives the same symbol, so a
 * match means a scanner reads that text.
 */
import zlib from 'node:zlib';
import { create } from 'qrcode';

interface Square {
  x: number;
  y: number;
  size: number;
}

/** Every `x y w h re` square of the PDF's (Flate-compressed or plain) content streams. */
function squares(pdf: Buffer): Square[] {
  const out: Square[] = [];
  const raw = pdf.toString('latin1');
  const streams = /stream\r?\n/g;
  let m: RegExpExecArray | null;
  while ((m = streams.exec(raw))) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    const bytes = pdf.subarray(start, end);
    let text: string;
    try {
      text = zlib.inflateSync(bytes).toString('latin1');
    } catch {
      text = bytes.toString('latin1');
    }
    for (const r of text.matchAll(/(-?[\d.]+) (-?[\d.]+) ([\d.]+) ([\d.]+) re/g)) {
      const [x, y, w, h] = r.slice(1, 5).map(Number);
      if (Math.abs(w - h) < 1e-3 && w < 6) out.push({ x, y, size: w });
    }
    streams.lastIndex = end;
  }
  return out;
}

/** The module grids of the QR symbols drawn in the PDF (one per symbol), as rows of 0/1. */
export function qrGrids(pdf: Buffer): number[][][] {
  const bySize = new Map<string, Square[]>();
  for (const s of squares(pdf)) {
    const key = s.size.toFixed(4);
    bySize.set(key, [...(bySize.get(key) ?? []), s]);
  }
  const grids: number[][][] = [];
  for (const group of bySize.values()) {
    // One symbol per distinct origin: split by proximity (symbols are far apart).
    const minX = Math.min(...group.map((s) => s.x));
    const minY = Math.min(...group.map((s) => s.y));
    const cell = group[0].size;
    const n = Math.round((Math.max(...group.map((s) => s.x)) - minX) / cell) + 1;
    const grid = Array.from({ length: n }, () => Array.from({ length: n }, () => 0));
    for (const s of group) {
      const col = Math.round((s.x - minX) / cell);
      const row = Math.round((s.y - minY) / cell);
      if (row < n && col < n) grid[row][col] = 1;
    }
    grids.push(grid);
  }
  return grids;
}

/** Whether the PDF carries a QR symbol that encodes exactly `text`. */
export function qrMatches(pdf: Buffer, text: string): boolean {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const expected = Array.from({ length: modules.size }, (_, r) => Array.from({ length: modules.size }, (_, c) => (modules.get(r, c) ? 1 : 0)));
  return qrGrids(pdf).some((grid) => JSON.stringify(grid) === JSON.stringify(expected));
}
