import { useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useOptionalDb } from '../../db/DbContext';
import { recordsWithAttachments } from '../../db/attachments';
import { attachmentKeep, type AttachmentFilterValue } from '../../../../shared/attachments/filter';
import type { LedgerAttachmentFilter } from './types';

export interface AttachmentFilterState {
  /** Whether the ledger offers the filter at all (its records can hold files). */
  offered: boolean;
  value: AttachmentFilterValue;
  setValue: (value: AttachmentFilterValue) => void;
  /** The test a row id must pass; null while every row is kept (附件不限, or the ids still being read). */
  keep: ((id: string) => boolean) | null;
  /** A choice was made but the ids with files are still being read. */
  loading: boolean;
}

/**
 * 有/无附件 state of one ledger: the choice, and the live ids of the records with files (one key
 * range of the derived counts, plus the child records that carry a roster's files — read only
 * while a choice is made). The choice is ledger state like the column filters, so 清除全部筛选
 * resets it (useLedgerTable).
 */
export function useAttachmentFilter(attachments: LedgerAttachmentFilter | undefined): AttachmentFilterState {
  const db = useOptionalDb();
  const table = attachments?.table;
  const [value, setValue] = useState<AttachmentFilterValue>('all');
  // A list that filters before paging (onChange) gives the grid the matching rows already.
  const isFilteredByList = Boolean(attachments?.onChange);
  const filtersHere = Boolean(db && table) && !isFilteredByList;
  const withFiles = useLiveQuery(() => (filtersHere && value !== 'all' ? recordsWithAttachments(db!, table!) : undefined), [db, table, value, filtersHere]);
  const keep = useMemo(() => (filtersHere ? attachmentKeep(value, withFiles) : null), [filtersHere, value, withFiles]);
  // A list that pages itself (the grid holds one page) filters before paging: tell it.
  const onChangeRef = useRef(attachments?.onChange);
  onChangeRef.current = attachments?.onChange;
  const told = useRef<AttachmentFilterValue>('all');
  useEffect(() => {
    if (told.current === value) return;
    told.current = value;
    onChangeRef.current?.(value);
  }, [value]);
  return { offered: Boolean(table && db), value, setValue, keep, loading: filtersHere && value !== 'all' && !withFiles };
}
