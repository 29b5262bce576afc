import { emailKind } from '../extract/email-kind';
import { localRecord } from '../i18n/reasons';
import type {
  AnswerMatch,
  AnswerReason,
  EmailVerdict,
  Identifiers,
  LookupAnswer,
  PageHints,
} from '../messaging/types';
import { type AssessInput, assess, summarize, type Verdict, whatToRecord } from '../risk';
import type { HeedDb } from '../store/db';
import { type LookupResult, lookupPerson } from '../store/lookup';
import type { Contact, Settings } from '../store/schemas';
import { getSettings } from '../store/settings';
import type { EmailKind } from '../vocab';
import { pageSummary, plainSentence, REASON_WORDS } from './plain';

function day(iso: string | undefined): string | undefined {
  return iso?.slice(0, 10);
}

/** The person's email kind as toAssessInput sees it (the bulk check keys its memo on it: lib/bulk/check.ts). */
export function kindOfEmails(emails: readonly string[], settings: Settings): EmailKind | undefined {
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
  hints: Pick<PageHints, 'country' | 'source' | 'contactVisibility' | 'employer'>,
  settings: Settings,
  now: Date,
  browserZone: string = browserTimeZone(),
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
    ...collectedOf(c, settings, now),
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
    ...(c?.legitimateInterest
      ? { legitimateInterestAssessmentAt: c.legitimateInterest.assessedAt }
      : settings.teamLiaAssessedAt
        ? { legitimateInterestAssessmentAt: settings.teamLiaAssessedAt }
        : {}),
    ...(c?.tps !== undefined ? { tps: c.tps } : {}),
    ...(c?.tps && c.tpsListedAt ? { tpsListedAt: c.tpsListedAt } : {}),
    ...(c?.retentionUntil ? { retentionUntil: c.retentionUntil } : {}),
    ...teamFacts(settings),
    ...recordedFacts(c),
    ...(settings.charity ? { charity: true } : {}),
    timeZone: assumedTimeZone(c, country, browserZone).zone,
    ...visibilityOf(c, hints),
    ...(c?.employer ? { employer: c.employer } : {}),
    ...(hints.employer ? { pageEmployer: hints.employer } : {}),
  };
  return input;
}

/**
 * The team's facts (settings), as defaults under what the contact records (recordedFacts, spread after, wins).
 * A screening date is only a date: it lifts TPS/DNC only with the contact's own "not listed" result, and only
 * within 28 days (the engine's rule), since a number found on a page today was not in the team's last screen.
 */
export function teamFacts(
  settings: Settings,
): Pick<AssessInput, 'tpsScreenedAt' | 'dncScreenedAt' | 'businessEmailSignOffAt'> {
  return {
    ...(settings.teamScreenedAt
      ? { tpsScreenedAt: settings.teamScreenedAt, dncScreenedAt: settings.teamScreenedAt }
      : {}),
    ...(settings.teamBusinessEmailSignOffAt
      ? { businessEmailSignOffAt: settings.teamBusinessEmailSignOffAt }
      : {}),
  };
}

/**
 * When the data was collected. Recorded wins. A person seen on a page with nothing recorded is being collected
 * now: when the team gives the Art. 14 notice in its first message, that date makes the engine show the duty
 * ("give the notice in your first message") instead of asking for a collection date. informedAt stays unset:
 * the notice is a duty still to fulfil, not a fact that it happened.
 */
function collectedOf(
  c: Contact | undefined,
  settings: Settings,
  now: Date,
): Pick<AssessInput, 'collectedAt'> {
  if (c?.collectedAt) return { collectedAt: c.collectedAt };
  if (settings.teamArt14InFirstMessage && !c) return { collectedAt: now.toISOString().slice(0, 10) };
  return {};
}

/**
 * The facts a rep records to lift a `check` (phone kind, screening dates, CASL and German exemptions…), passed on
 * as recorded. Unset fields stay absent: nothing unknown is filled in as permission.
 */
export function recordedFacts(
  c: Contact | undefined,
): Pick<
  AssessInput,
  | 'phoneKind'
  | 'tpsScreenedAt'
  | 'dnc'
  | 'dncScreenedAt'
  | 'businessEmailSignOffAt'
  | 'presumedConsent'
  | 'contractActive'
  | 'contractEndedAt'
  | 'conspicuouslyPublished'
  | 'businessCardAt'
  | 'region'
> {
  if (!c) return {};
  return {
    ...(c.phoneKind && c.phoneKind !== 'unknown' ? { phoneKind: c.phoneKind } : {}),
    ...(c.tpsScreenedAt ? { tpsScreenedAt: c.tpsScreenedAt } : {}),
    ...(c.dnc !== undefined ? { dnc: c.dnc } : {}),
    ...(c.dncScreenedAt ? { dncScreenedAt: c.dncScreenedAt } : {}),
    ...(c.businessEmailSignOffAt ? { businessEmailSignOffAt: c.businessEmailSignOffAt } : {}),
    ...(c.presumedConsent?.trim() ? { presumedConsent: c.presumedConsent.trim() } : {}),
    ...(c.contractActive !== undefined ? { contractActive: c.contractActive } : {}),
    ...(c.contractEndedAt ? { contractEndedAt: c.contractEndedAt } : {}),
    ...(c.conspicuouslyPublished !== undefined ? { conspicuouslyPublished: c.conspicuouslyPublished } : {}),
    ...(c.businessCardAt ? { businessCardAt: c.businessCardAt } : {}),
    ...(c.region ? { region: c.region } : {}),
  };
}

/**
 * How the contact details were visible where they were collected. A recorded value wins; else what the page's
 * contact-info overlay showed. 'unknown' is never sent: it says nothing the engine could use.
 */
function visibilityOf(
  c: Contact | undefined,
  hints: Pick<PageHints, 'contactVisibility'>,
): Pick<AssessInput, 'contactVisibility'> {
  const v =
    c?.contactVisibility && c.contactVisibility !== 'unknown' ? c.contactVisibility : hints.contactVisibility;
  return v && v !== 'unknown' ? { contactVisibility: v } : {};
}

// Countries with one time zone (and no overseas territory under the same code with another one): for these the
// country alone tells the recipient's local time. Others (US, CA, AU, ES, PT, FR with its overseas parts, BR…)
// need a recorded zone; until then the browser's zone is assumed and the answer says so.
const SINGLE_ZONE: Readonly<Record<string, string>> = {
  GB: 'Europe/London',
  IE: 'Europe/Dublin',
  DE: 'Europe/Berlin',
  NL: 'Europe/Amsterdam',
  BE: 'Europe/Brussels',
  LU: 'Europe/Luxembourg',
  AT: 'Europe/Vienna',
  CH: 'Europe/Zurich',
  IT: 'Europe/Rome',
  PL: 'Europe/Warsaw',
  CZ: 'Europe/Prague',
  SK: 'Europe/Bratislava',
  HU: 'Europe/Budapest',
  SI: 'Europe/Ljubljana',
  HR: 'Europe/Zagreb',
  RO: 'Europe/Bucharest',
  BG: 'Europe/Sofia',
  GR: 'Europe/Athens',
  SE: 'Europe/Stockholm',
  DK: 'Europe/Copenhagen',
  NO: 'Europe/Oslo',
  FI: 'Europe/Helsinki',
  EE: 'Europe/Tallinn',
  LV: 'Europe/Riga',
  LT: 'Europe/Vilnius',
  MT: 'Europe/Malta',
  CY: 'Asia/Nicosia',
  IS: 'Atlantic/Reykjavik',
  IL: 'Asia/Jerusalem',
  IN: 'Asia/Kolkata',
  JP: 'Asia/Tokyo',
  SG: 'Asia/Singapore',
  ZA: 'Africa/Johannesburg',
  PR: 'America/Puerto_Rico',
};

export type TimeZoneSource = 'recorded' | 'country' | 'browser';

// Building an Intl.DateTimeFormat to read the zone costs more than the rest of an assessment (issue 18 profile);
// every verdict asks. A minute-old answer is right unless the computer just crossed a time zone.
const ZONE_TTL_MS = 60_000;
let zoneRead: { zone: string; at: number } | undefined;

export function browserTimeZone(nowMs: number = Date.now()): string {
  if (zoneRead && nowMs - zoneRead.at < ZONE_TTL_MS && nowMs >= zoneRead.at) return zoneRead.zone;
  let zone = 'UTC';
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    // no Intl zone data: UTC, as before
  }
  zoneRead = { zone, at: nowMs };
  return zone;
}

/** The recipient's zone for calling hours: recorded, else the country's only zone, else the browser's. */
export function assumedTimeZone(
  c: Pick<Contact, 'timeZone'> | undefined,
  country: string | undefined,
  browserZone: string,
): { zone: string; from: TimeZoneSource } {
  if (c?.timeZone) return { zone: c.timeZone, from: 'recorded' };
  const byCountry = country ? SINGLE_ZONE[country] : undefined;
  if (byCountry) return { zone: byCountry, from: 'country' };
  return { zone: browserZone, from: 'browser' };
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
export function toAnswer(
  found: LookupResult,
  verdict: Verdict,
  zone?: { zone: string; from: TimeZoneSource },
): LookupAnswer {
  const matches = matchesOf(found);
  const known = found.matches.length > 0 || found.contact !== undefined;
  const possibleOnly = found.matches.length > 0 && found.matches.every((m) => m.match === 'possible');
  let level: LookupAnswer['level'] = known ? verdict.level : 'unknown';
  let summary = summarize(verdict);
  const reasons: AnswerReason[] = [...verdict.reasons];
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
    plain: plainSentence({ level, channels: verdict.channels, reasons, matches }),
    channels: verdict.channels,
    reasons,
    deadlines: verdict.deadlines,
    matches,
    toRecord: whatToRecord(verdict).map(localRecord),
    hasContact: found.contact !== undefined,
    fromDefaults: !known,
    ...(zone ? { assumedTimeZone: zone } : {}),
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
  return (await answerAndContact(db, identifiers, hints, now, settings)).answer;
}

/** As answerFor, with the contact record the lookup found (the popup's lawful-basis form edits it). */
export async function answerAndContact(
  db: HeedDb,
  identifiers: Identifiers,
  hints: PageHints,
  now: Date,
  settings?: Settings,
): Promise<{ answer: LookupAnswer; contact?: Contact }> {
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
      withRecorded: true,
      ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
    },
  );
  const input = toAssessInput(found, hints, settings, now);
  const country = input.country;
  const answer = toAnswer(
    found,
    assess(input),
    assumedTimeZone(found.contact, country, input.timeZone ?? 'UTC'),
  );
  return { answer, ...(found.contact ? { contact: found.contact } : {}) };
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
    out.push({ email, level: a.level, summary: pageSummary(a, now) });
  }
  return out;
}
