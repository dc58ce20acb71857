import { Packer, type Document } from 'docx';
import type { z } from 'zod';
import {
  buildOperationLogReport,
  operationLogReportFileName,
  operationLogReportInputSchema,
  type OperationLogReportInput,
} from './audit/operation-log-report';
import {
  appointmentCertificateFileName,
  appointmentCertificateInputSchema,
  buildAppointmentCertificate,
  packAppointmentCertificate,
  type AppointmentCertificateInput,
} from './advisors/appointment-certificate';
import { buildCalibrationSheet, calibrationSheetFileName, calibrationSheetInputSchema, type CalibrationSheetInput } from './advisors/calibration-sheet';
import { buildCertificateRegister, certificateRegisterFileName, certificateRegisterInputSchema, type CertificateRegisterInput } from './advisors/certificate-register';
import { buildInvitation, invitationFileName, invitationInputSchema, type InvitationInput } from './advisors/invitation';
import { advisorLedgerReportFileName, advisorLedgerReportInputSchema, buildAdvisorLedgerReport, type AdvisorLedgerReportInput } from './advisors/ledger-report';
import { buildLedgerListing, ledgerListingFileName, ledgerListingInputSchema, type LedgerListingInput } from './ledgers/ledger-listing';
import {
  buildCompletionReport,
  completionReportFileName,
  completionReportInputSchema,
  type CompletionReportInput,
} from './rectification/completion-report';
import {
  buildRectificationPlan,
  rectificationPlanFileName,
  rectificationPlanInputSchema,
  type RectificationPlanInput,
} from './rectification/rectification-plan';
import {
  buildSuggestionsCompilation,
  suggestionsCompilationFileName,
  suggestionsCompilationInputSchema,
  type SuggestionsCompilationInput,
} from './advisors/suggestions-compilation';
import {
  buildCooperationAgreement,
  cooperationAgreementFileName,
  cooperationAgreementInputSchema,
  type CooperationAgreementInput,
} from './commissioners/cooperation-agreement';
import {
  buildCooperationAgreementBatch,
  cooperationAgreementBatchFileName,
  cooperationAgreementBatchInputSchema,
  type CooperationAgreementBatchInput,
} from './commissioners/cooperation-agreement-batch';
import { buildServiceSummary, serviceSummaryFileName, serviceSummaryInputSchema, type ServiceSummaryInput } from './commissioners/service-summary';
import { assessmentListFileName, assessmentListInputSchema, buildAssessmentList, type AssessmentListInput } from './commissioners/assessment-list';
import { buildSubsidyTable, subsidyTableFileName, subsidyTableInputSchema, type SubsidyTableInput } from './commissioners/subsidy-table';
import { annualReportFileName, annualReportInputSchema, buildAnnualReport, type AnnualReportInput } from './consultations/annual-report';
import { buildMeetingAgenda, meetingAgendaFileName, meetingAgendaInputSchema, type MeetingAgendaInput } from './consultations/meeting-agenda';
import { buildMeetingMinutes, meetingMinutesFileName, meetingMinutesInputSchema, type MeetingMinutesInput } from './consultations/meeting-minutes';
import { buildProgressLedger, progressLedgerFileName, progressLedgerInputSchema, type ProgressLedgerInput } from './consultations/progress-ledger';
import { buildProtocol, protocolFileName, protocolInputSchema, type ProtocolInput } from './consultations/protocol';

/**
 * One kind of generated document. The renderer's packer (a Web Worker) and scripts/sample-docs
 * look builders up here by id, so the input has to survive structured cloning: plain data only,
 * validated by `schema` when it crosses the worker boundary.
 */
export interface DocumentKind<Input> {
  /** Chinese name shown on buttons, progress and errors, e.g. 操作记录. */
  label: string;
  schema: z.ZodType<Input>;
  /** `progress` (done, total) is reported by kinds made of many parts (a batch of agreements). */
  build(input: Input, progress?: (done: number, total: number) => void): Document;
  /**
   * Optional faster packing that gives the same bytes as packing build(input) — for kinds made
   * of many alike pages (a ceremony's batch of 聘书).
   */
  pack?(input: Input, progress?: (done: number, total: number) => void): Promise<Uint8Array>;
  /** A safe file name with the .docx extension. */
  fileName(input: Input): string;
}

function defineKind<Input>(kind: DocumentKind<Input>): DocumentKind<Input> {
  return kind;
}

/** Every document the app can generate. Module work adds 聘书, 议定书, 合作协议书 … here. */
export const documentKinds = {
  operationLogReport: defineKind<OperationLogReportInput>({
    label: '操作记录',
    schema: operationLogReportInputSchema,
    build: buildOperationLogReport,
    fileName: operationLogReportFileName,
  }),
  // Any ledger as shown on screen (名册 / 列表), built from the rows the filters leave.
  ledgerListing: defineKind<LedgerListingInput>({
    label: '名册',
    schema: ledgerListingInputSchema,
    build: buildLedgerListing,
    fileName: ledgerListingFileName,
  }),
  // 广西科技顾问 (seed 000): 聘书 (整页/套打), 套打校准页, 邀请函, 工作台账, 咨询建议汇编, 发放登记簿.
  appointmentCertificate: defineKind<AppointmentCertificateInput>({
    label: '聘书',
    schema: appointmentCertificateInputSchema,
    build: buildAppointmentCertificate,
    pack: packAppointmentCertificate,
    fileName: appointmentCertificateFileName,
  }),
  calibrationSheet: defineKind<CalibrationSheetInput>({
    label: '聘书套打校准页',
    schema: calibrationSheetInputSchema,
    build: buildCalibrationSheet,
    fileName: calibrationSheetFileName,
  }),
  invitation: defineKind<InvitationInput>({
    label: '邀请函',
    schema: invitationInputSchema,
    build: buildInvitation,
    fileName: invitationFileName,
  }),
  advisorLedgerReport: defineKind<AdvisorLedgerReportInput>({
    label: '科技顾问工作台账',
    schema: advisorLedgerReportInputSchema,
    build: buildAdvisorLedgerReport,
    fileName: advisorLedgerReportFileName,
  }),
  suggestionsCompilation: defineKind<SuggestionsCompilationInput>({
    label: '年度咨询建议及科研成果汇编',
    schema: suggestionsCompilationInputSchema,
    build: buildSuggestionsCompilation,
    fileName: suggestionsCompilationFileName,
  }),
  certificateRegister: defineKind<CertificateRegisterInput>({
    label: '聘书发放登记簿',
    schema: certificateRegisterInputSchema,
    build: buildCertificateRegister,
    fileName: certificateRegisterFileName,
  }),
  // 整改台账 (seed 003): the plan as printed, and the completion report.
  rectificationPlan: defineKind<RectificationPlanInput>({
    label: '整改方案',
    schema: rectificationPlanInputSchema,
    build: buildRectificationPlan,
    fileName: rectificationPlanFileName,
  }),
  rectificationCompletionReport: defineKind<CompletionReportInput>({
    label: '整改完成情况报告',
    schema: completionReportInputSchema,
    build: buildCompletionReport,
    fileName: completionReportFileName,
  }),
  // 企业科技特派员 (seeds 001, 004): the three-party 合作协议书.
  cooperationAgreement: defineKind<CooperationAgreementInput>({
    label: '科技特派员合作协议书',
    schema: cooperationAgreementInputSchema,
    build: buildCooperationAgreement,
    fileName: cooperationAgreementFileName,
  }),
  // A year's (or the selected) 合作协议书 in one file: a section per agreement (issue 12).
  cooperationAgreementBatch: defineKind<CooperationAgreementBatchInput>({
    label: '合作协议书（批量）',
    schema: cooperationAgreementBatchInputSchema,
    build: buildCooperationAgreementBatch,
    fileName: cooperationAgreementBatchFileName,
  }),
  serviceSummary: defineKind<ServiceSummaryInput>({
    label: '科技特派员服务情况汇总表',
    schema: serviceSummaryInputSchema,
    build: buildServiceSummary,
    fileName: serviceSummaryFileName,
  }),
  subsidyTable: defineKind<SubsidyTableInput>({
    label: '科技特派员补助发放表',
    schema: subsidyTableInputSchema,
    build: buildSubsidyTable,
    fileName: subsidyTableFileName,
  }),
  assessmentList: defineKind<AssessmentListInput>({
    label: '科技特派员年度考核结果名单',
    schema: assessmentListInputSchema,
    build: buildAssessmentList,
    fileName: assessmentListFileName,
  }),
  // 厅市会商 (seed 002): 议定书, 会议议程, 会商纪要, quarterly 推进情况台账, 年度落实情况报告.
  consultationProtocol: defineKind<ProtocolInput>({
    label: '厅市会商议定书',
    schema: protocolInputSchema,
    build: buildProtocol,
    fileName: protocolFileName,
  }),
  consultationAgenda: defineKind<MeetingAgendaInput>({
    label: '厅市会商会议议程',
    schema: meetingAgendaInputSchema,
    build: buildMeetingAgenda,
    fileName: meetingAgendaFileName,
  }),
  consultationMinutes: defineKind<MeetingMinutesInput>({
    label: '厅市会商会议纪要',
    schema: meetingMinutesInputSchema,
    build: buildMeetingMinutes,
    fileName: meetingMinutesFileName,
  }),
  consultationProgressLedger: defineKind<ProgressLedgerInput>({
    label: '厅市会商工作推进情况台账',
    schema: progressLedgerInputSchema,
    build: buildProgressLedger,
    fileName: progressLedgerFileName,
  }),
  consultationAnnualReport: defineKind<AnnualReportInput>({
    label: '厅市会商任务落实年度情况报告',
    schema: annualReportInputSchema,
    build: buildAnnualReport,
    fileName: annualReportFileName,
  }),
};

export type DocumentKindId = keyof typeof documentKinds;
export type DocumentInput<K extends DocumentKindId> = (typeof documentKinds)[K] extends DocumentKind<infer I> ? I : never;
export const documentKindIds = Object.keys(documentKinds) as DocumentKindId[];

export function isDocumentKindId(value: unknown): value is DocumentKindId {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(documentKinds, value);
}

/**
 * The kind's entry, typed loosely for code that holds a kind id as data (the worker): the
 * input is checked by the kind's schema before the builder sees it.
 */
export function documentKind(kind: string): DocumentKind<unknown> {
  if (!isDocumentKindId(kind)) throw new Error(`未知的文档类型“${kind}”`);
  return documentKinds[kind] as DocumentKind<unknown>;
}

function validInput(entry: DocumentKind<unknown>, input: unknown): unknown {
  const parsed = entry.schema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${entry.label}数据无效：${issue.path.join('.') || '输入'} ${issue.message}`);
  }
  return parsed.data;
}

/** Validates `input` against the kind's schema and builds the Document. */
export function buildDocument<K extends DocumentKindId>(kind: K, input: DocumentInput<K>): Document {
  const entry = documentKind(kind);
  return entry.build(validInput(entry, input));
}

/** Validates `input` and packs the .docx bytes, through the kind's own faster packer if it has one. */
export async function packDocumentBytes<K extends DocumentKindId>(kind: K, input: DocumentInput<K>, progress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const entry = documentKind(kind);
  const valid = validInput(entry, input);
  return entry.pack ? entry.pack(valid, progress) : new Uint8Array(await Packer.toArrayBuffer(entry.build(valid, progress)));
}

export function documentFileName<K extends DocumentKindId>(kind: K, input: DocumentInput<K>): string {
  return documentKind(kind).fileName(input);
}
