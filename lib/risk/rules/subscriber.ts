import type { Channel } from '../../vocab';
import type { Facts } from '../facts';

export type Who = 'individual' | 'corporate';

export interface SubscriberView {
  readonly who: Who | 'unknown';
  /** What to record to know `who`, when it is unknown. */
  readonly missing: readonly ('subscriber' | 'emailKind')[];
}

/**
 * Who the electronic-mail rules see on a channel. A personal address makes anyone an individual for email;
 * a company is a corporate subscriber for email only on its own work address. `partnership` differs: UK PECR
 * counts a non-LLP partnership as an individual, EU member states differ.
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
  const subscriberMissing = s === undefined || s === 'unknown' ? (['subscriber'] as const) : [];
  if (channel !== 'email') return { who: base, missing: subscriberMissing };
  const kind = f.input.emailKind;
  if (kind === 'personal') return { who: 'individual', missing: [] };
  if (base === 'individual') return { who: 'individual', missing: [] };
  if (base === 'corporate' && kind === 'work') return { who: 'corporate', missing: [] };
  const kindMissing = kind === 'work' ? [] : (['emailKind'] as const);
  return { who: 'unknown', missing: [...subscriberMissing, ...kindMissing] };
}

export function recordWhat(missing: readonly ('subscriber' | 'emailKind')[]): string {
  const parts = missing.map((m) =>
    m === 'subscriber'
      ? 'the subscriber type (private person, sole trader, partnership, LLP, company, public body)'
      : 'whether the email is a work address on their employer’s domain or a personal one',
  );
  return parts.length > 0 ? `Record ${parts.join(' and ')}.` : '';
}
