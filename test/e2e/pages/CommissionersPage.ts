import type { Locator, Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';
import { DocumentActionsObject } from './DocumentActionsObject';

export type CommissionerSection = '特派员名册' | '服务日志' | '履职监测' | '年度考核' | '补助发放' | '工作目标' | '科技特派团' | '派驻企业' | '派出单位';

/** 科技特派员 module: its section tabs and the directory forms. */
export class CommissionersPage {
  readonly roster: LedgerTableObject;

  constructor(readonly page: Page) {
    this.roster = new LedgerTableObject(page, '科技特派员名册');
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/commissioners`);
    await this.roster.grid().waitFor();
  }

  /** 履职监测's 合作协议书 of every listed (or ticked) agreement in one file. */
  agreementBatch(): DocumentActionsObject {
    return new DocumentActionsObject(this.page, this.page.getByLabel('批量合作协议书'));
  }

  async section(label: CommissionerSection) {
    const nav = this.page.getByRole('navigation', { name: '模块导航' }).getByRole('menuitem', { name: '科技特派员' });
    if (!(await this.page.getByRole('tab', { name: label, exact: true }).isVisible())) await nav.click();
    await this.page.getByRole('tab', { name: label, exact: true }).click();
  }

  /** Picks `option` in the antd Select labelled `label` inside `scope`. */
  async choose(scope: Locator, label: string, option: string) {
    await scope.getByLabel(label, { exact: true }).click();
    await this.page.locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)').getByTitle(option, { exact: true }).click();
  }

  /** Types a date into a DateField and leaves it with Tab (the picker commits the typed date). */
  async fillDate(scope: Locator, label: string, date: string) {
    const input = scope.getByLabel(label, { exact: true });
    await input.click();
    await input.fill(date);
    await input.press('Tab');
  }

  async addDispatchUnit(name: string) {
    await this.section('派出单位');
    await this.page.getByRole('button', { name: '新增派出单位' }).click();
    const form = this.page.getByRole('form', { name: '新增派出单位' });
    await form.getByLabel('单位名称').fill(name);
    await form.getByLabel('单位名称').press('Enter');
    await this.page.getByText('派出单位已保存').first().waitFor();
  }

  async addEnterprise(fields: { name: string; creditCode: string; legalRepresentative: string }) {
    await this.section('派驻企业');
    await this.page.getByRole('button', { name: '新增派驻企业' }).click();
    const form = this.page.getByRole('form', { name: '新增派驻企业' });
    await form.getByLabel('企业名称').fill(fields.name);
    await form.getByLabel('统一社会信用代码').fill(fields.creditCode);
    await form.getByLabel('法定代表人').fill(fields.legalRepresentative);
    await form.getByLabel('法定代表人').press('Enter');
    await this.page.getByText('派驻企业已保存').first().waitFor();
  }

  /** 新增科技特派员 with a unit from the directory; lands on the new file. */
  async addCommissioner(fields: { name: string; unit: string; degree: string }) {
    await this.section('特派员名册');
    await this.page.getByRole('button', { name: '新增科技特派员' }).click();
    const form = this.page.getByRole('form', { name: '新增科技特派员' });
    await form.getByLabel('姓名').fill(fields.name);
    await this.choose(form, '派出单位', fields.unit);
    await this.choose(form, '学位', fields.degree);
    await form.getByLabel('姓名').press('Enter');
    await this.page.getByText('已新增科技特派员').first().waitFor();
  }
}
