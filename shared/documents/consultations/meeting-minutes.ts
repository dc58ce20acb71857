import { type Document } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import { gbDate } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, heading1, signatureBlock, title } from '../style-kit';
import { chineseNumber, isoDate, optional, partiesSchema, sortedTopics, text } from './round-input';

export const meetingMinutesInputSchema = partiesSchema.extend({
  meetingDate: isoDate,
  meetingPlace: text('会议地点', 100),
  host: optional(50),
  attendees: optional(),
  discussion: optional(),
  /** 议定事项, one per line; the topics are listed when the clerk wrote none. */
  agreedMatters: optional(),
  topics: z.array(z.object({ seq: z.number().int().min(1), title: text('议题名称') })),
  /** The office that issues the minutes (发展规划与资源配置处 by seed 002 第十七条(一)). */
  issuer: text('印发单位', 60),
  issuedOn: isoDate,
});
export type MeetingMinutesInput = z.input<typeof meetingMinutesInputSchema>;

const lines = (s: string | undefined) => (s ?? '').split('\n').map((l) => l.trim()).filter(Boolean);

/**
 * 会商纪要 (seed 002 第十八条: 各方按照议定书、会商纪要… 履行各自职责): when and where, who
 * chaired, the matters agreed (numbered), the discussion and the attendance, signed by the
 * issuing office.
 */
export function buildMeetingMinutes(raw: MeetingMinutesInput): Document {
  const i = meetingMinutesInputSchema.parse(raw);
  const agreed = lines(i.agreedMatters);
  // Numbered here as （一）（二）… under the 一、 heading; a clerk's own leading 一、 / 1. is dropped.
  const matters = (agreed.length ? agreed.map((m) => m.replace(/^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.、．]\s*)/, '')) : sortedTopics(i.topics).map((t) => `${t.title}。`)).map(
    (m, n) => `（${chineseNumber(n + 1)}）${m}`,
  );
  return createGbDocument({
    title: `${i.year}年${i.city}厅市会商会议纪要`,
    sections: [
      {
        children: [
          title(`${i.department}\n${i.government}\n${i.year}年厅市会商会议纪要`),
          bodyParagraph(
            `${gbDate(i.meetingDate)}，${i.department}与${i.government}在${i.meetingPlace}召开${i.year}年厅市会商会议${i.host?.trim() ? `，会议由${i.host.trim()}主持` : ''}。会议听取了${i.government}关于上次会商落实情况及本次会商议题的报告，讨论了会商议题，签署了会商议定书。现将会议议定事项纪要如下：`,
          ),
          heading1('一、议定事项'),
          ...matters.map((m) => bodyParagraph(m)),
          ...(lines(i.discussion).length ? [heading1('二、讨论情况'), ...lines(i.discussion).map((l) => bodyParagraph(l))] : []),
          ...(lines(i.attendees).length ? [heading1(`${lines(i.discussion).length ? '三' : '二'}、出席人员`), ...lines(i.attendees).map((l) => bodyParagraph(l, true))] : []),
          ...signatureBlock(i.issuer, gbDate(i.issuedOn), 'unsealed'),
        ],
      },
    ],
  });
}

export function meetingMinutesFileName(i: MeetingMinutesInput): string {
  return docxFileName(`${i.year}年${i.city}厅市会商会议纪要`);
}
