import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppShell } from './pages/AppShell';
import { ConsultationsPage } from './pages/ConsultationsPage';
import { SettingsPage } from './pages/SettingsPage';
import { openProfile, reloadAfterFailure, type BrowserProfile } from './support/browser';

let profile: BrowserProfile;
let consultations: ConsultationsPage;

/**
 * The signing falls on the first day of the quarter before today's, so that two quarters have
 * begun whatever day the suite runs (a January run signs in October of the year before).
 */
function previousQuarterStart(today = new Date()): { date: string; year: number; quarters: [string, string] } {
  const q = Math.floor(today.getMonth() / 3); // 0-based current quarter
  const year = q === 0 ? today.getFullYear() - 1 : today.getFullYear();
  const prev = q === 0 ? 3 : q - 1;
  const names = ['一', '二', '三', '四'];
  return {
    date: `${year}-${String(prev * 3 + 1).padStart(2, '0')}-01`,
    year,
    quarters: [`${year}年第${names[prev]}季度`, `${today.getFullYear()}年第${names[q]}季度`],
  };
}
const signing = previousQuarterStart();

beforeAll(async () => {
  profile = await openProfile();
  const shell = new AppShell(profile.page);
  await shell.open(profile.baseUrl);
  await new SettingsPage(profile.page).setOperator('测试员丙');
  await shell.goTo('厅市会商');
  consultations = new ConsultationsPage(profile.page);
});
reloadAfterFailure(() => profile);
afterAll(async () => {
  await profile?.close();
});

describe('厅市会商 from the proposal to the quarterly ledger', () => {
  it('lists the 14 cities and proposes a 重点 round for 南宁', async () => {
    const cities = profile.page.getByLabel('设区市会商历史');
    await expect.poll(() => cities.getByRole('listitem').count()).toBe(14);
    const dialog = await consultations.proposeRound({ city: '南宁', year: signing.year, kind: '重点会商' });
    await consultations.save(dialog);
    await expect.poll(() => consultations.roundTitle().innerText()).toBe(`${signing.year}年南宁重点会商`);
  });

  it('a second 重点 city the same year is refused with its reason, shown before and on saving', async () => {
    await profile.page.getByRole('button', { name: '返回列表' }).click();
    const dialog = await consultations.proposeRound({ city: '桂林', year: signing.year, kind: '重点会商' });
    const reason = `${signing.year}年重点会商市最多 1 个，已有：南宁（第十条）`;
    await expect.poll(() => consultations.ruleCheck(dialog).innerText()).toContain(reason);
    await consultations.save(dialog);
    await expect.poll(() => dialog.getByRole('alert').first().innerText()).toContain(reason);
    await consultations.cancelDiscarding(dialog);
    await expect.poll(() => profile.page.getByLabel('会商列表').getByRole('row').count()).toBe(2); // header + 南宁
    await profile.page.getByLabel('会商列表').getByRole('cell', { name: '南宁' }).click();
    await consultations.roundTitle().waitFor();
  });

  it('adds topics up to the 2000万 cap exactly; one more yuan is refused with the reason', async () => {
    await consultations.openTab('会商议题');
    let dialog = await consultations.openTopicDialog();
    await consultations.fillTopic(dialog, { domain: '区域创新高地', title: '共建南宁创新策源中心', funding: 15_000_000 });
    await consultations.save(dialog);
    await dialog.waitFor({ state: 'hidden' });
    dialog = await consultations.openTopicDialog();
    await consultations.fillTopic(dialog, { domain: '创新人才培养引进', title: '引进高层次人才团队', funding: 5_000_001 });
    await expect.poll(() => consultations.ruleCheck(dialog).innerText()).toContain('超过重点会商市上限 2000万元');
    await consultations.save(dialog);
    await expect.poll(() => dialog.getByRole('alert').first().innerText()).toContain('超过重点会商市上限 2000万元（贰仟万元整）（第十八条）');
    await consultations.fillTopic(dialog, { domain: '创新人才培养引进', title: '引进高层次人才团队', funding: 5_000_000 });
    await consultations.save(dialog);
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => profile.page.getByLabel('资金合计').innerText()).toBe('项目资金合计 2000万元，重点会商市上限 2000万元');
    await expect.poll(() => consultations.topicsTable().getByRole('row').count()).toBe(3);
  });

  it('signs the round and saves the 议定书 as a valid .docx with the funds in figures and 大写', async () => {
    await consultations.sign(signing.date, { department: '韦振华', city: '黄绿城' });
    await expect.poll(() => profile.page.getByText(/^已签署$|^实施中$/).first().isVisible()).toBe(true);
    await consultations.openTab('文档');
    const { name, bytes } = await consultations.protocolActions().save();
    expect(name).toBe(`${signing.year}年南宁厅市会商议定书.docx`);
    expect(strFromU8(bytes.slice(0, 2))).toBe('PK');
    const xml = strFromU8(unzipSync(bytes)['word/document.xml']);
    expect(xml).toContain('南宁市人民政府');
    expect(xml).toContain('20,000,000.00');
    expect(xml).toContain('贰仟万元整');
    expect(xml).toContain('共建南宁创新策源中心');
  });

  it('the 附则 wording edited in 设置 prints in the 议定书; an unknown placeholder is refused at its field', async () => {
    const shell = new AppShell(profile.page);
    const settings = new SettingsPage(profile.page);
    await shell.goTo('设置');
    await settings.openTab('厅市会商');
    let form = await consultations.editWording('附则', '本议定书有效期{有效期限}年。');
    await expect.poll(() => form.innerText()).toContain('含有未知占位符：{有效期限}');
    form = await consultations.editWording('附则', '本议定书有效期{有效年限}年，一式四份。');
    await profile.page.getByText('厅市会商设置已保存').waitFor();
    await shell.goTo('厅市会商');
    await profile.page.getByLabel('会商列表').getByRole('cell', { name: '南宁' }).click();
    await consultations.openTab('文档');
    const xml = strFromU8(unzipSync((await consultations.protocolActions().save()).bytes)['word/document.xml']);
    expect(xml).toContain('本议定书有效期三年，一式四份。');
  });

  it('records two quarters of progress for a topic', async () => {
    await consultations.openTab('推进台账');
    for (const [i, quarter] of signing.quarters.entries()) {
      await consultations.chooseQuarter(quarter);
      await consultations.recordProgress(1, `第${i + 1}次推进：完成阶段任务`);
      await expect.poll(() => consultations.progressTable().innerText()).toContain(`第${i + 1}次推进：完成阶段任务`);
    }
    await consultations.chooseQuarter(signing.quarters[0]);
    await expect.poll(() => consultations.progressTable().innerText()).toContain('第1次推进：完成阶段任务');
  });

  it('logged no errors in the page', () => {
    expect(profile.errors).toEqual([]);
  });
});
