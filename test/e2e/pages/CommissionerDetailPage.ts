import type { Locator, Page } from 'playwright-core';
import { DocumentActionsObject } from './DocumentActionsObject';

export type CommissionerTab = '基本信息' | '派驻与协议' | '服务日志' | '履职情况' | '工作成效' | '年度考核' | '补助' | '变更申请';

/** #/commissioners/c/<id>: one commissioner's file. */
export class CommissionerDetailPage {
  constructor(readonly page: Page) {}

  /** Back to the file at `url` (after a reload the app starts on its first page). */
  async ensureOpen(url: string) {
    if (this.page.url() !== url) await this.page.goto(url);
    await this.page.getByRole('tab', { name: /^基本信息/ }).waitFor();
  }

  async openTab(tab: CommissionerTab) {
    await this.page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  }

  /** 查看 of the 服务日志 entry of `date`: its drawer, where its 附件 (签到表, photos) are added. */
  async viewServiceLog(date: string): Promise<Locator> {
    const grid = this.page.getByRole('grid', { name: '服务日志' });
    await grid.locator('[role="row"][data-row-id]').filter({ hasText: date }).getByRole('button', { name: '查看' }).click();
    const drawer = this.page.getByRole('dialog').filter({ hasText: `${date} 服务日志` });
    await drawer.waitFor();
    return drawer;
  }

  async closeServiceLog(drawer: Locator) {
    await drawer.locator('.ant-drawer-close').click();
    await drawer.waitFor({ state: 'hidden' });
  }

  activePanel(): Locator {
    return this.page.locator('[role="tabpanel"]:not([hidden])');
  }

  /** The header's 本服务年度 state, e.g. 达标 / 进度落后. */
  complianceState() {
    return this.page.getByLabel('本服务年度履职').locator('.ant-tag').innerText();
  }

  eligibility() {
    return this.activePanel().locator('.ant-alert-title').first().innerText();
  }

  async choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  }

  async fillDate(scope: Locator, label: string, date: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Tab');
  }

  /** 新增派驻 to `enterprise` (saved as 草拟), 意向征集 on `intentionDate`. */
  async addDispatch(enterprise: string, intentionDate: string) {
    await this.openTab('派驻与协议');
    await this.page.getByRole('button', { name: '新增派驻' }).click();
    const form = this.page.getByRole('form', { name: '新增派驻' });
    await this.choose(form, '派驻企业（甲方）', enterprise);
    await this.fillDate(form, '意向征集', intentionDate);
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await this.page.getByText('派驻信息已保存').first().waitFor();
  }

  agreementCard(enterprise: string): Locator {
    return this.activePanel().locator('.ant-card').filter({ hasText: enterprise });
  }

  /** 签订协议 with the service period starting on `start` (the end follows from the profile). */
  async sign(enterprise: string, start: string, signed: string) {
    await this.agreementCard(enterprise).getByRole('button', { name: '签订协议' }).click();
    const form = this.page.getByRole('form', { name: '签订合作协议' });
    await this.fillDate(form, '签订日期', signed);
    await this.fillDate(form, '服务期开始', start);
    await this.page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await this.page.getByText('协议已签订，派驻生效').first().waitFor();
  }

  agreementDocument(enterprise: string) {
    return new DocumentActionsObject(this.page, this.agreementCard(enterprise));
  }

  /** The quick-entry row's date input. */
  entryDate(): Locator {
    return this.page.getByRole('group', { name: '服务日志快速登记' }).getByLabel('服务日期');
  }

  logRows(): Locator {
    return this.page.locator('[role="grid"][aria-label="服务日志"] [role="row"][data-row-id]');
  }
}
