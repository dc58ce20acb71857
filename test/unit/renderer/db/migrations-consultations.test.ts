import { describe, expect, it } from 'vitest';
import { schemaVersions } from '../../../../renderer/src/db/schema';
import { consultationRoundSchema, consultationTopicSchema } from '../../../../shared/domain/consultations/schema';
import { freshDb, iso, oplog, reopen } from './helpers';

describe('version 11: 厅市会商 stage dates, exceptions and numbered topics', () => {
  it('brings rounds and topics of the first shape over without losing a field', async () => {
    const old = await freshDb({ versions: schemaVersions.filter((v) => v.version < 11) });
    const signedId = crypto.randomUUID();
    const planningId = crypto.randomUUID();
    await old.table('consultationRounds').bulkAdd([
      { id: signedId, city: '柳州', year: 2026, kind: '重点会商', status: '实施中', meetingDate: '2026-04-22', fundingCap: 20000000, createdAt: iso, updatedAt: iso },
      { id: planningId, city: '钦州', year: 2026, kind: '一般会商', status: '筹备', urgentReason: '防汛科技需求', createdAt: iso, updatedAt: iso },
    ]);
    const [a, b, c] = [crypto.randomUUID(), crypto.randomUUID(), crypto.randomUUID()];
    await old.table('consultationTopics').bulkAdd([
      { id: a, roundId: signedId, domain: '创新平台', title: '后录入', responsibleDivision: '平台处', status: '推进中', createdAt: '2026-05-02T00:00:00.000Z', updatedAt: iso },
      { id: b, roundId: signedId, domain: '成果转化', title: '先录入', status: '未启动', createdAt: '2026-05-01T00:00:00.000Z', updatedAt: iso },
      { id: c, roundId: planningId, domain: '开放合作', title: '钦州议题', status: '未启动', createdAt: iso, updatedAt: iso },
    ]);
    const logBefore = await oplog(old);

    const db = await reopen(old);
    const signed = (await db.consultationRounds.get(signedId))!;
    expect(signed.stageDates).toEqual({ 会议召开: '2026-04-22', 签署: '2026-04-22' });
    expect((signed as Record<string, unknown>).fundingCap).toBe(20000000);
    const planning = (await db.consultationRounds.get(planningId))!;
    expect(planning).toMatchObject({ stageDates: {}, exceptionKind: '紧急', exceptionReason: '防汛科技需求' });
    expect(consultationRoundSchema.safeParse(planning).success).toBe(true);
    // The signed round now needs its signers (the old shape had none): the form asks for them.
    expect(consultationRoundSchema.safeParse(signed).error?.issues.map((i) => i.path.join('.'))).toEqual(['departmentSigner', 'citySigner']);

    const topics = await db.consultationTopics.toArray();
    const byId = new Map(topics.map((t) => [t.id, t]));
    expect([byId.get(b)!.seq, byId.get(a)!.seq, byId.get(c)!.seq]).toEqual([1, 2, 1]);
    expect(byId.get(a)).toMatchObject({ departmentDivision: '平台处', funding: 0 });
    for (const t of topics) expect(consultationTopicSchema.safeParse(t).success).toBe(true);
    expect(await oplog(db)).toEqual(logBefore);
    expect(await db.consultationAnnualReports.count()).toBe(0);
    expect(await db.consultationEvaluations.where('roundId').equals(signedId).count()).toBe(0);
  });
});
