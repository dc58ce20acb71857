import { Checkbox, Col, Form, Input, Row, Select, Switch } from 'antd';
import { academicTitles, degrees, enterpriseKinds } from '../../../../../shared/domain/common';
import { dispatchUnitKinds, priorityFlags } from '../../../../../shared/domain/commissioners/schema';
import type { CommissionerLookups } from '../useCommissioners';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** 科技特派员 basic data (seed 001 §四(一), seed 004 第十二条–第十三条). */
export function CommissionerFields({ lookups, autoFocus }: { lookups?: CommissionerLookups; autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  return (
    <>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="姓名" name="name" required>
            <Input maxLength={50} autoFocus={autoFocus} />
          </Form.Item>
        </Col>
        <Col span={4}>
          <Form.Item label="性别" name="gender">
            <Select allowClear options={options(['男', '女'])} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="身份证号" name="idNumber">
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="派出单位" name="dispatchUnitId" extra="从派出单位名录中选择；名录中没有的可直接填写下面的名称">
            <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={lookups?.units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id: string | undefined) => {
                const unit = id ? lookups?.unitById.get(id) : undefined;
                if (unit) form.setFieldValue('dispatchUnit', unit.name);
              }}
            />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="派出单位名称（协议书所用）" name="dispatchUnit" required>
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={6}>
          <Form.Item label="学位" name="degree">
            <Select allowClear options={options(degrees)} />
          </Form.Item>
        </Col>
        <Col span={6}>
          <Form.Item label="职称" name="academicTitle">
            <Select allowClear options={options(academicTitles)} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="手机号码" name="mobile">
            <Input maxLength={20} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="专业领域" name="field">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="优先选派类别" name="priorityFlags" extra="自治区重大人才项目入选者、高层次人才、青年科技人员优先选派">
            <Checkbox.Group options={options(priorityFlags)} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="备注" name="notes">
        <Input.TextArea autoSize={{ minRows: 1, maxRows: 4 }} />
      </Form.Item>
    </>
  );
}

/** 派出单位 (seed 001 §四(一)2: 区内高校、科研院所; seed 004 第十二条: wider origins). */
export function DispatchUnitFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={16}>
          <Form.Item label="单位名称" name="name" required>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="单位类型" name="kind" required>
            <Select options={options(dispatchUnitKinds)} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="区内单位" name="inRegion" valuePropName="checked">
            <Switch checkedChildren="区内" unCheckedChildren="区外" />
          </Form.Item>
        </Col>
        <Col span={16}>
          <Form.Item label="统一社会信用代码" name="creditCode">
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="联系人" name="contactPerson">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="联系电话" name="contactPhone">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** 派驻企业 (seed 001 §一, §三: 科技型中小企业、高新技术企业、规上工业企业). */
export function EnterpriseFields() {
  return (
    <>
      <Row gutter={16}>
        <Col span={14}>
          <Form.Item label="企业名称" name="name" required>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col span={10}>
          <Form.Item label="统一社会信用代码" name="creditCode">
            <Input maxLength={18} />
          </Form.Item>
        </Col>
      </Row>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="法定代表人" name="legalRepresentative">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="设区市" name="city">
            <Input maxLength={20} placeholder="如：南宁市" />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="县（区）/高新区" name="county">
            <Input maxLength={30} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="企业类型" name="kinds">
        <Checkbox.Group options={options(enterpriseKinds)} />
      </Form.Item>
      <Form.Item label="地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={8}>
          <Form.Item label="联系人" name="contactPerson">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="联系电话" name="contactPhone">
            <Input maxLength={50} />
          </Form.Item>
        </Col>
        <Col span={8}>
          <Form.Item label="研发投入核算" extra="工作目标：派驻企业100%建立研发投入核算制度、开展研发活动">
            <Form.Item name="hasRdAccounting" valuePropName="checked" noStyle>
              <Checkbox>已建立核算制度</Checkbox>
            </Form.Item>
            <Form.Item name="hasRdActivity" valuePropName="checked" noStyle>
              <Checkbox>已开展研发活动</Checkbox>
            </Form.Item>
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}

/** 科技特派团 (seed 001 §四(一)6): members, one of them the leader; size checked on save. */
export function TeamFields({ lookups, minSize, maxSize }: { lookups?: CommissionerLookups; minSize: number; maxSize: number }) {
  const members = (Form.useWatch('memberIds') as string[] | undefined) ?? [];
  return (
    <>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="特派团名称" name="name" required>
            <Input maxLength={100} autoFocus />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="产业链/产业集群" name="industryCluster">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
      <Form.Item label="成员" name="memberIds" required extra={`${minSize}—${maxSize} 人；每人只能参加一个特派团`}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={lookups?.people.map((p) => ({ value: p.id, label: `${p.name}（${p.dispatchUnit}）` }))} />
      </Form.Item>
      <Row gutter={16}>
        <Col span={12}>
          <Form.Item label="团长" name="leaderId" required>
            <Select options={members.map((id) => ({ value: id, label: lookups?.personById.get(id)?.name ?? id }))} />
          </Form.Item>
        </Col>
        <Col span={12}>
          <Form.Item label="派出单位" name="dispatchUnit">
            <Input maxLength={100} />
          </Form.Item>
        </Col>
      </Row>
    </>
  );
}
