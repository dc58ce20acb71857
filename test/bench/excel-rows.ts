/**
 * The service-log rows of the Excel bench (test/bench/excel.bench.ts in the browser, the exceljs
 * baseline in excel.node-phase.ts): 5,000 commissioners, each at one of 500 enterprises, on 20
 * dates — every row a distinct log, as in an office's yearly sheet.
 */
export const SERVICE_LOG_HEADERS = ['科技特派员', '服务企业', '服务日期', '服务天数', '服务方式', '服务类型', '服务内容', '解决问题', '补助金额'] as const;
const KINDS = ['参与技术攻关', '科普/培训', '对接引进创新资源与成果转化', '其他'];

export type BenchLogRow = [string, string, string, number, string, string, string, string, number];

export function serviceLogRow(i: number): BenchLogRow {
  const commissioner = i % 5000;
  const day = new Date(Date.UTC(2024, 0, 1) + Math.floor(i / 5000) * 86_400_000).toISOString().slice(0, 10);
  return [`特派员${commissioner}`, `广西示范科技有限公司${commissioner % 500}`, day, i % 2 ? 1 : 0.5, i % 3 ? '线下' : '线上', KINDS[i % 4], `现场指导水稻病虫害防治第${i}次`, '', 100 + (i % 50)];
}
