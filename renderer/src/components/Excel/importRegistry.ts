import { keyOf, type ImportContext, type ImportTargetSpec } from '../../../../shared/excel/importTarget';
import { importTargetSpecs, type ImportTargetId } from '../../../../shared/excel/targets';
import type { RectificationImportOptions } from '../../../../shared/excel/targets/rectificationItems';
import type { ConsultationTopicImportOptions } from '../../../../shared/excel/targets/consultationTopics';
import type { LedgerTableName } from '../../../../shared/domain/ledgerTables';
import type { SciLedgerDb } from '../../db/database';
import { buildRecord, type CreateInput } from '../../db/ledgerRepository';
import { topicsImportProblem } from '../../db/repositories/consultations';

/**
 * 导入 Excel targets: the pure declaration (shared/excel/targets) plus how to read what the
 * check needs and how to write. A ledger plugs in with one entry here (most need only `spec`
 * and, for references to other records, `lookups`); LedgerTable's `excelImport={{ target }}`
 * puts the button on its toolbar.
 */
export interface ImportTargetAdapter {
  spec: ImportTargetSpec;
  /** Other tables whose records a row names (by these fields), for ImportContext.resolve. */
  lookups?: readonly { table: LedgerTableName; by: readonly string[] }[];
  /** Pairs resolved as `a\u0001b` (a service log's agreement between commissioner and enterprise). */
  pairLookups?: readonly { table: LedgerTableName; by: readonly [string, string] }[];
  /** Options a target cannot do without (a rectification import needs its plan). */
  checkOptions?: (options: Readonly<Record<string, unknown>>) => string | null;
  /**
   * Rules read again inside the import's transaction over `tables` (a total capped across
   * records): the reason to refuse the whole import, or null.
   */
  verifyWrite?: {
    tables: readonly LedgerTableName[];
    problem: (db: SciLedgerDb, drafts: readonly Record<string, unknown>[], options: Readonly<Record<string, unknown>>) => Promise<string | null>;
  };
}

export const importTargets: Record<ImportTargetId, ImportTargetAdapter> = {
  advisors: { spec: importTargetSpecs.advisors },
  commissioners: { spec: importTargetSpecs.commissioners },
  hostEnterprises: { spec: importTargetSpecs.hostEnterprises },
  serviceLogs: {
    spec: importTargetSpecs.serviceLogs,
    lookups: [
      { table: 'commissioners', by: ['name'] },
      { table: 'hostEnterprises', by: ['name', 'creditCode'] },
    ],
    pairLookups: [{ table: 'cooperationAgreements', by: ['commissionerId', 'enterpriseId'] }],
  },
  rectificationItems: {
    spec: importTargetSpecs.rectificationItems,
    checkOptions: (o) => (typeof (o as Partial<RectificationImportOptions>).planId === 'string' && (o as Partial<RectificationImportOptions>).plan ? null : '请先选择要导入的整改方案'),
  },
  consultationTopics: {
    spec: importTargetSpecs.consultationTopics,
    checkOptions: (o) => ((o as Partial<ConsultationTopicImportOptions>).round?.id && (o as Partial<ConsultationTopicImportOptions>).rules ? null : '请先打开要导入议题的会商轮次'),
    verifyWrite: {
      tables: ['consultationRounds', 'consultationTopics'],
      problem: (db, drafts, o) => {
        const { round, rules } = o as unknown as ConsultationTopicImportOptions;
        return topicsImportProblem(db, round.id, drafts as never, rules);
      },
    },
  },
};

const live = (r: { deletedAt?: string | null }) => !r.deletedAt;

async function liveRecords(db: SciLedgerDb, table: LedgerTableName): Promise<Record<string, unknown>[]> {
  return (await db.ledger(table).filter(live).toArray()) as Record<string, unknown>[];
}

/** Keys of the records already in the ledger, by the target's duplicate rule. */
export async function existingKeys(db: SciLedgerDb, spec: ImportTargetSpec): Promise<Set<string>> {
  const keys = new Set<string>();
  for (const r of await liveRecords(db, spec.table as LedgerTableName)) for (const k of spec.duplicateKeys(r)) keys.add(k);
  return keys;
}

/** What checkImportRows needs from the database. */
export async function prepareImport(db: SciLedgerDb, adapter: ImportTargetAdapter, options: Readonly<Record<string, unknown>> = {}): Promise<{ context: ImportContext; existingKeys: Set<string> }> {
  const problem = adapter.checkOptions?.(options);
  if (problem) throw new Error(problem);
  const index = new Map<string, string[]>();
  const add = (table: string, text: string | null, id: string) => {
    if (!text) return;
    const key = `${table}\u0002${text}`;
    const ids = index.get(key) ?? [];
    if (!ids.includes(id)) ids.push(id);
    index.set(key, ids);
  };
  for (const { table, by } of adapter.lookups ?? []) {
    for (const r of await liveRecords(db, table)) for (const f of by) add(table, keyOf(r[f]), r.id as string);
  }
  for (const { table, by } of adapter.pairLookups ?? []) {
    for (const r of await liveRecords(db, table)) add(table, `${String(r[by[0]])}\u0001${String(r[by[1]])}`, r.id as string);
  }
  const context: ImportContext = {
    resolve: (table, text) => index.get(`${table}\u0002${text.includes('\u0001') ? text : keyOf(text)}`) ?? [],
    options,
    today: new Date().toLocaleDateString('sv-SE'),
  };
  return { context, existingKeys: await existingKeys(db, adapter.spec) };
}

export class ImportRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

/**
 * Writes the checked rows' drafts in ONE transaction: every record is validated again
 * (buildRecord) and the duplicate keys are read again inside it, so a record added since the
 * preview refuses the whole import rather than landing twice. All rows or none.
 */
export async function writeImport(db: SciLedgerDb, spec: ImportTargetSpec, drafts: readonly Record<string, unknown>[], options: Readonly<Record<string, unknown>> = {}): Promise<number> {
  const table = spec.table as LedgerTableName;
  const t = db.ledger(table);
  const verify = importTargets[spec.id as ImportTargetId]?.verifyWrite;
  const tables = [t, ...(verify?.tables ?? []).filter((name) => name !== table).map((name) => db.ledger(name))];
  return db.transaction('rw', tables, async () => {
    const present = await existingKeys(db, spec);
    const clash = drafts.find((d) => spec.duplicateKeys(d).some((k) => present.has(k)));
    if (clash) throw new ImportRefusedError(`预览后台账中已登记了相同的${spec.label}（${spec.duplicateRule}），未导入任何记录：请重新预览`);
    const problem = verify ? await verify.problem(db, drafts, options) : null;
    if (problem) throw new ImportRefusedError(`${problem}，未导入任何记录：请重新预览`);
    const now = new Date().toISOString();
    const records = drafts.map((d, i) => buildRecord(table, d as CreateInput<typeof table>, now, i));
    await t.bulkAdd(records as never[]);
    return records.length;
  });
}
