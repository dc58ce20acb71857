import type { Page } from 'playwright-core';
import { LedgerTableObject } from './LedgerTableObject';

/** 设置 → 操作记录 */
export class OperationLog extends LedgerTableObject {
  constructor(page: Page) {
    super(page, '操作记录');
  }
}
