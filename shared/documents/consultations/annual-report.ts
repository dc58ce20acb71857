import type { Document } from 'docx';
import { z } from 'zod';
import { toRmbUppercase } from '../../format';
import { docxFileName } from '../file-name';
import { flushLeftParagraph, gbDate, yuanFigures } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, heading1, heading2, signatureBlock, title } from '../style-kit';
import { chineseNumber, documentTopicSchema, isoDate, optional, partiesSchema, sortedTopics } from './round-input';

const annualTopicSchema = documentTopicSchema.extend({
  /** The year's quarterly progress of the topic, in quarter order. */
  quarters: z.array(z.object({ quarter: z.number().int().min(1).max(4), progress: z.string().trim().min(1) })).default([]),
  evaluation: optional(500),
});

export const annualReportInputSchema = partiesSchema.extend({
  /** The year reported on (the round's year or a later one). */
  reportYear: z.number().int().min(2000).max(2100),
  topics: z.array(annualTopicSchema).min(1, '报告至少需要一项会商议题'),
  summary: optional(),
  problems: optional(),
  nextYearPlan: optional(),
  generatedOn: isoDate,
});
export type AnnualReportInput = z.input<typeof annualReportInputSchema>;

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * 会商任务落实年度工作情况 (seed 002 第十九条), from the city to the 厅: 主送, the overall
 * state (topics by status, funds in figures and 大写), each topic's quarters, problems, next
 * year's plan; sealed by the city government.
 */
export function buildAnnualReport(raw: AnnualReportInput): Document {
  const d = annualReportInputSchema.parse(raw);
  const topics = sortedTopics(d.topics);
  const count = (s: string) => topics.filter((t) => t.status === s).length;
  const total = topics.reduce((s, t) => s + Math.round(t.funding * 100), 0) / 100;
  const overall = `${d.year}年${d.kind}议定书确定会商议题${topics.length}项，截至${gbDate(d.generatedOn)}，已完成${count('已完成')}项，推进中${count('推进中')}项，未启动${count('未启动')}项。议定项目资金人民币${yuanFigures(total)}元（大写：${toRmbUppercase(total)}）。`;
  let n = 0;
  const section = (h: string) => heading1(`${chineseNumber(++n)}、${h}`);
  return createGbDocument({
    title: `${d.government}${d.reportYear}年度厅市会商任务落实情况报告`,
    sections: [
      {
        children: [
          title(`${d.government}\n关于${d.reportYear}年度厅市会商任务落实情况的报告`),
          flushLeftParagraph(`${d.department}：`),
          bodyParagraph(`根据厅市会商工作规则和${d.year}年厅市会商议定书要求，现将我市${d.reportYear}年度会商任务落实情况报告如下：`),
          section('总体落实情况'),
          bodyParagraph(overall),
          ...lines(d.summary).map((l) => bodyParagraph(l)),
          section('各议题推进情况'),
          ...topics.flatMap((t) => [
            heading2(`（${chineseNumber(t.seq)}）${t.title}（${t.status ?? '推进中'}）`),
            ...(t.quarters.length ? [...t.quarters].sort((a, b) => a.quarter - b.quarter).map((q) => bodyParagraph(`第${chineseNumber(q.quarter)}季度：${q.progress}`)) : [bodyParagraph('本年度未报送推进情况。')]),
            ...(t.evaluation?.trim() ? [bodyParagraph(`绩效评估：${t.evaluation.trim()}`)] : []),
          ]),
          ...(lines(d.problems).length ? [section('存在问题'), ...lines(d.problems).map((l) => bodyParagraph(l))] : []),
          ...(lines(d.nextYearPlan).length ? [section('下一年度工作计划'), ...lines(d.nextYearPlan).map((l) => bodyParagraph(l))] : []),
          bodyParagraph('特此报告。', true),
          ...signatureBlock(d.government, gbDate(d.generatedOn), 'sealed'),
        ],
      },
    ],
  });
}

export function annualReportFileName(d: AnnualReportInput): string {
  return docxFileName(`${d.government}${d.reportYear}年度厅市会商任务落实情况报告`);
}
