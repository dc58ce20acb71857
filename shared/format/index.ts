export type { CheckResult } from './check-result';
export { isLeapYear, isRealCalendarDate } from './calendar-date';
export { toChineseDate, type ChineseDateOptions } from './chinese-date';
export { toRmbUppercase } from './rmb-uppercase';
export { checkCreditCode, creditCodeCheckChar, CREDIT_CODE_CHARSET } from './credit-code';
export { checkIdNumber, idNumberCheckChar } from './id-number';
export { checkMobile } from './mobile';
export { wrapKeepingDates, widthInChars, LONGEST_CHINESE_DATE, type WrappedLine } from './date-safe-lines';
export { checkEmail, checkLandline, checkPhone } from './phone';
