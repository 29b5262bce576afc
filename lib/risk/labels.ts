import { CATALOG } from '../i18n/catalog';
import type { Channel } from '../vocab';

// The engine writes its reasons in English (docs/rules.md, golden tests; lib/i18n/reasons.ts translates them), with
// the channel names the English pages show.

export function englishChannelName(channel: Channel): string {
  return CATALOG.en[`common_channel_${channel}`];
}

/** "Email", "Email and SMS", "Email, SMS and InMail". */
export function englishChannelList(channels: readonly Channel[]): string {
  const labels = channels.map(englishChannelName);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
