import { type Document } from 'docx';
import { z } from 'zod';
import { docxFileName } from '../file-name';
import { flushLeftParagraph, gbDate } from '../advisors/gb-extras';
import { bodyParagraph, createGbDocument, heading1, title } from '../style-kit';
import { isoDate, optional, partiesSchema } from './round-input';

export const meetingAgendaInputSchema = partiesSchema.extend({
  meetingDate: isoDate.optional(),
  meetingTime: optional(20),
  meetingPlace: optional(100),
  host: optional(50),
  cityReporter: optional(50),
  protocolReader: optional(50),
  departmentSigner: optional(50),
  citySigner: optional(50),
  speakers: optional(200),
});
export type MeetingAgendaInput = z.input<typeof meetingAgendaInputSchema>;

const named = (name: string | undefined, role: string) => (name?.trim() ? `${role}${name.trim()}` : role);

/**
 * The fixed five steps of seed 002 第十七条(三), with the people the round names. A step whose
 * person is not yet known prints the role alone, so a draft agenda is still readable.
 */
export function agendaSteps(i: Pick<MeetingAgendaInput, 'department' | 'government' | 'city' | 'cityReporter' | 'protocolReader' | 'departmentSigner' | 'citySigner' | 'speakers'>): string[] {
  return [
    `${named(i.cityReporter, `${i.government}领导`)}报告上次会商落实情况及本次会商议题的有关考虑；`,
    '针对会商议题进行讨论；',
    `${named(i.protocolReader, `${i.department}分管领导`)}宣读议定书；`,
    `${named(i.departmentSigner, `${i.department}厅长`)}与${named(i.citySigner, `${i.government}主要领导`)}签署议定书；`,
    `${i.speakers?.trim() ? `${i.speakers.trim()}讲话。` : `${i.department}党组书记或厅长、${i.city}市委或市人民政府主要领导讲话。`}`,
  ];
}

/** 会商会议议程: time, place, host and the five steps (seed 002 第十七条). */
export function buildMeetingAgenda(raw: MeetingAgendaInput): Document {
  const i = meetingAgendaInputSchema.parse(raw);
  const when = i.meetingDate ? `${gbDate(i.meetingDate)}${i.meetingTime ? ` ${i.meetingTime}` : ''}` : '待定';
  const titleText = `${i.department}\n${i.government}\n${i.year}年厅市会商会议议程`;
  return createGbDocument({
    title: `${i.year}年${i.city}厅市会商会议议程`,
    sections: [
      {
        children: [
          title(titleText),
          flushLeftParagraph(`时间：${when}`),
          flushLeftParagraph(`地点：${i.meetingPlace?.trim() || '待定'}`),
          flushLeftParagraph(`主持：${i.host?.trim() || '待定'}`),
          heading1('会议议程'),
          ...agendaSteps(i).map((step, n) => bodyParagraph(`${n + 1}. ${step}`)),
        ],
      },
    ],
  });
}

export function meetingAgendaFileName(i: MeetingAgendaInput): string {
  return docxFileName(`${i.year}年${i.city}厅市会商会议议程`);
}
