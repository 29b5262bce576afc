import type { OptOutReceipt } from '../store/commands/opt-out';
import type { SuppressionList } from '../store/schemas';
import type { Channel, SuppressionReason } from '../vocab';
import { plural } from './counts';
import { channelsBlocked, describeChannelsBlocked, reasonLabel } from './opt-out';

/** What the rep reads after recording an opt-out: where, why, and what the list already had. */
export function describeOptOut(
  receipt: OptOutReceipt,
  list: Pick<SuppressionList, 'name' | 'channels'> | undefined,
  reason: SuppressionReason,
  chosen?: readonly Channel[],
): string {
  const where = list ? `“${list.name}”` : 'the list';
  const blocks = describeChannelsBlocked(channelsBlocked(reason, list?.channels, chosen));
  const parts = [`Opt-out recorded on ${where} (${reasonLabel(reason)}, blocks ${blocks})`];
  if (receipt.added.length > 0) parts.push(`${plural(receipt.added.length, 'entry', 'entries')} added`);
  if (receipt.alreadyPresent > 0) parts.push(`${receipt.alreadyPresent} already there`);
  if (receipt.rejected.length > 0) {
    const r = receipt.rejected[0];
    parts.push(`${plural(receipt.rejected.length, 'identifier')} skipped (${r?.kind} ${r?.reason})`);
  }
  return `${parts.join('; ')}.`;
}

export function describeOptOutUndo(removed: number): string {
  return removed > 0
    ? `Opt-out undone: ${plural(removed, 'entry', 'entries')} removed.`
    : 'Nothing to undo: the list had these entries before.';
}
