import { useMemo, useState, type ReactNode } from 'react';
import { Select } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../db/DbContext';
import { recordsWithAttachments } from '../../db/attachments';
import type { LedgerPagedSource } from '../../components/LedgerTable';

export type AttachmentFilterValue = 'all' | 'with' | 'without';

const options: { value: AttachmentFilterValue; label: string }[] = [
  { value: 'all', label: '附件不限' },
  { value: 'with', label: '有附件' },
  { value: 'without', label: '无附件' },
];

/**
 * 有/无附件 on a paged roster (issue 11): the ids with files come from the derived per-record
 * counts (db/attachments/counts.ts — one key range, plus the child records that carry files),
 * live, and narrow the roster's matching ids after its column filters and quick search.
 * Returns the toolbar control and the source to give LedgerTable.
 */
export function useAttachmentFilter<T>(table: string, source: LedgerPagedSource<T>): { control: ReactNode; source: LedgerPagedSource<T> } {
  const db = useDb();
  const [value, setValue] = useState<AttachmentFilterValue>('all');
  const withFiles = useLiveQuery(() => (value === 'all' ? undefined : recordsWithAttachments(db, table)), [db, table, value]);
  const narrowed = useMemo<LedgerPagedSource<T>>(() => {
    if (value === 'all' || !withFiles) return source;
    const keep = value === 'with';
    return { ...source, narrow: (ids) => ids.filter((id) => withFiles.has(id) === keep) };
  }, [source, value, withFiles]);
  const control = (
    <Select<AttachmentFilterValue>
      value={value}
      onChange={setValue}
      options={options}
      style={{ width: 100 }}
      aria-label="按附件筛选"
      data-testid="attachment-filter"
      loading={value !== 'all' && !withFiles}
    />
  );
  return { control, source: narrowed };
}
