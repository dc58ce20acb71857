/// <reference lib="webworker" />
/**
 * Makes the read bench's bundle in a worker of its own and stores it as a Blob in IndexedDB, as
 * a clerk's file would be on disk: making 100,000 ops leaves memory behind, which in the page
 * would count as the reader's (the page keeps its renderer across a reload). A terminated
 * worker's heap is released at once.
 */
import { writeBundle, type SyncOp } from '../../../shared/sync';
import { encodeHlc } from '../../../shared/sync/hlc';
import { advisorRecords } from './benchPage';
import { stashBundle } from './bundleStash';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = async (event: MessageEvent<{ n: number; node: string }>) => {
  try {
    const { n, node } = event.data;
    const t0 = Date.now();
    const ops: SyncOp[] = advisorRecords(n).map(({ id, ...fields }, i) => {
      const opId = encodeHlc({ wallMs: t0 + Math.floor(i / 1000), counter: i % 1000 }, node);
      return { opId, nodeId: node, table: 'advisors', id, fields, deleted: false, operator: '基准', at: new Date(t0).toISOString(), prev: {} };
    });
    const bytes = writeBundle({ ops, nodeId: node, nodeName: '基准', schemaVersion: 1, bundleId: crypto.randomUUID(), createdAt: new Date(t0).toISOString(), vector: {}, kind: 'full' });
    await stashBundle(new Blob([bytes as Uint8Array<ArrayBuffer>]));
    scope.postMessage({ ok: true, size: bytes.length });
  } catch (error) {
    scope.postMessage({ ok: false, message: String(error) });
  }
};
