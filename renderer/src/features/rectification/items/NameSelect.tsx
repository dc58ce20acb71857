import { useMemo, useState } from 'react';
import { Select } from 'antd';

interface NameSelectProps {
  /** The plan's list (主题 or 处室). */
  names: readonly string[];
  /** e.g. 主题: the offer reads 添加主题“…”. */
  noun: string;
  multiple?: boolean;
  value?: string | string[];
  onChange?: (value: string | string[] | undefined) => void;
  id?: string;
  'aria-label'?: string;
}

/**
 * A pick from the plan's 主题 or 处室 list that the clerk may extend: a typed name that is not in
 * the list is offered as 添加主题“…”. Picking the offer is the clerk's say-so; the name joins the
 * plan's list when the item is saved (saveItemWithNames), not before.
 */
export function NameSelect({ names, noun, multiple, value, onChange, ...rest }: NameSelectProps) {
  const [search, setSearch] = useState('');
  const chosen = useMemo(() => (Array.isArray(value) ? value : value ? [value] : []), [value]);
  const typed = search.trim();
  const options = useMemo(() => {
    const known = [...names, ...chosen.filter((c) => !names.includes(c))].map((n) => ({ value: n, label: names.includes(n) ? n : `${n}（新增）` }));
    if (typed !== '' && !known.some((o) => o.value === typed)) known.push({ value: typed, label: `添加${noun}“${typed}”` });
    return known;
  }, [names, chosen, typed, noun]);
  return (
    <Select
      {...rest}
      mode={multiple ? 'multiple' : undefined}
      showSearch={{ searchValue: search, onSearch: setSearch }}
      value={value}
      onChange={(v) => {
        setSearch('');
        onChange?.(v);
      }}
      options={options}
      placeholder={`选择或输入${noun}`}
      style={{ width: '100%' }}
    />
  );
}
