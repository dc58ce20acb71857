import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// Measuring a rendered PDF in millimetres from the page's top-left corner: word boxes from
// `pdftotext -bbox` (which text is where, and its horizontal extent), ink from `pdftoppm` (the
// top of the characters themselves, which is what a 套打 position means).

const MM_PER_PT = 25.4 / 72;
/** Raster resolution: 254 dpi is 10 pixels per millimetre, so the ink is read to 0.1 mm. */
const PX_PER_MM = 10;

export interface WordBox {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** The words of each page, boxes in millimetres. */
export function wordBoxes(pdf: string): WordBox[][] {
  const html = execFileSync('pdftotext', ['-bbox', pdf, '-'], { encoding: 'utf8' });
  return html
    .split('<page ')
    .slice(1)
    .map((page) =>
      [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        text: decode(m[5]),
        xMin: Number(m[1]) * MM_PER_PT,
        yMin: Number(m[2]) * MM_PER_PT,
        xMax: Number(m[3]) * MM_PER_PT,
        yMax: Number(m[4]) * MM_PER_PT,
      })),
    );
}

/** Text lines of a page: words grouped by their top edge (within 0.5 mm), top to bottom. */
export function textLines(words: WordBox[]): { yMin: number; text: string }[] {
  const lines: { yMin: number; words: WordBox[] }[] = [];
  for (const w of [...words].sort((a, b) => a.yMin - b.yMin)) {
    const line = lines.find((l) => Math.abs(l.yMin - w.yMin) < 0.5);
    if (line) line.words.push(w);
    else lines.push({ yMin: w.yMin, words: [w] });
  }
  return lines.map((l) => ({ yMin: l.yMin, text: l.words.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join('') }));
}

export interface InkRaster {
  width: number;
  height: number;
  isInk(xPx: number, yPx: number): boolean;
}

/** Page `page` (1-based) as a grey raster; ink is anything darker than mid-grey. */
export function rasterPage(pdf: string, page: number, outPrefix: string): InkRaster {
  execFileSync('pdftoppm', ['-r', String(PX_PER_MM * 25.4), '-gray', '-f', String(page), '-l', String(page), '-singlefile', pdf, outPrefix]);
  const data = readFileSync(`${outPrefix}.pgm`);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(data.subarray(0, 50).toString('latin1'));
  if (!header) throw new Error('pdftoppm did not write a binary PGM');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, isInk: (x, y) => data[offset + y * width + x] < 160 };
}

/** The top of the ink inside a box (mm), or undefined when it is blank. */
export function inkTopMm(raster: InkRaster, box: { xMin: number; xMax: number; yMin: number; yMax: number }): number | undefined {
  const x0 = Math.max(0, Math.floor(box.xMin * PX_PER_MM));
  const x1 = Math.min(raster.width, Math.ceil(box.xMax * PX_PER_MM));
  const y0 = Math.max(0, Math.floor(box.yMin * PX_PER_MM));
  const y1 = Math.min(raster.height, Math.ceil(box.yMax * PX_PER_MM));
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) if (raster.isInk(x, y)) return y / PX_PER_MM;
  return undefined;
}
