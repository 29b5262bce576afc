import { dayOf, formatDay } from '../dates';
import type { Facts } from '../facts';
import { type Finding, finding } from '../findings';
import type { Deadline } from '../schema';
import { legitimateInterestChecks } from './common';

// National do-not-call registers (US National DNC Registry, Canada's DNCL, Australia's DNC Register, France's
// Bloctel, Italy's Registro pubblico delle opposizioni, …). `dnc` says whether the number is listed and
// `dncScreenedAt` when it was last screened; a screen holds for the days the register's rules allow.

export interface Register {
  /** The register's name, in the message. */
  readonly name: string;
  /** How many days a screen holds (the day of the screen counts as day 1). */
  readonly freshDays: number;
  readonly citation: string;
  /** Whether calls that clear the register still rest on legitimate interest (GDPR countries). */
  readonly legitimateInterest: boolean;
  /** What consent overrides the register, in words; plain consent to calls unless the law asks for more. */
  readonly override?: string;
}

function screenCoversUntil(f: Facts, r: Register): number | undefined {
  const at = f.input.dncScreenedAt;
  if (at === undefined || dayOf(at) > f.today) return undefined;
  return dayOf(at) + r.freshDays - 1;
}

/** A call allowed only to a number screened against the register and not on it. */
export function registerCall(f: Facts, r: Register): Finding[] {
  if (f.input.dnc === true) {
    return [
      finding(
        'blocked',
        'dnc-listed',
        `The number is on the ${r.name}: no marketing calls without ${r.override ?? 'their consent to calls'}.`,
        r.citation,
      ),
    ];
  }
  const covered = screenCoversUntil(f, r);
  const li = r.legitimateInterest ? legitimateInterestChecks(f) : [];
  if (f.input.dnc === false && covered !== undefined && f.today <= covered) {
    return [
      finding(
        'allowed',
        'dnc-clear',
        `The number was not on the ${r.name} when screened: marketing calls are allowed unless they object, until ${formatDay(covered)}; screen again after that.`,
        r.citation,
      ),
      ...li,
    ];
  }
  const why =
    f.input.dnc === undefined
      ? `It is not recorded whether the number is on the ${r.name}.`
      : f.input.dncScreenedAt === undefined
        ? `No date is recorded for the ${r.name} screen.`
        : `The last ${r.name} screen (${f.input.dncScreenedAt.slice(0, 10)}) is more than ${r.freshDays} days old.`;
  return [
    finding(
      'check',
      'dnc-unscreened',
      `${why} Screen the number (a screen holds ${r.freshDays} days) and record the result and the date, or get ${r.override ?? 'their consent to calls'}.`,
      r.citation,
    ),
    ...li,
  ];
}

/** The last day the current register screen covers calls, or today if it has lapsed. */
export function registerDeadline(f: Facts, r: Register): Deadline[] {
  if (f.input.dnc !== false) return [];
  const covered = screenCoversUntil(f, r);
  if (covered === undefined) return [];
  return [{ code: 'dnc-rescreen', due: formatDay(Math.max(covered, f.today)), citation: r.citation }];
}
