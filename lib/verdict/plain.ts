import type { AnswerReason, BadgeLevel, ChannelVerdict } from '../messaging/types';
import { codeInfo } from '../risk';
import { CHANNELS, type Channel } from '../vocab';

// Issue 20, item 1: a rep reads one plain sentence first ("Don't email — unsubscribed 30 Nov. Calls OK."); the
// rules and citations sit behind "Legal detail". This turns the engine's verdict into that sentence. It never
// changes the verdict: every channel keeps the engine's state, the sentence only words it.

export interface PlainInput {
  level: BadgeLevel;
  channels: Record<Channel, ChannelVerdict>;
  reasons: readonly Pick<AnswerReason, 'code' | 'level' | 'channels'>[];
  /** Exact list matches with their reason (words, as in LookupAnswer) and date; absent where dates may not go. */
  matches?: readonly { match: string; reason: string; since: string }[];
}

/** The words LookupAnswer uses for a list entry's reason (lib/verdict/answer.ts). */
export const REASON_WORDS: Record<string, string> = {
  objection: 'objected',
  unsubscribe: 'unsubscribed',
  erasure: 'asked for erasure',
  'do-not-call': 'do not call',
  bounce: 'bounced',
  complaint: 'complained',
  other: 'other reason',
  unknown: 'reason not recorded',
};

const SUPPRESSED_WHY: Record<string, string> = {
  objection: 'objected to direct marketing',
  unsubscribe: 'unsubscribed',
  erasure: 'asked for erasure',
  'do-not-call': 'asked not to be called',
  bounce: 'email bounced',
  complaint: 'complained',
  other: 'on your do-not-contact list',
};

const WHY: Record<string, string> = {
  'lia-missing': 'no legitimate-interest assessment on record',
  'country-unknown': 'country not known',
  'country-not-covered': 'Heed has no rules for their country',
  'subscriber-unknown': 'not known if this is a work or a personal contact',
  'email-kind-unknown': 'not known if the email is a work address',
  'phone-kind-unknown': 'not known if the mobile is a work phone',
  'pecr-tps-unknown': 'the number was not screened against TPS',
  'pecr-tps-stale': 'the TPS screen is older than 28 days',
  'dnc-unscreened': 'the number was not screened against the do-not-call register',
  'art14-collected-unknown': 'when their data was collected is not recorded',
  'source-unknown': 'not known where their data came from',
  'calling-hours': 'outside calling hours',
  'inmail-own-account': 'InMail reaches their own account',
};

const VERB: Record<Channel, string> = {
  email: 'email',
  sms: 'text',
  phone: 'call',
  post: 'send post',
  inmail: 'send InMail',
};

const NOUN: Record<Channel, string> = {
  email: 'Email',
  sms: 'Texts',
  phone: 'Calls',
  post: 'Post',
  inmail: 'InMail',
};

/** What an allowed channel still needs, in a rep's words. */
const CONDITION: Record<string, string> = {
  'pecr-corporate': 'if it is about their job and has an opt-out link',
  'eprivacy-business-opt-out': 'if it is about their job and has an opt-out link',
  'eprivacy-legal-person-signed-off': 'if it is about their job and has an opt-out link',
  'can-spam-opt-out-model': 'with an opt-out link and your postal address',
  'consent-recorded': 'they consented',
  'pecr-soft-opt-in': 'as an existing customer, with an opt-out link',
  'eprivacy-soft-opt-in': 'as an existing customer, with an opt-out link',
  'uwg-existing-customer': 'as an existing customer, with an opt-out link',
};

/** Duties a verdict implies whatever the channel (issue 20, item 2: the Art. 14 notice in the first message). */
const DUTY: Record<string, string> = {
  'art14-notice-due': 'Include the Art. 14 privacy notice and an opt-out in your first message.',
  'art14-notice-overdue': 'The Art. 14 privacy notice is overdue: send it now.',
};

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

function join(words: readonly string[], conj: 'and' | 'or'): string {
  if (words.length <= 1) return words[0] ?? '';
  return `${words.slice(0, -1).join(', ')} ${conj} ${words.at(-1)}`;
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
    const date = since ? shortDate(since, now) : undefined;
    return `${SUPPRESSED_WHY[reason] ?? 'on your do-not-contact list'}${date ? ` ${date}` : ''}`;
  }
  return WHY[code] ?? codeInfo(code)?.short ?? code;
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

  for (const g of groupByLead(input, blocked, ['blocked'])) {
    const all = g.channels.length === CHANNELS.length;
    const what = all
      ? 'contact them'
      : join(
          g.channels.map((c) => VERB[c]),
          'or',
        );
    const when = g.code === 'calling-hours' ? ' now' : '';
    const why = whyOf(g.code, input, now);
    parts.push(`Don't ${what}${when}${why ? ` — ${why}` : ''}.`);
  }

  const conditions = new Map<string, Channel[]>();
  for (const c of allowed) {
    const r = input.reasons.find((x) => x.level === 'ok' && x.channels.includes(c) && CONDITION[x.code]);
    const cond = r ? (CONDITION[r.code] as string) : '';
    conditions.set(cond, [...(conditions.get(cond) ?? []), c]);
  }
  for (const [cond, chans] of conditions) {
    const subject =
      chans.length === CHANNELS.length
        ? 'Every channel'
        : join(
            chans.map((c, i) => (i === 0 || c === 'inmail' ? NOUN[c] : NOUN[c].toLowerCase())),
            'and',
          );
    parts.push(`${subject} OK${cond ? (cond.startsWith('they') ? ` — ${cond}` : ` ${cond}`) : ''}.`);
  }

  for (const g of groupByLead(input, check, ['high', 'caution'])) {
    const all = g.channels.length === CHANNELS.length;
    const what = all
      ? 'any contact'
      : `you ${join(
          g.channels.map((c) => VERB[c]),
          'or',
        )}`;
    const why = whyOf(g.code, input, now);
    parts.push(`Check before ${what}${why ? ` — ${why}` : ''}.`);
  }

  if (blocked.length < CHANNELS.length) {
    for (const code of Object.keys(DUTY)) {
      if (input.reasons.some((r) => r.code === code)) parts.push(DUTY[code] as string);
    }
  }
  return capitalised(parts.join(' ')) || 'Nothing to show.';
}
