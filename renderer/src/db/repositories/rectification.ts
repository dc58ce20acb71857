import { canImport, pastedAdditions, type PastedPlan } from '../../../../shared/domain/rectification/paste-import';
import {
  checkItemAgainstPlan,
  withName,
  type RectificationItem,
  type RectificationPlan,
  type RectificationProgressNote,
  type RectificationStatus,
} from '../../../../shared/domain/rectification/schema';
import type { SciLedgerDb } from '../database';
import { LedgerRepository, RecordNotFoundError, type CreateInput, type UpdateInput } from '../ledgerRepository';

/**
 * The only code that writes 整改台账 records (plans, items, progress notes). Every write goes
 * through LedgerRepository — validated with the shared schema and change-tracked — and every
 * multi-record step is one transaction, so a refused step leaves nothing half-written.
 */

/** A step refused with a Chinese reason; nothing was written. */
export class RectificationRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RectificationRefusedError';
  }
}

const repo = (db: SciLedgerDb) => new LedgerRepository(db);
const isActive = (r: { deletedAt?: string | null } | undefined) => !!r && !r.deletedAt;
const tables = (db: SciLedgerDb) => [db.rectificationPlans, db.rectificationItems, db.rectificationProgressNotes];

async function activePlan(db: SciLedgerDb, planId: string): Promise<RectificationPlan> {
  const plan = await db.rectificationPlans.get(planId);
  if (!isActive(plan)) throw new RecordNotFoundError('rectificationPlans', planId);
  return plan!;
}

async function activeItem(db: SciLedgerDb, itemId: string): Promise<RectificationItem> {
  const item = await db.rectificationItems.get(itemId);
  if (!isActive(item)) throw new RecordNotFoundError('rectificationItems', itemId);
  return item!;
}

/** Active items of a plan in 序号 order (the [planId+seq] index). */
export async function planItems(db: SciLedgerDb, planId: string): Promise<RectificationItem[]> {
  const items = await db.rectificationItems.where('[planId+seq]').between([planId, -Infinity], [planId, Infinity]).toArray();
  return items.filter(isActive);
}

/** Active items a division is responsible for, across plans (multi-entry index). */
export async function divisionItems(db: SciLedgerDb, division: string): Promise<RectificationItem[]> {
  return (await db.rectificationItems.where('responsibleDivisions').equals(division.trim()).toArray()).filter(isActive);
}

/** An item's progress history, oldest first. */
export async function progressNotes(db: SciLedgerDb, itemId: string): Promise<RectificationProgressNote[]> {
  const notes = await db.rectificationProgressNotes.where('[itemId+date]').between([itemId, ''], [itemId, '\uffff']).toArray();
  return notes.filter(isActive);
}

// --- plans -------------------------------------------------------------------------------------

export function createPlan(db: SciLedgerDb, fields: CreateInput<'rectificationPlans'>): Promise<RectificationPlan> {
  return repo(db).create('rectificationPlans', fields);
}

export function updatePlan(db: SciLedgerDb, id: string, changes: UpdateInput<'rectificationPlans'>): Promise<RectificationPlan> {
  return db.transaction('rw', tables(db), async () => {
    const plan = await activePlan(db, id);
    // A 主题 or 处室 still used by an item stays in the lists.
    const next = { themes: changes.themes ?? plan.themes, divisions: changes.divisions ?? plan.divisions };
    for (const item of await planItems(db, id)) {
      const problems = checkItemAgainstPlan(item, next);
      if (problems.length > 0) throw new RectificationRefusedError(`第 ${item.seq} 项仍在使用：${problems.join('；')}`);
    }
    return repo(db).update('rectificationPlans', id, changes);
  });
}

/** Adds a 主题 to the plan's list (the list starts with the seed's five). */
export function addTheme(db: SciLedgerDb, planId: string, theme: string): Promise<RectificationPlan> {
  return db.transaction('rw', tables(db), async () => {
    const plan = await activePlan(db, planId);
    return repo(db).update('rectificationPlans', planId, { themes: withName(plan.themes, theme) });
  });
}

export function addDivision(db: SciLedgerDb, planId: string, division: string): Promise<RectificationPlan> {
  return db.transaction('rw', tables(db), async () => {
    const plan = await activePlan(db, planId);
    return repo(db).update('rectificationPlans', planId, { divisions: withName(plan.divisions, division) });
  });
}

// --- items -------------------------------------------------------------------------------------

async function checkSeqFree(db: SciLedgerDb, planId: string, seq: number, exceptId?: string): Promise<void> {
  const holders = (await db.rectificationItems.where('[planId+seq]').equals([planId, seq]).toArray()).filter((i) => isActive(i) && i.id !== exceptId);
  if (holders.length > 0) throw new RectificationRefusedError(`序号 ${seq} 已被本方案的另一项使用`);
}

async function checkAgainstPlan(db: SciLedgerDb, item: Pick<RectificationItem, 'planId' | 'theme' | 'responsibleDivisions'>): Promise<void> {
  const problems = checkItemAgainstPlan(item, await activePlan(db, item.planId));
  if (problems.length > 0) throw new RectificationRefusedError(`${problems.join('；')}，请先添加`);
}

export function createItem(db: SciLedgerDb, fields: CreateInput<'rectificationItems'>): Promise<RectificationItem> {
  return db.transaction('rw', tables(db), async () => {
    await checkAgainstPlan(db, fields as RectificationItem);
    await checkSeqFree(db, fields.planId, fields.seq);
    return repo(db).create('rectificationItems', fields);
  });
}

/** Edits an item's plan fields; progress (status and its dates) goes through recordProgress. */
export type ItemChanges = Omit<UpdateInput<'rectificationItems'>, 'status' | 'startedDate' | 'completedDate' | 'planId'>;

export function updateItem(db: SciLedgerDb, id: string, changes: ItemChanges): Promise<RectificationItem> {
  const { status: _s, startedDate: _a, completedDate: _c, planId: _p, ...own } = changes as ItemChanges & Record<string, unknown>;
  return db.transaction('rw', tables(db), async () => {
    const item = await activeItem(db, id);
    const merged = { ...item, ...own } as RectificationItem;
    await checkAgainstPlan(db, merged);
    if (own.seq !== undefined) await checkSeqFree(db, item.planId, own.seq as number, id);
    return repo(db).update('rectificationItems', id, own as UpdateInput<'rectificationItems'>);
  });
}

/** 主题 and 处室 the clerk chose to add to the plan's lists while filling in an item. */
export interface NewPlanNames {
  themes: readonly string[];
  divisions: readonly string[];
}

/**
 * Saves an item from the item form (a new one without `id`): the names the clerk added in the
 * form join the plan's lists and the item is written in the same transaction, so a refused item
 * leaves the lists as they were. A name not explicitly added is still refused (请先添加).
 */
export function saveItemWithNames(
  db: SciLedgerDb,
  planId: string,
  id: string | undefined,
  fields: CreateInput<'rectificationItems'>,
  added: NewPlanNames,
): Promise<RectificationItem> {
  return db.transaction('rw', tables(db), async () => {
    const plan = await activePlan(db, planId);
    const themes = added.themes.reduce<string[]>((list, name) => withName(list, name), [...plan.themes]);
    const divisions = added.divisions.reduce<string[]>((list, name) => withName(list, name), [...plan.divisions]);
    if (themes.length !== plan.themes.length || divisions.length !== plan.divisions.length) {
      await repo(db).update('rectificationPlans', planId, { themes, divisions });
    }
    return id ? updateItem(db, id, fields as ItemChanges) : createItem(db, { ...fields, planId });
  });
}

export const removeItem = (db: SciLedgerDb, id: string) => repo(db).remove('rectificationItems', id);
export const restoreItem = (db: SciLedgerDb, id: string) => repo(db).restore('rectificationItems', id);

export interface ProgressStep {
  date: string;
  note: string;
  status: RectificationStatus;
  author?: string;
  /** Required when the step completes the item; defaults to the note's date. */
  completedDate?: string;
}

/**
 * One progress step: the note joins the history and the item takes its status, in one
 * transaction. Moving to 推进中 sets the start date (the note's date) if there was none;
 * completing sets the completion date; going back from 已完成 clears it. The schema's cross-field
 * rules (完成日期不能早于开始推进日期 …) refuse a bad step before anything is written.
 */
export function recordProgress(db: SciLedgerDb, itemId: string, step: ProgressStep): Promise<{ item: RectificationItem; note: RectificationProgressNote }> {
  return db.transaction('rw', tables(db), async () => {
    const item = await activeItem(db, itemId);
    const changes: Record<string, unknown> = { status: step.status };
    if (step.status === '未启动') {
      changes.startedDate = undefined;
      changes.completedDate = undefined;
    } else {
      changes.startedDate = item.startedDate ?? step.date;
      changes.completedDate = step.status === '已完成' ? (step.completedDate ?? step.date) : undefined;
    }
    const updated = await repo(db).update('rectificationItems', itemId, changes as UpdateInput<'rectificationItems'>);
    const note = await repo(db).create('rectificationProgressNotes', { itemId, date: step.date, note: step.note, status: step.status, author: step.author });
    return { item: updated, note };
  });
}

// --- paste-in ----------------------------------------------------------------------------------

/**
 * Saves a pasted plan previewed by parsePastedPlan: all rows or none. The 主题 and 处室 the paste
 * introduces are added to the plan only when `confirmAdditions` is set (the user said 添加);
 * otherwise a row that needs one refuses the whole import. 序号 already used in the plan refuse it
 * too. Returns the created items in 序号 order.
 */
export function importPastedItems(db: SciLedgerDb, planId: string, pasted: PastedPlan, confirmAdditions: boolean): Promise<RectificationItem[]> {
  return db.transaction('rw', tables(db), async () => {
    if (!canImport(pasted)) {
      const bad = pasted.rows.filter((r) => r.errors.length > 0).map((r) => `第 ${r.line} 行`);
      throw new RectificationRefusedError(pasted.problem ?? `粘贴的内容有误（${bad.join('、')}），未导入任何事项`);
    }
    const plan = await activePlan(db, planId);
    const additions = pastedAdditions(pasted.rows);
    const newThemes = additions.themes.filter((t) => !plan.themes.includes(t));
    const newDivisions = additions.divisions.filter((d) => !plan.divisions.includes(d));
    if ((newThemes.length > 0 || newDivisions.length > 0) && !confirmAdditions) {
      const named = [...newThemes.map((t) => `主题“${t}”`), ...newDivisions.map((d) => `处室“${d}”`)];
      throw new RectificationRefusedError(`${named.join('、')}不在本方案的列表中，请确认添加后再导入`);
    }
    if (newThemes.length > 0 || newDivisions.length > 0) {
      await repo(db).update('rectificationPlans', planId, { themes: [...plan.themes, ...newThemes], divisions: [...plan.divisions, ...newDivisions] });
    }
    const created: RectificationItem[] = [];
    for (const row of pasted.rows) {
      const draft = row.draft!;
      await checkSeqFree(db, planId, draft.seq);
      created.push(await repo(db).create('rectificationItems', { ...draft, planId }));
    }
    return created.sort((a, b) => a.seq - b.seq);
  });
}
