import { memo } from 'react';
import { Button, Checkbox, Dropdown } from 'antd';
import { SettingOutlined } from '@ant-design/icons';
import type { ColumnVisibility } from './useColumnVisibility';
import type { LedgerColumn } from './types';

/** 列显示: a dropdown of checkboxes, one per column, plus 恢复默认. */
function ColumnChooserImpl<T>({
  columns,
  visibility,
}: {
  columns: readonly LedgerColumn<T>[];
  visibility: ColumnVisibility;
}) {
  const visibleCount = columns.filter((c) => visibility.isVisible(c.id)).length;
  const panel = (
    <div className="ledger-table__chooser" role="group" aria-label="列显示" data-testid="ledger-column-panel">
      {columns.map((c) => {
        const visible = visibility.isVisible(c.id);
        return (
          <Checkbox
            key={c.id}
            checked={visible}
            // The last visible column cannot be hidden: an empty table has no way back.
            disabled={visible && visibleCount === 1}
            onChange={(e) => visibility.setColumnVisible(c.id, e.target.checked)}
          >
            {c.header}
          </Checkbox>
        );
      })}
      <Button size="small" type="link" className="ledger-table__chooser-reset" onClick={visibility.resetColumns}>
        恢复默认
      </Button>
    </div>
  );
  return (
    <Dropdown trigger={['click']} popupRender={() => panel} placement="bottomRight">
      <Button icon={<SettingOutlined />} data-testid="ledger-column-chooser" aria-label="列显示" title="列显示">
        <span className="ledger-table__label">列显示</span>
      </Button>
    </Dropdown>
  );
}

// Drawn again only when the columns or their visibility change, not with every keystroke of the
// quick search beside it.
export const ColumnChooser = memo(ColumnChooserImpl) as typeof ColumnChooserImpl;
