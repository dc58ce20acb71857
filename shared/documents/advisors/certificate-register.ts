import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, ledgerTable, signatureBlock, title, type LedgerColumn } from '../style-kit';
import { gbDate } from './gb-extras';
import { LANDSCAPE_TEXT_WIDTH_MM } from '../style-kit/page';

export const certificateRegisterEntrySchema = z.object({
  number: z.string().trim().min(1, '请填写聘书编号'),
  name: z.string().trim().min(1),
  honorific: z.string().trim().min(1),
  homeInstitution: z.string().trim().optional(),
  termStart: isoDate,
  termEnd: isoDate,
  issuedOn: isoDate,
  /** A replacement printed under the original number: marked 补打（原号）. */
  isReprint: z.boolean().default(false),
  notes: z.string().trim().optional(),
});

export const certificateRegisterInputSchema = z.object({
  entries: z.array(certificateRegisterEntrySchema),
  organisation: z.string().trim().min(1, '请填写单位名称'),
  generatedOn: isoDate,
});
export type CertificateRegisterInput = z.input<typeof certificateRegisterInputSchema>;
type Entry = z.output<typeof certificateRegisterEntrySchema>;

export const REPRINT_MARK = '补打（原号）';

/*
 * Set in 五号 (10.5 pt) on the 225 mm landscape 版心 (style-kit/page.ts). Numbers, names and dates
 * are sized to stay on one line (fit 'whole'); 所在单位 and 备注 wrap. The reprint mark goes under
 * the number it reuses, where the column is wide enough for it. A register is
 * signed on receipt: 领取人签字 and 经办人 are blank columns wide enough for a signature, and the
 * rows tall enough for one.
 */
const TABLE_FONT_PT = 10.5;
const LANDSCAPE_TEXT_MM = LANDSCAPE_TEXT_WIDTH_MM;
/** Room for a handwritten signature. */
const SIGNATURE_ROW_MM = 12;

const COLUMNS: LedgerColumn[] = [
  { header: '序号', widthMm: 10, align: 'center', fit: 'whole' },
  { header: '聘书编号', widthMm: 32, align: 'center', fit: 'whole' },
  { header: '姓名', widthMm: 18, align: 'center', fit: 'whole' },
  { header: '院士称号', widthMm: 30, align: 'center', fit: 'whole' },
  { header: '所在单位', widthMm: 35 },
  { header: '聘期', widthMm: 40, align: 'center', fit: 'whole' },
  { header: '发放日期', widthMm: 32, align: 'center', fit: 'whole' },
  { header: '领取人\n签字', widthMm: 20, fit: 'whole', minWidthMm: 20 },
  { header: '经办人', widthMm: 14, fit: 'whole', minWidthMm: 14 },
  { header: '备注', widthMm: 20 },
];

function row(e: Entry, n: number): string[] {
  const number = e.isReprint ? `${e.number}\n${REPRINT_MARK}` : e.number;
  return [String(n + 1), number, e.name, e.honorific, e.homeInstitution ?? '', `${gbDate(e.termStart)}至\n${gbDate(e.termEnd)}`, gbDate(e.issuedOn), '', '', e.notes ?? ''];
}

/**
 * 聘书发放登记簿: every certificate handed out (seed 000 §三: 聘书以自治区人民政府名义聘任),
 * in order of issue; a reprint keeps its number and is marked 补打（原号）.
 */
export function buildCertificateRegister(raw: CertificateRegisterInput): Document {
  const d = certificateRegisterInputSchema.parse(raw);
  const entries = [...d.entries].sort((a, b) => a.issuedOn.localeCompare(b.issuedOn));
  const reprints = entries.filter((e) => e.isReprint).length;
  return createGbDocument({
    title: '广西科技顾问聘书发放登记簿',
    tableFontPt: TABLE_FONT_PT,
    sections: [
      {
        orientation: 'landscape',
        children: [
          title('广西科技顾问聘书发放登记簿'),
          bodyParagraph(`共登记聘书${entries.length}份${reprints ? `，其中补打${reprints}份（沿用原编号）` : ''}。`),
          ledgerTable({ columns: COLUMNS, rows: entries.map(row), fontPt: TABLE_FONT_PT, totalMm: LANDSCAPE_TEXT_MM, minRowHeightMm: SIGNATURE_ROW_MM }),
          // An internal register, not sent out under seal (§7.3.5.2).
          ...signatureBlock(d.organisation, gbDate(d.generatedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function certificateRegisterFileName(input: CertificateRegisterInput): string {
  return docxFileName(`聘书发放登记簿-${input.generatedOn}`);
}
