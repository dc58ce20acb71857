import type { Transaction } from 'dexie';
import { ledgerTables, type LedgerTableName } from '../../../shared/domain/ledgerTables';
import { fillLedgerKeys, foldLedgerKeys, keyedTables, RECENT_KEY_INDEX } from './ledgerKeys';
import { moveToChunkedLog } from './chunkedLogUpgrade';
import { fillServiceLogFacts } from './serviceLogFacts';
import { fillAdvisorDigests } from './advisorDigests';
import { fillServiceYearSummaries } from './serviceYearSummaries';
import { fillAttachmentCounts } from './attachments/counts';
import { fillCertificateNumbers } from './certificateNumbers';
import { defaultRectificationThemes } from '../../../shared/domain/rectification/schema';

/**
 * Dexie versions of the `sciledger` database, oldest first. DESIGN §Data: "Schema changes are
 * Dexie versions with upgrade functions, each tested on data of the old shape. Never reuse or
 * reorder a version." So this list is append-only: a later change adds
 * `{ version: N + 1, stores: {...only what changes...}, upgrade }` at the end and a test that
 * opens a database of version N with old-shaped data.
 *
 * Each version spells out its stores literally, so editing shared/domain/ledgerTables.ts can
 * never silently change a released version. `ledgerStoreSpecs()` derives what the registry
 * wants now; a test compares it with the stores the versions add up to, so a table or index
 * declared in the registry without a new version here fails `npm test`.
 */

/** Dexie store spec of one ledger table: `id` first (inbound UUID primary key), then indexes. */
export function ledgerStoreSpec(table: LedgerTableName): string {
  // A paged ledger's records also carry their ledger key (ledgerKeys.ts): its recent-first index.
  return ['id', ...ledgerTables[table].indexes, ...(keyedTables.has(table) ? [RECENT_KEY_INDEX] : [])].join(', ');
}

export function ledgerStoreSpecs(): Record<LedgerTableName, string> {
  return Object.fromEntries(
    (Object.keys(ledgerTables) as LedgerTableName[]).map((t) => [t, ledgerStoreSpec(t)]),
  ) as Record<LedgerTableName, string>;
}

/** Local, never-synced tables. Their names must not collide with a ledger table. */
export const localStores = {
  /**
   * Change log in chunks of ~1,000 ops, one row per chunk (renderer/src/db/opChunks.ts): key
   * [first+n] (smallest opId, op count), per-node largest opIds (*heads: vector, newest op,
   * export) and the records touched (*records: per-record history). Read through `db.oplog`.
   */
  opChunks: '[first+n], *heads, *records',
  /** Key-value facts of this installation: nodeId, operatorName, nodeName. */
  meta: 'key',
  /** Same-field concurrent edits found by an import, by Conflict.key, until the clerk resolves them. */
  conflicts: 'key, [table+id], resolvedAt',
  /** Bundles already imported (importing one twice changes nothing). */
  appliedBundles: 'bundleId, nodeId, appliedAt',
  /**
   * 待补全 (issue 10): records an import built that fail their table's schema — typically an
   * edit whose create has not arrived — `{table, id, record, clocks}` by [table+id]. Kept out of the
   * ledger tables so no screen shows them as live; moved there once the missing ops arrive.
   */
  pendingRecords: '[table+id]',
  /**
   * 附件 bytes (issue 11, DESIGN §Data): one row per distinct file, `{sha256, size, blob}` by its
   * SHA-256 — content-addressed, so the same scan attached twice is stored once. Never synced as
   * a table: bundles and backups carry the bytes as `files/<sha256>`.
   */
  attachmentBlobs: 'sha256',
  /**
   * 服务日志 facts (renderer/src/db/serviceLogFacts.ts): agreement, date, mode and days of each
   * live log as its compound primary key, so compliance reads keys, never records.
   */
  serviceLogFacts: '[agreementId+date+mode+days+id], id',
  /**
   * 科技顾问 digests (renderer/src/db/advisorDigests.ts): per advisor, the year's figures and what
   * the reminders test, kept by the write path, so a roster page reads no child table.
   */
  advisorDigests: 'advisorId',
  /**
   * Service-year summaries (renderer/src/db/serviceYearSummaries.ts): visits, days, entries and
   * first/last date per (agreement, service year), kept by the write path; 履职监测 reads these.
   */
  serviceYearSummaries: '[agreementId+start]',
  /**
   * 附件 per record (renderer/src/db/attachments/counts.ts): `{table, id, count}` of each record
   * with live attachments, kept by every write to attachments, so 有/无附件 is a key range.
   */
  attachmentCounts: '[table+id]',
  /**
   * 聘书编号 ever recorded (renderer/src/db/certificateNumbers.ts): `{number}` by the number, kept
   * by every write to advisors and the register, so a year's numbers are one key range of keys.
   */
  certificateNumbers: 'number',
} as const;
export type LocalTableName = keyof typeof localStores;

export interface SchemaVersion {
  version: number;
  /** Dexie `stores()` argument: only the stores this version adds or changes (null deletes). */
  stores: Record<string, string | null>;
  /** Data migration run inside the versionchange transaction (not change-tracked: every node runs it itself). */
  upgrade?: (tx: Transaction) => Promise<void> | void;
}

export const schemaVersions: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      settings: 'id',
      advisors: 'id, name, status, updatedAt',
      advisorActivities: 'id, advisorId, date',
      advisorSuggestions: 'id, advisorId, date, feedbackStatus',
      advisorStipends: 'id, advisorId, year',
      commissioners: 'id, name, status, teamId',
      commissionerTeams: 'id, name',
      hostEnterprises: 'id, name, creditCode',
      cooperationAgreements: 'id, enterpriseId, commissionerId, teamId',
      serviceLogs: 'id, commissionerId, date',
      commissionerAssessments: 'id, commissionerId, year',
      consultationRounds: 'id, city, year',
      consultationTopics: 'id, roundId, domain',
      consultationProgress: 'id, roundId, topicId, [year+quarter]',
      rectificationItems: 'id, seq, status',
      oplog: 'opId, table, id, [table+id], operator, at',
      meta: 'key',
    },
  },
  {
    // 科技顾问 module: plans, evaluations and the certificate register. New tables only, so
    // there is no data to transform.
    version: 2,
    stores: {
      advisorPlans: 'id, advisorId, startYear',
      advisorEvaluations: 'id, advisorId, year',
      appointmentCertificates: 'id, advisorId, number, issuedOn',
    },
  },
  {
    // 数据交换 (issue 4): local sync bookkeeping. fieldClocks is rebuilt from the oplog so that
    // records written before sync merge by last-writer-wins with their real clocks instead of
    // losing every field to the first imported op (DESIGN §Sync).
    version: 3,
    stores: {
      fieldClocks: '[table+id]',
      conflicts: 'key, [table+id], resolvedAt',
      appliedBundles: 'bundleId, nodeId, appliedAt',
    },
    upgrade: rebuildFieldClocks,
  },
  {
    // Every tracked write adds an oplog entry, and each index is one more B-tree write. No query
    // uses the single `table` or `id` indexes ([table+id] serves both the sync slice and any
    // per-table scan), so they go.
    version: 4,
    stores: { oplog: 'opId, [table+id], operator, at' },
  },
  {
    // Paged ledgers (issue 9): derived key rows for every record of a keyed table, filled here
    // for existing data; from now on the ledgerKeys middleware writes them with each record.
    version: 6,
    stores: { ledgerKeys: '[table+id], [table+pinyin], [table+initials], [table+live+updatedAt]' },
    upgrade: fillLedgerKeys,
  },
  {
    // 数据交换 hardening (issue 10): records waiting for their missing ops. A new local table
    // only: existing data keeps its shape.
    version: 7,
    stores: { pendingRecords: '[table+id]' },
  },
  {
    // 整改台账 (issue 14): plans and progress notes; items belong to a plan and are read per plan
    // in 序号 order, per division and by planned date. Items of the old shape are brought over.
    version: 8,
    stores: {
      rectificationPlans: 'id, year',
      rectificationItems: 'id, status, [planId+seq], plannedDate, *responsibleDivisions',
      rectificationProgressNotes: 'id, [itemId+date]',
    },
    upgrade: upgradeRectificationItems,
  },
  {
    // 科技特派员 module (issue 12): 派出单位, outcomes, subsidies, change requests and quarterly
    // reports; the service log gets compound indexes so one commissioner-year, enterprise-year
    // or agreement is an index range (the log screen pages; compliance never scans the table).
    version: 9,
    stores: {
      dispatchUnits: 'id, name',
      serviceLogs: 'id, date, [commissionerId+date], [enterpriseId+date], [agreementId+date]',
      cooperationAgreements: 'id, enterpriseId, commissionerId, teamId, status',
      commissionerAssessments: 'id, commissionerId, teamId, year',
      commissionerOutcomes: 'id, agreementId, enterpriseId, kind',
      commissionerSubsidies: 'id, agreementId, year',
      commissionerChangeRequests: 'id, agreementId, requestDate',
      commissionerQuarterlyReports: 'id, agreementId, [year+quarter]',
    },
    upgrade: commissionerRecordsV11,
  },
  {
    // 附件 (issue 11): attachment records (a tracked ledger table) and their bytes by SHA-256.
    // New tables only: no existing record changes shape.
    version: 10,
    stores: {
      attachments: 'id, [table+recordId], sha256',
      attachmentBlobs: 'sha256',
    },
  },
  {
    // 厅市会商 module (issue 13): the year's 落实情况 and 绩效评估 per round. Rounds and topics of
    // the first shape are brought to the module's (stage dates, 重大/特殊/紧急 flag, numbered
    // topics with the 厅's division); nothing stored is dropped.
    version: 11,
    stores: {
      consultationAnnualReports: 'id, roundId, year',
      consultationEvaluations: 'id, roundId, topicId',
    },
    upgrade: upgradeConsultationRecords,
  },
  {
    // 科技特派员 screens (issue 12): the roster pages through key rows like the advisors'; the
    // commissioners already on file get theirs here (new ones get them on write). Compliance
    // reads the service-log facts table, filled here for the logs on file.
    version: 12,
    stores: { serviceLogFacts: '[agreementId+date+mode+days+id], id' },
    upgrade: async (tx) => {
      await fillLedgerKeys(tx, ['commissioners']);
      await fillServiceLogFacts(tx);
    },
  },
  {
    // 数据交换 hardening (issue 10): fewer write requests per tracked write. A tracked write
    // cost three write requests per record (record, oplog entry, field clocks) plus reads; now
    // the field clocks live inside the record row (rowClocks.ts) and the oplog is written as one
    // row per ~1,000 ops (opChunks.ts). The upgrade moves every op and clock over
    // (chunkedLogUpgrade.ts); the old stores go once it has run.
    version: 14,
    stores: { opChunks: '[first+n], *heads, *records', oplog: null, fieldClocks: null },
    upgrade: moveToChunkedLog,
  },
  {
    // 科技特派员 bench (issue 12): one summary row per (agreement, service year), local and
    // derived like the facts — filled here from the facts v12 derived; written from now on by
    // the serviceYearSummaries middleware in each log or agreement write's transaction.
    version: 15,
    stores: { serviceYearSummaries: '[agreementId+start]' },
    upgrade: fillServiceYearSummaries,
  },
  {
    // Ledger screens at 100,000 rows (issue 9): the roster's 提醒 and this year's figures come
    // from a digest per advisor kept by the write path (advisorDigests.ts), not from reading
    // every child table. The upgrade derives the digests of the records on file.
    version: 16,
    stores: { advisorDigests: 'advisorId' },
    upgrade: fillAdvisorDigests,
  },
  {
    // 附件 (issue 11): ledgers filter 有/无附件 by a derived count per record, kept by the
    // attachment write path (attachments/counts.ts); the attachments on file are counted here.
    version: 17,
    stores: { attachmentCounts: '[table+id]' },
    upgrade: fillAttachmentCounts,
  },
  {
    // Tracked writes near raw speed (issue 10): every index is one more B-tree entry per record
    // written, and on disk a tracked write's time is mostly such entries. No query ever used the
    // key rows' pinyin and initials indexes (a ledger's pinyin search runs in its in-memory
    // KeyIndex, shared/search/keyIndex.ts), yet each cost two entries per keyed record: about
    // 0.6× a raw bulkPut's time at 20,000 advisors. Dropping an index moves no data.
    version: 18,
    stores: { ledgerKeys: '[table+id], [table+live+updatedAt]' },
  },
  {
    // Tracked writes near raw speed (issue 10): a paged ledger's key row was a second row per
    // record, and writing it cost about as much as the record itself (row count, not bytes, is
    // what a write pays for). The key's stored part — pinyin and the recent-first values — now
    // lives inside the record row, hidden like the field clocks (ledgerKeys.ts, rowClocks.ts),
    // with the recent-first index on the ledger table; the rest is read off the record. The
    // upgrade derives every record's key here and the key rows go.
    version: 19,
    stores: {
      advisors: 'id, name, status, updatedAt, [$key.live+$key.at]',
      commissioners: 'id, name, status, teamId, [$key.live+$key.at]',
      ledgerKeys: null,
    },
    upgrade: foldLedgerKeys,
  },
  {
    // Issuing a 聘书 (issue 9): the next number is one past the largest used, and "used" includes
    // numbers on advisor records without a register row. Those were found by reading every
    // advisor (1–2 s at 100,000); an index on the number gives them as keys. Most advisors have
    // no number and so no entry. IndexedDB fills a new index from the records on file itself.
    version: 20,
    stores: { advisors: 'id, name, status, updatedAt, certificateNumber, [$key.live+$key.at]' },
  },
  {
    // Issuing a 聘书 within 50 ms at 100,000 advisors (issue 9): the number indexes of v20 give a
    // year's numbers only with their whole rows (~150 ms for 2,381 numbers). A derived table keyed
    // by the number itself gives them as keys (certificateNumbers.ts); the upgrade fills it from
    // the numbers on file.
    version: 21,
    stores: { certificateNumbers: 'number' },
    upgrade: fillCertificateNumbers,
  },
  // Append new versions here. Never edit or reorder the ones above once released.
];

/**
 * The plan that items written before plans existed are put under. Its id is fixed so that every
 * machine, running this upgrade on its own, creates the same plan (the upgrade is not tracked).
 */
export const UNFILED_RECTIFICATION_PLAN_ID = '6f1d2c4e-8a3b-4e5f-9c7d-0b1a2e3f4d5c';

/**
 * v10 upgrade of 整改事项 from the stub shape: no plan (→ the unfiled plan), 整改检验形式 under
 * `verificationForms`, a stored 逾期 status (now computed from the date → 推进中), and an item
 * already 已完成 without a date keeps its status with the plan date as the completion date.
 * Nothing is dropped: a field this version does not know stays on the record.
 */
async function upgradeRectificationItems(tx: Transaction): Promise<void> {
  const items = tx.table('rectificationItems');
  let needsPlan = false;
  let earliestYear: number | undefined;
  await items.toCollection().modify((item: Record<string, unknown>) => {
    if (typeof item.planId !== 'string') {
      item.planId = UNFILED_RECTIFICATION_PLAN_ID;
      needsPlan = true;
      const year = typeof item.plannedDate === 'string' ? Number(item.plannedDate.slice(0, 4)) : NaN;
      if (Number.isInteger(year) && year >= 2000 && year <= 2100) earliestYear = Math.min(earliestYear ?? year, year);
    }
    if (item.verificationForms !== undefined && item.verificationForm === undefined) {
      item.verificationForm = item.verificationForms;
      delete item.verificationForms;
    }
    if (item.status === '逾期') item.status = '推进中';
    if (item.status === '已完成' && typeof item.completedDate !== 'string' && typeof item.plannedDate === 'string') {
      item.completedDate = item.plannedDate;
    }
  });
  if (needsPlan && !(await tx.table('rectificationPlans').get(UNFILED_RECTIFICATION_PLAN_ID))) {
    const now = new Date().toISOString();
    const themes: string[] = [...defaultRectificationThemes];
    const itemThemes: string[] = [];
    const divisions: string[] = [];
    await items.toCollection().each((item: Record<string, unknown>) => {
      if (item.planId !== UNFILED_RECTIFICATION_PLAN_ID) return;
      if (typeof item.theme === 'string' && !themes.includes(item.theme) && !itemThemes.includes(item.theme)) itemThemes.push(item.theme);
      for (const d of Array.isArray(item.responsibleDivisions) ? item.responsibleDivisions : []) {
        if (typeof d === 'string' && !divisions.includes(d)) divisions.push(d);
      }
    });
    await tx.table('rectificationPlans').add({
      id: UNFILED_RECTIFICATION_PLAN_ID,
      name: '未归入方案的整改事项',
      // The plan answers the year before its items are due (2020年度 feedback, 2021 deadlines).
      year: earliestYear !== undefined ? earliestYear - 1 : new Date().getFullYear(),
      feedbackSource: '升级前录入的整改事项',
      themes: [...themes, ...itemThemes],
      divisions,
      createdAt: now,
      updatedAt: now,
    });
  }
}

/**
 * v11 upgrade of 厅市会商 records from the first shape, deterministic so every node computes the
 * same values without change tracking:
 * - a round's stored status becomes stage dates: the old meetingDate is the 会议召开 date, and
 *   also the 签署 date once the round was 已签署 or later (the meeting is where it is signed,
 *   seed 002 第十七条); an old urgentReason becomes a 紧急 exception with that reason;
 * - topics get their number (seq) per round in creation order (id breaks ties), the old
 *   responsibleDivision becomes the 厅's division, and funding 0.
 * The old fields stay on the record (a field this version does not know is not removed).
 */
async function upgradeConsultationRecords(tx: Transaction): Promise<void> {
  await tx
    .table('consultationRounds')
    .toCollection()
    .modify((r: Record<string, unknown>) => {
      if (r.stageDates && typeof r.stageDates === 'object') return;
      const stageDates: Record<string, string> = {};
      if (typeof r.meetingDate === 'string') {
        stageDates['会议召开'] = r.meetingDate;
        if (r.status === '已签署' || r.status === '实施中' || r.status === '已完成') stageDates['签署'] = r.meetingDate;
      }
      r.stageDates = stageDates;
      if (typeof r.urgentReason === 'string' && r.urgentReason.trim() && !r.exceptionKind) {
        r.exceptionKind = '紧急';
        r.exceptionReason = r.urgentReason;
      }
    });
  const perRound = new Map<string, { id: string; createdAt: string }[]>();
  await tx
    .table('consultationTopics')
    .toCollection()
    .each((t: { id: string; roundId: string; createdAt: string; seq?: unknown }) => {
      if (typeof t.seq === 'number') return;
      const list = perRound.get(t.roundId) ?? [];
      list.push({ id: t.id, createdAt: t.createdAt });
      perRound.set(t.roundId, list);
    });
  const seqOf = new Map<string, number>();
  for (const list of perRound.values()) {
    list.sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : 1));
    list.forEach((t, i) => seqOf.set(t.id, i + 1));
  }
  await tx
    .table('consultationTopics')
    .toCollection()
    .modify((t: Record<string, unknown>) => {
      if (typeof t.seq !== 'number') t.seq = seqOf.get(t.id as string) ?? 1;
      if (typeof t.responsibleDivision === 'string' && t.departmentDivision === undefined) t.departmentDivision = t.responsibleDivision;
      if (typeof t.funding !== 'number') t.funding = 0;
    });
}

/**
 * v9 upgrade, deterministic so every node computes the same values without change tracking:
 * - agreements without a status: 生效 when the service period is filled in, else 草拟;
 * - service logs without an enterpriseId take their agreement's, so the [enterpriseId+date]
 *   index finds them. Nothing else changes: a log whose days no longer fit (e.g. 3 days on one
 *   date) stays as stored and the form asks for a correction when it is next edited.
 */
async function commissionerRecordsV11(tx: Transaction): Promise<void> {
  const enterpriseOf = new Map<string, string>();
  await tx
    .table('cooperationAgreements')
    .toCollection()
    .modify((a: { id: string; enterpriseId?: string; status?: string; startDate?: string; endDate?: string }) => {
      if (a.enterpriseId) enterpriseOf.set(a.id, a.enterpriseId);
      if (!a.status) a.status = a.startDate && a.endDate ? '生效' : '草拟';
    });
  await tx
    .table('serviceLogs')
    .toCollection()
    .modify((l: { agreementId?: string | null; enterpriseId?: string }) => {
      if (!l.enterpriseId && l.agreementId && enterpriseOf.has(l.agreementId)) l.enterpriseId = enterpriseOf.get(l.agreementId);
    });
}

/**
 * v3 upgrade: fieldClocks of every record from its oplog history (per field, the largest opId
 * that wrote it — what shared/sync advanceClocks computes op by op). Walks the oplog in
 * opId order with a cursor so memory is one entry per record, not per op.
 */
async function rebuildFieldClocks(tx: Transaction): Promise<void> {
  const clocks = new Map<string, { table: string; id: string; clocks: Record<string, string> }>();
  await tx
    .table('oplog')
    .orderBy(':id')
    .each((op: { opId: string; table: string; id: string; fields: Record<string, unknown>; unset?: string[]; deleted: boolean }) => {
      const key = `${op.table}\u0000${op.id}`;
      let row = clocks.get(key);
      if (!row) clocks.set(key, (row = { table: op.table, id: op.id, clocks: {} }));
      const written = op.deleted ? ['deletedAt'] : [...Object.keys(op.fields), ...(op.unset ?? [])];
      for (const f of written) row.clocks[f] = op.opId; // opId order: the last write wins
    });
  if (clocks.size > 0) await tx.table('fieldClocks').bulkPut([...clocks.values()]);
}

export const latestSchemaVersion = schemaVersions[schemaVersions.length - 1].version;

/** The stores all versions add up to (what an up-to-date database has). */
export function cumulativeStores(versions: readonly SchemaVersion[] = schemaVersions): Record<string, string> {
  const stores: Record<string, string | null> = {};
  for (const v of versions) Object.assign(stores, v.stores);
  return Object.fromEntries(Object.entries(stores).filter((entry): entry is [string, string] => entry[1] !== null));
}
