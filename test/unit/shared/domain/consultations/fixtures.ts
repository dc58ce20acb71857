import type { ConsultationProgress, ConsultationRound, ConsultationTopic } from '../../../../../shared/domain/consultations/schema';

export const stamp = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' };

let n = 0;
/** A fresh UUID-shaped id per call, stable across runs. */
export function uid(): string {
  n += 1;
  return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}

export function round(overrides: Partial<ConsultationRound> = {}): ConsultationRound {
  return { id: uid(), ...stamp, city: '柳州', year: 2026, kind: '一般会商', stageDates: {}, ...overrides };
}

export function topic(overrides: Partial<ConsultationTopic> = {}): ConsultationTopic {
  return { id: uid(), ...stamp, roundId: uid(), seq: 1, domain: '科技成果转移转化', title: '共建成果转化基地', funding: 0, status: '未启动', ...overrides };
}

export function progress(overrides: Partial<ConsultationProgress> & Pick<ConsultationProgress, 'roundId' | 'topicId' | 'year' | 'quarter'>): ConsultationProgress {
  return { id: uid(), ...stamp, progress: '按计划推进', ...overrides };
}
