import { academicTitles, degrees, enterpriseKinds } from '../../domain/common';
import { commissionerSchema, commissionerStatuses, hostEnterpriseSchema, priorityFlags } from '../../domain/commissioners/schema';
import { keyOf, type ImportTargetSpec } from '../importTarget';

const present = (keys: (string | null)[]) => keys.filter((k): k is string => k !== null);

/** 科技特派员名册: one row per person. */
export const commissionerImport: ImportTargetSpec = {
  id: 'commissioners',
  label: '科技特派员',
  table: 'commissioners',
  schema: commissionerSchema,
  fields: [
    { id: 'name', label: '姓名', synonyms: ['名字', '特派员姓名', '科技特派员'], kind: 'text', required: true },
    { id: 'gender', label: '性别', kind: 'enum', values: ['男', '女'] },
    { id: 'idNumber', label: '身份证号', synonyms: ['身份证号码', '公民身份号码', '证件号码', '身份证'], kind: 'text' },
    { id: 'mobile', label: '手机', synonyms: ['手机号码', '联系电话', '电话', '联系方式'], kind: 'text' },
    { id: 'dispatchUnit', label: '派出单位', synonyms: ['工作单位', '所在单位', '单位'], kind: 'text', required: true },
    { id: 'degree', label: '学位', synonyms: ['学历', '最高学历', '最高学位'], kind: 'enum', values: degrees, aliases: { 博士研究生: '博士', 硕士研究生: '硕士', 本科: '学士', 大学本科: '学士' } },
    { id: 'academicTitle', label: '职称', synonyms: ['专业技术职称', '职称级别'], kind: 'enum', values: academicTitles, aliases: { 正高: '正高级', 副高: '副高级', 教授: '正高级', 研究员: '正高级', 副教授: '副高级', 副研究员: '副高级', 高级工程师: '副高级', 工程师: '中级', 讲师: '中级', 助理研究员: '中级' } },
    { id: 'field', label: '专业领域', synonyms: ['领域', '专业', '服务领域'], kind: 'text' },
    { id: 'priorityFlags', label: '人才类别', synonyms: ['优先选派类别'], kind: 'list', values: priorityFlags },
    { id: 'status', label: '状态', kind: 'enum', values: commissionerStatuses },
    { id: 'notes', label: '备注', kind: 'text' },
  ],
  toDraft: (values) => {
    const flags = (values.priorityFlags as string[] | undefined) ?? [];
    return { draft: { status: '意向', ...values, isPriority: flags.length > 0 }, errors: [] };
  },
  // The ID number names a person; without one, 姓名 + 派出单位.
  duplicateKeys: (d) => present([keyOf('id', d.idNumber), keyOf(d.name, d.dispatchUnit)]),
  duplicateRule: '身份证号相同，或姓名和派出单位相同',
};

/** 派驻企业: 统一社会信用代码 names an enterprise. */
export const hostEnterpriseImport: ImportTargetSpec = {
  id: 'hostEnterprises',
  label: '派驻企业',
  table: 'hostEnterprises',
  schema: hostEnterpriseSchema,
  fields: [
    { id: 'name', label: '企业名称', synonyms: ['企业', '单位名称', '公司名称', '名称', '服务企业'], kind: 'text', required: true },
    { id: 'creditCode', label: '统一社会信用代码', synonyms: ['信用代码', '社会信用代码', '统一代码', '组织机构代码'], kind: 'text' },
    { id: 'legalRepresentative', label: '法定代表人', synonyms: ['法人', '法人代表'], kind: 'text' },
    { id: 'kinds', label: '企业类型', synonyms: ['企业类别', '类型'], kind: 'list', values: enterpriseKinds, aliases: { 高企: '高新技术企业', 科技型中小: '科技型中小企业', 规上企业: '规上工业企业' } },
    { id: 'city', label: '设区市', synonyms: ['所在市', '市', '地市'], kind: 'text' },
    { id: 'county', label: '县（区）', synonyms: ['县区', '所在县区', '县'], kind: 'text' },
    { id: 'address', label: '地址', synonyms: ['详细地址', '通讯地址', '企业地址'], kind: 'text' },
    { id: 'contactPerson', label: '联系人', synonyms: ['企业联系人'], kind: 'text' },
    { id: 'contactPhone', label: '联系电话', synonyms: ['电话', '联系人电话', '手机'], kind: 'text' },
    { id: 'hasRdAccounting', label: '研发投入核算制度', synonyms: ['是否建立研发投入核算制度', '研发核算'], kind: 'boolean' },
    { id: 'hasRdActivity', label: '开展研发活动', synonyms: ['是否开展研发活动', '研发活动'], kind: 'boolean' },
  ],
  toDraft: (values) => ({ draft: { ...values }, errors: [] }),
  duplicateKeys: (d) => present([keyOf('code', d.creditCode), keyOf('name', d.name)]),
  duplicateRule: '统一社会信用代码或企业名称相同',
};
