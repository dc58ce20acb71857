/**
 * What kind of file an attachment is. Preview (预览) is decided from the BYTES, never from the
 * name or a stored mime: only real PDFs and raster images are shown inside the app, and they are
 * shown without script (a PDF in a sandboxed frame, an image as <img>). SVG is not an image here
 * (it can carry script), nor is anything else the name merely claims to be.
 */
import { extensionOf } from './names';

export type PreviewKind = 'pdf' | 'image';

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);

/** The previewable kind of these bytes and their true mime, or null. */
export function sniffPreview(bytes: Uint8Array): { kind: PreviewKind; mime: string } | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return { kind: 'pdf', mime: 'application/pdf' };
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return { kind: 'image', mime: 'image/png' };
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return { kind: 'image', mime: 'image/jpeg' };
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return { kind: 'image', mime: 'image/gif' };
  if (startsWith(bytes, [0x42, 0x4d])) return { kind: 'image', mime: 'image/bmp' };
  if (startsWith(bytes, [0x52, 0x49, 0x46, 0x46]) && startsWith(bytes, [0x57, 0x45, 0x42, 0x50], 8)) return { kind: 'image', mime: 'image/webp' };
  return null;
}

const MIME_BY_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  bmp: 'image/bmp',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  doc: 'application/msword',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xls: 'application/vnd.ms-excel',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  ppt: 'application/vnd.ms-powerpoint',
  pptx: 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
  wps: 'application/vnd.ms-works',
  ofd: 'application/ofd',
  txt: 'text/plain',
  zip: 'application/zip',
  rar: 'application/vnd.rar',
};

/** The mime stored with an attachment: the sniffed one for previewable bytes, else by extension. */
export function mimeOf(name: string, bytes: Uint8Array): string {
  return sniffPreview(bytes)?.mime ?? MIME_BY_EXTENSION[extensionOf(name)] ?? 'application/octet-stream';
}

/** 种类 column: what the clerk recognises. */
export function kindLabel(name: string, mime: string): string {
  if (mime === 'application/pdf') return 'PDF';
  if (mime.startsWith('image/')) return '图片';
  const ext = extensionOf(name);
  if (['doc', 'docx', 'wps'].includes(ext)) return 'Word 文档';
  if (['xls', 'xlsx', 'et'].includes(ext)) return 'Excel 表格';
  if (['ppt', 'pptx', 'dps'].includes(ext)) return '演示文稿';
  if (ext === 'ofd') return 'OFD 版式文件';
  if (['zip', 'rar', '7z'].includes(ext)) return '压缩包';
  if (ext === 'txt') return '文本';
  return ext ? `${ext.toUpperCase()} 文件` : '文件';
}

/** "1.2 MB", "830 KB", "12 字节". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} 字节`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  if (bytes < 1024 * 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  return `${(bytes / 1024 / 1024 / 1024).toFixed(2)} GB`;
}
