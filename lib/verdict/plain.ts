import { getLanguage, formatList as list, type MessageKey, t, tMaybe } from '../i18n';
import { CATALOG } from '../i18n/catalog';
import { reasonPhrase } from '../i18n/reasons';
import type { AnswerReason, BadgeLevel } from '../messaging/types';
import { CHANNELS, type Channel, type ChannelVerdict, SUPPRESSION_REASONS } from '../vocab';

// Issue 20, item 1: a rep reads one plain sentence first ("Don't email — unsubscribed 30 Nov. Calls OK."); the
// rules and citations sit behind "Legal detail". This turns the engine's verdict into that sentence. It never
// changes the verdict: every channel keeps the engine's state, the sentence only words it. It is written in the
// current language (lib/i18n: the background sets it from the settings before it builds an answer).

export interface PlainInput {
  level: BadgeLevel;
  channels: Record<Channel, ChannelVerdict>;
  reasons: readonly Pick<AnswerReason, 'code' | 'level' | 'channels'>[];
  /** Exact list matches with their reason (words, as in LookupAnswer) and date; absent where dates may not go. */
  matches?: readonly { match: string; reason: string; since: string }[];
}

/**
 * The words LookupAnswer uses for a list entry's reason (lib/verdict/answer.ts): the English of `bg_list_reason_*`,
 * which the send check translates back from (lib/compose/verdicts.ts).
 */
export const REASON_WORDS: Readonly<Record<string, string>> = Object.fromEntries(
  [...SUPPRESSION_REASONS, 'unknown'].map((r) => [
    r,
    CATALOG.en[`bg_list_reason_${r.replaceAll('-', '_')}` as MessageKey],
  ]),
);

/** Reason codes with words of their own in the sentence (`verdict_why_<code>`); others use `reason_<code>`. */
const WHY = new Set([
  'lia-missing',
  'country-unknown',
  'country-not-covered',
  'subscriber-unknown',
  'email-kind-unknown',
  'phone-kind-unknown',
  'pecr-tps-unknown',
  'pecr-tps-stale',
  'dnc-unscreened',
  'art14-collected-unknown',
  'source-unknown',
  'calling-hours',
  'inmail-own-account',
]);

/** What an allowed channel still needs, in a rep's words (`verdict_cond_<key>`). */
const CONDITION: Record<string, string> = {
  'pecr-corporate': 'job_optout',
  'eprivacy-business-opt-out': 'job_optout',
  'eprivacy-legal-person-signed-off': 'job_optout',
  'can-spam-opt-out-model': 'can_spam',
  'consent-recorded': 'consented',
  'pecr-soft-opt-in': 'customer',
  'eprivacy-soft-opt-in': 'customer',
  'uwg-existing-customer': 'customer',
};

/** A condition that is a fact rather than an "if" reads after a dash ("Email OK — they consented"). */
const BECAUSE = new Set(['consented']);

/** Duties a verdict implies whatever the channel (issue 20, item 2: the Art. 14 notice in the first message). */
const DUTY = {
  'art14-notice-due': 'verdict_duty_art14_notice_due',
  'art14-notice-overdue': 'verdict_duty_art14_notice_overdue',
} as const;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "30 Nov", with the year when it is not this year's. */
export function shortDate(iso: string, now: Date): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) return undefined;
  const [, y, mo, d] = m;
  const month = MONTHS[Number(mo) - 1];
  if (!month) return undefined;
  const base = `${Number(d)} ${month}`;
  return Number(y) === now.getUTCFullYear() ? base : `${base} ${y}`;
}

/** The same short date in the current language ("30. Nov.", "30 nov."); English as shortDate writes it. */
function localShortDate(iso: string, now: Date): string | undefined {
  const english = shortDate(iso, now);
  const lang = getLanguage();
  if (english === undefined || lang === 'en') return english;
  const day = new Date(`${iso.slice(0, 10)}T12:00:00Z`);
  const thisYear = day.getUTCFullYear() === now.getUTCFullYear();
  return new Intl.DateTimeFormat(lang, {
    day: 'numeric',
    month: 'short',
    ...(thisYear ? {} : { year: 'numeric' }),
    timeZone: 'UTC',
  }).format(day);
}

function capitalised(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

const SEVERITY: Record<string, number> = { blocked: 3, high: 2, caution: 1 };

/** For each channel in `chans`, the reason at `levels` covering most of them (earliest first on ties). */
function groupByLead(
  input: PlainInput,
  chans: readonly Channel[],
  levels: readonly string[],
): { code: string | undefined; channels: Channel[] }[] {
  const groups: { code: string | undefined; channels: Channel[] }[] = [];
  for (const c of chans) {
    let best: PlainInput['reasons'][number] | undefined;
    let score = -1;
    for (const r of input.reasons) {
      if (!levels.includes(r.level) || !r.channels.includes(c)) continue;
      // The person's own opt-out leads where it applies: it is the fact a rep must not miss.
      const own = r.code.startsWith('suppressed-') ? 50 : 0;
      const s = (SEVERITY[r.level] ?? 0) * 100 + own + r.channels.filter((x) => chans.includes(x)).length;
      if (s > score) {
        best = r;
        score = s;
      }
    }
    const g = groups.find((x) => x.code === best?.code);
    if (g) g.channels.push(c);
    else groups.push({ code: best?.code, channels: [c] });
  }
  return groups;
}

function whyOf(code: string | undefined, input: PlainInput, now: Date): string {
  if (code === undefined) return '';
  if (code.startsWith('suppressed-')) {
    const reason = code.slice('suppressed-'.length);
    const words = REASON_WORDS[reason];
    const since = input.matches?.find((m) => m.match === 'exact' && m.reason === words)?.since;
    const date = since ? localShortDate(since, now) : undefined;
    const why = tMaybe(`verdict_why_${key(code)}`) ?? t('verdict_why_suppressed_other');
    return date ? t('verdict_why_dated', why, date) : why;
  }
  if (WHY.has(code)) return tMaybe(`verdict_why_${key(code)}`) ?? code;
  return reasonPhrase(code) ?? code;
}

/** A code or channel as it appears in a message key. */
function key(code: string): string {
  return code.replaceAll('-', '_');
}

/**
 * One plain sentence for a verdict: what not to do and why, what is fine and on what condition, what to check,
 * and any duty it implies. With `matches`, an opt-out carries its date ("unsubscribed 30 Nov").
 */
export function plainSentence(input: PlainInput, now: Date = new Date()): string {
  const parts: string[] = [];
  const by = (v: ChannelVerdict) => CHANNELS.filter((c) => input.channels[c] === v);
  const blocked = by('blocked');
  // A channel held at 'check' only by a duty the rep fulfils in the message itself (the Art. 14 notice is due
  // "at the latest at the first communication", Art. 14(3)(b)) reads as OK with that duty, said once below.
  const dutyOnly = (c: Channel) =>
    input.channels[c] === 'check' &&
    input.reasons.every(
      (r) => !r.channels.includes(c) || !(r.level in SEVERITY) || r.code === 'art14-notice-due',
    );
  const allowed = CHANNELS.filter((c) => input.channels[c] === 'allowed' || dutyOnly(c));
  const check = by('check').filter((c) => !dutyOnly(c));
  const verbs = (chans: readonly Channel[]) =>
    list(
      chans.map((c) => t(`verdict_verb_${c}`)),
      'disjunction',
    );

  for (const g of groupByLead(input, blocked, ['blocked'])) {
    const all = g.channels.length === CHANNELS.length;
    const why = whyOf(g.code, input, now);
    const now_ = g.code === 'calling-hours';
    if (all)
      parts.push(
        why
          ? t(now_ ? 'verdict_blocked_all_now_why' : 'verdict_blocked_all_why', why)
          : t('verdict_blocked_all'),
      );
    else {
      const what = verbs(g.channels);
      parts.push(
        why
          ? t(now_ ? 'verdict_blocked_now_why' : 'verdict_blocked_why', what, why)
          : t('verdict_blocked', what),
      );
    }
  }

  const conditions = new Map<string, Channel[]>();
  for (const c of allowed) {
    const r = input.reasons.find((x) => x.level === 'ok' && x.channels.includes(c) && CONDITION[x.code]);
    const cond = r ? (CONDITION[r.code] as string) : '';
    conditions.set(cond, [...(conditions.get(cond) ?? []), c]);
  }
  for (const [cond, chans] of conditions) {
    const words = cond ? tMaybe(`verdict_cond_${cond}`) : undefined;
    const because = BECAUSE.has(cond);
    if (chans.length === CHANNELS.length) {
      parts.push(
        words ? t(because ? 'verdict_ok_all_because' : 'verdict_ok_all_if', words) : t('verdict_ok_all'),
      );
      continue;
    }
    const subject = capitalised(
      list(
        chans.map((c) => t(`verdict_noun_${c}`)),
        'conjunction',
      ),
    );
    parts.push(
      words ? t(because ? 'verdict_ok_because' : 'verdict_ok_if', subject, words) : t('verdict_ok', subject),
    );
  }

  for (const g of groupByLead(input, check, ['high', 'caution'])) {
    const all = g.channels.length === CHANNELS.length;
    const why = whyOf(g.code, input, now);
    if (all) parts.push(why ? t('verdict_check_all_why', why) : t('verdict_check_all'));
    else {
      const what = verbs(g.channels);
      parts.push(why ? t('verdict_check_why', what, why) : t('verdict_check', what));
    }
  }

  if (blocked.length < CHANNELS.length) {
    for (const [code, message] of Object.entries(DUTY)) {
      if (input.reasons.some((r) => r.code === code)) parts.push(t(message));
    }
  }
  // A German date ends in a full stop ("21. Okt."): the sentence's own then doubles it.
  return capitalised(parts.join(' ').replace(/\.\.(?=\s|$)/g, '.')) || t('verdict_nothing');
}

/**
 * The summary a page may show (badge, markers): the engine's English summary in English; in German and French the
 * plain sentence, without dates (no opt-out date reaches a page), which says the same in the language.
 */
export function pageSummary(a: PlainInput & { summary: string }, now: Date = new Date()): string {
  return getLanguage() === 'en' ? a.summary : plainSentence({ ...a, matches: [] }, now);
}
