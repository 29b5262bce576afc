import type { BadgeLevel, ChannelVerdict } from '../messaging/types';
import type { Channel } from '../vocab';

export const LEVEL_WORD: Record<BadgeLevel, string> = {
  blocked: 'Blocked',
  high: 'High risk',
  caution: 'Caution',
  ok: 'OK',
  unknown: 'Unknown',
};

export const LEVEL_COLOUR: Record<BadgeLevel, string> = {
  blocked: '#b42318',
  high: '#c4320a',
  caution: '#93370d',
  ok: '#067647',
  unknown: '#475467',
};

export const CHANNEL_WORD: Record<ChannelVerdict, string> = {
  allowed: 'Allowed',
  check: 'Check',
  blocked: 'Blocked',
};

export const CHANNEL_LABEL = {
  email: 'Email',
  sms: 'SMS',
  phone: 'Phone',
  post: 'Post',
  inmail: 'InMail',
} as const;

// The content script must not import lib/vocab (it would pull Zod into its bundle), so the order lives here too.
export const CHANNEL_ORDER: readonly Channel[] = ['email', 'sms', 'phone', 'post', 'inmail'];
