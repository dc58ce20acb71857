import { readFileSync } from 'node:fs';
import { Document } from 'docx';
import { describe, expect, it } from 'vitest';
import { docxFileName } from '../../../../shared/documents/file-name';
import { buildDocument, documentFileName, documentKind, documentKindIds, documentKinds, isDocumentKindId } from '../../../../shared/documents/registry';
import { sampleInputs, sampleOperationLog } from '../../../../shared/documents/samples';
import { packDocx, tableRows } from './docx-xml';

const fixtureDataset = JSON.parse(readFileSync(new URL('../../../fixtures/documents/sample-dataset.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('document registry', () => {
  it('has a Chinese label, a builder and a .docx file name for every kind', () => {
    const inputs = sampleInputs(fixtureDataset);
    expect(documentKindIds.length).toBeGreaterThan(0);
    for (const kind of documentKindIds) {
      expect(documentKinds[kind].label).toMatch(/[\u4e00-\u9fff]/);
      expect(buildDocument(kind, inputs[kind])).toBeInstanceOf(Document);
      expect(documentFileName(kind, inputs[kind])).toMatch(/\.docx$/);
    }
  });

  it('names unknown kinds and invalid input in Chinese', () => {
    expect(isDocumentKindId('operationLogReport')).toBe(true);
    expect(isDocumentKindId('toString')).toBe(false);
    expect(() => documentKind('聘书')).toThrow('未知的文档类型“聘书”');
    expect(() => buildDocument('operationLogReport', { entries: 'x' } as never)).toThrow(/^操作记录数据无效：/);
  });

  it('makes file names safe on Windows', () => {
    expect(docxFileName('报告: 2026/05?')).toBe('报告_ 2026_05_.docx');
    expect(docxFileName('  ')).toBe('文档.docx');
  });
});

describe('sample inputs', () => {
  it('derives 操作记录 from the dataset: one 新增 per record, 修改 when a status moved on', () => {
    const entries = sampleOperationLog(fixtureDataset);
    expect(entries.map((e) => `${e.tableLabel}/${e.action}`)).toEqual(['科技顾问/新增', '服务日志/新增', '整改事项/新增', '整改事项/修改']);
    expect(entries[0]).toMatchObject({ at: '2026-02-01T09:00:00+08:00', fields: '吴清和（已聘任）', recordId: '0b1f6c2e-3d4a-4e5b-8c6d-7e8f9a0b1c2d' });
  });

  it('names every record in the 操作记录 sample (never a bare "记录") and writes dates in Chinese form', () => {
    const real = JSON.parse(readFileSync(new URL('../../../../resources/sample-data/sample-data.json', import.meta.url), 'utf8')) as Record<string, unknown>;
    const entries = sampleOperationLog(real);
    expect(entries.length).toBeGreaterThan(20);
    for (const e of entries) {
      expect(e.fields).not.toMatch(/^记录/);
      expect(e.fields, e.fields).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    }
    expect(entries.map((e) => e.fields)).toContain('桂科顾聘〔2025〕1号');
    expect(entries.map((e) => e.fields)).toContain('状态改为“已完成”，完成日期2026年8月20日');
  });

  it('builds a report whose rows are the derived entries', async () => {
    const input = sampleInputs(fixtureDataset).operationLogReport;
    expect(input.generatedOn).toBe('2026-09-12');
    const { document } = await packDocx(buildDocument('operationLogReport', input));
    expect(tableRows(document)).toHaveLength(1 + input.entries.length);
  });
});
