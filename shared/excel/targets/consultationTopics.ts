import { checkDomainBlock, checkFundingCap, type ConsultationRules, type EarlierTopic } from '../../domain/consultations/rules';
import { consultationTopicSchema, topicStatuses, type ConsultationRound } from '../../domain/consultations/schema';
import { keyOf, type ImportContext, type ImportTargetSpec, type ParsedValue } from '../importTarget';

/** ImportContext.options of a topics import: the round the topics go into and what its rules read. */
export interface ConsultationTopicImportOptions {
  round: Pick<ConsultationRound, 'id' | 'city' | 'year' | 'kind'>;
  /** The round's live topics (their funds count towards the cap). */
  topics: readonly { funding: number; deletedAt?: string | null }[];
  /** The city's topics of other rounds, for the unfinished-domain rule (第二十一条). */
  earlierTopics: readonly EarlierTopic[];
  rules: ConsultationRules;
}

const optionsOf = (context: ImportContext) => context.options as unknown as ConsultationTopicImportOptions;

/** 1,200万元 / 1200万 → 12,000,000; 3,000,000 / 3,000,000元 → 3,000,000 (yuan; `wan` reads plain numbers as 万元). */
function parseFunds(text: string, wan: boolean): ParsedValue {
  const clean = text.replace(/[,，\s]/g, '');
  const m = /^(-?\d+(?:\.\d+)?)(万元|万|元)?$/.exec(clean);
  if (!m) return { ok: false, message: `“${text}”不是金额` };
  const n = Number(m[1]);
  const inWan = m[2] === '万元' || m[2] === '万' || (wan && m[2] !== '元');
  return { ok: true, value: inWan ? Math.round(n * 10_000 * 100) / 100 : n };
}

const CENTS = 'fundingCents';

/**
 * 厅市会商 议题 of one round (seed 002 第十八–二十一条), laid out as the 议定书's topic table: the
 * same schema as the topic form, the funding cap of the round's kind over the topics already
 * there plus the rows taken before (第十八条), and no new topic in a domain where the city still
 * has an unfinished one (第二十一条) — each refusing its row with the reason.
 */
export const consultationTopicImport: ImportTargetSpec = {
  id: 'consultationTopics',
  label: '会商议题',
  table: 'consultationTopics',
  schema: consultationTopicSchema,
  fields: [
    { id: 'seq', label: '序号', synonyms: ['议题序号', '编号'], kind: 'number', required: true },
    { id: 'domain', label: '领域', synonyms: ['会商领域', '所属领域', '方向'], kind: 'text', required: true },
    { id: 'title', label: '议题名称', synonyms: ['议题', '会商议题', '名称'], kind: 'text', required: true },
    { id: 'content', label: '议题内容', synonyms: ['主要内容', '内容'], kind: 'text' },
    { id: 'departmentTasks', label: '科技厅任务', synonyms: ['科技厅职责', '厅任务'], kind: 'text' },
    { id: 'departmentDivision', label: '科技厅责任处室', synonyms: ['责任处室', '牵头处室'], kind: 'text' },
    { id: 'cityTasks', label: '市任务', synonyms: ['市职责', '设区市任务'], kind: 'text' },
    { id: 'cityDepartment', label: '市责任部门', synonyms: ['市牵头部门', '责任部门'], kind: 'text' },
    { id: 'funding', label: '项目资金', synonyms: ['资金', '支持资金', '项目经费', '经费'], kind: 'custom', parse: (t) => parseFunds(t, false) },
    { id: 'fundingWan', label: '项目资金（万元）', synonyms: ['资金', '支持资金', '项目经费', '经费'], headerUnit: '万元', kind: 'custom', parse: (t) => parseFunds(t, true) },
    { id: 'status', label: '议题状态', synonyms: ['状态', '推进情况', '完成情况'], kind: 'enum', values: topicStatuses, aliases: { 未开始: '未启动', 正在推进: '推进中', 推进: '推进中', 完成: '已完成', 已落实: '已完成' } },
    { id: 'completedDate', label: '完成日期', synonyms: ['完成时间', '实际完成时间'], kind: 'date' },
    { id: 'projects', label: '关联项目', synonyms: ['项目', '支撑项目', '项目名称'], kind: 'text' },
    { id: 'notes', label: '备注', kind: 'text' },
  ],
  toDraft: (values, context) => {
    const { round, earlierTopics } = optionsOf(context);
    const { fundingWan, ...own } = values;
    if (fundingWan !== undefined && own.funding !== undefined) return { draft: {}, errors: ['项目资金同时填在“元”和“万元”两列，请只保留一列'] };
    const draft: Record<string, unknown> = { status: '未启动', funding: 0, ...own, ...(fundingWan !== undefined ? { funding: fundingWan } : {}), roundId: round.id };
    const blocked = typeof draft.domain === 'string' && draft.domain.trim() ? checkDomainBlock({ domain: draft.domain }, round, earlierTopics) : undefined;
    return { draft, errors: blocked ? [blocked.reason] : [] };
  },
  admit: (draft, context, tally) => {
    const { round, topics, rules } = optionsOf(context);
    const before = tally.get(CENTS) ?? Math.round(topics.filter((t) => !t.deletedAt).reduce((sum, t) => sum + t.funding, 0) * 100);
    const over = checkFundingCap(round.kind, [{ funding: before / 100 }, { funding: draft.funding as number }], rules);
    if (over) return [`${over.reason}，本行未导入`];
    tally.set(CENTS, before + Math.round((draft.funding as number) * 100));
    return [];
  },
  // One topic per number in a round, and not the same topic twice.
  duplicateKeys: (d) => [keyOf(d.roundId, 'seq', d.seq), keyOf(d.roundId, 'title', d.title)].filter((k): k is string => k !== null),
  duplicateRule: '同一轮会商中议题序号或议题名称相同',
};
