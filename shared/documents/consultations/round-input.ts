import { z } from 'zod';
import { isoDate, money } from '../../domain/common';
import { consultationKinds } from '../../domain/consultations/schema';

/**
 * Pieces every 厅市会商 document input shares: plain data (it crosses the packer worker), checked
 * again here because a document must never print a half-filled party or a bad amount.
 */
export const text = (label: string, max = 200) => z.string({ error: `请填写${label}` }).trim().min(1, `请填写${label}`).max(max);
export const optional = (max = 5000) => z.string().trim().max(max).optional();

export const partiesSchema = z.object({
  /** 科技厅 as printed (设置 → 单位信息). */
  department: text('科技厅名称', 60),
  city: text('设区市', 20),
  /** ×× 市人民政府 (设置 → 厅市会商 → 设区市). */
  government: text('人民政府名称', 60),
  year: z.number().int().min(2000).max(2100),
  kind: z.enum(consultationKinds),
});

export const documentTopicSchema = z.object({
  seq: z.number().int().min(1),
  domain: text('领域', 50),
  title: text('议题名称'),
  content: optional(),
  departmentTasks: optional(),
  departmentDivision: optional(100),
  cityTasks: optional(),
  cityDepartment: optional(100),
  funding: money.default(0),
  status: z.string().trim().optional(),
});
export type DocumentTopic = z.output<typeof documentTopicSchema>;

export { isoDate };

/** Topics in number order, numbers unique (the 议定书 cites them as 议题一、二…). */
export function sortedTopics<T extends { seq: number }>(topics: readonly T[]): T[] {
  return [...topics].sort((a, b) => a.seq - b.seq);
}

const ordinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
/** 1 → 一 … 99 → 九十九 (topics and sections stay well under that). */
export function chineseNumber(n: number): string {
  if (n <= 10) return ordinals[n - 1] ?? String(n);
  const tens = Math.floor(n / 10);
  const units = n % 10;
  return `${tens === 1 ? '' : ordinals[tens - 1]}十${units ? ordinals[units - 1] : ''}`;
}
