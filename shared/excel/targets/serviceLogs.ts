import { serviceDutyKinds, serviceLogSchema } from '../../domain/commissioners/schema';
import { keyOf, type ImportContext, type ImportTargetSpec } from '../importTarget';

/** One id of `table` for `text`, or the reason there is none. */
function single(context: ImportContext, table: string, text: unknown, label: string): { id?: string; error?: string } {
  if (typeof text !== 'string' || text === '') return { error: `请填写${label}` };
  const ids = context.resolve(table, text);
  if (ids.length === 0) return { error: `台账中没有${label}“${text}”，请先登记` };
  if (ids.length > 1) return { error: `台账中有 ${ids.length} 个${label}叫“${text}”，无法确定是哪一个` };
  return { id: ids[0] };
}

/**
 * 服务日志 (seed 001 §五: 每年服务不少于 30 天), one row per date: the commissioner and the
 * enterprise are named in the sheet and looked up; the agreement is the one between them.
 */
export const serviceLogImport: ImportTargetSpec = {
  id: 'serviceLogs',
  label: '服务日志',
  table: 'serviceLogs',
  schema: serviceLogSchema,
  fields: [
    { id: 'commissioner', label: '科技特派员', synonyms: ['特派员', '特派员姓名', '姓名', '服务人员'], kind: 'text', required: true },
    { id: 'enterprise', label: '服务企业', synonyms: ['派驻企业', '企业名称', '企业', '统一社会信用代码', '信用代码'], kind: 'text', required: true },
    { id: 'date', label: '服务日期', synonyms: ['日期', '服务时间'], kind: 'date', required: true },
    { id: 'days', label: '服务天数', synonyms: ['天数'], kind: 'number' },
    { id: 'mode', label: '服务方式', synonyms: ['方式', '线上线下'], kind: 'enum', values: ['线下', '线上'], aliases: { 现场: '线下', 现场服务: '线下', 线下服务: '线下', 远程: '线上', 线上服务: '线上' } },
    { id: 'kind', label: '服务类型', synonyms: ['工作类型', '服务事项', '服务类别'], kind: 'enum', values: serviceDutyKinds },
    { id: 'content', label: '服务内容', synonyms: ['工作内容', '内容'], kind: 'text', required: true },
    { id: 'problemsSolved', label: '解决问题', synonyms: ['解决的问题', '解决技术难题'], kind: 'text' },
    { id: 'outcomes', label: '服务成效', synonyms: ['成效', '取得成效'], kind: 'text' },
    { id: 'evidence', label: '佐证材料', synonyms: ['证明材料', '附件'], kind: 'text' },
  ],
  toDraft: (values, context) => {
    const { commissioner, enterprise, ...own } = values;
    const c = single(context, 'commissioners', commissioner, '科技特派员');
    const e = single(context, 'hostEnterprises', enterprise, '服务企业');
    const errors = [c.error, e.error].filter((m): m is string => m !== undefined);
    if (errors.length > 0) return { draft: {}, errors };
    const agreements = context.resolve('cooperationAgreements', `${c.id}\u0001${e.id}`);
    if (agreements.length === 0) return { draft: {}, errors: [`${String(commissioner)}与${String(enterprise)}之间没有合作协议，请先登记协议`] };
    return { draft: { days: 1, mode: '线下', kind: '其他', ...own, commissionerId: c.id, enterpriseId: e.id, agreementId: agreements[0] }, errors: [] };
  },
  // One record per commissioner, enterprise and date (the schema's "one day per date").
  duplicateKeys: (d) => [keyOf(d.commissionerId, d.enterpriseId, d.date)].filter((k): k is string => k !== null),
  duplicateRule: '同一特派员、同一企业、同一日期',
};
