import { cityOf, type ConsultationAnnualReport, type ConsultationCity, type ConsultationEvaluation, type ConsultationProgress, type ConsultationRound, type ConsultationTopic } from '../../domain/consultations/schema';
import type { ProtocolWording } from '../../domain/consultations/protocolWording';
import { fundingCapOf, type ConsultationRules } from '../../domain/consultations/rules';
import type { AnnualReportInput } from './annual-report';
import type { MeetingAgendaInput } from './meeting-agenda';
import type { MeetingMinutesInput } from './meeting-minutes';
import type { ProgressLedgerInput } from './progress-ledger';
import type { ProtocolInput } from './protocol';

/**
 * The 厅市会商 documents' inputs from stored records — one mapping used by the screens and by
 * `npm run sample-docs`, so what is previewed is what the samples show.
 */
export interface RoundDocumentSource {
  round: ConsultationRound;
  topics: readonly ConsultationTopic[];
  progress: readonly ConsultationProgress[];
  annualReports: readonly ConsultationAnnualReport[];
  evaluations: readonly ConsultationEvaluation[];
  cities: readonly ConsultationCity[];
  wording?: ProtocolWording;
  rules: ConsultationRules;
  /** 科技厅 and the issuing division (设置 → 单位信息). */
  department: string;
  division?: string;
  today: string;
}

/** A document cannot be built yet; the message says what to fill in. */
export class MissingForDocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingForDocumentError';
  }
}

const live = <T extends { deletedAt?: string | null }>(rows: readonly T[]) => rows.filter((r) => !r.deletedAt);

function parties(s: RoundDocumentSource) {
  return { department: s.department, city: s.round.city, government: cityOf(s.round.city, s.cities).government, year: s.round.year, kind: s.round.kind };
}

function documentTopics(s: RoundDocumentSource) {
  return live(s.topics)
    .sort((a, b) => a.seq - b.seq)
    .map((t) => ({ seq: t.seq, domain: t.domain, title: t.title, content: t.content, departmentTasks: t.departmentTasks, departmentDivision: t.departmentDivision, cityTasks: t.cityTasks, cityDepartment: t.cityDepartment, funding: t.funding, status: t.status }));
}

export function protocolInputOf(s: RoundDocumentSource): ProtocolInput {
  const topics = documentTopics(s);
  if (topics.length === 0) throw new MissingForDocumentError('议定书至少需要一项会商议题，请先添加议题');
  return {
    ...parties(s),
    protocolNumber: s.round.protocolNumber,
    goals: s.round.goals,
    topics,
    fundingCap: fundingCapOf(s.round.kind, s.rules),
    annualReportDueMonthDay: s.rules.annualReportDueMonthDay,
    termYears: s.rules.intervalYears,
    signedDate: s.round.stageDates.签署,
    wording: s.wording,
  };
}

export function meetingAgendaInputOf(s: RoundDocumentSource): MeetingAgendaInput {
  const r = s.round;
  return {
    ...parties(s),
    meetingDate: r.stageDates.会议召开,
    meetingTime: r.meetingTime || undefined,
    meetingPlace: r.meetingPlace,
    host: r.meetingHost,
    cityReporter: r.cityReporter,
    protocolReader: r.protocolReader,
    departmentSigner: r.departmentSigner,
    citySigner: r.citySigner,
    speakers: r.speakers,
  };
}

export function meetingMinutesInputOf(s: RoundDocumentSource): MeetingMinutesInput {
  const r = s.round;
  if (!r.stageDates.会议召开) throw new MissingForDocumentError('请先填写“会议召开”日期');
  if (!r.meetingPlace?.trim()) throw new MissingForDocumentError('请先填写会议地点');
  return {
    ...parties(s),
    meetingDate: r.stageDates.会议召开,
    meetingPlace: r.meetingPlace,
    host: r.meetingHost,
    attendees: r.attendees,
    discussion: r.discussion,
    agreedMatters: r.agreedMatters,
    topics: documentTopics(s).map((t) => ({ seq: t.seq, title: t.title })),
    issuer: s.division?.trim() || s.department,
    // Dated the day of the meeting it records.
    issuedOn: r.stageDates.会议召开,
  };
}

export function progressLedgerInputOf(s: RoundDocumentSource, reportYear: number, quarter: number): ProgressLedgerInput {
  const rows = documentTopics(s).map((t) => {
    const topic = live(s.topics).find((x) => x.seq === t.seq)!;
    const p = live(s.progress).find((x) => x.topicId === topic.id && x.year === reportYear && x.quarter === quarter);
    return { seq: t.seq, title: t.title, domain: t.domain, status: t.status, progress: p?.progress, problems: p?.problems, nextSteps: p?.nextSteps, responsiblePerson: p?.responsiblePerson, reportedDate: p?.reportedDate };
  });
  return { ...parties(s), reportYear, quarter, rows, organisation: `${s.round.city}市科学技术局`, generatedOn: s.today };
}

export function annualReportInputOf(s: RoundDocumentSource, reportYear: number): AnnualReportInput {
  const topics = documentTopics(s);
  if (topics.length === 0) throw new MissingForDocumentError('这一轮会商还没有议题');
  const report = live(s.annualReports).find((r) => r.year === reportYear);
  const liveTopics = live(s.topics);
  return {
    ...parties(s),
    reportYear,
    topics: topics.map((t) => {
      const topic = liveTopics.find((x) => x.seq === t.seq)!;
      const quarters = live(s.progress)
        .filter((p) => p.topicId === topic.id && p.year === reportYear)
        .sort((a, b) => a.quarter - b.quarter)
        .map((p) => ({ quarter: p.quarter, progress: p.progress }));
      const evaluation = live(s.evaluations).find((e) => e.topicId === topic.id);
      return { ...t, quarters, evaluation: evaluation ? `${evaluation.grade}${evaluation.score !== undefined ? `（${evaluation.score}分）` : ''}，${evaluation.findings}` : undefined };
    }),
    summary: report?.summary,
    problems: report?.problems,
    nextYearPlan: report?.nextYearPlan,
    generatedOn: report?.receivedDate ?? s.today,
  };
}
