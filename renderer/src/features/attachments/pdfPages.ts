/**
 * 预览 of a PDF attachment without running anything the PDF carries (issue 11 security): pdf.js
 * parses it in its own worker and paints each page onto a canvas — no PDF JavaScript (pdf.js's
 * core has no scripting), no eval (pdf.js 5 has none, and the CSP forbids it), no links,
 * forms or embedded files. Chromium's own viewer is not used: it cannot run in a sandboxed frame,
 * and Electron ships without it.
 */
import type { PDFDocumentProxy } from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

/** Pages painted at most (a 300-page scan is opened with 打开, not previewed in full). */
export const MAX_PREVIEW_PAGES = 20;

export interface PdfPreview {
  pageCount: number;
  /** Paints page `n` (1-based) onto the canvas at `width` CSS pixels. */
  render(n: number, canvas: HTMLCanvasElement, width: number): Promise<void>;
  close(): Promise<void>;
}

export async function openPdfPreview(bytes: Uint8Array): Promise<PdfPreview> {
  const pdfjs = await import('pdfjs-dist');
  const worker = new Worker(workerUrl, { type: 'module' });
  const task = pdfjs.getDocument({
    data: bytes.slice(),
    worker: pdfjs.PDFWorker.create({ port: worker }),
    enableXfa: false,
    // Fonts a scan does not embed are drawn with fallbacks; nothing is fetched from elsewhere.
    disableFontFace: false,
    useSystemFonts: true,
    stopAtErrors: false,
  });
  let doc: PDFDocumentProxy;
  try {
    doc = await task.promise;
  } catch (error) {
    worker.terminate();
    throw error;
  }
  return {
    pageCount: doc.numPages,
    async render(n, canvas, width) {
      const page = await doc.getPage(n);
      const base = page.getViewport({ scale: 1 });
      const ratio = globalThis.devicePixelRatio || 1;
      const viewport = page.getViewport({ scale: (width / base.width) * ratio });
      canvas.width = Math.floor(viewport.width);
      canvas.height = Math.floor(viewport.height);
      canvas.style.width = `${width}px`;
      canvas.style.height = `${Math.floor(viewport.height / ratio)}px`;
      await page.render({ canvas, viewport, annotationMode: 0 /* AnnotationMode.DISABLE: no forms, no links */ }).promise;
    },
    async close() {
      await doc.destroy();
      worker.terminate();
    },
  };
}
