import { isOverdue } from './overdue';
import type { RectificationItem } from './schema';

/**
 * The module's views as pure filters over items (the ledger screen turns each into an index
 * query; these are the one definition of what a view contains). Tombstoned items never show.
 */
type Item = Pick<RectificationItem, 'status' | 'plannedDate' | 'responsibleDivisions' | 'responsiblePersons' | 'deletedAt'>;

const live = <T extends Item>(items: readonly T[]) => items.filter((i) => !i.deletedAt);

export function byDivision<T extends Item>(items: readonly T[], division: string): T[] {
  const name = division.trim();
  return live(items).filter((i) => i.responsibleDivisions.includes(name));
}

/** Items where the person is the responsible leader or the officer. */
export function byPerson<T extends Item>(items: readonly T[], person: string): T[] {
  const name = person.trim();
  return live(items).filter((i) => i.responsiblePersons.some((p) => p.leader === name || p.officer === name));
}

/** Open items planned for today's calendar month (YYYY-MM of `today`), overdue ones included. */
export function dueThisMonth<T extends Item>(items: readonly T[], today: string): T[] {
  const month = today.slice(0, 7);
  return live(items).filter((i) => i.status !== '已完成' && i.plannedDate.slice(0, 7) === month);
}

export function overdue<T extends Item>(items: readonly T[], today: string): T[] {
  return live(items).filter((i) => isOverdue(i, today));
}

/** Every division and person named in the items, for the views' pickers (sorted as given). */
export function namesInItems(items: readonly Item[]): { divisions: string[]; persons: string[] } {
  const divisions = new Set<string>();
  const persons = new Set<string>();
  for (const item of live(items)) {
    item.responsibleDivisions.forEach((d) => divisions.add(d));
    for (const p of item.responsiblePersons) {
      if (p.leader) persons.add(p.leader);
      if (p.officer) persons.add(p.officer);
    }
  }
  return { divisions: [...divisions], persons: [...persons] };
}
