import type { Channel } from '../vocab';

const CHANNEL_LABELS: Readonly<Record<Channel, string>> = {
  email: 'Email',
  sms: 'SMS',
  phone: 'Phone',
  post: 'Post',
  inmail: 'InMail',
};

export function channelLabel(channel: Channel): string {
  return CHANNEL_LABELS[channel];
}

/** "Email", "Email and SMS", "Email, SMS and InMail". */
export function listChannels(channels: readonly Channel[]): string {
  const labels = channels.map(channelLabel);
  if (labels.length <= 1) return labels[0] ?? '';
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
