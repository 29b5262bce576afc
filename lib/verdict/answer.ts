import { emailKind } from '../extract/email-kind';
import type { AnswerMatch, EmailVerdict, Identifiers, LookupAnswer, PageHints } from '../messaging/types';
import { type AssessInput, assess, summarize, type Verdict, whatToRecord } from '../risk';
import type { HeedDb } from '../store/db';
import { type LookupResult, lookupPerson } from '../store/lookup';
import type { Contact, Settings } from '../store/schemas';
import { getSettings } from '../store/settings';
import type { EmailKind } from '../vocab';

const REASON_WORDS: Record<string, string> = {
  objection: 'objected',
  unsubscribe: 'unsubscribed',
  erasure: 'asked for erasure',
  'do-not-call': 'do not call',
  bounce: 'bounced',
  complaint: 'complained',
  other: 'other reason',
  unknown: 'reason not recorded',
};

function day(iso: string | undefined): string | undefined {
  return iso?.slice(0, 10);
}

function kindOfEmails(emails: readonly string[], settings: Settings): EmailKind | undefined {
  const kinds = emails.map((e) => emailKind(e, settings.extraPersonalDomains, settings.ownDomains));
  // One webmail address is enough to treat the person as an individual subscriber for email rules.
  if (kinds.includes('personal')) return 'personal';
  if (kinds.includes('work')) return 'work';
  return undefined;
}

/**
 * Builds the risk engine's input from what the store holds and what the page shows. Recorded facts win over
 * page inferences, which win over the user's defaults; nothing unknown is filled in as permission.
 */
export function toAssessInput(
  found: LookupResult,
  hints: Pick<PageHints, 'country' | 'source'>,
  settings: Settings,
  now: Date,
): AssessInput {
  const c: Contact | undefined = found.contact;
  const emails = [...(c?.emails ?? []), ...found.identifiers.emails];
  const pageKind = kindOfEmails(emails, settings);
  const recordedKind = c && c.emailKind !== 'unknown' ? c.emailKind : undefined;
  const country = c?.country ?? hints.country ?? settings.defaultCountry;
  const subscriber = c && c.subscriber !== 'unknown' ? c.subscriber : settings.defaultSubscriber;
  const stage = c ? c.stage : 'suspect'; // found on a page and never recorded: a suspect, by definition
  const source = c && c.source !== 'unknown' ? c.source : c ? undefined : 'third-party';
  const exact = found.matches.filter((m) => m.match === 'exact');
  const input: AssessInput = {
    now: now.toISOString(),
    ...(country ? { country } : {}),
    ...(subscriber && subscriber !== 'unknown' ? { subscriber } : {}),
    stage,
    ...((recordedKind ?? pageKind) ? { emailKind: recordedKind ?? pageKind } : {}),
    ...(source ? { source } : {}),
    ...(c?.collectedAt ? { collectedAt: c.collectedAt } : {}),
    ...(c?.informedAt ? { informedAt: c.informedAt } : {}),
    ...(c && c.consents.length > 0 ? { consents: c.consents } : {}),
    ...(exact.length > 0
      ? {
          suppressions: exact.map((m) => ({
            reason: m.reason === 'unknown' ? ('other' as const) : m.reason,
            since: day(m.since) ?? now.toISOString().slice(0, 10),
            ...(m.channels && m.channels.length > 0 ? { channels: m.channels } : {}),
          })),
        }
      : {}),
    ...(c?.purchaseAt ? { purchaseAt: c.purchaseAt } : {}),
    ...(c?.inquiryAt ? { inquiryAt: c.inquiryAt } : {}),
    ...(c?.softOptIn ? { softOptIn: c.softOptIn } : {}),
    ...(c?.legitimateInterest ? { legitimateInterestAssessmentAt: c.legitimateInterest.assessedAt } : {}),
    ...(c?.tps !== undefined ? { tps: c.tps } : {}),
    ...(c?.tps && c.tpsListedAt ? { tpsListedAt: c.tpsListedAt } : {}),
    ...(c?.retentionUntil ? { retentionUntil: c.retentionUntil } : {}),
  };
  return input;
}

function matchesOf(found: LookupResult): AnswerMatch[] {
  return found.matches.map((m) => ({
    listName: m.listName,
    kind: m.kind,
    match: m.match,
    via: m.via,
    reason: REASON_WORDS[m.reason] ?? m.reason,
    since: m.since,
  }));
}

/** Turns a lookup and the risk engine's verdict into what the badge, toolbar and popup show. */
export function toAnswer(found: LookupResult, verdict: Verdict): LookupAnswer {
  const matches = matchesOf(found);
  const known = found.matches.length > 0 || found.contact !== undefined;
  const possibleOnly = found.matches.length > 0 && found.matches.every((m) => m.match === 'possible');
  let level: LookupAnswer['level'] = known ? verdict.level : 'unknown';
  let summary = summarize(verdict);
  const reasons = [...verdict.reasons];
  if (possibleOnly) {
    // A Gmail dot/+tag variant may be the same person: never enough to block, always worth a look.
    const lists = [...new Set(found.matches.map((m) => m.listName))].join(', ');
    reasons.unshift({
      code: 'possible-match',
      level: 'caution',
      channels: [],
      message: `A variant of this address (Gmail dots or a +tag) is on ${lists}: check it is not the same person.`,
      citation: 'GDPR Art. 21(3)',
    });
    if (level === 'ok' || level === 'unknown') level = 'caution';
    summary = `Possible match on ${lists} — ${summary}`;
  }
  return {
    level,
    summary,
    channels: verdict.channels,
    reasons,
    deadlines: verdict.deadlines,
    matches,
    toRecord: whatToRecord(verdict).map((h) => h.what),
    hasContact: found.contact !== undefined,
    fromDefaults: !known,
  };
}

/** The background's answer to "who is this?": local lookup, then the risk engine. */
export async function answerFor(
  db: HeedDb,
  identifiers: Identifiers,
  hints: PageHints,
  now: Date,
  settings?: Settings,
): Promise<LookupAnswer> {
  settings ??= await getSettings(db);
  const found = await lookupPerson(
    db,
    {
      emails: identifiers.emails,
      profileUrls: identifiers.profileUrls,
      salesNavUrls: identifiers.salesNavUrls,
      phones: identifiers.phones,
      domains: identifiers.domains ?? [],
    },
    {
      possible: settings.showPossibleMatches,
      ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
    },
  );
  return toAnswer(found, assess(toAssessInput(found, hints, settings, now)));
}

/** Verdicts for the addresses a page scan found: each looked up on its own, since each may be another person. */
export async function answerForEmails(
  db: HeedDb,
  emails: readonly string[],
  now: Date,
): Promise<EmailVerdict[]> {
  const settings = await getSettings(db); // once for the whole scan, not once per address
  const out: EmailVerdict[] = [];
  for (const email of emails) {
    const a = await answerFor(
      db,
      { emails: [email], profileUrls: [], salesNavUrls: [], phones: [] },
      { source: 'generic' },
      now,
      settings,
    );
    out.push({ email, level: a.level, summary: a.summary });
  }
  return out;
}
