import { useState } from 'react';
import { Alert, Button, List, Tag } from 'antd';
import type { Reminder } from '../../../../../shared/domain/advisors/reminders';
import { severityAlertTypes, severityColors, severityLabels } from '../advisorStatus';

/** How many reminders show before "展开": one line keeps the tabs near the top on a 768 px screen. */
export const COLLAPSED_REMINDERS = 1;

function ReminderLine({ reminder: r }: { reminder: Reminder }) {
  return (
    <span>
      <Tag color={severityColors[r.severity]}>{severityLabels[r.severity]}</Tag>
      {r.message}
      {r.dueDate && <span className="advisor-muted">（期限 {r.dueDate}）</span>}
    </span>
  );
}

/**
 * What is due for this advisor today (seed 000 §四–§八 deadlines), most urgent first. Compact:
 * the most urgent one on a single line with the count, the rest on 展开 (issue 8 item 13 — the
 * full list pushed the tab content to the bottom of a 1366×768 screen).
 */
export function ReminderPanel({ reminders }: { reminders: Reminder[] }) {
  const [isExpanded, setExpanded] = useState(false);
  if (reminders.length === 0) return null;
  const shown = isExpanded ? reminders : reminders.slice(0, COLLAPSED_REMINDERS);
  const hidden = reminders.length - shown.length;
  return (
    <Alert
      type={severityAlertTypes[reminders[0].severity]}
      showIcon
      className="advisor-reminders"
      data-testid="advisor-reminders"
      title={
        <div className="advisor-reminders-head">
          <strong>提醒（{reminders.length} 项）</strong>
          {!isExpanded && <ReminderLine reminder={reminders[0]} />}
        </div>
      }
      action={
        reminders.length > COLLAPSED_REMINDERS && (
          <Button size="small" type="link" onClick={() => setExpanded(!isExpanded)} aria-expanded={isExpanded}>
            {isExpanded ? '收起' : `展开全部（另 ${hidden} 项）`}
          </Button>
        )
      }
      description={
        isExpanded ? (
          <List size="small" split={false} dataSource={shown} renderItem={(r) => <List.Item key={r.key}><ReminderLine reminder={r} /></List.Item>} />
        ) : undefined
      }
    />
  );
}
