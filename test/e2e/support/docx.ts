import { strFromU8, unzipSync } from 'fflate';

/** The text of word/document.xml without tags (runs may split a line); throws if not a .docx. */
export function documentText(bytes: Uint8Array): string {
  const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
  return xml.replace(/<[^>]+>/g, '');
}
