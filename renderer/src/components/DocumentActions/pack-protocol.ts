import type { DocumentKindId } from '../../../../shared/documents/registry';

/**
 * Messages between the page and pack.worker.ts. Inputs are plain data (structured clone), and
 * the worker validates them with the kind's schema before building.
 */
export interface PackRequest {
  type: 'pack';
  kind: DocumentKindId;
  /** One input per document; a batch (e.g. 聘书 for a whole roster) is several. */
  inputs: unknown[];
}

export type PackPhase = 'building' | 'packing';

export interface PackProgress {
  phase: PackPhase;
  /** Documents finished so far (built and packed). */
  done: number;
  total: number;
  /** Inside one large document (a batch of agreements): parts laid out so far. */
  part?: { done: number; total: number };
}

export interface PackedDocument {
  fileName: string;
  bytes: Uint8Array;
}

export type PackResponse =
  | { type: 'progress'; progress: PackProgress }
  | { type: 'done'; documents: PackedDocument[] }
  | { type: 'error'; message: string };

/** Share of the bar for a progress event: building is quick, packing (zip + XML) is the bulk. */
export function progressPercent({ phase, done, total, part }: PackProgress): number {
  if (total === 0) return 100;
  // A batch document's parts fill the building share (to 60%); zipping its XML is the rest.
  const within = part && part.total > 0 ? 0.6 * (part.done / part.total) : phase === 'building' ? 0.2 : 0.6;
  return Math.min(99, Math.round(((done + within) / total) * 100));
}
