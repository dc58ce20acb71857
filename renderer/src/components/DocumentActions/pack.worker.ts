import { errorMessage, runPack } from './pack-core';
import type { PackRequest, PackResponse } from './pack-protocol';

// Builds and zips .docx files off the UI thread: a batch of 聘书 or a long 操作记录 would
// otherwise freeze the page. Cancelling is worker.terminate() on the page's side.
function post(message: PackResponse, transfer: Transferable[] = []): void {
  self.postMessage(message, { transfer });
}

self.onmessage = async (event: MessageEvent<PackRequest>) => {
  try {
    const documents = await runPack(event.data, (progress) => post({ type: 'progress', progress }));
    post({ type: 'done', documents }, documents.map((d) => d.bytes.buffer as ArrayBuffer));
  } catch (error) {
    post({ type: 'error', message: errorMessage(error) });
  }
};
