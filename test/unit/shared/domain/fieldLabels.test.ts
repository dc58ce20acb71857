import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldLabel, settingsPathLabel, settingsValueLabels } from '../../../../shared/domain/fieldLabels';
import { ledgerTables, type LedgerTableName } from '../../../../shared/domain/ledgerTables';

const hasChinese = (s: string) => /[\u4e00-\u9fff]/.test(s);

/** Every field path of a schema: nested objects (also inside arrays and optionals) included. */
function fieldPaths(schema: z.ZodType, prefix: string[] = []): string[][] {
  if (schema instanceof z.ZodObject) return Object.entries(schema.shape as Record<string, z.ZodType>).flatMap(([key, inner]) => [[...prefix, key], ...fieldPaths(inner, [...prefix, key])]);
  if (schema instanceof z.ZodUnion) return (schema.options as z.ZodType[]).flatMap((o) => fieldPaths(o, prefix));
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable || schema instanceof z.ZodDefault) return fieldPaths(schema._zod.def.innerType as z.ZodType, prefix);
  if (schema instanceof z.ZodArray) return fieldPaths(schema._zod.def.element as z.ZodType, prefix);
  if (schema instanceof z.ZodPipe) return fieldPaths(schema._zod.def.in as z.ZodType, prefix);
  return [];
}

describe('one Chinese label table (issue 8 item 9)', () => {
  it('names every field of every ledger schema in Chinese', () => {
    const unlabelled: string[] = [];
    for (const table of Object.keys(ledgerTables) as LedgerTableName[]) {
      for (const path of fieldPaths(ledgerTables[table].schema)) {
        if (table === 'settings' && path[0] === 'value') continue; // below, per settings key
        const label = fieldLabel(path[path.length - 1], table);
        if (!hasChinese(label)) unlabelled.push(`${table}.${path.join('.')}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('names every path inside every settings value', () => {
    const unlabelled: string[] = [];
    const union = ledgerTables.settings.schema as z.ZodDiscriminatedUnion<z.ZodObject[]>;
    for (const option of union.options) {
      const id = (option.shape.id as z.ZodLiteral<string>).value;
      expect(settingsValueLabels[id], id).toBeDefined();
      for (const path of fieldPaths(option.shape.value as z.ZodType)) {
        if (!hasChinese(settingsPathLabel(id, path))) unlabelled.push(`${id}.${path.join('.')}`);
      }
    }
    expect(unlabelled).toEqual([]);
  });

  it('uses a table\'s own wording where it differs', () => {
    expect(fieldLabel('name', 'advisors')).toBe('姓名');
    expect(fieldLabel('date', 'advisorSuggestions')).toBe('提出日期');
    expect(fieldLabel('name')).toBe('名称');
    expect(settingsPathLabel('policyProfile', ['advisors', 'stipendPerYear'])).toBe('科技顾问·聘金（税后）');
    expect(settingsPathLabel('advisorCertificate', ['overlayFields', 0, 'xMm'])).toBe('横向位置（毫米）');
  });
});
