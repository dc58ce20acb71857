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
