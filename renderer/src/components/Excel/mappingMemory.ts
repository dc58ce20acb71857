import type { ColumnMapping } from '../../../../shared/excel/validateImport';

/**
 * The column mapping a clerk confirmed, per import target and file layout (shared/excel
 * headerMatch.layoutKey): next month's file of the same shape is mapped as they left it.
 * localStorage is untrusted like any stored value: anything unexpected is ignored.
 */
export const mappingStorageKey = (target: string, layout: string) => `sciledger.excelImport.${target}.${layout}`;

export function rememberedMapping(target: string, layout: string, columnCount: number, knownFields: ReadonlySet<string>): (string | null)[] | null {
  try {
    const parsed: unknown = JSON.parse(window.localStorage.getItem(mappingStorageKey(target, layout)) ?? 'null');
    if (!Array.isArray(parsed) || parsed.length !== columnCount) return null;
    return parsed.map((f) => (typeof f === 'string' && knownFields.has(f) ? f : null));
  } catch {
    return null;
  }
}

export function rememberMapping(target: string, layout: string, mapping: ColumnMapping): void {
  try {
    window.localStorage.setItem(mappingStorageKey(target, layout), JSON.stringify(mapping));
  } catch {
    // Quota or disabled storage: the mapping applies to this import only.
  }
}
