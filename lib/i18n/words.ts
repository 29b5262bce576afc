import type { Channel } from '../vocab';
import type { LanguageChoice } from './define';
import { formatList, t } from './index';

// The shared words, for extension pages and the background (content scripts use pt('common_…') from ./page).

export type LevelWordKey = 'blocked' | 'high' | 'caution' | 'ok' | 'unknown';

export function levelWord(level: LevelWordKey): string {
  return t(`common_level_${level}`);
}

export function verdictWord(verdict: 'allowed' | 'check' | 'blocked'): string {
  return t(`common_verdict_${verdict}`);
}

export function channelWord(channel: Channel): string {
  return t(`common_channel_${channel}`);
}

/** "Email, SMS and InMail" in the current language. */
export function channelList(channels: readonly Channel[]): string {
  return formatList(channels.map(channelWord));
}

export function languageName(choice: LanguageChoice): string {
  return t(`common_language_${choice}`);
}
