import { CHANNELS, type Channel } from '../vocab';
import { codeInfo, DEADLINE_CODES, type DeadlineCode } from './codes';
import { englishChannelList } from './labels';
import type { Deadline, Reason, Verdict } from './schema';

// Words for the UI: the one-line summary on the badge, and what to record to turn a 'check' into an answer.

function shortOf(reason: Reason): string {
  return codeInfo(reason.code)?.short ?? reason.message;
}

/** The first rule of the citation, for a one-liner: "PECR reg. 22(2); ICO…" → "PECR reg. 22(2)". */
function shortCitation(citation: string): string {
  return citation.split(';')[0]?.trim() ?? citation;
}

function because(reason: Reason | undefined): string {
  return reason === undefined ? '' : ` — ${shortOf(reason)} (${shortCitation(reason.citation)})`;
}

function channelsWith(verdict: Verdict, status: 'blocked' | 'check'): Channel[] {
  return CHANNELS.filter((c) => verdict.channels[c] === status);
}

/** The reason that covers most of the given channels, at the given level, earliest first on ties. */
function leadingReason(
  verdict: Verdict,
  level: Reason['level'],
  channels: readonly Channel[],
): Reason | undefined {
  let best: Reason | undefined;
  let bestCount = 0;
  for (const r of verdict.reasons) {
    if (r.level !== level) continue;
    const count = r.channels.filter((c) => channels.includes(c)).length;
    if (count > bestCount) {
      best = r;
      bestCount = count;
    }
  }
  return best;
}

/**
 * One line for a verdict, for example "Email, SMS and InMail blocked — no consent for a UK individual
 * (PECR reg. 22(2))". It names the worst channel state and the rule behind it.
 */
export function summarize(verdict: Verdict): string {
  const blocked = channelsWith(verdict, 'blocked');
  if (blocked.length > 0) {
    const lead = leadingReason(verdict, 'blocked', blocked);
    const covered = lead === undefined ? blocked : blocked.filter((c) => lead.channels.includes(c));
    const rest = blocked.filter((c) => !covered.includes(c));
    const who =
      blocked.length === CHANNELS.length && rest.length === 0 ? 'Every channel' : englishChannelList(covered);
    const more = rest.length > 0 ? `; ${englishChannelList(rest)} blocked too` : '';
    return `${who} blocked${because(lead)}${more}`;
  }
  const check = channelsWith(verdict, 'check');
  if (check.length > 0) {
    const who = check.length === CHANNELS.length ? 'any channel' : englishChannelList(check);
    return `Check before using ${who}${because(leadingReason(verdict, 'caution', check))}`;
  }
  const warning = verdict.reasons.find((r) => r.level === 'caution');
  if (warning !== undefined) return `Allowed, with a warning${because(warning)}`;
  return 'Allowed on every channel';
}

export interface RecordHint {
  readonly code: string;
  /** What to record, in words a sales rep understands. */
  readonly what: string;
  /** The channels it would settle; empty when it concerns the record as a whole. */
  readonly channels: readonly Channel[];
}

/**
 * What to record to lift a 'check' (and to clear the warnings), most useful first: hints that settle a
 * channel come before hints about the record as a whole. One hint per code.
 */
export function whatToRecord(verdict: Verdict): RecordHint[] {
  const byCode = new Map<string, { what: string; channels: Set<Channel> }>();
  for (const r of verdict.reasons) {
    if (r.level !== 'caution') continue;
    const what = codeInfo(r.code)?.record;
    if (what === undefined) continue;
    const settles = r.channels.filter((c) => verdict.channels[c] === 'check');
    // Recording anything cannot lift a channel that is blocked anyway.
    if (r.channels.length > 0 && settles.length === 0) continue;
    const hint = byCode.get(r.code) ?? { what, channels: new Set<Channel>() };
    for (const c of settles) hint.channels.add(c);
    byCode.set(r.code, hint);
  }
  return [...byCode.entries()]
    .map(([code, h]) => ({ code, what: h.what, channels: CHANNELS.filter((c) => h.channels.has(c)) }))
    .sort((a, b) => b.channels.length - a.channels.length);
}

/** "Art. 14 privacy notice due by 2026-12-29". */
export function describeDeadline(deadline: Deadline): string {
  const label = Object.hasOwn(DEADLINE_CODES, deadline.code)
    ? DEADLINE_CODES[deadline.code as DeadlineCode]
    : deadline.code;
  return `${label} ${deadline.due}`;
}
