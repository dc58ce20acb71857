import { z } from 'zod';
import { consultationCitiesSchema, defaultConsultationCities } from './schema';
import { fillTemplate, templateTextSchema, unknownPlaceholdersIn } from '../templates/clauseTemplate';

/**
 * The 议定书's wording, editable in 设置 → 厅市会商: each section a heading and text with
 * {占位符} filled from the round. Paragraphs are separated by line breaks. The numbered topics
 * and the two parties' duties are listed by the builder after the section's text.
 *
 * Default wording follows seed 002: 第二条 (目标对接、工作协同), 第十八条 (资金), 第十九条 (季度台账、
 * 12月25日), 第二十条 (绩效评估), 第十条 (每隔三年一轮).
 */
export const protocolPlaceholders = [
  '厅', '市', '市政府', '年度', '会商类别', '会商目标', '议题数', '资金金额', '资金大写', '经费上限', '经费上限大写', '年报截止日', '有效年限',
] as const;
export type ProtocolPlaceholder = (typeof protocolPlaceholders)[number];

export const protocolSectionKeys = ['preamble', 'goals', 'topics', 'duties', 'funding', 'implementation', 'closing'] as const;
export type ProtocolSectionKey = (typeof protocolSectionKeys)[number];

export const protocolSectionLabels: Record<ProtocolSectionKey, string> = {
  preamble: '开头语',
  goals: '会商目标',
  topics: '会商议题',
  duties: '双方职责',
  funding: '资金支持',
  implementation: '组织实施',
  closing: '附则',
};

/** Unknown {占位符} in a text (a typo in 设置 must not print as-is). */
export function unknownPlaceholders(text: string): string[] {
  return unknownPlaceholdersIn(text, protocolPlaceholders);
}

const wordingText = (label: string) => templateTextSchema(label, protocolPlaceholders);

const sectionSchema = (key: ProtocolSectionKey) =>
  z.object({
    heading: z.string().trim().min(key === 'preamble' ? 0 : 1, `请填写${protocolSectionLabels[key]}的标题`).max(20, '标题不能超过 20 个字'),
    text: wordingText(protocolSectionLabels[key]),
  });

export const protocolWordingSchema = z.object(
  Object.fromEntries(protocolSectionKeys.map((k) => [k, sectionSchema(k)])) as Record<ProtocolSectionKey, ReturnType<typeof sectionSchema>>,
);
export type ProtocolWording = z.infer<typeof protocolWordingSchema>;

export const defaultProtocolWording: ProtocolWording = {
  preamble: {
    heading: '',
    text: '为深入实施创新驱动发展战略，充分发挥厅市会商机制作用，{厅}与{市政府}本着目标对接、工作协同、统筹部署、共同推动的原则，经充分协商，确定{市}为{年度}年{会商类别}市，就有关事项议定如下：',
  },
  goals: { heading: '会商目标', text: '{会商目标}' },
  topics: { heading: '会商议题', text: '双方围绕{市}经济社会发展的重大科技需求，共同确定以下{议题数}项会商议题：' },
  duties: { heading: '双方职责', text: '双方按照本议定书、会商纪要和相关实施方案的要求履行各自职责，落实会商议定事项。' },
  funding: {
    heading: '资金支持',
    text: '{厅}对上述会商议题给予项目资金支持，共计人民币{资金金额}元（大写：{资金大写}），不超过{会商类别}市项目资金支持上限。项目资金按照自治区科技计划项目和资金管理有关规定组织实施，专款专用。\n{市政府}统筹落实配套资金和政策措施，保障会商议题顺利实施。',
  },
  implementation: {
    heading: '组织实施',
    text: '{厅}发展规划与资源配置处会同有关业务处室对科技厅任务进行分工，统筹协调推进，加强跟踪落实。\n{市}市科学技术局提出落实方案，明确时间表、路线图、责任人，每季度向{厅}报送工作推进情况台账，每年{年报截止日}前报送会商任务落实年度工作情况。\n双方依据本议定书、会商纪要及有关实施方案，对会商工作的实施效果开展绩效评估。',
  },
  closing: {
    heading: '附则',
    text: '本议定书自双方签字之日起生效，有效期{有效年限}年。\n本议定书未尽事宜，由双方协商解决。\n本议定书一式两份，双方各执一份，具有同等效力。',
  },
};

/** Fills {占位符}; an unknown one is an error naming it. */
export function fillProtocolText(template: string, values: Record<ProtocolPlaceholder, string>): string {
  return fillTemplate(template, values, protocolPlaceholders, '议定书文字');
}

/** 设置 → 厅市会商: the cities (14 preloaded) and the 议定书 wording. */
export const consultationSettingsSchema = z.object({
  cities: consultationCitiesSchema,
  protocolWording: protocolWordingSchema,
});
export type ConsultationSettings = z.infer<typeof consultationSettingsSchema>;
export const defaultConsultationSettings: ConsultationSettings = { cities: defaultConsultationCities, protocolWording: defaultProtocolWording };
