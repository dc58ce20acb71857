import { useMemo, useState } from 'react';
import { Alert, App, Button, Checkbox, Input, Modal, Space, Table, Typography } from 'antd';
import { canImport, describePastedRow, parsePastedPlan, pastedAdditions, type PastedRow } from '../../../../../shared/domain/rectification/paste-import';
import type { RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { tableDate } from '../../../../../shared/documents/rectification/plan-input';
import { useDb } from '../../../db/DbContext';
import { dialogBodyStyle } from '../../../components/forms/RecordFormModal';
import { describeError } from '../../../components/forms/submitRecord';
import { importPastedItems, planItems } from '../../../db/repositories/rectification';
import { useLiveQuery } from 'dexie-react-hooks';

const previewColumns = [
  { title: '行', dataIndex: 'line', width: 48 },
  { title: '序号', width: 52, render: (_: unknown, r: PastedRow) => r.draft?.seq ?? r.cells[0] ?? '' },
  { title: '主题', width: 110, render: (_: unknown, r: PastedRow) => r.draft?.theme ?? r.cells[1] ?? '' },
  { title: '整改内容', render: (_: unknown, r: PastedRow) => <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: 0 }}>{r.draft?.content ?? r.cells.slice(2).join(' | ')}</Typography.Paragraph> },
  { title: '措施', width: 52, render: (_: unknown, r: PastedRow) => (r.draft ? `${r.draft.measures.length} 条` : '') },
  { title: '计划完成时间', width: 120, render: (_: unknown, r: PastedRow) => (r.draft ? tableDate(r.draft.plannedDate) : '') },
  { title: '责任处室', width: 120, render: (_: unknown, r: PastedRow) => r.draft?.responsibleDivisions.join('、') ?? '' },
  {
    title: '检查结果',
    width: 250,
    render: (_: unknown, r: PastedRow) => <Typography.Text type={r.errors.length ? 'danger' : r.newThemes.length || r.newDivisions.length ? 'warning' : 'success'}>{describePastedRow(r)}</Typography.Text>,
  },
];

function summary(rows: number, badRows: number, awaitsAdditions: boolean): string {
  if (badRows) return `共 ${rows} 行，其中 ${badRows} 行有误：请在原表格中改正后重新粘贴，有误时不会导入任何一项`;
  if (awaitsAdditions) return `共 ${rows} 行，内容无误；有不在列表中的主题或处室，请勾选下面的“加入列表”后导入`;
  return `共 ${rows} 行，均可导入`;
}

/**
 * 粘贴导入: rows copied from the plan's table in Word or Excel become items. The preview says per
 * row what is wrong or what it would add; nothing is written until 导入, and then every row or
 * none (importPastedItems). New 主题/处室 are added only when the clerk ticks the offer.
 */
export function PastePlanModal({ open, plan, onClose }: { open: boolean; plan: RectificationPlan; onClose: () => void }) {
  const db = useDb();
  const { message } = App.useApp();
  const [text, setText] = useState('');
  const [addNames, setAddNames] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const usedSeqs = useLiveQuery(async () => (await planItems(db, plan.id)).map((i) => i.seq), [db, plan.id]);
  const parsed = useMemo(() => (text.trim() === '' ? null : parsePastedPlan(text, { planId: plan.id, plan, usedSeqs })), [text, plan, usedSeqs]);
  const additions = parsed ? pastedAdditions(parsed.rows) : { themes: [], divisions: [] };
  const needsAdditions = additions.themes.length > 0 || additions.divisions.length > 0;
  const badRows = parsed?.rows.filter((r) => r.errors.length > 0).length ?? 0;
  const isReady = !!parsed && canImport(parsed) && (!needsAdditions || addNames);

  function close() {
    setText('');
    setAddNames(false);
    setError(null);
    onClose();
  }

  async function runImport() {
    if (!parsed || !isReady) return;
    setSaving(true);
    try {
      const created = await importPastedItems(db, plan.id, parsed, addNames);
      message.success(`已导入 ${created.length} 项整改事项`);
      close();
    } catch (e) {
      setError(describeError(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal
      open={open}
      title="粘贴导入整改事项"
      width={1100}
      style={{ top: 24 }}
      styles={{ body: dialogBodyStyle }}
      onCancel={close}
      mask={{ closable: false }}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={close}>取消</Button>
          <Button type="primary" disabled={!isReady} loading={saving} onClick={() => void runImport()}>
            {parsed && parsed.rows.length > 0 ? `导入 ${parsed.rows.length} 项` : '导入'}
          </Button>
        </Space>
      }
    >
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Typography.Text type="secondary">
          在 Word 或 Excel 中选中整改方案表格的行（可含表头和标题），复制后粘贴到下面。列的顺序：序号、主题、整改内容、整改措施、整改检验形式、计划完成时间、责任处室、责任人。导入前不会保存任何内容。
        </Typography.Text>
        <Input.TextArea
          aria-label="粘贴的表格"
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            setError(null);
          }}
          // Once a preview shows, the pasted text shrinks so the rows stay in view at 768 px.
          autoSize={{ minRows: 3, maxRows: parsed?.rows.length ? 3 : 8 }}
          placeholder="在此粘贴（Ctrl+V）"
          autoFocus
        />
        {error && <Alert type="error" showIcon title={error} />}
        {parsed?.problem && <Alert type="error" showIcon title={parsed.problem} />}
        {parsed && parsed.rows.length > 0 && (
          <>
            <Alert type={badRows ? 'error' : needsAdditions && !addNames ? 'warning' : 'success'} showIcon title={summary(parsed.rows.length, badRows, needsAdditions && !addNames)} />
            {needsAdditions && (
              <Checkbox checked={addNames} onChange={(e) => setAddNames(e.target.checked)}>
                将以下名称加入本方案的列表：
                {[...additions.themes.map((t) => `主题“${t}”`), ...additions.divisions.map((d) => `处室“${d}”`)].join('、')}
              </Checkbox>
            )}
            <Table<PastedRow>
              className="rectification-paste-preview"
              aria-label="粘贴预览"
              size="small"
              rowKey="line"
              pagination={false}
              columns={previewColumns}
              dataSource={parsed.rows}
              scroll={{ y: 300 }}
              rowClassName={(r) => (r.errors.length ? 'rectification-paste-bad' : '')}
            />
          </>
        )}
      </Space>
    </Modal>
  );
}
