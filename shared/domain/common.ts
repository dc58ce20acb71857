import { z } from 'zod';

/** A calendar date as the clerk enters it: YYYY-MM-DD (no time zone games). */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
  .refine((s) => {
    const [y, m, d] = s.split('-').map(Number);
    const date = new Date(Date.UTC(y, m - 1, d));
    return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
  }, '日期不存在');

/** A moment in time, ISO 8601 with offset (as produced by Date#toISOString). */
export const isoDateTime = z.string().datetime({ offset: true, message: '时间格式无效' });

export const recordId = z.string().uuid('记录编号应为 UUID');

/** Fields every ledger record carries (DESIGN §Data): UUID id, timestamps, tombstone. */
export const baseRecord = z.object({
  id: recordId,
  createdAt: isoDateTime,
  updatedAt: isoDateTime,
  /** Tombstone: records are never hard-deleted, so a delete can travel between machines. */
  deletedAt: isoDateTime.nullable().optional(),
});
export type BaseRecord = z.infer<typeof baseRecord>;

export const requiredText = (label: string, max = 200) =>
  z.string().trim().min(1, `请填写${label}`).max(max, `${label}不能超过 ${max} 个字`);
export const optionalText = (max = 2000) => z.string().trim().max(max, `不能超过 ${max} 个字`).optional();

const isMissing = (input: unknown) => input === undefined || input === null || input === '';

/**
 * A required number: an emptied field reads "请填写…" (never silently 0), a non-number
 * "…应为数字". Forms hand over null for a cleared InputNumber.
 */
export const requiredNumber = (label: string) =>
  z.number({ error: (issue) => (isMissing(issue.input) ? `请填写${label}` : `${label}应为数字`) });

/** Money in yuan with at most two decimals (分), named in its messages (聘金不能为负数). */
export const moneyOf = (label = '金额') =>
  requiredNumber(label)
    .finite(`${label}应为有限数字`)
    .nonnegative(`${label}不能为负数`)
    .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, `${label}最多保留两位小数（分）`);
export const money = moneyOf('金额');

/** Guangxi's 14 设区市 (DOMAIN §6). */
export const guangxiCities = [
  '南宁', '柳州', '桂林', '梧州', '北海', '防城港', '钦州',
  '贵港', '玉林', '百色', '贺州', '河池', '来宾', '崇左',
] as const;

export const organisationKinds = ['高校', '科研院所', '企业', '政府部门', '服务站', '其他'] as const;
export const enterpriseKinds = ['科技型中小企业', '高新技术企业', '规上工业企业'] as const;
export const academicTitles = ['正高级', '副高级', '中级', '初级', '无'] as const;
export const degrees = ['博士', '硕士', '学士', '其他'] as const;
