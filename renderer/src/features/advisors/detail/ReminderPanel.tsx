import { Alert, List, Tag } from 'antd';
import type { Reminder } from '../../../../../shared/domain/advisors/reminders';
import { severityAlertTypes, severityColors, severityLabels } from '../advisorStatus';

/** What is due for this advisor today (seed 000 §四–§八 deadlines), most urgent first. */
export function ReminderPanel({ reminders }: { reminders: Reminder[] }) {
  if (reminders.length === 0) return null;
  return (
    <Alert
      type={severityAlertTypes[reminders[0].severity]}
      showIcon
      title={`提醒（${reminders.length} 项）`}
      className="advisor-reminders"
      data-testid="advisor-reminders"
      description={
        <List
          size="small"
          split={false}
          dataSource={reminders}
          renderItem={(r) => (
            <List.Item key={r.key}>
              <span>
                <Tag color={severityColors[r.severity]}>{severityLabels[r.severity]}</Tag>
                {r.message}
                {r.dueDate && <span className="advisor-muted">（期限 {r.dueDate}）</span>}
              </span>
            </List.Item>
          )}
        />
      }
    />
  );
}
