import { describe, expect, it } from 'vitest';
import {
  agreementCompliance,
  CommissionerRuleError,
  logServices,
  saveAgreement,
  saveAssessment,
  saveTeam,
  serviceLogPage,
  updateServiceLog,
} from '../../../../../renderer/src/db/repositories/commissioners';
import { guangxiPreset } from '../../../../../shared/policy/profile';
import { freshDb, oplog } from '../helpers';
import { addAttachments, removeAttachment } from '../../../../../renderer/src/db/attachments';
import { pdfBytes, useStorableBlobs } from '../attachments/attachmentHelpers';

useStorableBlobs();

const rules = guangxiPreset.commissioners;
const person = crypto.randomUUID();
const enterprise = crypto.randomUUID();
const agreementFields = { commissionerId: person, enterpriseId: enterprise, status: '生效' as const, startDate: '2026-03-01', endDate: '2028-02-29' };
const logFields = (agreementId: string) => ({ commissionerId: person, agreementId, enterpriseId: enterprise, days: 1, mode: '线下' as const, kind: '参与技术攻关' as const, content: '现场指导' });

describe('commissioner repository', () => {
  it('refuses a second active dispatch to the same enterprise and writes nothing', async () => {
    const db = await freshDb();
    await saveAgreement(db, agreementFields, rules);
    const before = await oplog(db);
    await expect(saveAgreement(db, { ...agreementFields, commissionerId: crypto.randomUUID() }, rules)).rejects.toThrow(CommissionerRuleError);
    expect(await db.cooperationAgreements.count()).toBe(1);
    expect(await oplog(db)).toEqual(before);
    await expect(saveAgreement(db, { ...agreementFields, enterpriseId: crypto.randomUUID(), endDate: '2028-03-01' }, rules)).rejects.toThrow('服务期为 2 年，结束日期不能晚于 2028-02-29');
  });

  it('enforces team size 3–5', async () => {
    const db = await freshDb();
    const members = Array.from({ length: 6 }, () => crypto.randomUUID());
    const now = new Date().toISOString();
    await db.commissioners.bulkAdd(members.map((id, i) => ({ id, name: `成员${i}`, dispatchUnit: '广西示范大学', status: '服务中' as const, isPriority: false, priorityFlags: [], disqualificationReasons: [], createdAt: now, updatedAt: now, deletedAt: null })));
    await expect(saveTeam(db, { name: '糖业特派团', leaderId: members[0], memberIds: members.slice(0, 2) }, rules)).rejects.toThrow('科技特派团应为 3—5 人，当前 2 人');
    await expect(saveTeam(db, { name: '糖业特派团', leaderId: members[0], memberIds: members }, rules)).rejects.toThrow('当前 6 人');
    const team = await saveTeam(db, { name: '糖业特派团', leaderId: members[0], memberIds: members.slice(0, 3) }, rules);
    expect(await db.commissionerTeams.get(team.id)).toEqual(team);
    // Members carry the team, so each member's file finds the team's dispatch; a dropped member loses it.
    expect((await db.commissioners.get(members[1]))?.teamId).toBe(team.id);
    await saveTeam(db, { ...team, memberIds: [members[0], members[2], members[3]] }, rules);
    expect((await db.commissioners.get(members[1]))?.teamId).toBeNull();
    expect((await db.commissioners.get(members[3]))?.teamId).toBe(team.id);
    await expect(saveTeam(db, { name: '第二团', leaderId: members[4], memberIds: [members[4], members[5], crypto.randomUUID()] }, rules)).rejects.toThrow('特派团成员不存在或已删除');
    expect((await db.commissioners.get(members[4]))?.teamId).toBeUndefined();
  });

  it('bulk-logs dates all or nothing and refuses a date outside the period', async () => {
    const db = await freshDb();
    const a = await saveAgreement(db, agreementFields, rules);
    await expect(logServices(db, logFields(a.id), ['2026-03-02', '2026-02-28'], '2026-04-01')).rejects.toThrow('服务日期 2026-02-28 不在服务期 2026-03-01 至 2028-02-29 内');
    expect(await db.serviceLogs.count()).toBe(0);
    const written = await logServices(db, logFields(a.id), ['2026-03-02', '2026-03-03'], '2026-04-01');
    expect(written.map((l) => l.date)).toEqual(['2026-03-02', '2026-03-03']);
    await expect(logServices(db, { ...logFields(a.id), days: 0.5 }, ['2026-03-02'], '2026-04-01')).rejects.toThrow('2026-03-02 已登记 1 天，同一日期合计不能超过 1 天');
    await expect(updateServiceLog(db, written[0].id, { days: 0.5 }, '2026-04-01')).resolves.toMatchObject({ days: 0.5 });
  });

  it('pages a commissioner-year newest first and turns compliance green on the fifth visit', async () => {
    const db = await freshDb();
    const a = await saveAgreement(db, agreementFields, rules);
    const dates = Array.from({ length: 30 }, (_, i) => `2026-04-${String(i + 1).padStart(2, '0')}`);
    await logServices(db, logFields(a.id), dates.slice(0, 29), '2026-05-01');
    await logServices(db, { ...logFields(a.id), commissionerId: crypto.randomUUID() }, ['2026-04-10'], '2026-05-01');
    const page = await serviceLogPage(db, { by: 'commissioner', id: person, year: 2026, offset: 10, limit: 5 });
    expect(page.total).toBe(29);
    expect(page.rows.map((r) => r.date)).toEqual(['2026-04-19', '2026-04-18', '2026-04-17', '2026-04-16', '2026-04-15']);
    expect((await serviceLogPage(db, { by: 'enterprise', id: enterprise, year: 2026, offset: 0, limit: 100 })).total).toBe(30);
    expect((await serviceLogPage(db, { by: 'commissioner', id: person, year: 2027, offset: 0, limit: 10 })).total).toBe(0);
    expect((await agreementCompliance(db, a.id, '2026-05-01', { ...rules, minServiceDaysPerYear: 31 }))?.state).not.toBe('达标');
    await logServices(db, logFields(a.id), ['2026-04-30'], '2026-05-01');
    expect((await agreementCompliance(db, a.id, '2026-05-01', { ...rules, minServiceDaysPerYear: 31 }))?.state).toBe('达标');
  });

  it('pages only the logs with (or without) 附件 when asked, and counts only those', async () => {
    const db = await freshDb();
    const a = await saveAgreement(db, agreementFields, rules);
    const dates = Array.from({ length: 12 }, (_, i) => `2026-05-${String(i + 1).padStart(2, '0')}`);
    const logs = await logServices(db, logFields(a.id), dates, '2026-06-01');
    // 签到表 on 05-02, 05-05 and 05-11; a removed photo on 05-07 no longer counts.
    for (const i of [1, 4, 10]) await addAttachments(db, 'serviceLogs', logs[i].id, [{ name: `签到表${i}.pdf`, bytes: pdfBytes(i) }]);
    const [photo] = await addAttachments(db, 'serviceLogs', logs[6].id, [{ name: '照片.pdf', bytes: pdfBytes(99) }]);
    await removeAttachment(db, photo.id);
    const page = (files: 'all' | 'with' | 'without', offset = 0, limit = 50) => serviceLogPage(db, { by: 'commissioner', id: person, year: 2026, offset, limit, files });

    const withFiles = await page('with');
    expect(withFiles.total).toBe(3);
    expect(withFiles.rows.map((r) => r.date)).toEqual(['2026-05-11', '2026-05-05', '2026-05-02']);
    // Filtered before paging: the second page of two holds the third match.
    expect((await page('with', 2, 2)).rows.map((r) => r.date)).toEqual(['2026-05-02']);
    const without = await page('without');
    expect(without.total).toBe(9);
    expect(without.rows.map((r) => r.date)).toContain('2026-05-07');
    expect((await page('all')).total).toBe(12);
    expect((await serviceLogPage(db, { by: 'enterprise', id: enterprise, year: 2026, offset: 0, limit: 50, files: 'with' })).total).toBe(3);
  });

  it('refuses an 优秀 over floor(20%) of the year’s roster, from the first grade entered', async () => {
    const db = await freshDb();
    const people = Array.from({ length: 9 }, () => crypto.randomUUID());
    for (const p of people) await saveAgreement(db, { ...agreementFields, commissionerId: p, enterpriseId: crypto.randomUUID() }, rules);
    // 9 in service in 2026: one 优秀 allowed, and the first grade entered may be it.
    await saveAssessment(db, { commissionerId: people[0], year: 2026, tookPart: true, grade: '优秀' }, rules);
    await expect(saveAssessment(db, { commissionerId: people[1], year: 2026, tookPart: true, grade: '优秀' }, rules)).rejects.toThrow('优秀名额已满：2026 年度考核 9 人，优秀不超过 20%，即 1 名');
    expect(await db.commissionerAssessments.count()).toBe(1);
    // A tenth in service makes room for a second.
    await saveAgreement(db, { ...agreementFields, commissionerId: crypto.randomUUID(), enterpriseId: crypto.randomUUID() }, rules);
    await expect(saveAssessment(db, { commissionerId: people[1], year: 2026, tookPart: true, grade: '优秀' }, rules)).resolves.toMatchObject({ grade: '优秀' });
  });
});
