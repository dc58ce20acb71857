/** The read bench's bundle file, kept across reloads in IndexedDB (its own little database) as a Blob. */
function store(mode: IDBTransactionMode): Promise<IDBObjectStore> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('bench-bundle-read', 2);
    open.onupgradeneeded = () => {
      if (!open.result.objectStoreNames.contains('bundle')) open.result.createObjectStore('bundle');
    };
    open.onerror = () => reject(open.error);
    open.onsuccess = () => resolve(open.result.transaction('bundle', mode).objectStore('bundle'));
  });
}
const request = <T>(r: IDBRequest<T>) => new Promise<T>((resolve, reject) => ((r.onsuccess = () => resolve(r.result)), (r.onerror = () => reject(r.error))));

/** Resolves once committed: a worker that stashes must not be terminated before (the Blob would be lost). */
export async function stashBundle(blob: Blob): Promise<void> {
  const s = await store('readwrite');
  s.put(blob, 'file');
  await new Promise<void>((resolve, reject) => ((s.transaction.oncomplete = () => resolve()), (s.transaction.onabort = () => reject(s.transaction.error))));
}

export async function stashedBundle(): Promise<Blob> {
  const blob = await request((await store('readonly')).get('file') as IDBRequest<Blob | undefined>);
  if (!blob) throw new Error('没有找到基准数据包');
  return blob;
}

export async function dropStashedBundle(): Promise<void> {
  await request((await store('readwrite')).delete('file'));
}
