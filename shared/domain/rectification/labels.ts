/** Chinese labels of the 整改台账 fields, per table (fieldLabels.ts tableFieldLabels spreads them). */
export const rectificationPlanLabels = {
  name: '方案名称',
  year: '年度',
  feedbackSource: '意见来源',
  themes: '主题列表',
  divisions: '处室列表',
} as const;

export const rectificationItemLabels = {
  planId: '所属方案',
  seq: '序号',
  theme: '主题',
  content: '整改内容',
  measures: '整改措施',
  verificationForm: '整改检验形式',
  plannedDate: '计划完成时间',
  responsibleDivisions: '责任处室',
  divisionWording: '责任处室（原文）',
  responsiblePersons: '责任人',
  status: '状态',
  startedDate: '开始推进日期',
  completedDate: '完成日期',
  evidenceNotes: '佐证材料',
} as const;

export const rectificationProgressNoteLabels = {
  itemId: '整改事项',
  date: '日期',
  note: '推进情况',
  status: '状态',
  author: '记录人',
} as const;
