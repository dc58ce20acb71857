import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadSampleDataset, writeSampleDocuments } from '../../../scripts/sample-docs';
import { documentKindIds } from '../../../shared/documents/registry';

let dir = '';
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('npm run sample-docs', () => {
  it('writes one .docx per registered kind into a new folder', async () => {
    dir = await mkdtemp(join(tmpdir(), 'sample-docs-'));
    const folder = join(dir, 'nested', 'out');
    const written = await writeSampleDocuments(folder);
    expect(written.map((w) => w.kind).sort()).toEqual([...documentKindIds].sort());
    const files = await readdir(folder);
    expect(files).toHaveLength(documentKindIds.length);
    for (const w of written) {
      const bytes = await readFile(w.path);
      expect(bytes.subarray(0, 2).toString('latin1')).toBe('PK');
      expect(w.path.endsWith('.docx')).toBe(true);
    }
  });

  it('falls back to the test fixture when the sample dataset is missing', async () => {
    const dataset = await loadSampleDataset('/nonexistent/sample-data.json');
    expect(dataset).toHaveProperty('advisors');
    dir = await mkdtemp(join(tmpdir(), 'sample-docs-'));
    const [written] = await writeSampleDocuments(dir, dataset);
    expect(written.path).toContain('操作记录-2026-09-12.docx');
  });
});
