import { ImportedXmlComponent, type Document } from 'docx';
import { gbFonts } from './fonts';

/**
 * word/fontTable.xml entries for the GB/T 9704 fonts, as Word itself writes them on a Chinese
 * Windows PC. A machine without 仿宋_GB2312, 楷体_GB2312 or 方正小标宋简体 (Windows 10+ ships only
 * 仿宋/楷体) substitutes by these hints: w:altName first, then the GB2312 charset (86), family
 * and pitch — with an empty table Word falls back to its own default font instead.
 */
export interface FontTableEntry {
  name: string;
  /** The font Word takes when `name` is not installed. */
  altName: string;
  panose1: string;
  family: 'roman' | 'swiss' | 'modern' | 'script' | 'decorative' | 'auto';
  pitch: 'fixed' | 'variable' | 'default';
  /** w:sig as Word writes it: Unicode ranges (usb) and code pages (csb) the font covers. */
  sig: { usb0: string; usb1: string; usb2: string; usb3: string; csb0: string; csb1: string };
}

/** GB2312 (简体中文) in w:charset, hexadecimal as Word writes it. */
export const GB2312_CHARSET = '86';

// Signature and PANOSE values of the fonts as Word writes them in documents from Chinese offices.
const GB2312_SIG = { usb0: '00000001', usb1: '080E0000', usb2: '00000010', usb3: '00000000', csb0: '00040000', csb1: '00000000' };

export const gbFontTable: Record<string, FontTableEntry> = {
  [gbFonts.body]: { name: gbFonts.body, altName: '仿宋', panose1: '02010609030101010101', family: 'modern', pitch: 'fixed', sig: GB2312_SIG },
  [gbFonts.heading2]: { name: gbFonts.heading2, altName: '楷体', panose1: '02010609030101010101', family: 'modern', pitch: 'fixed', sig: GB2312_SIG },
  [gbFonts.title]: { name: gbFonts.title, altName: '宋体', panose1: '02000000000000000000', family: 'script', pitch: 'default', sig: GB2312_SIG },
  [gbFonts.heading1]: {
    name: gbFonts.heading1,
    altName: 'SimHei',
    panose1: '02010609060101010101',
    family: 'modern',
    pitch: 'fixed',
    sig: { usb0: '800002BF', usb1: '38CF7CFA', usb2: '00000016', usb3: '00000000', csb0: '00040001', csb1: '00000000' },
  },
  [gbFonts.pageNumber]: {
    name: gbFonts.pageNumber,
    altName: 'SimSun',
    panose1: '02010600030101010101',
    family: 'auto',
    pitch: 'variable',
    sig: { usb0: '00000003', usb1: '288F0000', usb2: '00000016', usb3: '00000000', csb0: '00040001', csb1: '00000000' },
  },
};

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

function fontXml(f: FontTableEntry): string {
  const s = f.sig;
  // CT_Font order: altName, panose1, charset, family, notTrueType, pitch, sig.
  return (
    `<w:font w:name="${esc(f.name)}"><w:altName w:val="${esc(f.altName)}"/><w:panose1 w:val="${f.panose1}"/>` +
    `<w:charset w:val="${GB2312_CHARSET}"/><w:family w:val="${f.family}"/><w:pitch w:val="${f.pitch}"/>` +
    `<w:sig w:usb0="${s.usb0}" w:usb1="${s.usb1}" w:usb2="${s.usb2}" w:usb3="${s.usb3}" w:csb0="${s.csb0}" w:csb1="${s.csb1}"/></w:font>`
  );
}

export function fontTableXml(fonts: readonly string[]): string {
  const entries = [...new Set(fonts)].map((name) => {
    const entry = gbFontTable[name];
    if (!entry) throw new Error(`字体“${name}”没有字体表条目（style-kit/font-table.ts）`);
    return fontXml(entry);
  });
  return (
    '<w:fonts xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" ' +
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
    entries.join('') +
    '</w:fonts>'
  );
}

/**
 * Replaces the document's (empty) font table with entries for `fonts`. docx writes
 * word/fontTable.xml from its font wrapper's `fontTable` view and only fills it for embedded
 * fonts, which the kit does not use; the wrapper's other parts (relationships, files) stay.
 */
export function withFontTable<D extends Document>(doc: D, fonts: readonly string[] = Object.values(gbFonts)): D {
  const wrapper = (doc as unknown as { fontWrapper?: { fontTable: unknown; files: unknown[] } }).fontWrapper;
  if (!wrapper || !('fontTable' in wrapper) || wrapper.files.length > 0) throw new Error('docx 的字体表结构已变化，无法写入字体表');
  wrapper.fontTable = ImportedXmlComponent.fromXmlString(fontTableXml(fonts));
  return doc;
}
