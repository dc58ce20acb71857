import { DatePicker, InputNumber } from 'antd';
import dayjs from 'dayjs';

/**
 * Form controls that hold plain values the shared schemas accept: dates as 'YYYY-MM-DD'
 * strings (isoDate), years and amounts as numbers. Form.Item passes value/onChange.
 */
interface ControlProps<V> {
  value?: V;
  onChange?: (value: V | undefined) => void;
  id?: string;
  'aria-label'?: string;
  disabled?: boolean;
  autoFocus?: boolean;
}

const DATE = 'YYYY-MM-DD';

export function DateField({ value, onChange, ...rest }: ControlProps<string>) {
  const parsed = value ? dayjs(value, DATE, true) : null;
  return (
    <DatePicker
      {...rest}
      format={DATE}
      placeholder="年-月-日"
      style={{ width: '100%' }}
      value={parsed?.isValid() ? parsed : null}
      onChange={(d) => onChange?.(d ? d.format(DATE) : undefined)}
    />
  );
}

export function YearField(props: ControlProps<number>) {
  return <InputNumber {...props} min={2000} max={2100} precision={0} suffix="年度" style={{ width: '100%' }} onChange={(v) => props.onChange?.(v ?? undefined)} />;
}

/** Yuan, to the fen (money schema). */
export function AmountField(props: ControlProps<number>) {
  return (
    <InputNumber
      {...props}
      min={0}
      precision={2}
      step={10000}
      suffix="元"
      style={{ width: '100%' }}
      formatter={(v) => `${v ?? ''}`.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}
      parser={(v) => Number((v ?? '').replace(/,/g, ''))}
      onChange={(v) => props.onChange?.(typeof v === 'number' ? v : undefined)}
    />
  );
}
