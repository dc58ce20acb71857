import { Col, Form, Input, Row, Select } from 'antd';
import { checkInterval, checkYearQuota, checkFundingCap, type ConsultationRules } from '../../../../shared/domain/consultations/rules';
import { consultationKinds, exceptionKinds, type ConsultationCity, type ConsultationRound } from '../../../../shared/domain/consultations/schema';
import { YearField } from '../../components/forms/fields';
import { RuleViolationsPanel } from './RuleViolationsPanel';
import type { RoundsWithTopics } from './useConsultations';

interface Props {
  cities: readonly ConsultationCity[];
  all: RoundsWithTopics;
  rules: ConsultationRules;
  /** The round being edited (absent for 新增). */
  roundId?: string;
}

/** The rules of 第十条 / 第十八条 checked on the values as typed, with their reasons. */
function LiveRoundCheck({ all, rules, roundId }: Omit<Props, 'cities'>) {
  const form = Form.useFormInstance();
  const values = Form.useWatch([], form) as Partial<ConsultationRound> | undefined;
  if (!values?.city || !values.year || !values.kind) return null;
  const draft = { id: roundId ?? '', city: values.city, year: values.year, kind: values.kind, exceptionKind: values.exceptionKind, exceptionReason: values.exceptionReason };
  const others = all.rounds.filter((r) => r.id !== roundId);
  const violations = [checkYearQuota(draft, others, rules), checkInterval(draft, others, rules), roundId ? checkFundingCap(draft.kind, all.topicsByRound.get(roundId) ?? [], rules) : undefined].filter((v) => v !== undefined);
  return <RuleViolationsPanel violations={violations} hint="如属重大、特殊或紧急需求，请在下方选择类别并填写理由，经批准后可增加会商。" />;
}

/** 会商建议 (seed 002 第十条): city, year, 重点/一般, and the exception that lifts the quota and the interval. */
export function RoundFields({ cities, all, rules, roundId }: Props) {
  // The padding holds the Row gutter's negative margins inside the dialog body: otherwise focusing
  // 会商类别 scrolled the hidden overflow sideways and cut off the left-hand labels.
  return (
    <div style={{ paddingInline: 8 }}>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="设区市" name="city" required>
            <Select aria-label="设区市" showSearch options={cities.map((c) => ({ value: c.name, label: c.name }))} placeholder="选择设区市" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="会商年度" name="year" required>
            <YearField aria-label="会商年度" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="会商类别" name="kind" required extra="重点会商市同时为当年“两周一展”主题城市">
            <Select aria-label="会商类别" options={consultationKinds.map((k) => ({ value: k, label: k }))} />
          </Form.Item>
        </Col>
      </Row>
      <LiveRoundCheck all={all} rules={rules} roundId={roundId} />
      <Row gutter={16} style={{ marginTop: 12 }}>
        <Col span={8}>
          <Form.Item label="增加会商类别" name="exceptionKind" extra="第十条：重大、特殊、紧急需求">
            <Select aria-label="增加会商类别" allowClear options={exceptionKinds.map((k) => ({ value: k, label: `${k}需求` }))} />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="增加会商理由" name="exceptionReason">
            <Input.TextArea aria-label="增加会商理由" rows={2} maxLength={500} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="会商目标" name="goals" extra="印入议定书“会商目标”">
            <Input.TextArea rows={3} maxLength={3000} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="议定书编号" name="protocolNumber">
            <Input maxLength={60} />
          </Form.Item>
        </Col>
      </Row>
    </div>
  );
}
