import { z } from 'zod';
import { clauseSchema, type Clause } from '../templates/clauseTemplate';

/**
 * 合作协议书 clause wording, one variant per policy profile, editable in 设置 → 科技特派员 with
 * the shared clause-template facility (the one 厅市会商's 议定书 uses): each clause a heading
 * and text, one paragraph per line, with {占位符} filled from the agreement when it is built.
 *
 * Provincial wording follows seed 001 (广西企业科技特派员工作方案): §二 duties, §五 obligations
 * and subsidy, §六 service period; city wording follows seed 004 (市科技特派员管理办法): 第六条,
 * 第十一条, 第十三条(三), 第十四条(五), 第十五条–第十九条, 第二十二条.
 */
export const agreementPlaceholders = [
  '甲方', '乙方', '丙方', '服务内容', '服务期限', '服务年限', '最少次数', '最少天数', '补助金额', '补助大写', '补助说明', '奖励说明', '优秀比例', '报送要求', '续签约定', '备案机关',
] as const;
export type AgreementPlaceholder = (typeof agreementPlaceholders)[number];

/** Written as lists of paragraphs for reading; stored as one text per clause, a line each. */
const clause = (heading: string, paragraphs: string[]): Clause => ({ heading, text: paragraphs.join('\n') });

const common = {
  ip: clause('知识产权和成果权属', [
      '服务期间甲乙双方合作产生的知识产权、科研成果、技术收益等权属，由甲乙双方另行签订专项协议予以明确界定；未约定的，依照国家有关法律法规执行。',
      '乙方在服务前已拥有的知识产权仍归乙方及其所在单位所有，甲方使用的，应另行约定。',
    ]),
  secrecy: clause('保密', ['乙方应自觉保守甲方的商业秘密、技术秘密及所涉科研项目的敏感信息和未公开事项。保密义务不因本协议书期满或终止而解除。']),
  dispute: clause('争议解决', ['因履行本协议书发生争议的，三方应友好协商解决；协商不成的，可报请科技管理部门协调，或依法向甲方所在地人民法院提起诉讼。']),
};

export const provincialClauses: Clause[] = [
  clause('服务内容', ['乙方根据甲方技术需求，为甲方提供以下科技创新服务：', '{服务内容}']),
  // The period opens its own paragraph so its two dates stay on one printed line.
  clause('服务期限', ['{服务期限}，共{服务年限}年。', '{续签约定}']),
  clause('服务要求', ['乙方每年到甲方开展现场服务不少于{最少次数}次，累计服务天数不少于{最少天数}天，如实记录服务日志，收集整理佐证材料。{报送要求}']),
  clause('甲方的权利和义务', [
      '（一）明确与乙方的合作内容、方式和任务，及时提出技术需求。',
      '（二）为乙方提供必要的工作、生活和安全保障。',
      '（三）如实对乙方的工作情况作出评价，配合做好考核工作。',
      '（四）建立研发投入核算制度，开展研发活动。',
    ]),
  clause('乙方的权利和义务', [
      '（一）按照本协议书约定履行科技特派员职责，完成服务任务。',
      '（二）遵守甲方的各项规章制度，服从科技管理部门和丙方的管理。',
      '（三）参加派出前培训和年度考核，按规定报送工作情况。',
    ]),
  clause('丙方的权利和义务', [
      '（一）保障乙方在本单位的各项福利待遇，保证乙方有足够时间履行科技特派员职责。',
      '（二）负责乙方的经费管理，配合开展科技特派员选派、管理和考核工作。',
    ]),
  clause('工作补助', ['对签署本协议书的科技特派员，自治区财政按照每年人民币{补助金额}元（大写：{补助大写}）标准给予补助{补助说明}，主要用于科技服务产生的差旅、交通和住宿等相关费用。']),
  common.ip,
  common.secrecy,
  clause('考核', ['乙方接受年度考核，考核结果分为优秀、合格、不合格三个等次，优秀等次比例不超过{优秀比例}。甲方如实评价乙方服务成效，设区市服务站负责商甲方进行考核并报送工作办。考核不合格的，不得申报下一年度科技特派员。']),
  clause('变更与终止', [
      '涉及服务企业、任务目标、人员等重大调整的，应当提出书面申请，经审批后变更，并记入乙方服务档案。',
      '乙方出现下列情形之一的，取消其科技特派员资格，本协议书终止：（一）年度考核不合格或无故不参加考核；（二）有违法违纪行为；（三）存在损害甲方利益或严重失信的行为；（四）不接受管理，长期不参加科技特派员相关活动；（五）其他不适合继续担任科技特派员的情况。',
    ]),
  common.dispute,
  clause('其他', ['本协议书一式三份，甲、乙、丙三方各执一份，具有同等法律效力，自三方签字盖章之日起生效，报{备案机关}备案。未尽事宜，由三方协商另行约定。']),
];

export const cityClauses: Clause[] = [
  provincialClauses[0],
  provincialClauses[1],
  clause('服务要求', ['乙方应灵活采用线上线下结合方式开展服务，每年到甲方开展现场服务不少于{最少次数}次，如实记录服务日志，收集整理工作过程和工作成效佐证材料。{报送要求}']),
  clause('甲方的权利和义务', [
      '（一）明确与乙方的合作内容、方式、任务和科技成果转化权益等事项。',
      '（二）为乙方开展服务提供必要条件，鼓励为乙方提供生活和工作补助。',
      '（三）对乙方提出意见建议，对服务成效作出评价，配合做好实绩评价工作。',
    ]),
  clause('乙方的权利和义务', [
      '（一）认真完成本协议书约定的服务内容，及时报告服务开展情况，重点报送问题解决、技术成效等实绩。',
      '（二）服从科技管理部门及丙方的统一管理与调度，严格遵守甲方的各项规章制度。',
      '（三）服务期间依法享有取酬及相关政策保障权利。',
    ]),
  clause('丙方的权利和义务', ['保障乙方必要的工作时间和工作条件，保留乙方工资福利、岗位、编制，统筹协调乙方本职工作与服务时间。']),
  clause('工作补助', ['市科学技术局按年度给予乙方工作、交通及生活补助，标准为每年人民币{补助金额}元（大写：{补助大写}）{补助说明}。{奖励说明}']),
  common.ip,
  common.secrecy,
  clause('考核', ['市科学技术局结合县（区）、高新区科技管理部门意见、甲方评价、日常服务次数与记录、年度工作实绩等对乙方进行年度综合考评，结果分为优秀、合格、不合格三个等次，优秀等次比例不超过{优秀比例}。考核不合格的，取消下一年度科技特派员申报资格。']),
  clause('变更与终止', [
      '涉及对接单位、任务目标、人员变更等重大调整的，由乙方或甲方提出书面申请，报市科学技术局审批。',
      '乙方出现下列情形之一的，取消其科技特派员资格，本协议终止：（一）年度考核不合格或无故不参加考核；（二）有违法违纪行为；（三）存在损害甲方利益或严重失信的行为；（四）不接受管理，长期不参加科技特派员相关活动；（五）其他不适合继续担任科技特派员的情况。',
    ]),
  common.dispute,
  clause('其他', ['本协议一式三份，甲、乙、丙三方各执一份，具有同等法律效力，自三方签字盖章之日起生效，签订后报{备案机关}备案。未尽事宜，由三方协商另行约定。']),
];

const maxClauses = 20;
const clauseList = (label: string) =>
  z.array(clauseSchema(agreementPlaceholders)).min(1, `${label}至少应有一条条款`).max(maxClauses, `${label}最多 ${maxClauses} 条`);

/** 设置 → 科技特派员: the 合作协议书 clauses of each variant. */
export const agreementWordingSchema = z.object({ provincial: clauseList('自治区版协议书'), city: clauseList('设区市版协议书') });
export type AgreementWording = z.infer<typeof agreementWordingSchema>;
export const defaultAgreementWording: AgreementWording = { provincial: provincialClauses, city: cityClauses };
export const agreementVariantLabels = { provincial: '自治区版（企业科技特派员）', city: '设区市版（市科技特派员）' } as const;
