/*
 * 中文大写金额 as written on 票据 and contracts, following 《支付结算办法》附件一
 * 《正确填写票据和结算凭证的基本规定》: 壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分零整; 整 after 元 when
 * there is no 角/分 (optional after 角, so we omit it); a run of zeros is written as one 零.
 */
const DIGITS = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿'];

/** 一万亿: the 亿 group would need a fourth group unit (万亿), which we do not write. */
const LIMIT = 1e12;

/** Amount in 分 (integer), or an Error explaining why the amount cannot be written. */
function toCents(amount: number): number {
  if (typeof amount !== 'number' || Number.isNaN(amount)) throw new TypeError('金额必须是数字');
  if (!Number.isFinite(amount)) throw new RangeError('金额必须是有限数');
  if (amount < 0) throw new RangeError('金额不能为负数');
  if (amount >= LIMIT) throw new RangeError('金额过大：不能达到或超过一万亿元');
  const scaled = amount * 100;
  const cents = Math.round(scaled);
  // Binary floats make 1409.5*100 or (0.1+0.2)*100 miss an integer by a few ulps; that is noise,
  // whereas 1.005 (100.49999…) is a genuine third decimal. Scale the tolerance with magnitude.
  const tolerance = Math.max(1e-6, Math.abs(scaled) * Number.EPSILON * 8);
  if (Math.abs(scaled - cents) > tolerance) throw new RangeError('金额最多保留两位小数（到分）');
  return cents;
}

/**
 * Integer yuan in 4-digit groups. Zeros trailing a group are absorbed by its unit (107000 →
 * 壹拾万柒仟); zeros between two non-zero digits, including a whole empty group, give one 零
 * (100010 → 壹拾万零壹拾, 100000001 → 壹亿零壹). 拾 always takes its digit (壹拾), as on contracts.
 */
function integerPart(yuan: number): string {
  const digits = String(yuan);
  let out = '';
  let pendingZero = false;
  let groupHasDigit = false;
  for (let i = 0; i < digits.length; i++) {
    const pos = digits.length - 1 - i;
    const d = Number(digits[i]);
    if (d === 0) {
      if (out !== '') pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      groupHasDigit = true;
      out += DIGITS[d] + SMALL_UNITS[pos % 4];
    }
    if (pos % 4 === 0) {
      if (groupHasDigit) {
        out += GROUP_UNITS[pos / 4];
        pendingZero = false;
      }
      groupHasDigit = false;
    }
  }
  return out;
}

export function toRmbUppercase(amount: number): string {
  const cents = toCents(amount);
  if (cents === 0) return '零元整';
  const yuan = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;

  let out = yuan > 0 ? `${integerPart(yuan)}元` : '';
  if (jiao === 0 && fen === 0) return `${out}整`;
  // A zero between 元 and the first non-zero fraction digit is written once: when the 元 digit is
  // 0 (107000.53 → …元零伍角) or the 角 digit is 0 (10.05 → 壹拾元零伍分).
  if (yuan > 0 && (yuan % 10 === 0 || jiao === 0)) out += '零';
  if (jiao > 0) out += `${DIGITS[jiao]}角`;
  if (fen > 0) out += `${DIGITS[fen]}分`;
  return out;
}
