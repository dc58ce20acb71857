import { describe, expect, it } from 'vitest';
import { buildLedgerListing, listingColumnWidths, listingOrientation, type LedgerListingInput } from '../../../../../shared/documents/ledgers/ledger-listing';
import { packDocx, tableRows } from '../docx-xml';

const input = (columns: number, rows = 3): LedgerListingInput => ({
  title: '科技顾问名册',
  columns: Array.from({ length: columns }, (_, i) => ({ header: `列${i + 1}`, screenWidth: 100 + i * 20 })),
  rows: Array.from({ length: rows }, (_, r) => Array.from({ length: columns }, (_, c) => `第${r + 1}行${c + 1}`)),
  scopeDescription: '筛选出的 3 条记录',
  organisation: '广西壮族自治区科学技术厅',
  generatedOn: '2026-11-30',
});

describe('名册 / 列表 document (issue 8 item 11)', () => {
  it('turns landscape when the columns would not fit a portrait 版心', () => {
    expect(listingOrientation(5)).toBe('portrait');
    expect(listingOrientation(9)).toBe('landscape');
  });

  it('keeps the screen proportions and fills the 版心 exactly', () => {
    const widths = listingColumnWidths([100, 200, 100], 156);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(156 - 11);
    expect(widths[1]).toBeGreaterThan(widths[0]);
  });

  it('prints the rows given, numbered, with a header row, landscape when wide', async () => {
    const { document } = await packDocx(buildLedgerListing(input(9)));
    const rows = tableRows(document);
    expect(rows).toHaveLength(4);
    expect(document).toContain('w:orient="landscape"');
    expect(document).toContain('第3行9');
    expect(document).toContain('筛选出的 3 条记录，共3条。');
    const { document: narrow } = await packDocx(buildLedgerListing(input(4)));
    expect(narrow).not.toContain('w:orient="landscape"');
  });
});
