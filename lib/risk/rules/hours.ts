import type { Channel } from '../../vocab';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import {
  australianHoliday,
  checkWindows,
  frenchHoliday,
  hhmm,
  type LocalClock,
  localClockOf,
  type Windows,
} from '../hours';
import type { Deadline } from '../schema';

// Calling hours ("can I call now?"): when `now` carries a time, a call or text outside the recipient's permitted
// hours is blocked until the next permitted time. Heed applies them whatever the consent: calling a consented
// contact at night is never needed, and some state laws do not exempt consent.

interface HoursRule {
  readonly channels: readonly Channel[];
  readonly windows: Windows;
  /** "8:00–21:00" in words for the message. */
  readonly describe: string;
  readonly citation: string;
}

const daily =
  (from: number, to: number): Windows =>
  () => [[from * 60, to * 60]];

const BUSINESS = new Set(['corporate', 'llp', 'public-body']);

function usRule(f: Facts): HoursRule | undefined {
  // §64.1200(c)(1) protects residential subscribers; a business line is outside it.
  if (BUSINESS.has(f.input.subscriber ?? '')) return undefined;
  const channels: Channel[] = ['phone', 'sms'];
  switch (f.input.region) {
    case 'FL':
      return {
        channels,
        windows: daily(8, 20),
        describe: '8:00–20:00 their time (Florida)',
        citation: 'Fla. Stat. §501.616(6)(a); 47 C.F.R. §64.1200(c)(1)',
      };
    case 'OK':
      return {
        channels,
        windows: daily(8, 20),
        describe: '8:00–20:00 their time (Oklahoma)',
        citation:
          'Oklahoma Telephone Solicitation Act of 2022, Okla. Stat. tit. 15, §775C.1 et seq.; 47 C.F.R. §64.1200(c)(1)',
      };
    case 'MD':
      return {
        channels,
        windows: daily(8, 20),
        describe: '8:00–20:00 their time (Maryland)',
        citation: 'Md. Code, Com. Law §14-4503 (Stop the Spam Calls Act of 2023); 47 C.F.R. §64.1200(c)(1)',
      };
    case 'WA':
      return {
        channels,
        windows: daily(8, 20),
        describe: '8:00–20:00 their time (Washington)',
        citation: 'RCW 80.36.390(2); 47 C.F.R. §64.1200(c)(1)',
      };
    case 'TX':
      return {
        channels,
        windows: (_day, weekday) => (weekday === 0 ? [[12 * 60, 21 * 60]] : [[9 * 60, 21 * 60]]),
        describe: 'Monday–Saturday 9:00–21:00, Sunday 12:00–21:00 their time (Texas)',
        citation: 'Tex. Bus. & Com. Code §301.051; 47 C.F.R. §64.1200(c)(1)',
      };
    default:
      return {
        channels,
        windows: daily(8, 21),
        describe: '8:00–21:00 their local time',
        citation: '47 C.F.R. §64.1200(c)(1)',
      };
  }
}

function frenchRule(f: Facts): HoursRule | undefined {
  // Décret n° 2022-1313 covers unsolicited calls to consumers; a business line is outside it.
  const s = f.input.subscriber;
  if (s !== undefined && s !== 'individual' && s !== 'unknown') return undefined;
  return {
    channels: ['phone'],
    windows: (day, weekday) =>
      weekday === 0 || weekday === 6 || frenchHoliday(day)
        ? []
        : [
            [10 * 60, 13 * 60],
            [14 * 60, 20 * 60],
          ],
    describe: 'Monday–Friday 10:00–13:00 and 14:00–20:00, never on weekends or public holidays',
    citation: 'Décret n° 2022-1313 du 13 octobre 2022; Code de la consommation art. L223-1',
  };
}

const CANADA: HoursRule = {
  channels: ['phone'],
  windows: (_day, weekday) =>
    weekday === 0 || weekday === 6 ? [[10 * 60, 18 * 60]] : [[9 * 60, 21 * 60 + 30]],
  describe: 'weekdays 9:00–21:30, weekends 10:00–18:00 their time',
  citation: 'CRTC Unsolicited Telecommunications Rules, Part III (Telemarketing Rules), calling hours',
};

const AUSTRALIA: HoursRule = {
  channels: ['phone'],
  windows: (day, weekday) =>
    weekday === 0 || australianHoliday(day) ? [] : weekday === 6 ? [[9 * 60, 17 * 60]] : [[9 * 60, 20 * 60]],
  describe: 'weekdays 9:00–20:00, Saturday 9:00–17:00, never on Sundays or national public holidays',
  citation: 'Telecommunications (Telemarketing and Research Calls) Industry Standard 2017 (calling times)',
};

function ruleFor(f: Facts): HoursRule | undefined {
  if (f.jurisdiction === 'US') return usRule(f);
  if (f.jurisdiction === 'CA') return CANADA;
  if (f.jurisdiction === 'AU') return AUSTRALIA;
  if (f.memberState === 'FR') return frenchRule(f);
  return undefined;
}

function outside(f: Facts): { rule: HoursRule; clock: LocalClock; next: string | undefined } | undefined {
  const clock = localClockOf(f.input.now, f.input.timeZone);
  if (clock === undefined) return undefined;
  const rule = ruleFor(f);
  if (rule === undefined) return undefined;
  const result = checkWindows(clock, rule.windows);
  return result.inside ? undefined : { rule, clock, next: result.next };
}

export function callingHoursFindings(f: Facts, channel: Channel): Finding[] {
  const o = outside(f);
  if (o === undefined || !o.rule.channels.includes(channel)) return [];
  const next = o.next === undefined ? '' : ` Next permitted time: ${o.next.slice(0, 16).replace('T', ' ')}.`;
  return [
    finding(
      'blocked',
      'calling-hours',
      `It is ${hhmm(o.clock.minute)} for them (${o.clock.zone}): marketing calls${o.rule.channels.includes('sms') ? ' and texts' : ''} are allowed only ${o.rule.describe}.${next}`,
      o.rule.citation,
    ),
  ];
}

export function callingHoursDeadlines(f: Facts): Deadline[] {
  const o = outside(f);
  if (o === undefined || o.next === undefined) return [];
  return [{ code: 'calling-hours', due: o.next, citation: o.rule.citation }];
}
