import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { documentFileName, documentKindIds, documentKinds, packDocumentBytes, type DocumentKindId, type DocumentInput } from '../shared/documents/registry';
import { sampleInputs, type SampleDataset } from '../shared/documents/samples';

// `npm run sample-docs -- <folder>`: one .docx per document kind in the registry, built from
// the fictional sample dataset, so a reviewer can open every document in Word/WPS at once.
const root = resolve(import.meta.dirname, '..');
export const SAMPLE_DATASET_PATH = join(root, 'resources/sample-data/sample-data.json');
const FALLBACK_FIXTURE_PATH = join(root, 'test/fixtures/documents/sample-dataset.json');

export async function loadSampleDataset(path = SAMPLE_DATASET_PATH): Promise<SampleDataset> {
  // The lead's dataset is the source; a small fixture keeps the script usable without it.
  const source = existsSync(path) ? path : FALLBACK_FIXTURE_PATH;
  return JSON.parse(await readFile(source, 'utf8')) as SampleDataset;
}

export interface WrittenDocument {
  kind: DocumentKindId;
  label: string;
  path: string;
  bytes: number;
}

export async function writeSampleDocuments(folder: string, dataset?: SampleDataset): Promise<WrittenDocument[]> {
  const inputs = sampleInputs(dataset ?? (await loadSampleDataset()));
  await mkdir(folder, { recursive: true });
  const written: WrittenDocument[] = [];
  for (const kind of documentKindIds) {
    const input = inputs[kind] as DocumentInput<typeof kind>;
    const bytes = await packDocumentBytes(kind, input);
    const path = join(folder, documentFileName(kind, input));
    await writeFile(path, bytes);
    written.push({ kind, label: documentKinds[kind].label, path, bytes: bytes.length });
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = process.argv[2];
  if (!folder) {
    console.error('用法：npm run sample-docs -- <输出文件夹>');
    process.exit(2);
  }
  try {
    const written = await writeSampleDocuments(resolve(folder));
    for (const w of written) console.log(`${w.label}：${w.path}（${w.bytes} 字节）`);
    console.log(`已生成 ${written.length} 份示例文档。`);
  } catch (error) {
    console.error(`生成示例文档失败：${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
