import { isBlankRow, joinBrokenRows, parseClipboardTable } from '../../format/clipboard-table';
import { parseLooseDate } from '../../format/loose-date';
import { rectificationItemLabels } from './labels';
import { rectificationItemDraftSchema, type RectificationItemDraft, type RectificationPlan, type ResponsiblePerson } from './schema';

/** The seed's columns, in the plan's printed order. */
export const planColumns = ['序号', '主题', '整改内容', '整改措施', '整改检验形式', '计划完成时间', '责任处室', '责任人'] as const;
type PlanColumn = (typeof planColumns)[number];

export interface PastedRow {
  /** 1-based row of the pasted text where the record starts (as the user sees it in Excel). */
  line: number;
  cells: string[];
  /** The item to save once the user confirms (absent when the row cannot become one). */
  draft?: RectificationItemDraft;
  /** Problems that keep the row from being saved, in Chinese, each naming the column. */
  errors: string[];
  /** 主题/处室 not yet in the plan's lists: offered as "可添加", saved once the user adds them. */
  newThemes: string[];
  newDivisions: string[];
}

export interface PastedPlan {
  /** A problem with the whole paste (nothing to preview), e.g. not a table. */
  problem?: string;
  /** The plan's title when the paste starts with one (…整改方案), to offer as its name. */
  title?: string;
  rows: PastedRow[];
}

export interface PasteContext {
  planId: string;
  plan: Pick<RectificationPlan, 'themes' | 'divisions' | 'year'>;
  /** Year for dates written without one (3月底); defaults to the year after the plan's. */
  defaultYear?: number;
  /** 序号 the plan's items already hold: a pasted row with one is refused in the preview. */
  usedSeqs?: readonly number[];
}

const NUMBER_MARK = /^\s*(?:\d{1,2}\s*[.、．]|[（(]\s*\d{1,2}\s*[)）]|[①②③④⑤⑥⑦⑧⑨⑩])\s*/;
const SEQ = /^\s*(\d{1,4})\s*[.、．]?\s*$/;

/** 整改措施: one entry per numbered measure; unnumbered lines continue the measure above. */
export function splitMeasures(cell: string): string[] {
  const lines = cell.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  if (!lines.some((l) => NUMBER_MARK.test(l))) return lines;
  const measures: string[] = [];
  for (const line of lines) {
    if (NUMBER_MARK.test(line) || measures.length === 0) measures.push(line.replace(NUMBER_MARK, '').trim());
    else measures[measures.length - 1] += line;
  }
  return measures.filter((m) => m !== '');
}

/** 责任处室: "农村处、梧州市" or "（1）办公室；（2）高新处、区域处" → the names, once each. */
export function splitDivisions(cell: string): { divisions: string[]; wording?: string } {
  const text = cell.replace(/\s*\n\s*/g, '；').trim();
  const numbered = /[（(]\s*\d+\s*[)）]|^\s*\d+\s*[.、]/.test(text);
  const names = text
    .replace(/[（(]\s*\d+\s*[)）]/g, '、')
    .split(/[、，,；;／/\s]+/)
    .map((n) => n.replace(/^\d+\s*[.、]/, '').trim())
    .filter((n) => n !== '');
  return { divisions: [...new Set(names)], wording: numbered ? text : undefined };
}

/** 责任人: "唐咸来/潘红雄" (领导/经办人), several pairs separated by 、，； or line breaks. */
export function splitPersons(cell: string): ResponsiblePerson[] {
  return cell
    .split(/[\n、，,；;]+/)
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const [leader = '', officer = ''] = pair.split(/\s*[/／]\s*/);
      return { leader: leader.trim(), officer: officer.trim() };
    });
}

const normaliseHeader = (cell: string) => cell.replace(/\s+/g, '');

/** Column positions from a header row, or undefined when the row is not the plan's header. */
function headerColumns(cells: string[]): Map<PlanColumn, number> | undefined {
  const found = new Map<PlanColumn, number>();
  cells.forEach((cell, index) => {
    const name = normaliseHeader(cell) as PlanColumn;
    if ((planColumns as readonly string[]).includes(name) && !found.has(name)) found.set(name, index);
  });
  return found.has('序号') && found.has('整改内容') ? found : undefined;
}

function rowProblemsOfDraft(draft: unknown): string[] {
  const parsed = rectificationItemDraftSchema.safeParse(draft);
  if (parsed.success) return [];
  return parsed.error.issues.map((issue) => {
    const field = String(issue.path[0] ?? '');
    const label = (rectificationItemLabels as Record<string, string>)[field];
    return label && !issue.message.includes(label) ? `${label}：${issue.message}` : issue.message;
  });
}

/**
 * Reads a plan pasted from Word or Excel into rows to preview. Nothing is saved here: each row
 * carries its draft, its errors and the 主题/处室 it would add, and the caller saves only when
 * every row is clean and the user has confirmed the additions (nothing half-imported).
 */
export function parsePastedPlan(text: string, context: PasteContext): PastedPlan {
  if (text.trim() === '') return { problem: '粘贴的内容为空', rows: [] };
  const physical = parseClipboardTable(text)
    .map((cells, index) => ({ cells: cells.map((c) => c.trim()), line: index + 1 }))
    .filter((row) => !isBlankRow(row.cells));
  if (!physical.some((row) => row.cells.length > 1)) {
    return { problem: '粘贴的内容不是表格：请在 Word 或 Excel 中选中整改方案表格的行后复制（各列之间应以制表符分隔）', rows: [] };
  }

  // Lines before the table (附件, the plan's title) have a single cell.
  let start = 0;
  let title: string | undefined;
  while (start < physical.length && physical[start].cells.filter((c) => c !== '').length <= 1) {
    const line = physical[start].cells.join('');
    if (/整改/.test(line) && line !== '附件') title = line;
    start += 1;
  }
  let columns = new Map<PlanColumn, number>(planColumns.map((name, index) => [name, index]));
  const header = physical[start] && headerColumns(physical[start].cells);
  if (header) {
    const missing = planColumns.filter((name) => !header.has(name));
    if (missing.length > 0) return { problem: `表头缺少“${missing.join('”“')}”列`, rows: [] };
    columns = header;
    start += 1;
  }
  const width = Math.max(...columns.values()) + 1;
  const records = joinBrokenRows(physical.slice(start), width, (first) => SEQ.test(first));

  const seenSeq = new Map<number, number>();
  const defaultYear = context.defaultYear ?? context.plan.year + 1;
  const rows = records.map(({ cells, line }): PastedRow => {
    const row: PastedRow = { line, cells, errors: [], newThemes: [], newDivisions: [] };
    if (cells.length < width) {
      row.errors.push(`只有 ${cells.length} 列，整改方案每行应有 ${width} 列（${planColumns.join('、')}）`);
      return row;
    }
    const cell = (name: PlanColumn) => cells[columns.get(name)!] ?? '';

    const seqMatch = SEQ.exec(cell('序号'));
    const seq = seqMatch ? Number(seqMatch[1]) : NaN;
    if (!seqMatch || seq <= 0) row.errors.push(`序号“${cell('序号')}”应为正整数`);
    else if (seenSeq.has(seq)) row.errors.push(`序号 ${seq} 与第 ${seenSeq.get(seq)} 行重复`);
    else if (context.usedSeqs?.includes(seq)) row.errors.push(`序号 ${seq} 已被本方案的另一项使用`);
    else seenSeq.set(seq, line);

    const date = parseLooseDate(cell('计划完成时间'), { defaultYear });
    if (!date.ok) row.errors.push(`计划完成时间：${date.message}`);

    const theme = cell('主题').replace(/\s+/g, '');
    if (theme !== '' && !context.plan.themes.includes(theme)) row.newThemes.push(theme);
    const { divisions, wording } = splitDivisions(cell('责任处室'));
    row.newDivisions.push(...divisions.filter((d) => !context.plan.divisions.includes(d)));

    const draft = {
      planId: context.planId,
      seq: Number.isFinite(seq) ? seq : 0,
      theme,
      content: cell('整改内容'),
      measures: splitMeasures(cell('整改措施')),
      verificationForm: cell('整改检验形式').replace(/\s*\n\s*/g, ''),
      plannedDate: date.ok ? date.date : '',
      responsibleDivisions: divisions,
      ...(wording ? { divisionWording: wording } : {}),
      responsiblePersons: splitPersons(cell('责任人')),
      status: '未启动' as const,
    };
    // The schema's own messages, minus the ones already said more precisely above.
    for (const problem of rowProblemsOfDraft(draft)) {
      if (problem.startsWith('序号') || problem.startsWith('计划完成时间')) continue;
      row.errors.push(problem);
    }
    if (row.errors.length === 0) row.draft = rectificationItemDraftSchema.parse(draft);
    return row;
  });
  if (rows.length === 0) return { problem: '粘贴的内容只有表头，没有整改事项', title, rows };
  return { title, rows };
}

/** The message shown for one row in the preview: its errors, then what it would add. */
export function describePastedRow(row: PastedRow): string {
  const parts = [...row.errors];
  if (row.newThemes.length > 0) parts.push(`主题“${row.newThemes.join('”“')}”不在列表中，可添加`);
  if (row.newDivisions.length > 0) parts.push(`处室“${row.newDivisions.join('”“')}”不在列表中，可添加`);
  return parts.length === 0 ? `第 ${row.line} 行：可导入` : `第 ${row.line} 行：${parts.join('；')}`;
}

/** The 主题 and 处室 the whole paste would add (each once, in order of appearance). */
export function pastedAdditions(rows: readonly PastedRow[]): { themes: string[]; divisions: string[] } {
  return {
    themes: [...new Set(rows.flatMap((r) => r.newThemes))],
    divisions: [...new Set(rows.flatMap((r) => r.newDivisions))],
  };
}

/** Whether the paste may be saved: some rows, none with errors. */
export function canImport(result: PastedPlan): boolean {
  return !result.problem && result.rows.length > 0 && result.rows.every((r) => r.errors.length === 0 && r.draft !== undefined);
}
