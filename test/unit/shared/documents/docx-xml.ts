import { Packer, type Document } from 'docx';
import { strFromU8, unzipSync } from 'fflate';

/** The parts of a packed .docx the tests read, as XML text. */
export interface DocxParts {
  bytes: Uint8Array;
  document: string;
  styles: string;
  settings: string;
  fontTable: string;
  /** footer part name (word/footer1.xml …) → XML */
  footers: Record<string, string>;
  rels: string;
}

/** Unzips bytes produced by Packer (fflate is the zip library docx itself uses). */
export function readDocx(bytes: Uint8Array): DocxParts {
  const files = unzipSync(bytes);
  const text = (name: string) => (files[name] ? strFromU8(files[name]) : '');
  const footers: Record<string, string> = {};
  for (const name of Object.keys(files)) if (/^word\/footer\d+\.xml$/.test(name)) footers[name] = text(name);
  return {
    bytes,
    document: text('word/document.xml'),
    styles: text('word/styles.xml'),
    settings: text('word/settings.xml'),
    fontTable: text('word/fontTable.xml'),
    footers,
    rels: text('word/_rels/document.xml.rels'),
  };
}

export async function packDocx(doc: Document): Promise<DocxParts> {
  return readDocx(new Uint8Array(await Packer.toArrayBuffer(doc)));
}

/** The <w:style> element with this id. */
export function styleXml(styles: string, id: string): string {
  const m = new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>[\\s\\S]*?</w:style>`).exec(styles);
  if (!m) throw new Error(`style ${id} not found`);
  return m[0];
}

/** Attributes of the first element `tag` in `xml`, as a record. */
export function attrs(xml: string, tag: string): Record<string, string> {
  const m = new RegExp(`<${tag}(\\s[^>]*?)?/?>`).exec(xml);
  if (!m) throw new Error(`<${tag}> not found`);
  const out: Record<string, string> = {};
  for (const a of (m[1] ?? '').matchAll(/([\w:]+)="([^"]*)"/g)) out[a[1]] = a[2];
  return out;
}

export function allMatches(xml: string, re: RegExp): string[] {
  return [...xml.matchAll(re)].map((m) => m[1] ?? m[0]);
}

/** The visible text of each paragraph, in order. */
export function paragraphTexts(xml: string): string[] {
  return allMatches(xml, /<w:p[ >][\s\S]*?<\/w:p>/g).map((p) => allMatches(p, /<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g).join(''));
}

/** Each table row's cell texts (paragraphs in a cell joined by "\n"). */
export function tableRows(xml: string): string[][] {
  return allMatches(xml, /<w:tr[ >][\s\S]*?<\/w:tr>/g).map((tr) =>
    allMatches(tr, /<w:tc>[\s\S]*?<\/w:tc>/g).map((tc) => paragraphTexts(tc).join('\n')),
  );
}
