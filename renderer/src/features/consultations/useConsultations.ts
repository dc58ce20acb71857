import { useLiveQuery } from 'dexie-react-hooks';
import { defaultConsultationSettings } from '../../../../shared/domain/consultations/protocolWording';
import type { EarlierTopic } from '../../../../shared/domain/consultations/rules';
import type { ConsultationAnnualReport, ConsultationProgress, ConsultationRound, ConsultationTopic } from '../../../../shared/domain/consultations/schema';
import { guangxiPreset } from '../../../../shared/policy/profile';
import { useDb } from '../../db/DbContext';
import { allRounds, roundRecords, type RoundRecords } from '../../db/repositories/consultations';
import { useSetting } from '../settings/settingsStore';

export { todayIso } from '../advisors/useAdvisors';

/** The 厅市会商 rules of the policy profile (设置 → 政策配置), preset values until it is read. */
export function useConsultationRules() {
  return useSetting('policyProfile')?.consultations ?? guangxiPreset.consultations;
}

/** Cities and 议定书 wording (设置 → 厅市会商). */
export function useConsultationSettings() {
  return useSetting('consultations') ?? defaultConsultationSettings;
}

/** Every live round with its live topics (a small table: a few rounds a year), live. */
export interface RoundsWithTopics {
  rounds: ConsultationRound[];
  topicsByRound: Map<string, ConsultationTopic[]>;
  /** For the reminders of the overview. */
  progress: ConsultationProgress[];
  annualReports: ConsultationAnnualReport[];
}

export function useRoundsWithTopics(): RoundsWithTopics | undefined {
  const db = useDb();
  return useLiveQuery(async () => {
    const rounds = await allRounds(db);
    const topics = (await db.consultationTopics.where('roundId').anyOf(rounds.map((r) => r.id)).toArray()).filter((t) => !t.deletedAt);
    const topicsByRound = new Map<string, ConsultationTopic[]>();
    for (const t of topics) topicsByRound.set(t.roundId, [...(topicsByRound.get(t.roundId) ?? []), t].sort((a, b) => a.seq - b.seq));
    const ids = rounds.map((r) => r.id);
    const [progress, annualReports] = await Promise.all([db.consultationProgress.where('roundId').anyOf(ids).toArray(), db.consultationAnnualReports.where('roundId').anyOf(ids).toArray()]);
    return { rounds, topicsByRound, progress: progress.filter((p) => !p.deletedAt), annualReports: annualReports.filter((r) => !r.deletedAt) };
  }, [db]);
}

/** One round's records, live; null when it does not exist or is deleted. */
export function useRoundRecords(id: string): RoundRecords | null | undefined {
  const db = useDb();
  return useLiveQuery(async () => (await roundRecords(db, id)) ?? null, [db, id]);
}

/** The topics of the city's other rounds (for the domain block), from the loaded rounds. */
export function earlierTopicsFrom(all: RoundsWithTopics, round: Pick<ConsultationRound, 'id' | 'city'>): EarlierTopic[] {
  return all.rounds.filter((r) => r.city === round.city && r.id !== round.id).flatMap((r) => (all.topicsByRound.get(r.id) ?? []).map((topic) => ({ round: r, topic })));
}
