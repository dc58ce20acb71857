import { splitDivisions, splitMeasures, splitPersons } from '../../domain/rectification/paste-import';
import { checkItemAgainstPlan, rectificationItemSchema, rectificationStatuses, type RectificationPlan } from '../../domain/rectification/schema';
import { keyOf, type ImportTargetSpec } from '../importTarget';

/** ImportContext.options of a rectification import: the plan the items go into. */
export interface RectificationImportOptions {
  planId: string;
  plan: Pick<RectificationPlan, 'themes' | 'divisions'>;
}

/** 整改事项 of one 整改方案, laid out as the plan's table (seed 003). */
export const rectificationItemImport: ImportTargetSpec = {
  id: 'rectificationItems',
  label: '整改事项',
  table: 'rectificationItems',
  schema: rectificationItemSchema,
  fields: [
    { id: 'seq', label: '序号', synonyms: ['编号'], kind: 'number', required: true },
    { id: 'theme', label: '主题', synonyms: ['问题类别', '类别'], kind: 'text', required: true },
    { id: 'content', label: '整改内容', synonyms: ['存在问题', '问题', '意见建议'], kind: 'text', required: true },
    { id: 'measures', label: '整改措施', synonyms: ['措施'], kind: 'custom', parse: (t) => ({ ok: true, value: splitMeasures(t) }), required: true },
    { id: 'verificationForm', label: '整改检验形式', synonyms: ['检验形式', '佐证形式'], kind: 'text', required: true },
    { id: 'plannedDate', label: '计划完成时间', synonyms: ['完成时限', '完成时间', '整改时限'], kind: 'date', required: true },
    { id: 'responsibleDivisions', label: '责任处室', synonyms: ['责任单位', '牵头处室'], kind: 'custom', parse: (t) => ({ ok: true, value: splitDivisions(t) }), required: true },
    { id: 'responsiblePersons', label: '责任人', kind: 'custom', parse: (t) => ({ ok: true, value: splitPersons(t) }), required: true },
    { id: 'status', label: '状态', synonyms: ['整改状态', '完成情况'], kind: 'enum', values: rectificationStatuses, aliases: { 已整改: '已完成', 完成: '已完成', 正在推进: '推进中', 整改中: '推进中' } },
    { id: 'startedDate', label: '开始推进日期', kind: 'date' },
    { id: 'completedDate', label: '完成日期', synonyms: ['实际完成时间'], kind: 'date' },
    { id: 'evidenceNotes', label: '佐证材料', synonyms: ['实际佐证材料'], kind: 'text' },
  ],
  toDraft: (values, context) => {
    const options = context.options as unknown as RectificationImportOptions;
    const { responsibleDivisions, ...own } = values;
    const divisions = responsibleDivisions as { divisions: string[]; wording?: string } | undefined;
    const draft = { status: '未启动', ...own, planId: options.planId, responsibleDivisions: divisions?.divisions ?? [], divisionWording: divisions?.wording };
    // Themes and divisions come from the plan's lists (add them on the plan first).
    const errors = checkItemAgainstPlan(draft as never, options.plan);
    return { draft, errors };
  },
  duplicateKeys: (d) => [keyOf(d.planId, d.seq)].filter((k): k is string => k !== null),
  duplicateRule: '同一方案中序号相同',
};
