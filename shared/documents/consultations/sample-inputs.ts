import { buildSampleRecords } from '../../domain/sampleDataset';
import type { ConsultationAnnualReport, ConsultationEvaluation, ConsultationProgress, ConsultationRound, ConsultationTopic } from '../../domain/consultations/schema';
import { defaultConsultationCities, consultationRoundSchema } from '../../domain/consultations/schema';
import { defaultProtocolWording } from '../../domain/consultations/protocolWording';
import { defaultOrganisation } from '../../domain/settings/schema';
import { guangxiPreset } from '../../policy/profile';
import type { AnnualReportInput } from './annual-report';
import { annualReportInputOf, meetingAgendaInputOf, meetingMinutesInputOf, progressLedgerInputOf, protocolInputOf, type RoundDocumentSource } from './inputs-from-records';
import type { MeetingAgendaInput } from './meeting-agenda';
import type { MeetingMinutesInput } from './meeting-minutes';
import type { ProgressLedgerInput } from './progress-ledger';
import type { ProtocolInput } from './protocol';

const SAMPLE_TODAY = '2026-11-24';

/** A fictional signed 重点 round, for a dataset without one (the bare test fixture). */
function fallbackSource(): RoundDocumentSource {
  const stamp = { createdAt: `${SAMPLE_TODAY}T00:00:00.000Z`, updatedAt: `${SAMPLE_TODAY}T00:00:00.000Z` };
  const roundId = '00000000-0000-4000-8000-0000000000c1';
  const round = consultationRoundSchema.parse({ id: roundId, ...stamp, city: '南宁', year: 2026, kind: '重点会商', stageDates: { 会议召开: '2026-05-20', 签署: '2026-05-20' }, meetingPlace: '南宁市人民政府会议室', departmentSigner: '（厅长）', citySigner: '（市长）' });
  const topics: ConsultationTopic[] = [{ id: '00000000-0000-4000-8000-0000000000c2', ...stamp, roundId, seq: 1, domain: '区域创新高地', title: '共建南宁创新策源中心', funding: 10_000_000, status: '推进中' }];
  return { round, topics, progress: [], annualReports: [], evaluations: [], cities: defaultConsultationCities, wording: defaultProtocolWording, rules: guangxiPreset.consultations, department: defaultOrganisation.department, division: '发展规划与资源配置处', today: SAMPLE_TODAY };
}

/** The sample dataset's signed 重点 round with everything recorded under it. */
function sampleSource(dataset: Record<string, unknown>): RoundDocumentSource {
  let records;
  try {
    records = buildSampleRecords(Object.fromEntries(Object.entries(dataset).filter(([k]) => k.startsWith('consultation'))), `${SAMPLE_TODAY}T00:00:00.000Z`);
  } catch {
    return fallbackSource();
  }
  const rounds = (records.consultationRounds ?? []) as ConsultationRound[];
  const round = rounds.find((r) => r.kind === '重点会商' && r.stageDates.签署) ?? rounds.find((r) => r.stageDates.签署);
  if (!round) return fallbackSource();
  const of = <T extends { roundId: string }>(rows: unknown[] | undefined) => ((rows ?? []) as T[]).filter((r) => r.roundId === round.id);
  const topics = of<ConsultationTopic>(records.consultationTopics);
  if (topics.length === 0) return fallbackSource();
  return {
    round,
    topics,
    progress: of<ConsultationProgress>(records.consultationProgress),
    annualReports: of<ConsultationAnnualReport>(records.consultationAnnualReports),
    evaluations: of<ConsultationEvaluation>(records.consultationEvaluations),
    cities: defaultConsultationCities,
    wording: defaultProtocolWording,
    rules: guangxiPreset.consultations,
    department: defaultOrganisation.department,
    division: '发展规划与资源配置处',
    today: SAMPLE_TODAY,
  };
}

export function consultationSampleInputs(dataset: Record<string, unknown>): {
  consultationProtocol: ProtocolInput;
  consultationAgenda: MeetingAgendaInput;
  consultationMinutes: MeetingMinutesInput;
  consultationProgressLedger: ProgressLedgerInput;
  consultationAnnualReport: AnnualReportInput;
} {
  const s = sampleSource(dataset);
  return {
    consultationProtocol: protocolInputOf(s),
    consultationAgenda: meetingAgendaInputOf(s),
    consultationMinutes: meetingMinutesInputOf(s),
    consultationProgressLedger: progressLedgerInputOf(s, 2026, 3),
    consultationAnnualReport: annualReportInputOf(s, 2026),
  };
}
