import { formatList, getLanguage, t, translated } from '../i18n';
import type {
  Channel,
  ChannelVerdict,
  ColumnRole,
  EntryKind,
  Level,
  Subscriber,
  SuppressionReason,
} from './index';
import { COUNTRIES_BEYOND_EEA, EEA_COUNTRIES } from './index';

// The words a person reads for the shared vocabulary (./index.ts), in the page's language, for extension pages
// and the background. Content scripts carry no catalog: they say the same words through pt('common_…')
// (lib/badge/words.ts).

export function levelWord(level: Level | 'unknown'): string {
  return t(`common_level_${level}`);
}

export function verdictWord(verdict: ChannelVerdict): string {
  return t(`common_verdict_${verdict}`);
}

export function channelWord(channel: Channel): string {
  return t(`common_channel_${channel}`);
}

/** "Email, SMS and InMail" in the current language. */
export function channelList(channels: readonly Channel[]): string {
  return formatList(channels.map(channelWord));
}

export const ENTRY_KIND_LABEL: Readonly<Record<EntryKind, string>> = translated({
  email: 'lists_kind_email',
  md5: 'lists_kind_md5',
  sha1: 'lists_kind_sha1',
  sha256: 'lists_kind_sha256',
  sha512: 'lists_kind_sha512',
  domain: 'lists_kind_domain',
  profile: 'lists_kind_profile',
  salesnav: 'lists_kind_salesnav',
  phone: 'lists_kind_phone',
});

/** A suppression's reason, as the popup's opt-out form, the list table and the import say it. */
export const SUPPRESSION_REASON_LABEL: Readonly<Record<SuppressionReason | 'unknown', string>> = translated({
  objection: 'lists_reason_objection',
  unsubscribe: 'lists_reason_unsubscribe',
  erasure: 'lists_reason_erasure',
  'do-not-call': 'lists_reason_do_not_call',
  bounce: 'lists_reason_bounce',
  complaint: 'lists_reason_complaint',
  other: 'lists_reason_other',
  unknown: 'lists_reason_unknown',
});

/** What an import column holds, in the import wizard's mapping menu. */
export const COLUMN_ROLE_LABEL: Readonly<Record<ColumnRole, string>> = translated({
  email: 'lists_role_email',
  md5: 'lists_role_md5',
  sha1: 'lists_role_sha1',
  sha256: 'lists_role_sha256',
  sha512: 'lists_role_sha512',
  hash: 'lists_role_hash',
  domain: 'lists_role_domain',
  profile: 'lists_role_profile',
  salesnav: 'lists_role_salesnav',
  phone: 'lists_role_phone',
  auto: 'lists_role_auto',
  kind: 'lists_role_kind',
  reason: 'lists_role_reason',
  date: 'lists_role_date',
  ignore: 'lists_role_ignore',
});

/** A subscriber type (PECR's individual vs corporate subscriber); `unknown` is "Not recorded". */
export const SUBSCRIBER_LABEL: Readonly<Record<Subscriber, string>> = translated({
  individual: 'popup_lb_sub_individual',
  'sole-trader': 'popup_lb_sub_sole_trader',
  partnership: 'popup_lb_sub_partnership',
  llp: 'popup_lb_sub_llp',
  corporate: 'popup_lb_sub_corporate',
  'public-body': 'popup_lb_sub_public_body',
  unknown: 'popup_lb_not_recorded',
});

/**
 * The countries a person picks from, by their name in `lang` (the page's language unless told), sorted as that
 * language sorts. Names come from the browser (Intl.DisplayNames), so no country table is shipped.
 */
export function countryChoices(lang: string = getLanguage()): { code: string; name: string }[] {
  let names: Intl.DisplayNames | null;
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
  } catch {
    names = null;
  }
  return [...EEA_COUNTRIES, ...COUNTRIES_BEYOND_EEA]
    .map((code) => ({ code, name: names?.of(code) ?? code }))
    .sort((a, b) => a.name.localeCompare(b.name, lang));
}
