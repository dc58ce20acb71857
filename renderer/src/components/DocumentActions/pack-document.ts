import type { DocumentInput, DocumentKindId } from '../../../../shared/documents/registry';
import { runPack } from './pack-core';
import type { PackedDocument, PackProgress, PackRequest, PackResponse } from './pack-protocol';

export interface PackOptions {
  onProgress?: (progress: PackProgress) => void;
  /** Aborting terminates the worker; the promise rejects with an AbortError. */
  signal?: AbortSignal;
}

function abortError(): DOMException {
  return new DOMException('已取消', 'AbortError');
}

export function isAbortError(error: unknown): boolean {
  return error instanceof DOMException && error.name === 'AbortError';
}

function packInWorker(request: PackRequest, { onProgress, signal }: PackOptions): Promise<PackedDocument[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./pack.worker.ts', import.meta.url), { type: 'module' });
    const finish = () => {
      worker.terminate();
      signal?.removeEventListener('abort', onAbort);
    };
    const onAbort = () => {
      finish();
      reject(abortError());
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    worker.onmessage = (event: MessageEvent<PackResponse>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress?.(message.progress);
      else if (message.type === 'done') {
        finish();
        resolve(message.documents);
      } else {
        finish();
        reject(new Error(message.message));
      }
    };
    worker.onerror = (event) => {
      finish();
      reject(new Error(event.message || '文档生成进程出错'));
    };
    worker.postMessage(request);
  });
}

/** Where Worker is missing (jsdom tests, very old browsers): same work on the main thread. */
async function packOnMainThread(request: PackRequest, { onProgress, signal }: PackOptions): Promise<PackedDocument[]> {
  const documents = await runPack(request, (p) => onProgress?.(p), () => signal?.aborted ?? false);
  if (signal?.aborted) throw abortError();
  return documents;
}

/**
 * Builds and packs one document per input, off the UI thread. Module pages use it for batches
 * (e.g. every 聘书 of a roster); DocumentActions uses it for one.
 */
export async function packDocuments<K extends DocumentKindId>(kind: K, inputs: DocumentInput<K>[], options: PackOptions = {}): Promise<PackedDocument[]> {
  if (options.signal?.aborted) throw abortError();
  const request: PackRequest = { type: 'pack', kind, inputs };
  return typeof Worker === 'undefined' ? packOnMainThread(request, options) : packInWorker(request, options);
}

export async function packDocument<K extends DocumentKindId>(kind: K, input: DocumentInput<K>, options: PackOptions = {}): Promise<PackedDocument> {
  const [document] = await packDocuments(kind, [input], options);
  return document;
}
