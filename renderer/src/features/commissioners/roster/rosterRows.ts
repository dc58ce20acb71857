import type { Compliance } from '../../../../../shared/domain/commissioners/compliance';
import type { Commissioner } from '../../../../../shared/domain/commissioners/schema';
import type { LedgerKeyRow } from '../../../../../shared/search/ledgerKeys';
import type { RosterFigures } from '../../../db/repositories/commissionerFiles';

export interface CommissionerRosterRow {
  commissioner: Commissioner;
  figures: RosterFigures;
  /** Drawn from the key row alone: dispatch and compliance show "…" until the records arrive. */
  pending?: boolean;
}

/** A roster row from its key row, shown for the moment until the commissioner's records are read. */
export function rosterRowFromKey(key: LedgerKeyRow): CommissionerRosterRow {
  const text = (f: string) => (key.fields[f] == null ? undefined : String(key.fields[f]));
  const commissioner = {
    id: key.id,
    name: key.name,
    status: text('status'),
    gender: text('gender'),
    dispatchUnit: text('dispatchUnit') ?? '',
    degree: text('degree'),
    academicTitle: text('academicTitle'),
    field: text('field'),
    mobile: text('mobile'),
    teamId: text('teamId'),
    isPriority: key.fields.isPriority === true,
    priorityFlags: [],
    disqualificationReasons: [],
    createdAt: key.updatedAt,
    updatedAt: key.updatedAt,
  } as unknown as Commissioner;
  return { commissioner, figures: { reminders: [] }, pending: true };
}

export const complianceColors: Record<Compliance['state'], string> = { 达标: 'green', 进行中: 'blue', 进度落后: 'orange', 未达标: 'red', 未开始: 'default' };

/** "3 次 / 12.5 天" of the current service year. */
export function complianceText(c: Compliance | undefined): string {
  return c ? `${c.visits} 次 / ${c.days} 天` : '';
}
