import { describe, expect, it } from 'vitest';
import { loadCommissionerFile, markInService } from '../../../../../renderer/src/db/repositories/commissionerFiles';
import { saveAgreement, saveTeam } from '../../../../../renderer/src/db/repositories/commissioners';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { freshDb } from '../helpers';

const rules = guangxiPreset.commissioners;
const now = '2026-11-24T08:00:00.000Z';
const person = (name: string, status: string, extra: Record<string, unknown> = {}) => ({ id: crypto.randomUUID(), name, dispatchUnit: '广西示范大学', status, isPriority: false, priorityFlags: [], disqualificationReasons: [], createdAt: now, updatedAt: now, deletedAt: null, ...extra });

describe('commissioner files', () => {
  it('a signed team agreement puts its members in service, but not one already disqualified; each member’s file finds it', async () => {
    const db = await freshDb();
    const members = [person('覃一', '意向'), person('覃二', '已公示'), person('覃三', '取消资格', { disqualifiedDate: '2026-10-01', disqualificationReasons: ['有违法违纪行为'] })];
    await db.commissioners.bulkAdd(members as never);
    const team = await saveTeam(db, { name: '糖业特派团', leaderId: members[0].id, memberIds: members.map((m) => m.id) }, rules);
    const agreement = await saveAgreement(db, { teamId: team.id, enterpriseId: crypto.randomUUID(), status: '生效', startDate: '2026-03-01', endDate: '2028-02-29' }, rules);
    await markInService(db, agreement);
    expect((await db.commissioners.bulkGet(members.map((m) => m.id))).map((m) => m?.status)).toEqual(['服务中', '服务中', '取消资格']);
    const file = await loadCommissionerFile(db, members[1].id);
    expect(file?.team?.id).toBe(team.id);
    expect(file?.agreements.map((v) => v.agreement.id)).toEqual([agreement.id]);
  });
});
