/**
 * The file types the app writes to disk, and what their bytes must look like. The renderer is
 * not trusted to name a type: a compromised page could otherwise save or launch "报告.exe", a
 * script, or an executable named "报告.docx". Every path that writes renderer bytes under a
 * renderer-suggested name (保存, 打印/打开, later 附件) goes through here: the extension must be
 * one of ours and the bytes must be what the extension says.
 */
import path from 'node:path';
import { ServiceError } from './errors';
import { DEFAULT_FILE_NAME, sanitizeFileName } from './file-names';

export type DocumentKind = 'docx' | 'xlsx' | 'pdf' | 'sclb';

interface DocumentType {
  /** Chinese name used in refusals. */
  label: string;
  /** True when the bytes are this type (checked from the header and zip directory only). */
  matches(bytes: Uint8Array): boolean;
}

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const EOCD_SIZE = 22;

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

/**
 * Entry names of a zip that STARTS with a local header (so an executable with a zip appended —
 * a self-extracting .exe — is not a zip here), read from its central directory; null when the
 * bytes are not such a zip. Nothing is inflated.
 */
export function zipEntryNames(bytes: Uint8Array, maxEntries = 10_000): string[] | null {
  if (bytes.length < EOCD_SIZE + 4 || u32(bytes, 0) !== SIG_LOCAL) return null;
  let eocd = -1;
  for (let i = bytes.length - EOCD_SIZE; i >= Math.max(0, bytes.length - EOCD_SIZE - 0xffff); i--) {
    if (u32(bytes, i) === SIG_EOCD) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(bytes, eocd + 10);
  let offset = u32(bytes, eocd + 16);
  if (count > maxEntries || offset >= bytes.length) return null;
  const names: string[] = [];
  const decoder = new TextDecoder();
  for (let i = 0; i < count; i++) {
    if (offset + 46 > bytes.length || u32(bytes, offset) !== SIG_CENTRAL) return null;
    const nameLength = u16(bytes, offset + 28);
    const extraLength = u16(bytes, offset + 30);
    const commentLength = u16(bytes, offset + 32);
    if (offset + 46 + nameLength > bytes.length) return null;
    names.push(decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)));
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function isOfficeOpenXml(bytes: Uint8Array, mainPart: string): boolean {
  const names = zipEntryNames(bytes);
  return names !== null && names.includes('[Content_Types].xml') && names.includes(mainPart);
}

const PDF_MAGIC = [0x25, 0x50, 0x44, 0x46, 0x2d]; // "%PDF-"

export const documentTypes: Record<DocumentKind, DocumentType> = {
  docx: { label: 'Word 文档', matches: (b) => isOfficeOpenXml(b, 'word/document.xml') },
  xlsx: { label: 'Excel 表格', matches: (b) => isOfficeOpenXml(b, 'xl/workbook.xml') },
  pdf: { label: 'PDF 文件', matches: (b) => PDF_MAGIC.every((byte, i) => b[i] === byte) },
  sclb: { label: 'SciLedger 数据包', matches: (b) => zipEntryNames(b)?.includes('manifest.json') ?? false },
};

export function isDocumentKind(value: string): value is DocumentKind {
  return Object.hasOwn(documentTypes, value);
}

function allowedList(kinds: readonly DocumentKind[]): string {
  return kinds.map((kind) => `.${kind}`).join('、');
}

/** The kind a file name claims by its extension, refused unless it is one of `allowed`. */
export function documentKindOf(name: string, allowed: readonly DocumentKind[]): DocumentKind {
  // Windows drops trailing dots and spaces, so "报告.docx. ." is a .docx to it, and to us.
  const extension = path.extname(name.replace(/[.\s]+$/, '')).slice(1).toLowerCase();
  if (!isDocumentKind(extension) || !allowed.includes(extension)) {
    const shown = extension ? `“.${extension}”` : '没有扩展名的';
    throw new ServiceError(`不能写入${shown}文件：只允许 ${allowedList(allowed)} 文件，未写入也未打开任何文件`);
  }
  return extension;
}

/** Refuses bytes that are not what the kind says (e.g. an executable named 报告.docx). */
export function requireDocumentBytes(kind: DocumentKind, bytes: Uint8Array): void {
  if (!documentTypes[kind].matches(bytes)) {
    throw new ServiceError(`文件内容不是有效的${documentTypes[kind].label}（.${kind}），已拒绝，未写入也未打开任何文件`);
  }
}

/**
 * A safe file name ending in exactly `.<kind>`: the sanitised suggestion with the extension
 * forced by us, so nothing like "报告.docx." or "报告.docx .exe" survives.
 */
export function nameWithKind(suggested: string, kind: DocumentKind): string {
  const clean = sanitizeFileName(suggested);
  const extension = path.extname(clean);
  const stem = extension.toLowerCase() === `.${kind}` ? clean.slice(0, -extension.length).replace(/[. ]+$/, '') : clean;
  return `${stem || DEFAULT_FILE_NAME}.${kind}`;
}
