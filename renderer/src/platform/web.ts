import type { AppInfo, OpenDocumentResult, OpenFilesRequest, OpenedFile, PickedFile, Platform, SaveFileRequest, SaveFileResult } from './Platform';
import { createBrowserSyncFolder } from './web-sync-folder';

/**
 * The browser implementation: offices that cannot install software, and the E2E tests.
 * Saving uses the File System Access API where the browser offers it (a real save dialog that
 * remembers its folder via `id`), otherwise a download. Automated browsers (navigator.webdriver)
 * always download, because a native picker cannot be answered by a test driver.
 */
export function createWebPlatform(version: string): Platform {
  return {
    kind: 'web',
    saveFile: (request) => (canUseSavePicker() ? saveWithPicker(request) : download(request)),
    openFiles: pickFiles,
    pickFile,
    async openDocument(request): Promise<OpenDocumentResult> {
      const result = await download(request);
      return { path: result.path ?? request.suggestedName, opened: false };
    },
    async printViewToPdf(): Promise<SaveFileResult> {
      // The browser's own print dialog offers "另存为 PDF".
      window.print();
      return { saved: false };
    },
    // A download: the browser's own download handling (and its checks) applies.
    saveAttachment: ({ name, bytes }) => download({ suggestedName: name, bytes }),
    openAttachment: undefined,
    async appInfo(): Promise<AppInfo> {
      return { kind: 'web', version };
    },
    // File System Access API; browsers without it get a Chinese message pointing to 导出/导入.
    syncFolder: createBrowserSyncFolder(),
    // No automatic snapshots in the browser: the data folder is the browser's own, and a
    // backup inside it would vanish with it. Web offers a manual backup download instead.
    backups: undefined,
  };
}

interface SavePickerWindow {
  showSaveFilePicker?: (options: {
    suggestedName?: string;
    id?: string;
    startIn?: string;
    types?: { description: string; accept: Record<string, string[]> }[];
  }) => Promise<{ createWritable(): Promise<{ write(data: BlobPart): Promise<void>; close(): Promise<void> }>; name: string }>;
}

function canUseSavePicker(): boolean {
  return typeof (window as SavePickerWindow).showSaveFilePicker === 'function' && !navigator.webdriver;
}

async function saveWithPicker(request: SaveFileRequest): Promise<SaveFileResult> {
  const picker = (window as SavePickerWindow).showSaveFilePicker!;
  try {
    const handle = await picker({
      suggestedName: request.suggestedName,
      id: 'sciledger-save', // the browser remembers the last folder per id
      startIn: 'documents',
      types: (request.filters ?? []).map((filter) => ({
        description: filter.name,
        accept: { 'application/octet-stream': filter.extensions.map((ext) => `.${ext}`) },
      })),
    });
    const writable = await handle.createWritable();
    await writable.write(toBlob(request.bytes));
    await writable.close(); // the browser swaps the file in only on close: an atomic write
    return { saved: true, path: handle.name };
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { saved: false };
    throw error;
  }
}

function toBlob(bytes: Uint8Array): Blob {
  // Copy into a fresh ArrayBuffer: a view over a larger or shared buffer must not leak extra bytes.
  return new Blob([bytes.slice().buffer as ArrayBuffer]);
}

async function download(request: SaveFileRequest): Promise<SaveFileResult> {
  const url = URL.createObjectURL(toBlob(request.bytes));
  try {
    const anchor = document.createElement('a');
    anchor.href = url;
    anchor.download = request.suggestedName;
    anchor.style.display = 'none';
    document.body.appendChild(anchor);
    anchor.click();
    anchor.remove();
  } finally {
    // Give the browser a moment to start the download before the URL goes away.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
  return { saved: true, path: request.suggestedName };
}

function pickFiles(request: OpenFilesRequest): Promise<OpenedFile[]> {
  return chooseFiles(request).then((files) => Promise.all(files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }))));
}

/** The File itself: its bytes stay on disk until the caller reads a slice. */
async function pickFile(request: Omit<OpenFilesRequest, 'multiple'>): Promise<PickedFile | null> {
  const [file] = await chooseFiles({ ...request, multiple: false });
  return file ? { name: file.name, content: file } : null;
}

/** The files the user chose in a file input; [] when cancelled. */
function chooseFiles(request: OpenFilesRequest): Promise<File[]> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = request.multiple ?? false;
    input.accept = (request.filters ?? []).flatMap((f) => f.extensions.map((ext) => `.${ext}`)).join(',');
    input.style.display = 'none';
    input.addEventListener('change', async () => {
      try {
        resolve(Array.from(input.files ?? []));
      } catch (error) {
        reject(error);
      } finally {
        input.remove();
      }
    });
    input.addEventListener('cancel', () => {
      input.remove();
      resolve([]);
    });
    document.body.appendChild(input);
    input.click();
  });
}
