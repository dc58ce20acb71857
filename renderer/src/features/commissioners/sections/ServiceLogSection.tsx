import { useMemo, useState } from 'react';
import { Empty, Radio, Select, Space } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useDb } from '../../../db/DbContext';
import { agreementsOf } from '../../../db/repositories/commissionerFiles';
import { entryChoices, logYears } from '../servicelog/entryChoices';
import { ServiceLogPanel } from '../servicelog/ServiceLogPanel';
import { todayIso, useCommissionerLookups } from '../useCommissioners';

/**
 * 服务日志 of the whole module: pick a commissioner or an enterprise, then the year's entries
 * page by page with the quick-entry row (the clerk entering a stack of paper logs stays here).
 */
export function ServiceLogSection() {
  const db = useDb();
  const lookups = useCommissionerLookups();
  const [by, setBy] = useState<'commissioner' | 'enterprise'>('commissioner');
  const [id, setId] = useState<string | undefined>();
  const agreements = useLiveQuery(async () => {
    if (!id) return [];
    if (by === 'enterprise') return (await db.cooperationAgreements.where('enterpriseId').equals(id).toArray()).filter((a) => !a.deletedAt);
    const person = await db.commissioners.get(id);
    return person ? agreementsOf(db, person) : [];
  }, [db, by, id]);
  const choices = useMemo(() => entryChoices(agreements ?? [], lookups, by === 'commissioner' ? id : undefined), [agreements, lookups, by, id]);
  const options = by === 'commissioner' ? lookups?.people.map((p) => ({ value: p.id, label: `${p.name}（${p.dispatchUnit}）` })) : lookups?.enterprises.map((e) => ({ value: e.id, label: e.name }));

  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Radio.Group
          value={by}
          optionType="button"
          options={[
            { value: 'commissioner', label: '按科技特派员' },
            { value: 'enterprise', label: '按派驻企业' },
          ]}
          onChange={(e) => {
            setBy(e.target.value);
            setId(undefined);
          }}
        />
        <Select aria-label={by === 'commissioner' ? '选择科技特派员' : '选择派驻企业'} showSearch optionFilterProp="label" style={{ width: 320 }} placeholder={by === 'commissioner' ? '选择科技特派员' : '选择派驻企业'} value={id} options={options} onChange={setId} />
      </Space>
      {id && agreements ? (
        <ServiceLogPanel key={`${by}-${id}`} by={by} id={id} choices={choices} lookups={lookups} years={logYears(agreements, todayIso())} />
      ) : (
        <Empty description="选择科技特派员或派驻企业后，查看和登记其服务日志" />
      )}
    </Space>
  );
}
