import { checkEmail, checkMobile, checkPhone } from '../format';
import { fieldLabel } from './fieldLabels';

/**
 * Contact fields are checked as warnings, not refusals (issue 8 item 7): real data differs
 * (a foreign number, an office switchboard written oddly) and the clerk may keep it. By field
 * name, so every ledger's form gets the check by naming its fields as the schemas do.
 */
const contactChecks: Record<string, (value: string) => { ok: boolean; message?: string }> = {
  phone: checkPhone,
  serviceUnitLiaisonPhone: checkPhone,
  contactPhone: checkPhone,
  mobile: checkMobile,
  email: checkEmail,
};

export interface FieldWarning {
  field: string;
  message: string;
}

/** Filled contact fields whose format looks wrong, each with the reason. */
export function contactWarnings(values: Record<string, unknown>, table?: string): FieldWarning[] {
  const warnings: FieldWarning[] = [];
  for (const [field, check] of Object.entries(contactChecks)) {
    const value = values[field];
    if (typeof value !== 'string' || value.trim() === '') continue;
    const result = check(value);
    if (!result.ok) warnings.push({ field, message: `${fieldLabel(field, table)}：${result.message}` });
  }
  return warnings;
}
