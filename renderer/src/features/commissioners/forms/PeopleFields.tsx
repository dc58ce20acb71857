import { Checkbox, Form, Input, Select, Switch } from 'antd';
import { academicTitles, degrees, enterpriseKinds } from '../../../../../shared/domain/common';
import { dispatchUnitKinds, priorityFlags } from '../../../../../shared/domain/commissioners/schema';
import type { CommissionerLookups } from '../useCommissioners';
import { FieldRow } from '../../../components/forms/FieldRow';

const options = (values: readonly string[]) => values.map((value) => ({ value, label: value }));

/** 科技特派员 basic data (seed 001 §四(一), seed 004 第十二条–第十三条). */
export function CommissionerFields({ lookups, autoFocus }: { lookups?: CommissionerLookups; autoFocus?: boolean }) {
  const form = Form.useFormInstance();
  return (
    <>
      <FieldRow
        fields={[
          { span: 8, label: '姓名', name: 'name', required: true, control: <Input maxLength={50} autoFocus={autoFocus} /> },
          { span: 4, label: '性别', name: 'gender', control: <Select allowClear options={options(['男', '女'])} /> },
          { span: 12, label: '身份证号', name: 'idNumber', control: <Input maxLength={18} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 12, label: '派出单位', name: 'dispatchUnitId', extra: '从派出单位名录中选择；名录中没有的可直接填写下面的名称', control: <Select
              allowClear
              showSearch
              optionFilterProp="label"
              options={lookups?.units.map((u) => ({ value: u.id, label: u.name }))}
              onChange={(id: string | undefined) => {
                const unit = id ? lookups?.unitById.get(id) : undefined;
                if (unit) form.setFieldValue('dispatchUnit', unit.name);
              }}
            /> },
          { span: 12, label: '派出单位名称（协议书所用）', name: 'dispatchUnit', required: true, control: <Input maxLength={100} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 6, label: '学位', name: 'degree', control: <Select allowClear options={options(degrees)} /> },
          { span: 6, label: '职称', name: 'academicTitle', control: <Select allowClear options={options(academicTitles)} /> },
          { span: 12, label: '手机号码', name: 'mobile', control: <Input maxLength={20} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 12, label: '专业领域', name: 'field', control: <Input maxLength={100} /> },
          { span: 12, label: '优先选派类别', name: 'priorityFlags', extra: '自治区重大人才项目入选者、高层次人才、青年科技人员优先选派', control: <Checkbox.Group options={options(priorityFlags)} /> },
        ]}
      />
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
      <FieldRow
        fields={[
          { span: 16, label: '单位名称', name: 'name', required: true, control: <Input maxLength={100} autoFocus /> },
          { span: 8, label: '单位类型', name: 'kind', required: true, control: <Select options={options(dispatchUnitKinds)} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 8, label: '区内单位', name: 'inRegion', valuePropName: 'checked', control: <Switch checkedChildren="区内" unCheckedChildren="区外" /> },
          { span: 16, label: '统一社会信用代码', name: 'creditCode', control: <Input maxLength={18} /> },
        ]}
      />
      <Form.Item label="地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <FieldRow
        fields={[
          { span: 12, label: '联系人', name: 'contactPerson', control: <Input maxLength={50} /> },
          { span: 12, label: '联系电话', name: 'contactPhone', control: <Input maxLength={50} /> },
        ]}
      />
    </>
  );
}

/** 派驻企业 (seed 001 §一, §三: 科技型中小企业、高新技术企业、规上工业企业). */
export function EnterpriseFields() {
  return (
    <>
      <FieldRow
        fields={[
          { span: 14, label: '企业名称', name: 'name', required: true, control: <Input maxLength={100} autoFocus /> },
          { span: 10, label: '统一社会信用代码', name: 'creditCode', control: <Input maxLength={18} /> },
        ]}
      />
      <FieldRow
        fields={[
          { span: 8, label: '法定代表人', name: 'legalRepresentative', control: <Input maxLength={50} /> },
          { span: 8, label: '设区市', name: 'city', control: <Input maxLength={20} placeholder="如：南宁市" /> },
          { span: 8, label: '县（区）/高新区', name: 'county', control: <Input maxLength={30} /> },
        ]}
      />
      <Form.Item label="企业类型" name="kinds">
        <Checkbox.Group options={options(enterpriseKinds)} />
      </Form.Item>
      <Form.Item label="地址" name="address">
        <Input maxLength={200} />
      </Form.Item>
      <FieldRow
        fields={[
          { span: 8, label: '联系人', name: 'contactPerson', control: <Input maxLength={50} /> },
          { span: 8, label: '联系电话', name: 'contactPhone', control: <Input maxLength={50} /> },
          {
            span: 8,
            label: '研发投入核算',
            extra: '工作目标：派驻企业100%建立研发投入核算制度、开展研发活动',
            control: (
              <>
                <Form.Item name="hasRdAccounting" valuePropName="checked" noStyle>
                  <Checkbox>已建立核算制度</Checkbox>
                </Form.Item>
                <Form.Item name="hasRdActivity" valuePropName="checked" noStyle>
                  <Checkbox>已开展研发活动</Checkbox>
                </Form.Item>
              </>
            ),
          },
        ]}
      />
    </>
  );
}

/** 科技特派团 (seed 001 §四(一)6): members, one of them the leader; size checked on save. */
export function TeamFields({ lookups, minSize, maxSize }: { lookups?: CommissionerLookups; minSize: number; maxSize: number }) {
  const members = (Form.useWatch('memberIds') as string[] | undefined) ?? [];
  return (
    <>
      <FieldRow
        fields={[
          { span: 12, label: '特派团名称', name: 'name', required: true, control: <Input maxLength={100} autoFocus /> },
          { span: 12, label: '产业链/产业集群', name: 'industryCluster', control: <Input maxLength={100} /> },
        ]}
      />
      <Form.Item label="成员" name="memberIds" required extra={`${minSize}—${maxSize} 人；每人只能参加一个特派团`}>
        <Select mode="multiple" showSearch optionFilterProp="label" options={lookups?.people.map((p) => ({ value: p.id, label: `${p.name}（${p.dispatchUnit}）` }))} />
      </Form.Item>
      <FieldRow
        fields={[
          { span: 12, label: '团长', name: 'leaderId', required: true, control: <Select options={members.map((id) => ({ value: id, label: lookups?.personById.get(id)?.name ?? id }))} /> },
          { span: 12, label: '派出单位', name: 'dispatchUnit', control: <Input maxLength={100} /> },
        ]}
      />
    </>
  );
}
