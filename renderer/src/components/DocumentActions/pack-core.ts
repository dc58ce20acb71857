import { documentFileName, packDocumentBytes, type DocumentInput, type DocumentKindId } from '../../../../shared/documents/registry';
import type { PackedDocument, PackProgress, PackRequest } from './pack-protocol';

/**
 * Builds and packs each input in turn, reporting progress per document. Shared by the worker
 * and the main-thread fallback; `isCancelled` is checked between documents.
 */
export async function runPack(
  { kind, inputs }: Pick<PackRequest, 'kind' | 'inputs'>,
  onProgress: (p: PackProgress) => void,
  isCancelled: () => boolean = () => false,
): Promise<PackedDocument[]> {
  const documents: PackedDocument[] = [];
  const total = inputs.length;
  for (let i = 0; i < total; i++) {
    if (isCancelled()) break;
    onProgress({ phase: 'building', done: i, total });
    const input = inputs[i] as DocumentInput<DocumentKindId>;
    onProgress({ phase: 'packing', done: i, total });
    const bytes = await packDocumentBytes(kind, input, (partDone, partTotal) => onProgress({ phase: 'building', done: i, total, part: { done: partDone, total: partTotal } }));
    documents.push({ fileName: documentFileName(kind, input), bytes });
  }
  return documents;
}

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
