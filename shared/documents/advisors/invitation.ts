import type { Document } from 'docx';
import { z } from 'zod';
import { isoDate } from '../../domain/common';
import { docxFileName } from '../file-name';
import { bodyParagraph, createGbDocument, signatureBlock, title } from '../style-kit';
import { flushLeftParagraph, gbDate, gbDateRange, salutationTitle } from './gb-extras';

export const invitationPurposes = ['聘书颁发仪式', '来桂座谈', '调研指导', '其他'] as const;

export const invitationInputSchema = z
  .object({
    recipientName: z.string().trim().min(1, '请填写受邀人姓名'),
    /** 院士称号 as recorded (中国工程院院士) or the form of address (院士). */
    honorific: z.string().trim().min(1, '请填写称谓'),
    purpose: z.enum(invitationPurposes),
    /** Required for 其他: the sentence after "诚挚邀请您"; for the others an extra paragraph. */
    purposeText: z.string().trim().optional(),
    eventDate: isoDate,
    eventEndDate: isoDate.optional(),
    location: z.string().trim().min(1, '请填写地点'),
    agenda: z.array(z.string().trim().min(1)).optional(),
    contactPerson: z.string().trim().min(1, '请填写联系人'),
    contactPhone: z.string().trim().min(1, '请填写联系电话'),
    /** 发函单位, e.g. 自治区党委科技委员会办公室 (seed 000 §七.(一).2: 发送邀请函). */
    issuingOrganisation: z.string().trim().min(1, '请填写发函单位'),
    issuedOn: isoDate,
  })
  .refine((i) => i.purpose !== '其他' || (i.purposeText ?? '').length > 0, { message: '事由为“其他”时请填写邀请事项', path: ['purposeText'] })
  .refine((i) => !i.eventEndDate || i.eventEndDate >= i.eventDate, { message: '结束日期不能早于开始日期', path: ['eventEndDate'] });
export type InvitationInput = z.infer<typeof invitationInputSchema>;

/** The opening paragraph for each purpose, worded after seed 000 §三 and §四. */
function openingParagraph(i: InvitationInput): string {
  const when = gbDateRange(i.eventDate, i.eventEndDate);
  switch (i.purpose) {
    case '聘书颁发仪式':
      return `经自治区党委、自治区人民政府研究，决定聘请您为广西科技顾问。兹定于${when}在${i.location}举行广西科技顾问聘书颁发仪式，由自治区党委、自治区人民政府领导为您颁发聘书。诚挚邀请您拨冗出席。`;
    case '来桂座谈':
      return `为充分发挥广西科技顾问高端智库作用，直接听取您对全区发展规划、创新和产业体系建设、政策制定等方面的意见和建议，诚挚邀请您于${when}来桂座谈，地点为${i.location}。`;
    case '调研指导':
      return `为推动我区重大问题研究和重点项目实施，诚挚邀请您于${when}到${i.location}开展调查研究和咨询论证，对有关工作进行指导。`;
    case '其他':
      return `诚挚邀请您于${when}在${i.location}${i.purposeText}。`;
  }
}

function agendaParagraphs(agenda: string[] | undefined): ReturnType<typeof bodyParagraph>[] {
  if (!agenda || agenda.length === 0) return [];
  return [bodyParagraph('主要安排如下：'), ...agenda.map((item, n) => bodyParagraph(`${n + 1}.${item.replace(/[。；;]$/, '')}。`))];
}

/**
 * 邀请函 to a 广西科技顾问 for the 聘书颁发仪式, a 来桂座谈 or 调研指导 (seed 000 §三.(一),
 * §七.(一).2), laid out per GB/T 9704-2012: title, 称呼 flush left, body, contact line,
 * 署名 and 成文日期.
 */
export function buildInvitation(raw: InvitationInput): Document {
  const i = invitationInputSchema.parse(raw);
  const extra = i.purpose !== '其他' && i.purposeText ? [bodyParagraph(i.purposeText)] : [];
  const hosting = i.purpose === '其他' ? [] : [bodyParagraph('您在桂期间，服务单位将落实“一对一”接待和全程服务。')];
  return createGbDocument({
    title: '邀请函',
    subject: `邀请函（${i.recipientName}，${i.purpose}）`,
    sections: [
      {
        children: [
          title('邀请函'),
          flushLeftParagraph(`尊敬的${i.recipientName}${salutationTitle(i.honorific)}：`),
          bodyParagraph('您好！'),
          bodyParagraph(openingParagraph(i)),
          ...extra,
          ...agendaParagraphs(i.agenda),
          ...hosting,
          bodyParagraph(`联系人：${i.contactPerson}，联系电话：${i.contactPhone}。`),
          bodyParagraph('恭候您的光临！', true),
          // Sent out under the office's seal (§7.3.5.1).
          ...signatureBlock(i.issuingOrganisation, gbDate(i.issuedOn), 'sealed'),
        ],
      },
    ],
  });
}

export function invitationFileName(i: InvitationInput): string {
  return docxFileName(`邀请函-${i.recipientName}-${i.purpose}`);
}
