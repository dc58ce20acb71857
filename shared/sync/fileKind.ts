/**
 * What a file that is not a zip most likely is, from its first bytes — so a refused import says
 * "这是一个 PDF 文件" instead of a generic "不是 zip 格式" (issue 8 item 16).
 */
const signatures: { bytes: number[]; kind: string }[] = [
  { bytes: [0x25, 0x50, 0x44, 0x46], kind: 'PDF 文件' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], kind: 'Word/Excel 97-2003 文件（.doc/.xls）' },
  { bytes: [0x52, 0x61, 0x72, 0x21], kind: 'RAR 压缩包' },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf], kind: '7z 压缩包' },
  { bytes: [0x1f, 0x8b], kind: 'gzip 压缩文件' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], kind: 'PNG 图片' },
  { bytes: [0xff, 0xd8, 0xff], kind: 'JPEG 图片' },
  { bytes: [0x4d, 0x5a], kind: '程序文件（.exe）' },
];

const startsWith = (bytes: Uint8Array, sig: number[]) => bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

/** True when the start of the file decodes as text (UTF-8, no control bytes but tab/newline). */
function looksLikeText(bytes: Uint8Array): boolean {
  const head = bytes.subarray(0, 4096);
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(head.length === bytes.length ? head : head.subarray(0, head.length - 4));
    return !/[\u0000-\u0008\u000e-\u001f]/.test(text);
  } catch {
    return false;
  }
}

export function describeFileKind(bytes: Uint8Array): string {
  for (const { bytes: sig, kind } of signatures) if (startsWith(bytes, sig)) return kind;
  if (looksLikeText(bytes)) return '文本文件';
  return '未知格式的文件';
}
