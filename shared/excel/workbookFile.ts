/**
 * What kind of file the clerk picked, from its first bytes, before any parser sees it: an .xlsx
 * is a zip; an old .xls and a password-protected .xlsx are both OLE compound files (the
 * encrypted workbook sits in an "EncryptedPackage" stream next to "EncryptionInfo").
 */
export type SpreadsheetFileKind = 'xlsx' | 'xls' | 'encrypted' | 'empty' | 'other';

const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16LE text inside the bytes (OLE directory entry names are stored that way). */
function containsUtf16(bytes: Uint8Array, text: string): boolean {
  const needle = Array.from(text).flatMap((c) => [c.charCodeAt(0), 0]);
  outer: for (let i = 0; i + needle.length <= bytes.length; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

export function spreadsheetFileKind(bytes: Uint8Array): SpreadsheetFileKind {
  if (bytes.length === 0) return 'empty';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'xlsx';
  if (startsWith(bytes, OLE)) return containsUtf16(bytes, 'EncryptedPackage') ? 'encrypted' : 'xls';
  return 'other';
}

/**
 * Larger files are refused before parsing. The reader streams each sheet, but the file itself is
 * held in memory and every kept row becomes preview data; 100,000 service logs make a file of
 * about 4 MB, so 40 MB leaves room for wide sheets and extra tabs.
 */
export const MAX_IMPORT_FILE_BYTES = 40 * 1024 * 1024;

/** The clerk's message for a file that cannot be imported, or null for an .xlsx. */
export function spreadsheetFileProblem(bytes: Uint8Array, fileName: string): string | null {
  if (bytes.length > MAX_IMPORT_FILE_BYTES) {
    return `“${fileName}”有 ${(bytes.length / 1024 / 1024).toFixed(0)} MB，超过一次导入的上限 ${MAX_IMPORT_FILE_BYTES / 1024 / 1024} MB：请删去不需要的工作表或拆分成几个文件后再导入`;
  }
  switch (spreadsheetFileKind(bytes)) {
    case 'xlsx':
      return null;
    case 'empty':
      return `文件“${fileName}”是空的（0 字节）`;
    case 'xls':
      return `“${fileName}”是旧版 Excel 97-2003 格式（.xls），无法直接读取：请在 WPS/Excel 中另存为 .xlsx 后再导入`;
    case 'encrypted':
      return `“${fileName}”设置了打开密码，无法读取：请在 WPS/Excel 中取消密码（文件 → 信息/文档加密）并另存后再导入`;
    default:
      return /\.(csv|txt)$/i.test(fileName)
        ? `“${fileName}”是文本文件，不是 Excel 工作簿：请在 WPS/Excel 中打开并另存为 .xlsx 后再导入`
        : `“${fileName}”不是 Excel 工作簿（.xlsx），无法导入`;
  }
}
