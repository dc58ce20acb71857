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

/**
 * Enter in a date field confirms the typed date and nothing else: it never submits the form
 * around it (issue 8 item 3 — Enter in 评议日期 committed a status; inline forms saved twice).
 * Ctrl+Enter still reaches the form.
 */
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
      onKeyDown={(event) => {
        if (event.key === 'Enter' && !event.ctrlKey && !event.metaKey) event.preventDefault();
      }}
    />
  );
}

export function YearField(props: ControlProps<number>) {
  return <InputNumber {...props} precision={0} suffix="年度" style={{ width: '100%' }} onChange={(v) => props.onChange?.(v ?? undefined)} />;
}

/** 300000 → "300,000" as typed (the digits after a decimal point are left alone). */
export function groupThousands(value: number | string | undefined): string {
  const [whole, fraction] = `${value ?? ''}`.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}

/**
 * "300,000" → 300000. An emptied field stays empty ('' → the control's null) instead of
 * Number('') = 0, so the schema can say 请填写 rather than store 0 (issue 8 item 2).
 */
export function parseGroupedNumber(text: string | undefined): number | string {
  const cleaned = (text ?? '').replace(/[,，\s]/g, '');
  return cleaned === '' ? '' : Number(cleaned);
}

/**
 * Yuan, to the fen (money schema). No `min`: antd would silently clamp −5 to 0 on blur; the
 * schema refuses the negative with its reason under the field instead.
 */
export function AmountField(props: ControlProps<number>) {
  return (
    <InputNumber<number>
      {...props}
      precision={2}
      step={10000}
      suffix="元"
      style={{ width: '100%' }}
      formatter={groupThousands}
      parser={parseGroupedNumber as (text: string | undefined) => number}
      onChange={(v) => props.onChange?.(typeof v === 'number' ? v : undefined)}
    />
  );
}
