import { describe, expect, it } from 'vitest';
import {
  addAdvisorRecord,
  changeAdvisorStatus,
  createAdvisor,
  loadAdvisorFile,
  loadAdvisorFiles,
  removeAdvisor,
  removeAdvisorRecord,
  restoreAdvisor,
  TransitionRefusedError,
  updateAdvisor,
  updateAdvisorRecord,
} from '../../../../../renderer/src/db/repositories/advisors';
import { LedgerRepository, RecordNotFoundError } from '../../../../../renderer/src/db/ledgerRepository';
import { ValidationError } from '../../../../../renderer/src/db/validation';
import type { SciLedgerDb } from '../../../../../renderer/src/db/database';
import { freshDb, oplog } from '../helpers';

const basics = { name: '陈思远', honorific: '中国工程院院士', homeInstitution: '华南示范理工大学' };
const recommendation = { recommendingUnit: '自治区工业和信息化厅', recommendationDate: '2026-03-01', advisorConsent: true, homeUnitConsent: true, researchDirections: '铝基新材料' };

/** An advisor already appointed (聘金 is paid from 已聘任 on), written as an import would. */
function appointed(db: SciLedgerDb, name = basics.name) {
  return new LedgerRepository(db).create('advisors', { ...basics, name, status: '已聘任', termStart: '2026-01-01', termEnd: '2028-12-31' });
}

async function recommended(db: SciLedgerDb) {
  return createAdvisor(db, { ...basics, ...recommendation });
}

describe('advisors repository', () => {
  it('creates every advisor as 推荐, whatever status the caller passes, and logs it', async () => {
    const db = await freshDb();
    const advisor = await createAdvisor(db, { ...basics, status: '已聘任' } as never);
    expect(advisor.status).toBe('推荐');
    const [entry] = await oplog(db);
    expect(entry).toMatchObject({ table: 'advisors', id: advisor.id, deleted: false });
    expect(entry.fields).toMatchObject({ name: '陈思远', status: '推荐' });
  });

  it('update ignores status: only changeAdvisorStatus moves a file', async () => {
    const db = await freshDb();
    const advisor = await recommended(db);
    const updated = await updateAdvisor(db, advisor.id, { field: '新材料', status: '已审定' } as never);
    expect(updated).toMatchObject({ field: '新材料', status: '推荐' });
  });

  it('an invalid edit throws a Chinese ValidationError and changes nothing', async () => {
    const db = await freshDb();
    const advisor = await recommended(db);
    const before = await db.oplog.count();
    const error = await updateAdvisor(db, advisor.id, { name: '  ', termStart: '2026-02-30' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).message).toContain('请填写姓名');
    expect(await db.advisors.get(advisor.id)).toEqual(advisor);
    expect(await db.oplog.count()).toBe(before);
  });

  describe('changeAdvisorStatus', () => {
    it('walks 推荐 → 评议 → 已审定, writing status and details together', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      const toReview = await changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10');
      expect(toReview.advisor.status).toBe('评议');
      expect(toReview.warnings).toEqual([]);
      const approved = await changeAdvisorStatus(db, advisor.id, '已审定', { reviewResult: '通过', reviewDate: '2026-04-01', approvalDate: '2026-05-01' }, '2026-05-02');
      expect(approved.advisor).toMatchObject({ status: '已审定', reviewResult: '通过', reviewDate: '2026-04-01', approvalDate: '2026-05-01' });
      expect(await db.advisors.get(advisor.id)).toEqual(approved.advisor);
      // one oplog entry carries both the status and the details of the step
      const last = (await oplog(db)).at(-1)!;
      expect(last.fields).toMatchObject({ status: '已审定', reviewResult: '通过', approvalDate: '2026-05-01' });
    });

    it('refuses a step the rules forbid with their Chinese reason and writes nothing', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      await changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10');
      const stored = await db.advisors.get(advisor.id);
      const logged = await db.oplog.count();

      const refused = await changeAdvisorStatus(db, advisor.id, '已审定', { approvalDate: '2026-05-01' }, '2026-05-02').catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TransitionRefusedError);
      expect((refused as Error).message).toBe('评议结果为“通过”后才能审定');

      const skipped = await changeAdvisorStatus(db, advisor.id, '解聘', { dismissalReason: '本人申请', dismissalDate: '2026-05-01' }, '2026-05-02').catch((e: unknown) => e);
      expect((skipped as Error).message).toBe('不能从“评议”直接变更为“解聘”');

      expect(await db.advisors.get(advisor.id)).toEqual(stored);
      expect(await db.oplog.count()).toBe(logged);
    });

    it('needs the academician’s consent before review, and warns (without refusing) on 原则上 clauses', async () => {
      const db = await freshDb();
      const advisor = await createAdvisor(db, { ...basics, recommendingUnit: '某服务单位', recommendationDate: '2026-03-01' });
      await expect(changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10')).rejects.toThrow('推荐须征得院士本人同意');
      await updateAdvisor(db, advisor.id, { advisorConsent: true });
      const { warnings } = await changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10');
      expect(warnings).toEqual(['尚未记录所在单位同意意见（原则上应征得所在单位同意）', '工作方案（研究方向、合作项目）尚未填写']);
    });

    it('rolls the whole step back when a detail fails validation', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      await changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10');
      const stored = await db.advisors.get(advisor.id);
      const error = await changeAdvisorStatus(db, advisor.id, '已审定', { reviewResult: '通过', approvalDate: '2026-13-01' }, '2026-05-02').catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect(await db.advisors.get(advisor.id)).toEqual(stored);
    });

    it('ignores fields that are not details of a step, and appends a remark to 备注', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      const { advisor: moved } = await changeAdvisorStatus(db, advisor.id, '评议', { name: '改名' } as never, '2026-03-10', '材料齐全');
      expect(moved.name).toBe('陈思远');
      expect(moved.notes).toBe('2026-03-10 推荐→评议：材料齐全');
    });

    it('needs reason and date to dismiss an appointed advisor', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      await changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10');
      await changeAdvisorStatus(db, advisor.id, '已审定', { reviewResult: '通过', approvalDate: '2026-05-01' }, '2026-05-02');
      await expect(changeAdvisorStatus(db, advisor.id, '已聘任', {}, '2026-05-03')).rejects.toThrow('请先填写聘期起止日期');
      await changeAdvisorStatus(db, advisor.id, '已聘任', { termStart: '2026-06-01', termEnd: '2029-05-31', certificateNumber: '桂科顾聘〔2026〕1号' }, '2026-06-01');
      await expect(changeAdvisorStatus(db, advisor.id, '解聘', { dismissalDate: '2026-09-01' }, '2026-09-01')).rejects.toThrow('解聘须填写原因');
      const { advisor: dismissed } = await changeAdvisorStatus(db, advisor.id, '解聘', { dismissalReason: '本人申请', dismissalDate: '2026-09-01' }, '2026-09-01');
      expect(dismissed).toMatchObject({ status: '解聘', dismissalReason: '本人申请' });
    });

    it('does not move a deleted advisor', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      await removeAdvisor(db, advisor.id);
      await expect(changeAdvisorStatus(db, advisor.id, '评议', {}, '2026-03-10')).rejects.toBeInstanceOf(RecordNotFoundError);
    });
  });

  describe('sub-records', () => {
    it('adds, edits and tombstones an activity, logging each write', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      const visit = await addAdvisorRecord(db, 'advisorActivities', { advisorId: advisor.id, date: '2026-04-16', form: '来桂座谈', duties: ['规划政策咨询'], content: '出席座谈会' });
      const edited = await updateAdvisorRecord(db, 'advisorActivities', visit.id, { location: '南宁', advisorId: crypto.randomUUID() } as never);
      expect(edited).toMatchObject({ location: '南宁', advisorId: advisor.id });
      await removeAdvisorRecord(db, 'advisorActivities', visit.id);
      expect((await db.advisorActivities.get(visit.id))?.deletedAt).toBeTruthy();
      const ops = (await oplog(db)).filter((e) => e.table === 'advisorActivities');
      expect(ops).toHaveLength(3);
      expect(ops[2].fields).toHaveProperty('deletedAt');
    });

    it('refuses a record for an advisor that does not exist or was deleted', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      await removeAdvisor(db, advisor.id);
      const stipend = { advisorId: advisor.id, year: 2026, amount: 300000 };
      await expect(addAdvisorRecord(db, 'advisorStipends', stipend)).rejects.toBeInstanceOf(RecordNotFoundError);
      await expect(addAdvisorRecord(db, 'advisorStipends', { ...stipend, advisorId: crypto.randomUUID() })).rejects.toBeInstanceOf(RecordNotFoundError);
      expect(await db.advisorStipends.count()).toBe(0);
    });

    it('refuses a 聘金 payment before the advisor is appointed, saying why (issue 8 item 6)', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      const error = await addAdvisorRecord(db, 'advisorStipends', { advisorId: advisor.id, year: 2026, amount: 300000 }).catch((e: unknown) => e);
      expect((error as Error).message).toBe('当前状态为“推荐”，聘任（颁发聘书）后才能登记聘金发放');
      expect(await db.advisorStipends.count()).toBe(0);
      const negative = await addAdvisorRecord(db, 'advisorStipends', { advisorId: (await appointed(db, '林若溪')).id, year: 2026, amount: -5 }).catch((e: unknown) => e);
      expect((negative as ValidationError).message).toContain('聘金金额不能为负数');
    });

    it('refuses an invalid record with Chinese messages (e.g. 聘金 to the fen)', async () => {
      const db = await freshDb();
      const advisor = await appointed(db);
      const error = await addAdvisorRecord(db, 'advisorStipends', { advisorId: advisor.id, year: 2026, amount: 300000.001 }).catch((e: unknown) => e);
      expect((error as ValidationError).message).toContain('金额最多保留两位小数（分）');
      expect(await db.advisorStipends.count()).toBe(0);
    });
  });

  describe('queries', () => {
    it('loadAdvisorFile returns the active records only; removing and restoring the advisor keeps the file whole', async () => {
      const db = await freshDb();
      const advisor = await recommended(db);
      const other = await appointed(db, '林若溪');
      await addAdvisorRecord(db, 'advisorSuggestions', { advisorId: advisor.id, date: '2026-05-10', title: '关于中试平台的建议', feedbackStatus: '待反馈' });
      const dropped = await addAdvisorRecord(db, 'advisorSuggestions', { advisorId: advisor.id, date: '2026-05-11', title: '作废', feedbackStatus: '待反馈' });
      await removeAdvisorRecord(db, 'advisorSuggestions', dropped.id);
      await addAdvisorRecord(db, 'advisorPlans', { advisorId: advisor.id, kind: '三年工作方案', startYear: 2026, endYear: 2028, title: '三年工作方案' });
      await addAdvisorRecord(db, 'advisorStipends', { advisorId: other.id, year: 2026, amount: 300000 });

      const file = await loadAdvisorFile(db, advisor.id);
      expect(file?.suggestions.map((s) => s.title)).toEqual(['关于中试平台的建议']);
      expect(file?.plans).toHaveLength(1);
      expect(file?.stipends).toEqual([]);

      await removeAdvisor(db, advisor.id);
      expect(await loadAdvisorFile(db, advisor.id)).toBeUndefined();
      expect((await loadAdvisorFiles(db)).map((f) => f.advisor.name)).toEqual(['林若溪']);

      await restoreAdvisor(db, advisor.id);
      const back = await loadAdvisorFile(db, advisor.id);
      expect(back?.suggestions).toHaveLength(1);
      const files = await loadAdvisorFiles(db);
      expect(files.find((f) => f.advisor.id === other.id)?.stipends).toHaveLength(1);
    });
  });
});
