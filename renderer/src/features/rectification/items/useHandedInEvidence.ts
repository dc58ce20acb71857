import type { RectificationItem } from '../../../../../shared/domain/rectification/schema';
import { useAttachmentList } from '../../attachments';

/**
 * What an item's evidence check reads (issue 14): the clerk's note of what was handed in and
 * the names of the item's live 附件, so an attached 培训签到表.pdf covers "培训签到表".
 */
export function useHandedInEvidence(item: RectificationItem | null): string[] {
  const files = useAttachmentList('rectificationItems', item?.id ?? '');
  if (!item) return [];
  const live = (files ?? []).filter((f) => f.deletedAt === undefined || f.deletedAt === null).map((f) => f.name);
  return [...(item.evidenceNotes ? [item.evidenceNotes] : []), ...live];
}
