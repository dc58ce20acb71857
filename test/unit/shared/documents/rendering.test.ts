import { afterAll, describe, expect, it } from 'vitest';
import { buildOperationLogReport } from '../../../../shared/documents/audit/operation-log-report';
import { buildKitSample } from '../../../fixtures/documents/kit-sample';
import { operationLogInput } from '../../../fixtures/documents/operation-log-input';
import { hasLibreOffice, renderDir, renderPdf } from './render';

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
    expect(all).toContain('2026-05-0709:05');
    expect(all).toContain('重复录入的服务日志');
    expect(all).toContain('2026年6月1日');
    expect(pages[0]).toContain('—1—');
  });
});

it.skipIf(hasLibreOffice)('SKIPPED rendering check: soffice/pdftotext not installed (CI installs LibreOffice)', () => {
  console.warn('文档渲染检查已跳过：未找到 soffice 或 pdftotext');
});
