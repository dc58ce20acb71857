import { importedStatusProblem } from '../../domain/advisors/rules';
import { advisorSchema, advisorStatuses } from '../../domain/advisors/schema';
import { keyOf, type ImportTargetSpec } from '../importTarget';

/** 科技顾问名册 as offices keep it (and as 导出 Excel writes it, so a round trip maps itself). */
export const advisorImport: ImportTargetSpec = {
  id: 'advisors',
  label: '科技顾问',
  table: 'advisors',
  schema: advisorSchema,
  fields: [
    { id: 'name', label: '姓名', synonyms: ['名字', '顾问姓名', '专家姓名', '院士姓名'], kind: 'text', required: true },
    { id: 'honorific', label: '院士称号', synonyms: ['称号', '院士类别', '头衔', '院士'], kind: 'text', required: true },
    { id: 'homeInstitution', label: '所在单位', synonyms: ['工作单位', '单位', '所在单位名称', '任职单位'], kind: 'text', required: true },
    { id: 'field', label: '领域', synonyms: ['专业领域', '研究领域', '学科领域', '专业'], kind: 'text' },
    { id: 'phone', label: '电话', synonyms: ['联系电话', '手机', '手机号码', '联系方式'], kind: 'text' },
    { id: 'email', label: '电子邮箱', synonyms: ['邮箱', 'email', 'e-mail', '电子邮件'], kind: 'text' },
    { id: 'serviceUnit', label: '服务单位', synonyms: ['对接单位', '服务对象'], kind: 'text' },
    { id: 'serviceUnitLiaison', label: '服务单位联系人', synonyms: ['联系人', '对接联系人'], kind: 'text' },
    { id: 'serviceUnitLiaisonPhone', label: '联系人电话', synonyms: ['联系人手机', '对接联系人电话'], kind: 'text' },
    { id: 'competentDepartment', label: '行业主管部门', synonyms: ['主管部门', '归口部门'], kind: 'text' },
    { id: 'status', label: '状态', synonyms: ['当前状态', '聘任状态'], kind: 'enum', values: advisorStatuses, aliases: { 聘任: '已聘任', 在聘: '已聘任', 审定: '已审定', 已评议: '评议', 已推荐: '推荐', 已期满: '期满', 已解聘: '解聘' } },
    { id: 'term', label: '聘期', synonyms: ['聘任期限', '聘期起止', '聘任期'], kind: 'dateRange', rangeTo: ['termStart', 'termEnd'] },
    { id: 'termStart', label: '聘期开始', synonyms: ['聘任开始日期', '聘期起'], kind: 'date' },
    { id: 'termEnd', label: '聘期结束', synonyms: ['聘任结束日期', '聘期止'], kind: 'date' },
    { id: 'certificateNumber', label: '聘书编号', synonyms: ['证书编号'], kind: 'text' },
    { id: 'approvalDate', label: '审定日期', synonyms: ['审定时间', '批准日期'], kind: 'date' },
    { id: 'dismissalDate', label: '解聘日期', synonyms: ['解聘时间'], kind: 'date' },
    { id: 'dismissalReason', label: '解聘原因', synonyms: ['解聘理由'], kind: 'text' },
    { id: 'recommendingUnit', label: '推荐单位', kind: 'text' },
    { id: 'notes', label: '备注', synonyms: ['说明'], kind: 'text' },
  ],
  // An office's roster holds advisors at every step; a row without one starts as 推荐 (seed 000
  // §二(二)). A later status is kept only with the dates it stands on (importedStatusProblem).
  toDraft: (values, context) => {
    const draft: Record<string, unknown> = { status: '推荐', ...values };
    // 已审定 means the review passed (seed 000 §二(三)); the form records it the same way.
    if (draft.status !== '推荐' && draft.status !== '评议' && draft.reviewResult === undefined) draft.reviewResult = '通过';
    const problem = importedStatusProblem(draft as never, context.today ?? new Date().toISOString().slice(0, 10));
    return { draft, errors: problem ? [problem] : [] };
  },
  duplicateKeys: (d) => [keyOf(d.name, d.homeInstitution)].filter((k): k is string => k !== null),
  duplicateRule: '姓名和所在单位相同',
};
