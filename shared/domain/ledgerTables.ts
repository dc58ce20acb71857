import type { z } from 'zod';
import {
  advisorActivitySchema,
  advisorEvaluationSchema,
  advisorPlanSchema,
  advisorSchema,
  advisorStipendSchema,
  advisorSuggestionSchema,
  appointmentCertificateSchema,
} from './advisors/schema';
import {
  changeRequestSchema,
  commissionerAssessmentSchema,
  commissionerOutcomeSchema,
  commissionerSchema,
  commissionerSubsidySchema,
  commissionerTeamSchema,
  cooperationAgreementSchema,
  dispatchUnitSchema,
  hostEnterpriseSchema,
  quarterlyReportSchema,
  serviceLogSchema,
} from './commissioners/schema';
import {
  consultationAnnualReportSchema,
  consultationEvaluationSchema,
  consultationProgressSchema,
  consultationRoundSchema,
  consultationTopicSchema,
} from './consultations/schema';
import { rectificationItemSchema, rectificationPlanSchema, rectificationProgressNoteSchema } from './rectification/schema';
import { settingsRecordSchema } from './settings/schema';
import { attachmentSchema } from './attachments/schema';

export interface LedgerTableDefinition {
  /** Chinese name shown in 操作记录, sync summaries and errors. */
  label: string;
  /** The one definition of a record of this table (DESIGN §Data). */
  schema: z.ZodType;
  /** Secondary Dexie indexes (the primary key is always `id`). */
  indexes: readonly string[];
}

/**
 * Every table that holds ledger data. The Dexie schema, the change-tracking middleware and the
 * sync are all driven from this list: a new table is tracked and synced by being declared here.
 */
export const ledgerTables = {
  settings: { label: '设置', schema: settingsRecordSchema, indexes: [] },
  advisors: { label: '科技顾问', schema: advisorSchema, indexes: ['name', 'status', 'updatedAt', 'certificateNumber'] },
  advisorActivities: { label: '顾问工作记录', schema: advisorActivitySchema, indexes: ['advisorId', 'date'] },
  advisorSuggestions: { label: '咨询建议', schema: advisorSuggestionSchema, indexes: ['advisorId', 'date', 'feedbackStatus'] },
  advisorStipends: { label: '聘金发放', schema: advisorStipendSchema, indexes: ['advisorId', 'year'] },
  advisorPlans: { label: '工作方案与计划', schema: advisorPlanSchema, indexes: ['advisorId', 'startYear'] },
  advisorEvaluations: { label: '成效评估', schema: advisorEvaluationSchema, indexes: ['advisorId', 'year'] },
  appointmentCertificates: { label: '聘书发放登记', schema: appointmentCertificateSchema, indexes: ['advisorId', 'number', 'issuedOn'] },
  commissioners: { label: '科技特派员', schema: commissionerSchema, indexes: ['name', 'status', 'teamId'] },
  commissionerTeams: { label: '科技特派团', schema: commissionerTeamSchema, indexes: ['name'] },
  hostEnterprises: { label: '派驻企业', schema: hostEnterpriseSchema, indexes: ['name', 'creditCode'] },
  cooperationAgreements: { label: '合作协议', schema: cooperationAgreementSchema, indexes: ['enterpriseId', 'commissionerId', 'teamId', 'status'] },
  dispatchUnits: { label: '派出单位', schema: dispatchUnitSchema, indexes: ['name'] },
  // The log screen pages one commissioner-year or enterprise-year by index range; compliance reads one agreement's logs.
  serviceLogs: { label: '服务日志', schema: serviceLogSchema, indexes: ['date', '[commissionerId+date]', '[enterpriseId+date]', '[agreementId+date]'] },
  commissionerOutcomes: { label: '特派员服务成效', schema: commissionerOutcomeSchema, indexes: ['agreementId', 'enterpriseId', 'kind'] },
  commissionerSubsidies: { label: '特派员补助发放', schema: commissionerSubsidySchema, indexes: ['agreementId', 'year'] },
  commissionerChangeRequests: { label: '特派员变更申请', schema: changeRequestSchema, indexes: ['agreementId', 'requestDate'] },
  commissionerQuarterlyReports: { label: '季度工作进展', schema: quarterlyReportSchema, indexes: ['agreementId', '[year+quarter]'] },
  commissionerAssessments: { label: '年度考核', schema: commissionerAssessmentSchema, indexes: ['commissionerId', 'teamId', 'year'] },
  consultationRounds: { label: '厅市会商', schema: consultationRoundSchema, indexes: ['city', 'year'] },
  consultationTopics: { label: '会商议题', schema: consultationTopicSchema, indexes: ['roundId', 'domain'] },
  consultationProgress: { label: '推进情况', schema: consultationProgressSchema, indexes: ['roundId', 'topicId', '[year+quarter]'] },
  // 厅市会商 (seed 002 第十九–二十条): the year's 落实情况 and the 绩效评估, read per round.
  consultationAnnualReports: { label: '年度落实情况', schema: consultationAnnualReportSchema, indexes: ['roundId', 'year'] },
  consultationEvaluations: { label: '会商绩效评估', schema: consultationEvaluationSchema, indexes: ['roundId', 'topicId'] },
  // 整改台账 (seed 003): items are read per plan in 序号 order, per division (multi-entry) and by date.
  rectificationPlans: { label: '整改方案', schema: rectificationPlanSchema, indexes: ['year'] },
  rectificationItems: { label: '整改事项', schema: rectificationItemSchema, indexes: ['status', '[planId+seq]', 'plannedDate', '*responsibleDivisions'] },
  rectificationProgressNotes: { label: '整改推进记录', schema: rectificationProgressNoteSchema, indexes: ['[itemId+date]'] },
  // 附件 (issue 11): a record's files are read by [table+recordId]; sha256 finds the records
  // sharing one stored file (dedupe, 未同步 checks).
  attachments: { label: '附件', schema: attachmentSchema, indexes: ['[table+recordId]', 'sha256'] },
} as const satisfies Record<string, LedgerTableDefinition>;

export type LedgerTableName = keyof typeof ledgerTables;
export const ledgerTableNames = Object.keys(ledgerTables) as LedgerTableName[];
export type LedgerRecord<T extends LedgerTableName> = z.infer<(typeof ledgerTables)[T]['schema']>;
