import { formatList, t } from '../i18n';
import { recordedChannels } from '../store/commands/opt-out';
import {
  CHANNELS,
  type Channel,
  reasonAllowsChannelScope,
  SUPPRESSION_REASONS,
  type SuppressionReason,
} from '../vocab';
import { channelList, SUPPRESSION_REASON_LABEL } from '../vocab/labels';

// What the popup's opt-out form says; the recording itself is a store command (lib/store/commands/opt-out.ts).

/** The reasons a rep can record from the popup, in the order shown (the first is the most common), with their label. */
export const OPT_OUT_REASONS: readonly { value: SuppressionReason; readonly label: string }[] =
  SUPPRESSION_REASONS.filter((r) => r !== 'other').map((value) => ({
    value,
    get label() {
      return SUPPRESSION_REASON_LABEL[value];
    },
  }));

export function reasonLabel(reason: SuppressionReason): string {
  return SUPPRESSION_REASON_LABEL[reason];
}

/** A channel's name inside a sentence ("email and SMS only"): lower case where the language writes it so. */
function channelInSentence(c: Channel): string {
  return t(`popup_chan_${c}`);
}

/**
 * The channels a recording with this reason on a list with these channels blocks: 'all', or a channel list.
 * Mirrors the lookup (lib/store/lookup.ts scopeOf): the reason's channels within the list's, never wider.
 */
export function channelsBlocked(
  reason: SuppressionReason,
  listChannels: readonly Channel[] | undefined,
  chosen?: readonly Channel[],
): 'all' | Channel[] {
  if (!reasonAllowsChannelScope(reason)) return 'all';
  const own = recordedChannels(reason, chosen);
  const list = listChannels && listChannels.length > 0 ? listChannels : undefined;
  if (!own) return list ? [...list] : 'all';
  if (!list) return own;
  const both = own.filter((c) => list.includes(c));
  return both.length > 0 ? both : [...list];
}

/** "every channel" or "email and SMS only", for saying what a recording will block before it is made. */
export function describeChannelsBlocked(blocked: 'all' | readonly Channel[]): string {
  if (blocked === 'all') return t('popup_blocks_every');
  return t('popup_blocks_only', formatList(blocked.map(channelInSentence)));
}

/** The form's one sentence of what saving will block: "Will block: Email and SMS". */
export function willBlockSentence(blocked: 'all' | readonly Channel[]): string {
  return t(
    'popup_optout_will_block',
    blocked === 'all' ? t('popup_optout_every_channel', channelList(CHANNELS)) : channelList(blocked),
  );
}
