import type { BadgeLevel, ChannelVerdict } from '../messaging/types';

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
