/// <reference lib="webworker" />
import type { ExcelRequest, ExcelResponse } from './excel-protocol';
import { LedgerWorkbookWriter, WorkbookReadError, readWorkbook } from './workbookIo';

/** Reads and writes workbooks off the UI thread (100,000 rows take seconds even streamed). */
const scope = self as unknown as DedicatedWorkerGlobalScope;
let writer: LedgerWorkbookWriter | null = null;

const reply = (message: ExcelResponse, transfer: Transferable[] = []) => scope.postMessage(message, transfer);

scope.onmessage = async (event: MessageEvent<ExcelRequest>) => {
  const request = event.data;
  try {
    if (request.type === 'begin') {
      writer = new LedgerWorkbookWriter(request.spec);
      reply({ type: 'ready' });
    } else if (request.type === 'rows') {
      writer?.addRows(request.rows);
      reply({ type: 'ready' });
    } else if (request.type === 'finish') {
      const bytes = await (writer as LedgerWorkbookWriter).finish();
      writer = null;
      reply({ type: 'written', bytes }, [bytes.buffer]);
    } else if (request.type === 'read') {
      const sheets = await readWorkbook(request.bytes, request.fileName, (done) => reply({ type: 'progress', done }));
      reply({ type: 'read', sheets });
    }
  } catch (error) {
    reply({ type: 'error', message: error instanceof WorkbookReadError ? error.message : `处理 Excel 文件时出错：${(error as Error).message}` });
  }
};
