import { Packer, type Document } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import { createGbDocument } from '../style-kit';
import { agreementContent, agreementTitle, cooperationAgreementInputSchema, type CooperationAgreementInput, type ParsedAgreement } from './cooperation-agreement';

/** More than a year's dispatches of the whole region (seed 001: 1,000 enterprises by 2027). */
export const MAX_AGREEMENTS_PER_BATCH = 2000;

export const cooperationAgreementBatchInputSchema = z.object({
  /** What the batch is, in the file name and properties, e.g. 2026年度. */
  scope: z.string().trim().min(1, '请说明批量范围').max(40),
  agreements: z
    .array(cooperationAgreementInputSchema)
    .min(1, '请至少选择一份协议')
    .max(MAX_AGREEMENTS_PER_BATCH, `一次最多生成 ${MAX_AGREEMENTS_PER_BATCH} 份协议，请按年度或县（区）分批`),
});
export type CooperationAgreementBatchInput = z.input<typeof cooperationAgreementBatchInputSchema>;

/** Called as agreements are laid out (done of total); packing follows as one step. */
export type BatchProgress = (done: number, total: number) => void;

function batchTitle(agreements: readonly Pick<CooperationAgreementInput, 'variant'>[]): string {
  const variants = new Set(agreements.map((a) => a.variant));
  return variants.size === 1 ? agreementTitle([...variants][0]) : '科技特派员合作协议书';
}

/**
 * 合作协议书 of many dispatches in one .docx for printing (a year's signing round): each
 * agreement is its own section — starting on a new page, its page numbers from — 1 — — with
 * the same content as the single document (agreementContent), on the style kit.
 */
export function buildCooperationAgreementBatch(raw: CooperationAgreementBatchInput, progress?: BatchProgress): Document {
  const input = cooperationAgreementBatchInputSchema.parse(raw);
  const total = input.agreements.length;
  const sections = input.agreements.map((agreement: ParsedAgreement, n) => {
    if (progress && n % 50 === 0) progress(n, total);
    return { children: agreementContent(agreement), restartPageNumbers: true };
  });
  progress?.(total, total);
  const titleText = batchTitle(input.agreements);
  return createGbDocument({ title: `${titleText}（${input.scope}，${total} 份）`, subject: `${input.scope}${titleText}汇编`, sections });
}

export async function packCooperationAgreementBatch(raw: CooperationAgreementBatchInput, progress?: BatchProgress): Promise<Uint8Array> {
  return new Uint8Array(await Packer.toArrayBuffer(buildCooperationAgreementBatch(raw, progress)));
}

export function cooperationAgreementBatchFileName(input: CooperationAgreementBatchInput): string {
  return docxFileName(`${batchTitle(input.agreements)}-${input.scope}-${input.agreements.length}份`);
}
