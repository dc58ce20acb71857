/// <reference lib="webworker" />
import type { FileStoreRequest, FileStoreResponse } from './fileStoreProtocol';

/**
 * Writes one batch of attachment files into the attachmentBlobs store (issue 11: import memory).
 * The Blobs are made here, not on the page: a Blob's bytes stay allocated until its JS object is
 * garbage-collected, which the page's small JS heap may not do for hundreds of MB; this worker
 * is terminated after its batch, which releases them at once. The store is local and untracked,
 * so plain IndexedDB is enough; the write is durable like every app write (DESIGN §Data).
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const reply = (message: FileStoreResponse) => scope.postMessage(message);

function openDb(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
    // Opened without a version: the page has created and upgraded the database already.
    request.onupgradeneeded = () => {
      request.transaction?.abort();
      reject(new Error('数据库尚未创建'));
    };
  });
}

scope.onmessage = async (event: MessageEvent<FileStoreRequest>) => {
  const { dbName, rows } = event.data;
  let db: IDBDatabase | null = null;
  try {
    db = await openDb(dbName);
    const tx = db.transaction('attachmentBlobs', 'readwrite', { durability: 'strict' });
    const store = tx.objectStore('attachmentBlobs');
    const stored: string[] = [];
    for (const row of rows) {
      const check = store.getKey(row.sha256);
      check.onsuccess = () => {
        // Another window may have stored it meanwhile: a stored file is never rewritten.
        if (check.result !== undefined) return;
        store.add({ sha256: row.sha256, size: row.size, blob: row.bytes instanceof Blob ? row.bytes : new Blob([row.bytes], { type: row.mime }), storedAt: row.storedAt });
        stored.push(row.sha256);
      };
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onabort = () => reject(tx.error ?? new Error('写入附件文件的事务已中止'));
      tx.onerror = () => undefined; // the abort that follows reports it
    });
    reply({ type: 'stored', sha256s: stored });
  } catch (error) {
    const e = error as { name?: string; message?: string };
    reply({ type: 'error', name: e?.name ?? 'Error', message: e?.message ?? String(error) });
  } finally {
    db?.close();
  }
};
