/** Characters Windows forbids in file names (and control characters), replaced by "_". */
const FORBIDDEN = /[\\/:*?"<>|\u0000-\u001f]/g;

/** A file name safe on Windows, macOS and Linux, with the .docx extension. */
export function docxFileName(base: string): string {
  const clean = base.replace(FORBIDDEN, '_').replace(/[. ]+$/, '').trim() || '文档';
  return `${clean}.docx`;
}
