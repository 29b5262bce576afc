import type { Channel } from '../../vocab';
import type { ReasonCode } from '../codes';
import type { Facts } from '../facts';

export type Who = 'individual' | 'corporate';

/** What to record to know who the subscriber is on a channel. */
export type Missing = 'subscriber' | 'emailKind' | 'phoneKind' | 'inmailAccount';

export interface SubscriberView {
  readonly who: Who | 'unknown';
  /** What to record to know `who`, when it is unknown. */
  readonly missing: readonly Missing[];
}

/**
 * Who the electronic-mail rules see on a channel. The subscriber is whoever holds the account (PECR reg. 2(1)):
 * a personal address or an employee's own mobile makes anyone an individual; a company is a corporate subscriber
 * for email only on its own work address, for SMS only on a company-issued phone. A LinkedIn account is the
 * member's own, so InMail to a company's employee is at best a check. `partnership` differs: UK PECR counts a
 * non-LLP partnership as an individual, EU member states differ.
 */
export function subscriberFor(f: Facts, channel: Channel, partnership: Who | 'unknown'): SubscriberView {
  const s = f.input.subscriber;
  const base: Who | 'unknown' =
    s === 'individual' || s === 'sole-trader'
      ? 'individual'
      : s === 'partnership'
        ? partnership
        : s === 'llp' || s === 'corporate' || s === 'public-body'
          ? 'corporate'
          : 'unknown';
  const subscriberMissing: Missing[] = s === undefined || s === 'unknown' ? ['subscriber'] : [];
  if (channel === 'inmail') {
    if (base === 'corporate') return { who: 'unknown', missing: ['inmailAccount'] };
    return { who: base, missing: subscriberMissing };
  }
  if (channel === 'sms') {
    const kind = f.input.phoneKind;
    if (kind === 'personal' || base === 'individual') return { who: 'individual', missing: [] };
    if (base === 'corporate' && kind === 'work') return { who: 'corporate', missing: [] };
    const kindMissing: Missing[] = kind === 'work' ? [] : ['phoneKind'];
    return { who: 'unknown', missing: [...subscriberMissing, ...kindMissing] };
  }
  if (channel !== 'email') return { who: base, missing: subscriberMissing };
  const kind = f.input.emailKind;
  if (kind === 'personal') return { who: 'individual', missing: [] };
  if (base === 'individual') return { who: 'individual', missing: [] };
  if (base === 'corporate' && kind === 'work') return { who: 'corporate', missing: [] };
  const kindMissing: Missing[] = kind === 'work' ? [] : ['emailKind'];
  return { who: 'unknown', missing: [...subscriberMissing, ...kindMissing] };
}

/** The reason code for an unknown subscriber view: the most basic fact missing first. */
export function unknownCode(missing: readonly Missing[]): ReasonCode {
  if (missing.includes('subscriber')) return 'subscriber-unknown';
  if (missing.includes('emailKind')) return 'email-kind-unknown';
  if (missing.includes('phoneKind')) return 'phone-kind-unknown';
  return 'inmail-own-account';
}

const RECORD_TEXT: Readonly<Record<Missing, string>> = {
  subscriber: 'the subscriber type (private person, sole trader, partnership, LLP, company, public body)',
  emailKind: 'whether the email is a work address on their employer’s domain or a personal one',
  phoneKind: 'whether the mobile is company-issued (paid by the employer) or their own',
  inmailAccount: 'their consent to InMail (a LinkedIn account is the member’s own, not the employer’s)',
};

export function recordWhat(missing: readonly Missing[]): string {
  const parts = missing.map((m) => RECORD_TEXT[m]);
  return parts.length > 0 ? `Record ${parts.join(' and ')}.` : '';
}

/** Why the subscriber is unknown, in a sentence. */
export function unknownWhy(missing: readonly Missing[]): string {
  if (missing.includes('subscriber')) return 'The subscriber type is not recorded.';
  if (missing.includes('emailKind')) return 'It is not recorded whether this is a work address.';
  if (missing.includes('phoneKind'))
    return 'It is not recorded whether this mobile is company-issued: an employee’s own phone is an individual subscriber.';
  return 'A LinkedIn account belongs to the member, not the employer, so InMail may reach an individual subscriber.';
}
