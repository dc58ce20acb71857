import type { ExportCell, ExportSheetSpec } from '../../../../shared/excel/exportSheet';
import type { SheetData } from '../../../../shared/excel/sheetCell';
import type { ExcelRequest, ExcelResponse } from './excel-protocol';

/**
 * The excel worker seen from the page: one request at a time, answered in order. Where Worker
 * is missing (jsdom tests) the same code runs on the main thread.
 */
interface Channel {
  send(request: ExcelRequest, transfer?: Transferable[]): Promise<ExcelResponse>;
  close(): void;
}

function workerChannel(onProgress?: (done: number) => void): Channel {
  const worker = new Worker(new URL('./excel.worker.ts', import.meta.url), { type: 'module' });
  let pending: { resolve: (r: ExcelResponse) => void; reject: (e: Error) => void } | null = null;
  worker.onmessage = (event: MessageEvent<ExcelResponse>) => {
    const message = event.data;
    if (message.type === 'progress') return onProgress?.(message.done);
    const p = pending;
    pending = null;
    if (message.type === 'error') p?.reject(new Error(message.message));
    else p?.resolve(message);
  };
  worker.onerror = (event) => {
    pending?.reject(new Error(event.message || 'Excel 处理进程出错'));
    pending = null;
  };
  return {
    send: (request, transfer = []) =>
      new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.postMessage(request, transfer);
      }),
    close: () => worker.terminate(),
  };
}

async function mainThreadChannel(onProgress?: (done: number) => void): Promise<Channel> {
  const { LedgerWorkbookWriter, readWorkbook } = await import('./workbookIo');
  let writer: InstanceType<typeof LedgerWorkbookWriter> | null = null;
  return {
    async send(request) {
      if (request.type === 'begin') writer = new LedgerWorkbookWriter(request.spec);
      else if (request.type === 'rows') writer?.addRows(request.rows);
      else if (request.type === 'finish') return { type: 'written', bytes: await writer!.finish() };
      else if (request.type === 'read') return { type: 'read', sheets: await readWorkbook(request.bytes, request.fileName, onProgress) };
      return { type: 'ready' };
    },
    close: () => undefined,
  };
}

const openChannel = (onProgress?: (done: number) => void) => (typeof Worker === 'undefined' ? mainThreadChannel(onProgress) : Promise.resolve(workerChannel(onProgress)));

/**
 * Writes a ledger sheet: `nextRows` is called until it returns null, each block is handed to the
 * worker before the next is read, so neither side holds the ledger twice.
 */
export async function writeLedgerWorkbook(spec: ExportSheetSpec, nextRows: () => Promise<ExportCell[][] | null>): Promise<Uint8Array> {
  const channel = await openChannel();
  try {
    await channel.send({ type: 'begin', spec });
    for (let rows = await nextRows(); rows; rows = await nextRows()) await channel.send({ type: 'rows', rows });
    const done = await channel.send({ type: 'finish' });
    return (done as Extract<ExcelResponse, { type: 'written' }>).bytes;
  } finally {
    channel.close();
  }
}

/** Every sheet of the file as plain cells; rejects with the clerk's message for a file that cannot be read. */
export async function readSpreadsheet(bytes: Uint8Array, fileName: string, onProgress?: (done: number) => void): Promise<SheetData[]> {
  const channel = await openChannel(onProgress);
  try {
    const done = await channel.send({ type: 'read', bytes, fileName });
    return (done as Extract<ExcelResponse, { type: 'read' }>).sheets;
  } finally {
    channel.close();
  }
}
