import { pt } from '../i18n/page';
import type { BadgeLevel } from '../messaging/types';
import type { Channel, ChannelVerdict } from '../vocab';

// Content scripts' words, in the language of the settings (lib/i18n/page: loadPageStrings first).

export function levelWord(level: BadgeLevel): string {
  return pt(`common_level_${level}`);
}

export function channelVerdictWord(verdict: ChannelVerdict): string {
  return pt(`common_verdict_${verdict}`);
}

export function channelLabel(channel: Channel): string {
  return pt(`common_channel_${channel}`);
}

export const LEVEL_COLOUR: Record<BadgeLevel, string> = {
  blocked: '#b42318',
  high: '#c4320a',
  caution: '#93370d',
  ok: '#067647',
  unknown: '#475467',
};
