import { afterAll, describe, expect, it } from 'vitest';
import { buildOperationLogReport } from '../../../../shared/documents/audit/operation-log-report';
import { buildKitSample } from '../../../fixtures/documents/kit-sample';
import { operationLogInput } from '../../../fixtures/documents/operation-log-input';
import { bodyParagraph, createGbDocument, ledgerTable, signatureBlock, title } from '../../../../shared/documents/style-kit';
import { hasLibreOffice, printedLines, printedPageSizes, printedWords, PT_PER_MM, renderDir, renderPdf, type PrintedWord } from './render';

const { dir, cleanup } = renderDir();
afterAll(cleanup);

async function renderToText(doc: Parameters<typeof renderPdf>[0], name: string): Promise<string[]> {
  return (await renderPdf(doc, name, dir)).pages.filter(Boolean);
}

describe.skipIf(!hasLibreOffice)('rendering with LibreOffice (soffice + pdftotext)', () => {
  it('renders the kit sample: title, body, table, signature and — n — on two pages', { timeout: 180_000 }, async () => {
    const pages = await renderToText(buildKitSample(), 'kit');
    const all = pages.join('');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    expect(all).toContain('关于开展2026年度科技特派员服务情况检查的通知');
    expect(all).toContain('南宁示范食品科技有限公司');
    expect(all).toContain('广西壮族自治区科学技术厅');
    expect(pages[0]).toContain('—1—');
    expect(pages[1]).toContain('—2—');
  });

  it('renders the 操作记录 report with its rows and page number', { timeout: 180_000 }, async () => {
    const pages = await renderToText(buildOperationLogReport(operationLogInput), 'oplog');
    const all = pages.join('');
    expect(all).toContain('操作记录');
    expect(all).toContain('共3条记录');
    expect(all).toContain('2026年5月7日09:05');
    expect(all).toContain('重复录入的服务日志');
    expect(all).toContain('2026年6月1日');
    expect(pages[0]).toContain('—1—');
  });
});

const FILLER = '检查采取单位自查与实地抽查相结合的方式进行，重点查看服务日志、合作协议、签到表和现场照片等佐证材料，核实服务天数和解决技术难题情况，对发现的问题建立台账、限期整改。';

/** The words of the page number ("—", "3", "—") on each page, with the page's size. */
function pageNumberBoxes(pdf: string, pageSizes: { w: number; h: number }[]) {
  const words = printedWords(pdf).filter((w) => /^(—|\d{1,3})$/.test(w.text));
  return pageSizes.map((size, i) => {
    const landscape = size.w > size.h;
    // portrait: the line under the 版心; landscape: the left margin (the turned sheet's bottom)
    const mine = words.filter((w) => w.page === i + 1 && (landscape ? w.xMax < 35 * PT_PER_MM : w.yMin > size.h - 35 * PT_PER_MM));
    const box = (ws: PrintedWord[]) => ({ xMin: Math.min(...ws.map((w) => w.xMin)), xMax: Math.max(...ws.map((w) => w.xMax)), yMin: Math.min(...ws.map((w) => w.yMin)), yMax: Math.max(...ws.map((w) => w.yMax)) });
    return { landscape, number: Number(mine.find((w) => /\d/.test(w.text))?.text), ...box(mine), size };
  });
}

describe.skipIf(!hasLibreOffice)('the style kit measured on the LibreOffice PDF (pdftotext -bbox)', () => {
  it('sets 28 characters a line, 26 after the two-character first-line indent', { timeout: 180_000 }, async () => {
    const r = await renderPdf(createGbDocument({ title: 't', sections: [{ children: [bodyParagraph(FILLER)] }] }), 'grid', dir);
    const lines = printedLines(r.pdf).filter((l) => FILLER.includes(l.text));
    expect(lines.map((l) => [...l.text].length)).toEqual([26, 28, 28]);
    // the indent is two 三号 cells: the first line starts 2 × 15.8 pt right of the others
    expect(lines[0].xMin - lines[1].xMin).toBeGreaterThan(30);
    expect(lines[0].xMin - lines[1].xMin).toBeLessThan(33);
  });

  it('prints landscape page numbers where the portrait ones are once the sheet is turned (§10.2), within 1 mm', { timeout: 180_000 }, async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [String(i + 1), FILLER.slice(0, 30)]);
    const doc = createGbDocument({
      title: 't',
      sections: [
        { children: [title('文'), ...Array.from({ length: 12 }, () => bodyParagraph(FILLER))] },
        { orientation: 'landscape', children: [ledgerTable({ columns: [{ header: '序号', widthMm: 25, fit: 'whole' }, { header: '内容', widthMm: 200 }], rows })] },
      ],
    });
    const r = await renderPdf(doc, 'turned', dir);
    const sizes = printedPageSizes(r.pdf);
    const boxes = pageNumberBoxes(r.pdf, sizes);
    const portrait = boxes.filter((b) => !b.landscape);
    const landscape = boxes.filter((b) => b.landscape);
    expect(portrait.map((b) => b.number)).toEqual([1, 2]);
    expect(landscape.map((b) => b.number).slice(0, 2)).toEqual([3, 4]);
    const mm = (pt: number) => pt / PT_PER_MM;
    for (const turned of landscape) {
      const flat = portrait.find((p) => p.number % 2 === turned.number % 2)!;
      // along the line: portrait x from the left edge = landscape y from the top (the binding edge)
      expect(Math.abs(mm(turned.yMin - flat.xMin)), `page ${turned.number} start`).toBeLessThanOrEqual(1);
      expect(Math.abs(mm(turned.yMax - flat.xMax)), `page ${turned.number} end`).toBeLessThanOrEqual(1);
      // across: portrait distance from the bottom edge = landscape distance from the left edge
      expect(Math.abs(mm(turned.xMin - (flat.size.h - flat.yMax))), `page ${turned.number} across`).toBeLessThanOrEqual(1);
    }
  });

  it('signs a sealed document with the date 右空四字 and the office centred over it (§7.3.5.1)', { timeout: 180_000 }, async () => {
    const org = '自治区党委科技委员会办公室';
    const date = '2026年12月28日';
    const r = await renderPdf(createGbDocument({ title: 't', sections: [{ children: [bodyParagraph(FILLER), ...signatureBlock(org, date, 'sealed')] }] }), 'sealed', dir);
    const lines = printedLines(r.pdf);
    const orgLine = lines.find((l) => l.text === org)!;
    const dateLine = lines.find((l) => l.text === date)!;
    const textRight = (210 - 26) * PT_PER_MM;
    // 右空四字: four 三号 characters (64 pt) between the date and the 版心's right edge
    expect(Math.abs(textRight - dateLine.xMax - 64)).toBeLessThanOrEqual(PT_PER_MM);
    // centred over the date; LibreOffice widens the date by its 中西文间距 (¼ em at each of 5
    // switches), which Word does not, so the centres agree within one character here
    expect(Math.abs((orgLine.xMin + orgLine.xMax) / 2 - (dateLine.xMin + dateLine.xMax) / 2)).toBeLessThanOrEqual(16);
    // two blank lines above the office for the seal
    const body = lines.filter((l) => FILLER.includes(l.text));
    expect(orgLine.yMin - body[body.length - 1].yMax).toBeGreaterThan(2 * 28.95 - 8);
  });
});

it.skipIf(hasLibreOffice)('SKIPPED rendering check: soffice/pdftotext not installed (CI installs LibreOffice)', () => {
  console.warn('文档渲染检查已跳过：未找到 soffice 或 pdftotext');
});
