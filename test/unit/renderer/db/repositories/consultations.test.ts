import { describe, expect, it } from 'vitest';
import {
  ConsultationRefusedError,
  ConsultationRuleError,
  removeRound,
  roundRecords,
  saveAnnualReport,
  saveProgress,
  saveRound,
  saveTopic,
} from '../../../../../renderer/src/db/repositories/consultations';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { freshDb, oplog } from '../helpers';

const rules = guangxiPreset.consultations;
const signed = { stageDates: { 会议召开: '2026-04-22', 签署: '2026-04-22' }, departmentSigner: '韦振华', citySigner: '黄立群' };
const topicFields = (roundId: string, over: Record<string, unknown> = {}) => ({ roundId, domain: '区域创新高地', title: '共建创新中心', funding: 0, status: '未启动' as const, ...over });

describe('consultation repository', () => {
  it('refuses a second 重点 city in a year with the reason, writing nothing; the exception lets it through', async () => {
    const db = await freshDb();
    await saveRound(db, { city: '南宁', year: 2026, kind: '重点会商' }, rules);
    const before = await oplog(db);
    await expect(saveRound(db, { city: '柳州', year: 2026, kind: '重点会商' }, rules)).rejects.toThrow('2026年重点会商市最多 1 个，已有：南宁（第十条）');
    expect(await oplog(db)).toEqual(before);
    expect(await db.consultationRounds.count()).toBe(1);
    const extra = await saveRound(db, { city: '柳州', year: 2026, kind: '重点会商', exceptionKind: '紧急', exceptionReason: '承接国家重大科技任务' }, rules);
    expect(extra.exceptionKind).toBe('紧急');
  });

  it('refuses a city inside three years, allows exactly three years later', async () => {
    const db = await freshDb();
    await saveRound(db, { city: '桂林', year: 2023, kind: '一般会商' }, rules);
    await expect(saveRound(db, { city: '桂林', year: 2025, kind: '一般会商' }, rules)).rejects.toThrow(ConsultationRuleError);
    await expect(saveRound(db, { city: '桂林', year: 2026, kind: '一般会商' }, rules)).resolves.toMatchObject({ year: 2026 });
  });

  it('editing stage dates of a round does not re-run the quota', async () => {
    const db = await freshDb();
    await saveRound(db, { city: '南宁', year: 2026, kind: '重点会商' }, rules);
    const extra = await saveRound(db, { city: '柳州', year: 2026, kind: '重点会商', exceptionKind: '特殊', exceptionReason: '活动周主场' }, rules);
    const edited = await saveRound(db, { ...extra, stageDates: { 会商建议: '2026-02-01' } }, rules);
    expect(edited.stageDates.会商建议).toBe('2026-02-01');
  });

  it('numbers topics, caps the funds exactly at the limit, and refuses one 分 more', async () => {
    const db = await freshDb();
    const round = await saveRound(db, { city: '梧州', year: 2026, kind: '一般会商' }, rules);
    const a = await saveTopic(db, topicFields(round.id, { funding: 6_000_000 }), rules);
    const b = await saveTopic(db, topicFields(round.id, { domain: '创新人才培养引进', title: '人才', funding: 4_000_000 }), rules);
    expect([a.seq, b.seq]).toEqual([1, 2]);
    await expect(saveTopic(db, topicFields(round.id, { domain: '开放协同创新', title: '合作', funding: 0.01 }), rules)).rejects.toThrow('超过一般会商市上限 1000万元');
    await expect(saveTopic(db, { ...b, funding: 4_000_000.01 }, rules)).rejects.toThrow(ConsultationRuleError);
    expect((await db.consultationTopics.get(b.id))!.funding).toBe(4_000_000);
  });

  it('a kind changed to 一般 is refused while the topics exceed its cap', async () => {
    const db = await freshDb();
    const round = await saveRound(db, { city: '南宁', year: 2026, kind: '重点会商' }, rules);
    await saveTopic(db, topicFields(round.id, { funding: 15_000_000 }), rules);
    await expect(saveRound(db, { ...round, kind: '一般会商' }, rules)).rejects.toThrow('超过一般会商市上限');
  });

  it('blocks a domain with an unfinished earlier topic of the city until it is finished', async () => {
    const db = await freshDb();
    const old = await saveRound(db, { city: '柳州', year: 2023, kind: '一般会商' }, rules);
    const oldTopic = await saveTopic(db, topicFields(old.id, { domain: '科技成果转移转化', title: '成果转化基地', status: '推进中' }), rules);
    const round = await saveRound(db, { city: '柳州', year: 2026, kind: '重点会商' }, rules);
    await expect(saveTopic(db, topicFields(round.id, { domain: '科技成果转移转化', title: '新基地' }), rules)).rejects.toThrow('2023年“成果转化基地”（推进中）');
    await saveTopic(db, { ...oldTopic, status: '已完成', completedDate: '2025-12-01' }, rules);
    await expect(saveTopic(db, topicFields(round.id, { domain: '科技成果转移转化', title: '新基地' }), rules)).resolves.toMatchObject({ seq: 1 });
  });

  it('progress: one row per topic and quarter, only after signing, not for a future quarter', async () => {
    const db = await freshDb();
    const unsigned = await saveRound(db, { city: '北海', year: 2026, kind: '一般会商' }, rules);
    const t0 = await saveTopic(db, topicFields(unsigned.id), rules);
    const p = { roundId: unsigned.id, topicId: t0.id, year: 2026, quarter: 2, progress: '完成选址' };
    await expect(saveProgress(db, p, '2026-07-05')).rejects.toThrow('议定书签署后才能登记推进情况');

    const round = await saveRound(db, { ...unsigned, ...signed }, rules);
    const q2 = await saveProgress(db, { ...p, roundId: round.id }, '2026-07-05');
    await expect(saveProgress(db, { ...p, progress: '重复' }, '2026-07-05')).rejects.toThrow('2026年第二季度推进情况已登记，请修改原记录');
    await expect(saveProgress(db, { ...p, quarter: 4 }, '2026-07-05')).rejects.toThrow('2026年第四季度尚未开始');
    await expect(saveProgress(db, { ...p, quarter: 1 }, '2026-07-05')).rejects.toThrow(ConsultationRefusedError);
    await saveProgress(db, { ...p, quarter: 3, progress: '完成方案' }, '2026-10-05');
    await saveProgress(db, { ...q2, progress: '完成选址并成立专班' }, '2026-10-05');
    const records = (await roundRecords(db, round.id))!;
    expect(records.progress.map((r) => [r.quarter, r.progress]).sort()).toEqual([[2, '完成选址并成立专班'], [3, '完成方案']]);
  });

  it('one annual report per round-year; removing a round tombstones its records', async () => {
    const db = await freshDb();
    const round = await saveRound(db, { city: '玉林', year: 2026, kind: '一般会商', ...signed }, rules);
    const first = await saveAnnualReport(db, { roundId: round.id, year: 2026, receivedDate: '2026-12-20', summary: '甲' });
    const again = await saveAnnualReport(db, { roundId: round.id, year: 2026, receivedDate: '2026-12-20', summary: '乙' });
    expect(again.id).toBe(first.id);
    await saveTopic(db, topicFields(round.id), rules);
    await removeRound(db, round.id);
    expect(await roundRecords(db, round.id)).toBeUndefined();
    expect((await db.consultationTopics.toArray()).every((t) => t.deletedAt)).toBe(true);
    expect((await db.consultationAnnualReports.toArray()).every((t) => t.deletedAt)).toBe(true);
  });
});
