import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';
import { AppShell } from './pages/AppShell';
import { AdvisorsPage } from './pages/AdvisorsPage';
import { AdvisorDetailPage } from './pages/AdvisorDetailPage';
import { DocumentActionsObject } from './pages/DocumentActionsObject';
import { documentText } from './support/docx';

let profile: BrowserProfile;
let shell: AppShell;
let advisors: AdvisorsPage;
let detail: AdvisorDetailPage;

const year = new Date().getFullYear();

beforeAll(async () => {
  profile = await openProfile();
  shell = new AppShell(profile.page);
  advisors = new AdvisorsPage(profile.page);
  detail = new AdvisorDetailPage(profile.page);
  await advisors.open(profile.baseUrl);
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('科技顾问: from recommendation to a year on file (seed 000)', () => {
  it('registers a new advisor from the roster, as 推荐', async () => {
    await advisors.create({ name: '韦测试', honorific: '中国科学院院士', homeInstitution: '示范测试大学', serviceUnit: '广西测试研究院' });
    await expect.poll(() => detail.status()).toBe('推荐');
    expect(profile.page.url()).toMatch(/#\/advisors\/[0-9a-f-]{36}$/);
  });

  it('refuses 评议 before the recommendation is on file, with the rule’s reason', async () => {
    const dialog = await detail.startTransition('提交评议');
    await detail.confirmTransition(dialog, '提交评议');
    await expect.poll(() => detail.refusal(dialog)).toBe('请先填写推荐单位');
    await dialog.getByRole('button', { name: '取消' }).click();
    expect(await detail.status()).toBe('推荐');
  });

  it('takes the file 推荐 → 评议 → 已审定, refusing 审定 without a 评议 result', async () => {
    await detail.fillSelection({ recommendingUnit: '自治区测试厅', recommendationDate: `${year}-01-15`, researchDirections: '测试材料' });

    let dialog = await detail.startTransition('提交评议');
    await detail.confirmTransition(dialog, '提交评议');
    await expect.poll(() => detail.status()).toBe('评议');

    dialog = await detail.startTransition('审定通过');
    await detail.confirmTransition(dialog, '审定通过');
    await expect.poll(() => detail.refusal(dialog)).toBe('评议结果为“通过”后才能审定');
    expect(await detail.status()).toBe('评议');

    await detail.choose(dialog, '评议结果', '通过');
    await detail.fillDate(dialog, '评议日期', `${year}-02-01`);
    // Enter in a date field confirms the date, never the status; no date is filled in unasked
    // (issue 8 item 3).
    await dialog.getByLabel('评议日期', { exact: true }).press('Enter');
    await profile.page.waitForTimeout(300);
    expect(await detail.status()).toBe('评议');
    expect(await dialog.getByLabel('审定日期', { exact: true }).inputValue()).toBe('');
    await detail.confirmTransition(dialog, '审定通过');
    await expect.poll(() => detail.refusal(dialog)).toBe('请填写审定日期');
    await detail.fillDate(dialog, '审定日期', `${year}-02-20`);
    await dialog.getByLabel('审定日期', { exact: true }).press('Control+Enter');
    await expect.poll(() => detail.status()).toBe('已审定');
  });

  it('issues the 聘书 once the term is set, which makes the advisor 已聘任', async () => {
    await detail.setTerm(`${year}-03-01`, `${year + 3}-02-28`);
    const { name, bytes } = await detail.issueCertificate();
    await expect.poll(() => detail.status()).toBe('已聘任');
    // A valid Word file carrying the name and the number just taken.
    expect(name).toMatch(/\.docx$/);
    const text = documentText(bytes);
    expect(text).toContain('韦测试');
    expect(text).toMatch(new RegExp(`桂科顾聘〔${year}〕\\d+号`));
  });

  it('records a 来桂座谈, a suggestion and its feedback, and a 聘金 payment', async () => {
    await detail.openTab('工作记录');
    let form = await detail.startNew('工作记录');
    await detail.fillDate(form, '日期', `${year}-03-10`);
    await detail.choose(form, '工作形式', '来桂座谈');
    await form.getByLabel('规划政策咨询').check();
    await form.getByLabel('工作内容').fill('来桂出席测试产业座谈会');
    await detail.save(form, '工作记录已保存');
    await expect.poll(() => detail.table('工作记录').count()).toBe(1);

    await detail.openTab('咨询建议');
    form = await detail.startNew('咨询建议');
    await detail.fillDate(form, '提出日期', `${year}-03-20`);
    await form.getByLabel('建议标题').fill('关于测试平台建设的建议');
    await form.getByLabel('报送单位').fill('自治区测试厅');
    await detail.save(form, '咨询建议已保存');
    await detail.table('咨询建议').grid().getByRole('button', { name: '登记反馈' }).click();
    const feedback = profile.page.getByRole('form', { name: '登记采纳落实情况' });
    await feedback.getByText('已采纳', { exact: true }).click();
    await detail.fillDate(feedback, '反馈日期', `${year}-04-01`);
    // seed 000 §七(四): 落实 is tracked apart from 采纳.
    await feedback.getByText('落实中', { exact: true }).click();
    await detail.fillDate(feedback, '落实日期', `${year}-05-01`);
    await feedback.getByLabel('落实说明').fill('平台选址已确定');
    await detail.save(feedback, '采纳落实情况已保存');

    await detail.openTab('聘金');
    form = await detail.startNew('聘金发放');
    expect(await form.getByLabel('金额（税后）').inputValue()).toBe('300,000'); // policy default, seed 000 §六
    await detail.fillDate(form, '拨付日期', `${year}-06-30`);
    await form.getByLabel('拨付凭证号').fill('PZ-TEST-1');
    await detail.save(form, '聘金发放已保存');
  });

  it('keeps everything after a reload', async () => {
    await shell.reload();
    await expect.poll(() => detail.status()).toBe('已聘任');
    await detail.openTab('工作记录');
    await expect.poll(() => detail.table('工作记录').grid().innerText()).toContain('来桂座谈');
    await detail.openTab('咨询建议');
    await expect.poll(() => detail.table('咨询建议').grid().innerText()).toContain('已采纳');
    await expect.poll(() => detail.table('咨询建议').grid().innerText()).toContain('落实中');
    await detail.openTab('聘金');
    await expect.poll(() => detail.table('聘金发放').grid().innerText()).toContain('PZ-TEST-1');

    await advisors.open(profile.baseUrl);
    await advisors.roster.search('韦测试');
    await expect.poll(() => advisors.roster.count()).toBe(1);
    expect(await advisors.roster.grid().innerText()).toContain('已聘任');
  });

  it('previews the advisor’s 工作台账 and saves the 年度咨询建议汇编', async () => {
    await advisors.openAdvisor('韦测试');
    const report = new DocumentActionsObject(profile.page, profile.page.getByLabel('工作台账', { exact: true }));
    const preview = await report.preview();
    expect(await preview.innerText()).toContain('韦测试');
    await report.closePreview();

    await advisors.open(profile.baseUrl);
    const compilation = new DocumentActionsObject(profile.page, profile.page.getByLabel('年度咨询建议汇编', { exact: true }));
    const saved = await compilation.save();
    expect(saved.name).toBe(`${year}年度科技顾问咨询建议及科研成果汇编.docx`);
    expect(saved.bytes.length).toBeGreaterThan(1000);
  });

  it('deletes only after confirmation, and 撤销 brings the whole file back', async () => {
    await advisors.openAdvisor('韦测试');
    await expect.poll(() => detail.status()).toBe('已聘任');
    await detail.removeAdvisor();
    await advisors.roster.grid().waitFor();
    await advisors.roster.search('韦测试');
    await expect.poll(() => advisors.roster.count()).toBe(0);
    await profile.page.getByRole('button', { name: '撤销' }).click();
    await expect.poll(() => advisors.roster.count()).toBe(1);
    await advisors.openAdvisor('韦测试');
    await detail.openTab('咨询建议');
    await expect.poll(() => detail.table('咨询建议').grid().innerText()).toContain('已采纳');
    await expect.poll(() => detail.table('咨询建议').grid().innerText()).toContain('落实中');
  });

  it('logged no errors in the page', () => {
    expect(profile.errors).toEqual([]);
  });
});
