import { useState } from 'react';
import { Select, Typography } from 'antd';
import type { RectificationItem, RectificationPlan } from '../../../../../shared/domain/rectification/schema';
import { ItemsLedger } from '../items/ItemsLedger';

interface PickedViewProps {
  plan: RectificationPlan;
  items: RectificationItem[];
  nextSeq: number;
  /** 处室 or 责任人 */
  noun: string;
  names: string[];
  pick: (items: readonly RectificationItem[], name: string) => RectificationItem[];
  tableId: string;
}

/** 按处室 / 按责任人: the items one division or person is responsible for. */
export function PickedView({ plan, items, nextSeq, noun, names, pick, tableId }: PickedViewProps) {
  const [chosen, setChosen] = useState<string | undefined>(names[0]);
  const name = chosen && names.includes(chosen) ? chosen : names[0];
  const rows = name ? pick(items, name) : [];
  return (
    <ItemsLedger
      plan={plan}
      rows={rows}
      nextSeq={nextSeq}
      tableId={tableId}
      title={name ? `${name}负责的整改事项` : '整改事项'}
      emptyText={names.length === 0 ? `尚无事项填写${noun}` : `${name}没有负责的整改事项`}
      toolbarExtra={
        <>
          <Typography.Text>{noun}：</Typography.Text>
          <Select aria-label={`选择${noun}`} showSearch value={name} onChange={setChosen} style={{ width: 160 }} options={names.map((n) => ({ value: n, label: n }))} />
        </>
      }
    />
  );
}
