import type { Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';

export interface NewAdvisor {
  name: string;
  honorific: string;
  homeInstitution: string;
  serviceUnit?: string;
}

/** 科技顾问 → 名册 */
export class AdvisorsPage {
  readonly roster: LedgerTableObject;

  constructor(readonly page: Page) {
    this.roster = new LedgerTableObject(page, '科技顾问名册');
  }

  async open(baseUrl: string) {
    await this.page.goto(`${baseUrl}#/advisors`);
    await this.roster.grid().waitFor();
  }

  /** 新增科技顾问, submitted with Enter as a keyboard user would; lands on the new file. */
  async create(advisor: NewAdvisor) {
    await this.page.getByRole('button', { name: '新增科技顾问' }).click();
    const form = this.page.getByRole('form', { name: '新增科技顾问' });
    await form.getByLabel('姓名').fill(advisor.name);
    await form.getByLabel('院士称号').fill(advisor.honorific);
    await form.getByLabel('所在单位').fill(advisor.homeInstitution);
    if (advisor.serviceUnit) await form.getByLabel('服务单位', { exact: true }).fill(advisor.serviceUnit);
    await form.getByLabel('所在单位').press('Enter');
    await this.page.getByText('已新增科技顾问').first().waitFor();
  }

  async openAdvisor(name: string) {
    await this.roster.grid().getByRole('link', { name }).click();
  }

  statusSummary() {
    return this.page.getByTestId('advisor-status-summary').innerText();
  }
}
