import { useCallback } from 'react';
import { Alert, Space, type FormInstance } from 'antd';
import { certificateSettingsFormSchema, type CertificateSettings } from '../../../../../../shared/domain/advisors/certificateSettings';
import { DocumentActions } from '../../../../components/DocumentActions';
import { useDb } from '../../../../db/DbContext';
import { readSetting } from '../../../settings/settingsStore';
import { calibrationSheetInput } from '../certificateInputs';

/**
 * 打印校准页 from the values on screen (saved or not), so the clerk can print, measure, adjust
 * and print again before saving.
 */
export function CalibrationPanel({ form }: { form: FormInstance<CertificateSettings> }) {
  const db = useDb();
  const getInput = useCallback(async () => {
    const parsed = certificateSettingsFormSchema.safeParse(form.getFieldsValue(true));
    if (!parsed.success) throw new Error('聘书设置中有错误，请先修正（见各栏提示）');
    const organisation = await readSetting(db, 'organisation');
    return calibrationSheetInput(parsed.data, organisation, new Date().toLocaleDateString('sv-SE'));
  }, [db, form]);

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Alert
        type="info"
        showIcon
        title="套打校准方法"
        description={
          <ol style={{ margin: 0, paddingLeft: 20 }}>
            <li>选择“当前打印机”，点击下方“打印”，用该打印机以实际大小（不缩放）在普通 A4 白纸上打印校准页。</li>
            <li>将校准页叠放在空白聘书纸上，四边对齐，对着光源查看十字线和灰色样字是否落在聘书的应填位置。</li>
            <li>用直尺量出偏差：需向右（下）移几毫米，就在该打印机的水平（垂直）偏移上加几毫米；向左（上）则减。</li>
            <li>修改偏移后再打印一次校准页核对，无误后保存设置，再套打聘书。字段本身位置不对时，修改上方“套打字段位置”。</li>
          </ol>
        }
      />
      <span data-testid="calibration-sheet" style={{ display: 'inline-flex', alignItems: 'center', gap: 8 }}>
        套打校准页：
        <DocumentActions kind="calibrationSheet" getInput={getInput} size="small" />
      </span>
    </Space>
  );
}
