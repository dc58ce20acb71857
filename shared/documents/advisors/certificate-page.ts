import { Packer, type ISectionOptions } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { createSheetDocument } from './certificate-style';

/**
 * A batch of 聘书 is hundreds of pages laid out alike (a ceremony's 1,000 certificates differ in
 * names and numbers). Formatting every page through docx's object model dominated the time, so
 * each distinct page layout is formatted once with placeholders and the texts are substituted,
 * XML-escaped exactly as docx escapes them. The result is byte for byte the document docx
 * writes for the same sections (tested), only faster.
 */
export interface CertificatePage {
  /** Pages with equal shapes differ in their texts only. */
  shape: string;
  /** The texts of the page's runs, in order. */
  texts: string[];
  /** The page with `texts[i]` as its i-th text. */
  section(texts: readonly string[]): ISectionOptions;
}

// Private-use characters: they pass through docx's escaping untouched and never occur in a
// certificate's text (a text that holds one makes the batch take the ordinary path).
const OPEN = '\uE000';
const CLOSE = '\uE001';
const SLOT = /\uE000(\d+)\uE001/;

/** The same escaping docx applies to text (its stringify: & " ' < > escaped, C0 controls dropped). */
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '"': '&quot;', "'": '&apos;', '<': '&lt;', '>': '&gt;' };
export function escapeXmlText(text: string): string {
  return text.replace(/[&"'<>\x00-\x08\x0B\x0C\x0E-\x1F]/g, (ch) => XML_ESCAPES[ch] ?? '');
}

/** Alternating literal XML and slot numbers. */
type Template = (string | number)[];

function compile(xml: string): Template {
  return xml.split(SLOT).map((part, i) => (i % 2 === 1 ? Number(part) : part));
}

interface PageTemplates {
  prefix: string;
  suffix: string;
  /** A page followed by another: its section break sits in its last paragraph. */
  middle: Template;
  /** The last page: its section properties close the body. */
  last: Template;
}

async function documentXml(title: string, sections: ISectionOptions[]): Promise<string> {
  const zip = new Uint8Array(await Packer.toArrayBuffer(createSheetDocument(title, sections)));
  return strFromU8(unzipSync(zip, { filter: (file) => file.name === 'word/document.xml' })['word/document.xml']);
}

/** Formats a shape twice in a row (placeholders for texts) and cuts out its middle and last forms. */
async function templatesOf(title: string, page: CertificatePage): Promise<PageTemplates> {
  const slots = page.texts.map((_, i) => `${OPEN}${i}${CLOSE}`);
  const xml = await documentXml(title, [page.section(slots), page.section(slots)]);
  const bodyStart = xml.indexOf('<w:body>') + '<w:body>'.length;
  const bodyEnd = xml.lastIndexOf('</w:body>');
  const body = xml.slice(bodyStart, bodyEnd);
  const firstEnd = body.indexOf('</w:p>', body.indexOf('</w:sectPr>')) + '</w:p>'.length;
  return { prefix: xml.slice(0, bodyStart), suffix: xml.slice(bodyEnd), middle: compile(body.slice(0, firstEnd)), last: compile(body.slice(firstEnd)) };
}

/** The .docx of `pages`, one section each, as docx would pack createSheetDocument(title, sections). */
export async function packCertificatePages(title: string, pages: CertificatePage[]): Promise<Uint8Array> {
  const sheet = () => createSheetDocument(title, pages.map((p) => p.section(p.texts)));
  if (pages.some((p) => p.texts.some((t) => t.includes(OPEN) || t.includes(CLOSE)))) return new Uint8Array(await Packer.toArrayBuffer(sheet()));

  const templates = new Map<string, PageTemplates>();
  for (const page of pages) if (!templates.has(page.shape)) templates.set(page.shape, await templatesOf(title, page));

  const any = templates.values().next().value as PageTemplates;
  const out: string[] = [any.prefix];
  pages.forEach((page, i) => {
    const own = templates.get(page.shape)!;
    for (const part of i === pages.length - 1 ? own.last : own.middle) out.push(typeof part === 'number' ? escapeXmlText(page.texts[part]) : part);
  });
  out.push(any.suffix);
  // Every other part of the package (styles, properties, relationships) comes from docx itself,
  // from a document of the first page alone; only the body is replaced.
  const frame = createSheetDocument(title, [pages[0].section(pages[0].texts)]);
  return new Uint8Array(await Packer.toArrayBuffer(frame, false, [{ path: 'word/document.xml', data: out.join('') }]));
}
