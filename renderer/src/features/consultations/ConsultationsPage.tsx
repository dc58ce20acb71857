import { useMemo, useState } from 'react';
import { Button, Card, Col, Empty, List, Row, Space, Table, Tag, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { roundPhase, type RoundPhase } from '../../../../shared/domain/consultations/phase';
import { roundReminders } from '../../../../shared/domain/consultations/reminders';
import { blocking, formatWan, fundingCapOf, fundingTotal, roundViolations } from '../../../../shared/domain/consultations/rules';
import { consultationRoundSchema, type ConsultationRound } from '../../../../shared/domain/consultations/schema';
import { useDb } from '../../db/DbContext';
import { useHashRoute } from '../../navigation/useHashRoute';
import { RecordFormModal } from '../../components/forms/RecordFormModal';
import { saveRound } from '../../db/repositories/consultations';
import { RoundFields } from './RoundFields';
import { earlierTopicsFrom, todayIso, useConsultationRules, useConsultationSettings, useRoundsWithTopics } from './useConsultations';

export const phaseColors: Record<RoundPhase, string> = { 申报: 'default', 筹备: 'blue', 已签署: 'cyan', 实施中: 'green', 已评估: 'purple' };

/** #/consultations: the 14 cities with their history, every round, and what is due. */
export function ConsultationsPage() {
  const db = useDb();
  const [, navigate] = useHashRoute();
  const all = useRoundsWithTopics();
  const rules = useConsultationRules();
  const settings = useConsultationSettings();
  const [city, setCity] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const today = todayIso();

  const rows = useMemo(
    () =>
      (all?.rounds ?? []).map((round) => {
        const topics = all!.topicsByRound.get(round.id) ?? [];
        const violations = roundViolations(round, { rounds: all!.rounds, topics, earlierTopics: earlierTopicsFrom(all!, round) }, rules);
        return { round, topics, violations, phase: roundPhase(round) };
      }),
    [all, rules],
  );
  const reminders = useMemo(
    () =>
      (all?.rounds ?? []).flatMap((round) =>
        roundReminders({ round, topics: all!.topicsByRound.get(round.id) ?? [], progress: all!.progress.filter((p) => p.roundId === round.id), annualReports: all!.annualReports.filter((r) => r.roundId === round.id) }, today, rules),
      ),
    [all, rules, today],
  );

  if (!all) return null;
  const shown = city ? rows.filter((r) => r.round.city === city) : rows;
  const cityRows = settings.cities.map((c) => {
    const history = rows.filter((r) => r.round.city === c.name).sort((a, b) => b.round.year - a.round.year);
    const last = history[0]?.round;
    return { city: c.name, history, nextYear: last ? last.year + rules.intervalYears : undefined };
  });

  return (
    <Row gutter={12}>
      <Col flex="300px">
        <Card size="small" title="设区市" extra={city && <Button size="small" type="link" onClick={() => setCity(null)}>全部</Button>}>
          <List
            aria-label="设区市会商历史"
            size="small"
            dataSource={cityRows}
            renderItem={(c) => (
              <List.Item style={{ cursor: 'pointer', background: c.city === city ? '#e6f0fb' : undefined }} onClick={() => setCity(c.city)} aria-label={`${c.city}会商历史`}>
                <Space orientation="vertical" size={0} style={{ width: '100%' }}>
                  <Typography.Text strong>{c.city}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {c.history.length ? c.history.map((h) => `${h.round.year}${h.round.kind.slice(0, 2)}`).join('、') : '尚无会商'}
                    {c.nextYear ? `；${c.nextYear}年起可再会商` : ''}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      </Col>
      <Col flex="auto" style={{ minWidth: 0 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          {reminders.length > 0 && (
            <Card size="small" title="待办">
              {reminders.map((r) => (
                <div key={r.key}><Tag color={r.severity === 'overdue' ? 'red' : 'orange'}>{r.severity === 'overdue' ? '逾期' : '待报送'}</Tag>{r.message}</div>
              ))}
            </Card>
          )}
          <Card
            size="small"
            title={city ? `${city}的会商` : '全部会商'}
            extra={<Button type="primary" icon={<PlusOutlined />} onClick={() => setAdding(true)}>新增会商</Button>}
          >
            <Table
              aria-label="会商列表"
              size="small"
              rowKey={(r) => r.round.id}
              dataSource={shown}
              pagination={false}
              locale={{ emptyText: <Empty description="还没有会商记录" /> }}
              onRow={(r) => ({ onClick: () => navigate('consultations', r.round.id), style: { cursor: 'pointer' } })}
              columns={[
                { title: '年度', render: (_, r) => r.round.year, width: 70 },
                { title: '设区市', render: (_, r) => <a>{r.round.city}</a>, width: 90 },
                { title: '类别', render: (_, r) => r.round.kind, width: 90 },
                { title: '阶段', render: (_, r) => <Tag color={phaseColors[r.phase]}>{r.phase}</Tag>, width: 80 },
                { title: '议题', render: (_, r) => `${r.topics.length} 项`, width: 70 },
                { title: '项目资金 / 上限', render: (_, r) => `${formatWan(fundingTotal(r.topics))} / ${formatWan(fundingCapOf(r.round.kind, rules))}`, width: 170 },
                {
                  title: '规则检查',
                  render: (_, r) => {
                    const refused = blocking(r.violations).length;
                    if (refused) return <Tag color="red">{refused} 项不符合</Tag>;
                    if (r.violations.length) return <Tag color="orange">例外放行</Tag>;
                    return <Tag color="green">符合</Tag>;
                  },
                },
              ]}
            />
          </Card>
        </Space>
      </Col>
      <RecordFormModal
        open={adding}
        title="新增会商"
        schema={consultationRoundSchema}
        defaults={{ year: Number(today.slice(0, 4)), kind: '一般会商', stageDates: {}, ...(city ? { city } : {}) }}
        save={async (fields) => {
          const round = await saveRound(db, fields as ConsultationRound, rules);
          navigate('consultations', round.id);
        }}
        successMessage="已新增会商"
        onClose={() => setAdding(false)}
        width={760}
      >
        <RoundFields cities={settings.cities} all={all} rules={rules} />
      </RecordFormModal>
    </Row>
  );
}
