import { restoreNeutralised } from './cellSafety';
import { isBlankCell, type SheetCell } from './sheetCell';
import { parseCellDate } from './spreadsheetDate';
import type { ImportField, ParsedValue } from './importTarget';

const TRUE_WORDS = new Set(['是', '有', '已建立', '已开展', '√', '✓', 'y', 'yes', 'true', '1']);
const FALSE_WORDS = new Set(['否', '无', '没有', '未建立', '未开展', '×', '✗', 'n', 'no', 'false', '0']);
const LIST_SEPARATORS = /[、，,；;\n\r/／]+/;

/** The cell's text with a formula-guard apostrophe taken off and the edges trimmed. */
function textOf(cell: SheetCell): string {
  return restoreNeutralised(String(cell)).trim();
}

function parseEnum(text: string, field: ImportField): ParsedValue {
  const values = field.values ?? [];
  if (values.includes(text)) return { ok: true, value: text };
  const alias = field.aliases?.[text];
  if (alias) return { ok: true, value: alias };
  return { ok: false, message: `“${text}”不是可选值（${values.join('、')}）` };
}

function parseDateRange(text: string): ParsedValue {
  // 2025-01-01 至 2027-12-31, 2025.1.1—2027.12.31, 2025年1月1日~2027年12月31日
  const parts = text.split(/\s*(?:至|到|~|～|—+|–|－|\s-\s)\s*/).filter((p) => p !== '');
  if (parts.length !== 2) return { ok: false, message: `“${text}”应写成“开始日期 至 结束日期”` };
  const [start, end] = parts.map((p) => parseCellDate(p));
  if (!start.ok) return start;
  if (!end.ok) return end;
  return { ok: true, value: [start.date, end.date] };
}

/** A cell as the field's value; undefined for an empty cell (the schema decides whether it may be). */
export function parseCellValue(cell: SheetCell, field: ImportField): ParsedValue | undefined {
  if (isBlankCell(cell)) return undefined;
  switch (field.kind) {
    case 'text':
      return { ok: true, value: typeof cell === 'number' ? numberText(cell) : textOf(cell) };
    case 'date':
      return toValue(parseCellDate(typeof cell === 'string' ? textOf(cell) : cell));
    case 'number': {
      if (typeof cell === 'number') return { ok: true, value: cell };
      const text = textOf(cell).replace(/[,，\s]/g, '').replace(/(元|万元|天|次|人)$/, '');
      const n = Number(text);
      return text !== '' && Number.isFinite(n) ? { ok: true, value: n } : { ok: false, message: `“${textOf(cell)}”不是数字` };
    }
    case 'boolean': {
      if (typeof cell === 'boolean') return { ok: true, value: cell };
      const t = textOf(cell).toLowerCase();
      if (TRUE_WORDS.has(t)) return { ok: true, value: true };
      if (FALSE_WORDS.has(t)) return { ok: true, value: false };
      return { ok: false, message: `“${textOf(cell)}”应填“是”或“否”` };
    }
    case 'enum':
      return parseEnum(textOf(cell), field);
    case 'list': {
      const items = textOf(cell).split(LIST_SEPARATORS).map((s) => s.trim()).filter((s) => s !== '');
      if (!field.values) return { ok: true, value: items };
      const out: string[] = [];
      for (const item of items) {
        const parsed = parseEnum(item, field);
        if (!parsed.ok) return parsed;
        if (!out.includes(parsed.value as string)) out.push(parsed.value as string);
      }
      return { ok: true, value: out };
    }
    case 'dateRange':
      return parseDateRange(textOf(cell));
    case 'custom':
      return field.parse ? field.parse(textOf(cell)) : { ok: true, value: textOf(cell) };
  }
}

function toValue(result: { ok: true; date: string } | { ok: false; message: string }): ParsedValue {
  return result.ok ? { ok: true, value: result.date } : result;
}

/** 13800138000 read as a number keeps all its digits (no 1.38E+10), 12.50 stays 12.5. */
function numberText(n: number): string {
  return Number.isInteger(n) ? n.toFixed(0) : String(n);
}
