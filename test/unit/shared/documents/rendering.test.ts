import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Packer, type Document } from 'docx';
import { afterAll, describe, expect, it } from 'vitest';
import { buildOperationLogReport } from '../../../../shared/documents/audit/operation-log-report';
import { buildKitSample } from '../../../fixtures/documents/kit-sample';
import { operationLogInput } from '../../../fixtures/documents/operation-log-input';

// DESIGN §Documents: every document is also checked by rendering (LibreOffice → PDF → text).
// CI installs LibreOffice; a machine without it reports these tests as skipped.
const hasTool = (name: string) => spawnSync('which', [name]).status === 0;
const hasSoffice = hasTool('soffice') && hasTool('pdftotext');

const dir = mkdtempSync(join(tmpdir(), 'gb-render-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function renderToText(doc: Document, name: string): Promise<string[]> {
  const docx = join(dir, `${name}.docx`);
  writeFileSync(docx, new Uint8Array(await Packer.toArrayBuffer(doc)));
  // A private profile: parallel runs and a user's open LibreOffice would otherwise collide.
  const profile = `file://${join(dir, `lo-${name}-${process.pid}`)}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx], { timeout: 120_000, stdio: 'ignore' });
  const pdf = join(dir, `${name}.pdf`);
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f');
  // Compare without whitespace: pdftotext spaces out grid-aligned CJK text.
  return pages.map((p) => p.replace(/\s+/g, '')).filter(Boolean);
}

describe.skipIf(!hasSoffice)('rendering with LibreOffice (soffice + pdftotext)', () => {
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

it.skipIf(hasSoffice)('SKIPPED rendering check: soffice/pdftotext not installed (CI installs LibreOffice)', () => {
  console.warn('文档渲染检查已跳过：未找到 soffice 或 pdftotext');
});
