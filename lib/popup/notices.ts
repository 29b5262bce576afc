import { t, tn } from '../i18n';
import type { OptOutReceipt } from '../store/commands/opt-out';
import type { SuppressionList } from '../store/schemas';
import type { Channel, SuppressionReason } from '../vocab';
import { channelsBlocked, describeChannelsBlocked, reasonLabel } from './opt-out';

/** What the rep reads after recording an opt-out: where, why, and what the list already had. */
export function describeOptOut(
  receipt: OptOutReceipt,
  list: Pick<SuppressionList, 'name' | 'channels'> | undefined,
  reason: SuppressionReason,
  chosen?: readonly Channel[],
): string {
  const where = list ? t('popup_notice_list_name', list.name) : t('popup_notice_the_list');
  const blocks = describeChannelsBlocked(channelsBlocked(reason, list?.channels, chosen));
  const parts = [t('popup_notice_recorded', where, reasonLabel(reason), blocks)];
  if (receipt.added.length > 0) parts.push(tn('popup_notice_added', receipt.added.length));
  if (receipt.alreadyPresent > 0) parts.push(t('popup_notice_already', receipt.alreadyPresent));
  if (receipt.rejected.length > 0) {
    const r = receipt.rejected[0];
    parts.push(tn('popup_notice_skipped', receipt.rejected.length, r?.kind ?? '', r?.reason ?? ''));
  }
  return `${parts.join('; ')}.`;
}

export function describeOptOutUndo(removed: number): string {
  return removed > 0 ? tn('popup_notice_undone', removed) : t('popup_notice_nothing_to_undo');
}
