import { consultationStages, type ConsultationRound, type ConsultationStage } from './schema';

export const roundPhases = ['申报', '筹备', '已签署', '实施中', '已评估'] as const;
export type RoundPhase = (typeof roundPhases)[number];

/** The last stage (in procedure order) with a date, or undefined before the proposal. */
export function latestStage(round: Pick<ConsultationRound, 'stageDates'>): ConsultationStage | undefined {
  let last: ConsultationStage | undefined;
  for (const s of consultationStages) if (round.stageDates[s]) last = s;
  return last;
}

/**
 * Where the round stands, read from its stage dates (never stored, so it cannot disagree with
 * them): 申报 until the city's proposal is worked on, 筹备 through the 定稿 and meeting,
 * 已签署 / 实施中 after the signing (seed 002 第十七–十九条), 已评估 after 绩效评估 (第二十条).
 */
export function roundPhase(round: Pick<ConsultationRound, 'stageDates'>): RoundPhase {
  const d = round.stageDates;
  if (d.绩效评估) return '已评估';
  if (d.实施) return '实施中';
  if (d.签署) return '已签署';
  const last = latestStage(round);
  return !last || last === '会商建议' ? '申报' : '筹备';
}
