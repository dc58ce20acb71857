import { fillTemplate } from '../../domain/templates/clauseTemplate';
import { agreementPlaceholders, type AgreementPlaceholder } from '../../domain/commissioners/agreementWording';

/**
 * Filling the 合作协议书's clause wording (defaults and the 设置 copy live in
 * shared/domain/commissioners/agreementWording.ts, on the shared clause-template facility).
 */
export function fillClauseText(template: string, values: Record<AgreementPlaceholder, string>): string {
  return fillTemplate(template, values, agreementPlaceholders, '协议条款');
}

const chineseOrdinals = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十', '十一', '十二', '十三', '十四', '十五', '十六', '十七', '十八', '十九', '二十'];
/** 1 → 一, 13 → 十三 (clauses stay under 21). */
export function chineseOrdinal(n: number): string {
  return chineseOrdinals[n - 1] ?? String(n);
}
