import { z } from 'zod';
import { CHANNELS, type Channel, type Level } from '../vocab';
import type { ReasonCode } from './codes';
import { type Facts, factsOf } from './facts';
import { type Finding, finding, levelOf, statusOf } from './findings';
import {
  auDeadlines,
  auFindings,
  callingHoursDeadlines,
  callingHoursFindings,
  canadaDeadlines,
  canadaFindings,
  chDeadlines,
  chFindings,
  consentFindings,
  elsewhereFindings,
  euDeadlines,
  euFindings,
  germanyFindings,
  nzFindings,
  recordDeadlines,
  recordFindings,
  restrictedDetailsFindings,
  suppressedChannels,
  suppressionFinding,
  ukDeadlines,
  ukFindings,
  usDeadlines,
  usFindings,
  usRecordFindings,
  writtenConsentNeeded,
} from './rules';
import {
  type AssessInput,
  AssessInputSchema,
  type ChannelStatus,
  type Deadline,
  type Reason,
  type ReasonLevel,
  type Verdict,
} from './schema';

function jurisdictionFindings(f: Facts, channel: Channel): Finding[] {
  switch (f.jurisdiction) {
    case 'GB':
      return ukFindings(f, channel);
    case 'DE':
      return germanyFindings(f, channel);
    case 'EU':
      return euFindings(f, channel);
    case 'US':
      return usFindings(f, channel);
    case 'CA':
      return canadaFindings(f, channel);
    case 'AU':
      return auFindings(f, channel);
    case 'NZ':
      return nzFindings(f, channel);
    case 'CH':
      return chFindings(f, channel);
    default:
      return elsewhereFindings(f, channel);
  }
}

function inmailNote(f: Facts): Finding[] {
  switch (f.jurisdiction) {
    case 'GB':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'LinkedIn InMail and direct messages are treated as electronic mail, like email. This is an interpretation: the regulator (the Information Commission, formerly the ICO) counts direct messages on social media as electronic mail.',
          'ICO electronic mail guidance; PECR reg. 2(1)',
        ),
      ];
    case 'DE':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'LinkedIn InMail and direct messages are treated as electronic mail, like email (an interpretation: a message stored on the network until the recipient collects it).',
          'UWG §7(2) Nr. 2; ePrivacy Directive 2002/58/EC Art. 2(h)',
        ),
      ];
    case 'EU':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'LinkedIn InMail and direct messages are treated as electronic mail, like email (an interpretation: a message stored on the network until the recipient collects it).',
          'ePrivacy Directive 2002/58/EC Art. 2(h), Art. 13(1)',
        ),
      ];
    case 'US':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'LinkedIn InMail is treated like email (an interpretation): honour an opt-out there as you would by email.',
          'CAN-SPAM 15 U.S.C. §7702',
        ),
      ];
    case 'CA':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'CASL covers messages to any messaging account, so LinkedIn InMail follows the email rules.',
          'CASL s. 1(1) ("electronic address")',
        ),
      ];
    case 'AU':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'The Spam Act covers instant and social-media messages, so LinkedIn InMail follows the email rules.',
          'Spam Act 2003 (Cth) s. 5',
        ),
      ];
    case 'NZ':
      return [
        finding(
          'info',
          'inmail-as-electronic-mail',
          'The Act covers messages to any electronic address, so LinkedIn InMail follows the email rules.',
          'Unsolicited Electronic Messages Act 2007 s. 5',
        ),
      ];
    default:
      return [];
  }
}

/** Everything that applies to one channel: suppressions, consent, then the jurisdiction's rules. */
function channelFindings(f: Facts, channel: Channel): Finding[] {
  const out: Finding[] = [];
  // A suppression wins over any consent, even a newer one: resuming after an opt-out needs the person's
  // subsequent affirmative consent (CAN-SPAM §7704(a)(4)), which someone must check and record by removing the
  // entry deliberately (docs/rules.md, "Fresh consent after an unsubscribe").
  for (const s of f.input.suppressions ?? []) {
    if (suppressedChannels(s).includes(channel)) out.push(suppressionFinding(s, f.jurisdiction));
  }
  out.push(...consentFindings(f, channel));
  const state = f.consent[channel];
  // Consent settles the channel, except a US text or call, which needs a signed written agreement.
  const settled =
    state.kind === 'given' && (!writtenConsentNeeded(f, channel) || state.record.written === true);
  if (!settled) out.push(...jurisdictionFindings(f, channel));
  out.push(...restrictedDetailsFindings(f));
  out.push(...callingHoursFindings(f, channel));
  if (channel === 'inmail') out.push(...inmailNote(f));
  return out;
}

/** A country's deadlines cite only that country's law: each jurisdiction adds its own. */
function jurisdictionDeadlines(f: Facts): Deadline[] {
  switch (f.jurisdiction) {
    case 'GB':
      return ukDeadlines(f);
    case 'EU':
      return euDeadlines(f);
    case 'US':
      return usDeadlines(f);
    case 'CA':
      return canadaDeadlines(f);
    case 'AU':
      return auDeadlines(f);
    case 'CH':
      return chDeadlines(f);
    default:
      return [];
  }
}

const LEVEL_ORDER: Readonly<Record<ReasonLevel, number>> = {
  blocked: 4,
  high: 3,
  caution: 2,
  ok: 1,
  info: 0,
};

interface Draft {
  level: ReasonLevel;
  readonly code: ReasonCode;
  readonly message: string;
  readonly citation: string;
  readonly channels: Set<Channel>;
}

/** One reason per code and message, listing every channel it touches, at its most severe level. */
function mergeReasons(
  perChannel: ReadonlyMap<Channel, readonly Finding[]>,
  record: readonly Finding[],
): Reason[] {
  const drafts = new Map<string, Draft>();
  const add = (fd: Finding, channel: Channel | undefined) => {
    const key = `${fd.code}\u0000${fd.message}\u0000${fd.citation}`;
    const level = levelOf(fd.effect);
    let d = drafts.get(key);
    if (d === undefined) {
      d = { level, code: fd.code, message: fd.message, citation: fd.citation, channels: new Set() };
      drafts.set(key, d);
    } else if (LEVEL_ORDER[level] > LEVEL_ORDER[d.level]) {
      d.level = level;
    }
    if (channel !== undefined) d.channels.add(channel);
  };
  for (const [channel, findings] of perChannel) for (const fd of findings) add(fd, channel);
  for (const fd of record) add(fd, undefined);
  return [...drafts.values()]
    .map((d) => ({
      code: d.code,
      level: d.level,
      channels: CHANNELS.filter((c) => d.channels.has(c)),
      message: d.message,
      citation: d.citation,
    }))
    .sort((a, b) => LEVEL_ORDER[b.level] - LEVEL_ORDER[a.level]);
}

function verdictLevel(channels: Readonly<Record<Channel, ChannelStatus>>, reasons: readonly Reason[]): Level {
  const statuses = CHANNELS.map((c) => channels[c]);
  if (statuses.every((s) => s === 'blocked')) return 'blocked';
  if (statuses.some((s) => s === 'blocked')) return 'high';
  if (statuses.some((s) => s === 'check') || reasons.some((r) => r.level === 'caution')) return 'caution';
  return 'ok';
}

function mergeDeadlines(deadlines: readonly Deadline[]): Deadline[] {
  const seen = new Map<string, Deadline>();
  for (const d of deadlines) seen.set(`${d.code}\u0000${d.due}`, d);
  return [...seen.values()].sort((a, b) => a.due.localeCompare(b.due) || a.code.localeCompare(b.code));
}

/**
 * The per-channel verdict for one person, with the rule behind every reason. Throws a ZodError on invalid
 * input (see `safeAssess` for a result instead); never throws on input the schema accepts.
 */
export function assess(input: AssessInput): Verdict {
  const f = factsOf(AssessInputSchema.parse(input));
  const perChannel = new Map<Channel, Finding[]>(CHANNELS.map((c) => [c, channelFindings(f, c)]));
  const channels = Object.fromEntries(
    // A channel no rule speaks for is not thereby allowed.
    CHANNELS.map((c) => [c, statusOf(perChannel.get(c) ?? []) ?? 'check']),
  ) as Record<Channel, ChannelStatus>;
  const reasons = mergeReasons(perChannel, [...recordFindings(f), ...usRecordFindings(f)]);
  const deadlines = mergeDeadlines([
    ...recordDeadlines(f),
    ...jurisdictionDeadlines(f),
    ...callingHoursDeadlines(f),
  ]);
  return { level: verdictLevel(channels, reasons), channels, reasons, deadlines };
}

export type SafeAssessResult = { success: true; verdict: Verdict } | { success: false; error: string };

/** `assess` for untrusted input (an import, a message): a readable error instead of an exception. */
export function safeAssess(input: unknown): SafeAssessResult {
  const parsed = AssessInputSchema.safeParse(input);
  if (!parsed.success) return { success: false, error: z.prettifyError(parsed.error) };
  return { success: true, verdict: assess(parsed.data) };
}
