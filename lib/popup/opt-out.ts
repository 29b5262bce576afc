import { t } from '../i18n';
import { channelList } from '../i18n/words';
import { recordedChannels } from '../store/commands/opt-out';
import { CHANNELS, type Channel, reasonAllowsChannelScope, type SuppressionReason } from '../vocab';

// What the popup's opt-out form says; the recording itself is a store command (lib/store/commands/opt-out.ts).

/** The reasons a rep can record from the popup, in the order shown; the first is the most common. */
export const OPT_OUT_REASONS: readonly { value: SuppressionReason; label: string }[] = [
  { value: 'objection', label: 'Objected to marketing' },
  { value: 'unsubscribe', label: 'Unsubscribed' },
  { value: 'erasure', label: 'Asked for erasure' },
  { value: 'do-not-call', label: 'Do not call' },
  { value: 'bounce', label: 'Bounced' },
  { value: 'complaint', label: 'Complained' },
];

export function reasonLabel(reason: SuppressionReason): string {
  return OPT_OUT_REASONS.find((r) => r.value === reason)?.label ?? reason;
}

const CHANNEL_NAME: Record<Channel, string> = {
  email: 'email',
  sms: 'SMS',
  phone: 'phone',
  post: 'post',
  inmail: 'InMail',
};

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
  if (blocked === 'all') return 'every channel';
  return `${joinAnd(blocked.map((c) => CHANNEL_NAME[c]))} only`;
}

function joinAnd(names: string[]): string {
  return names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names.at(-1)}` : (names[0] ?? '');
}

/** The form's one sentence of what saving will block: "Will block: Email and SMS". */
export function willBlockSentence(blocked: 'all' | readonly Channel[]): string {
  return t(
    'popup_optout_will_block',
    blocked === 'all' ? t('popup_optout_every_channel', channelList(CHANNELS)) : channelList(blocked),
  );
}
