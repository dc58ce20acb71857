import { Select } from 'antd';
import { attachmentFilterOptions, type AttachmentFilterValue } from '../../../../shared/attachments/filter';

/** The toolbar's 附件不限 / 有附件 / 无附件 choice (issue 11). */
export function AttachmentFilterSelect({ value, onChange, loading }: { value: AttachmentFilterValue; onChange: (value: AttachmentFilterValue) => void; loading: boolean }) {
  return (
    <Select<AttachmentFilterValue>
      className="ledger-table__attachment-filter"
      value={value}
      onChange={onChange}
      options={attachmentFilterOptions as { value: AttachmentFilterValue; label: string }[]}
      popupMatchSelectWidth={false}
      aria-label="按附件筛选"
      data-testid="attachment-filter"
      loading={loading}
    />
  );
}
