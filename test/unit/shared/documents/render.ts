import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Packer, type Document } from 'docx';

// DESIGN §Documents: every document is also checked by rendering (LibreOffice → PDF → text,
// page count from pdfinfo). CI installs LibreOffice; a machine without it reports the checks as
// skipped. Office font names are mapped to Noto CJK by resources/fonts/render-fonts.conf.

const hasTool = (name: string) => spawnSync('which', [name]).status === 0;
export const hasLibreOffice = hasTool('soffice') && hasTool('pdftotext') && hasTool('pdfinfo');

const fontConfig = resolve(import.meta.dirname, '../../../../resources/fonts/render-fonts.conf');

export interface Rendered {
  pdf: string;
  pageCount: number;
  /** Text of each page with all whitespace removed (pdftotext spaces out CJK text). */
  pages: string[];
}

export function renderDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'docx-render-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function renderPdf(doc: Document, name: string, dir: string): Promise<Rendered> {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, new Uint8Array(await Packer.toArrayBuffer(doc)));
  // A private profile: parallel runs and a user's open LibreOffice would otherwise collide.
  const profile = `file://${join(dir, `lo-${name}-${process.pid}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], {
    timeout: 120_000,
    stdio: 'ignore',
    env: { ...process.env, FONTCONFIG_FILE: fontConfig },
  });
  const pdf = join(dir, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
  const pageCount = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  const pages = text.split('\f').slice(0, pageCount).map((p) => p.replace(/\s+/g, ''));
  return { pdf, pageCount, pages };
}

/** A printed line as pdftotext -bbox-layout reports it: text without spaces, box in points. */
export interface PrintedLine {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PrintedWord extends PrintedLine {}

export const PT_PER_MM = 72 / 25.4;

function boxes(pdf: string, tag: 'line' | 'word'): PrintedLine[] {
  const html = execFileSync('pdftotext', ['-bbox-layout', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const out: PrintedLine[] = [];
  html.split(/<page /).slice(1).forEach((page, p) => {
    const re = tag === 'line' ? /<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g : /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g;
    for (const m of page.matchAll(re)) {
      const text = tag === 'line' ? [...m[5].matchAll(/<word[^>]*>([^<]*)<\/word>/g)].map((w) => w[1]).join('') : m[5];
      out.push({ page: p + 1, text: text.replace(/\s+/g, ''), xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]) });
    }
  });
  return out;
}

/** Every printed line (a table cell's lines are lines of their own). */
export function printedLines(pdf: string): PrintedLine[] {
  return boxes(pdf, 'line');
}

/** Every printed word (pdftotext splits at spaces and at changes of script). */
export function printedWords(pdf: string): PrintedWord[] {
  return boxes(pdf, 'word');
}

/** Each page's size in points (pdfinfo), in page order. */
export function printedPageSizes(pdf: string): { w: number; h: number }[] {
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', pdf], { encoding: 'utf8' });
  return [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => ({ w: Number(m[1]), h: Number(m[2]) }));
}
