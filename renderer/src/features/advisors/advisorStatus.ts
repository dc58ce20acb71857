import type { AdvisorStatus } from '../../../../shared/domain/advisors/schema';
import type { ReminderSeverity } from '../../../../shared/domain/advisors/reminders';

/** Tag colours: the selection steps in blue shades, appointed green, ended grey/red. */
export const statusColors: Record<AdvisorStatus, string> = {
  推荐: 'default',
  评议: 'processing',
  已审定: 'blue',
  已聘任: 'success',
  期满: 'warning',
  解聘: 'error',
};

export const severityColors: Record<ReminderSeverity, string> = { overdue: 'red', warning: 'orange', info: 'blue' };
export const severityLabels: Record<ReminderSeverity, string> = { overdue: '已逾期', warning: '待办', info: '提示' };
/** For the Alert around a reminder list. */
export const severityAlertTypes: Record<ReminderSeverity, 'error' | 'warning' | 'info'> = { overdue: 'error', warning: 'warning', info: 'info' };

/** What the clerk enters with a status step; the rules (checkTransition) decide if it is enough. */
export type TransitionField = 'reviewResult' | 'reviewDate' | 'approvalDate' | 'dismissalReason' | 'dismissalDate' | 'remark';

export interface TransitionAction {
  to: AdvisorStatus;
  /** Button label, e.g. 提交评议 / 退回推荐. */
  label: string;
  fields: TransitionField[];
  /** Steps back or out are shown as secondary / danger buttons. */
  tone: 'primary' | 'default' | 'danger';
  /** Done elsewhere: 已聘任 follows the issue of the 聘书 (seed 000 §三). */
  viaCertificate?: boolean;
}

/** seed 000 §二–三: the label and the details each step asks for, by the step's direction. */
export function transitionAction(from: AdvisorStatus, to: AdvisorStatus): TransitionAction {
  switch (to) {
    case '推荐':
      return from === '期满' ? { to, label: '重新推荐', fields: ['remark'], tone: 'default' } : { to, label: '退回推荐', fields: ['remark'], tone: 'default' };
    case '评议':
      // §二(三): the office reviews the recommended 工作方案; a file may come back from 已审定.
      return from === '已审定' ? { to, label: '退回评议', fields: ['remark'], tone: 'default' } : { to, label: '提交评议', fields: ['remark'], tone: 'primary' };
    case '已审定':
      // §二(三): 评议通过后报党委、政府审核确定选聘名单.
      return { to, label: '审定通过', fields: ['reviewResult', 'reviewDate', 'approvalDate', 'remark'], tone: 'primary' };
    case '已聘任':
      return { to, label: '颁发聘书并聘任', fields: [], tone: 'primary', viaCertificate: true };
    case '期满':
      return { to, label: '办理期满', fields: ['remark'], tone: 'default' };
    case '解聘':
      return { to, label: '解聘', fields: ['dismissalReason', 'dismissalDate'], tone: 'danger' };
  }
}
