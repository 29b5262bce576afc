// Background side of the send-time check: one verdict per recipient, from the same store and risk engine as the
// profile badge, read for the one channel the site sends on.

import { t, tMaybe } from '../i18n';
import { localReason, shownSummary } from '../i18n/reasons';
import type {
  AnswerReason,
  LookupAnswer,
  PageHints,
  SendConfig,
  SendRecipient,
  SendSite,
  SendState,
  SendVerdict,
} from '../messaging/types';
import { assess } from '../risk';
import { logAudit } from '../store/audit';
import type { HeedDb } from '../store/db';
import { type LookupResult, lookupPerson } from '../store/lookup';
import type { Settings } from '../store/schemas';
import { getSettings } from '../store/settings';
import { toAnswer, toAssessInput } from '../verdict/answer';
import { REASON_WORDS } from '../verdict/plain';
import type { Channel } from '../vocab';

/** Mail is the email channel; a LinkedIn message (InMail or a message to a connection) is InMail. */
export function channelOf(site: SendSite): Channel {
  return site === 'linkedin' ? 'inmail' : 'email';
}

export function sendConfig(settings: Settings, site: SendSite): SendConfig {
  return { enabled: settings.sendCheck[site], stopOnCheck: settings.sendCheckStopOnCheck };
}

const STATE: Record<LookupAnswer['channels'][Channel], SendState> = {
  blocked: 'blocked',
  check: 'check',
  allowed: 'ok',
};

function relevant(r: AnswerReason, channel: Channel): boolean {
  return r.channels.length === 0 || r.channels.includes(channel);
}

/** A list entry's reason (LookupAnswer carries REASON_WORDS' English words) in the current language. */
function listReasonWords(words: string): string {
  const reason = Object.entries(REASON_WORDS).find(([, w]) => w === words)?.[0];
  return (reason && tMaybe(`bg_list_reason_${reason.replaceAll('-', '_')}`)) || words;
}

/** The compose box's view of one answer: the channel's verdict and only the reasons that bear on it. */
export function toSendVerdict(answer: LookupAnswer, channel: Channel): SendVerdict {
  const state = STATE[answer.channels[channel]];
  const reasons = answer.reasons.filter(
    (r) =>
      relevant(r, channel) && (state === 'ok' ? r.level === 'ok' : r.level !== 'ok' && r.level !== 'info'),
  );
  const lead = reasons.find((r) => r.level === 'blocked') ?? reasons[0];
  const words = (r: AnswerReason) => localReason({ code: r.code, text: r.message });
  const leadWords = lead ? words(lead) : undefined;
  const summary =
    state === 'blocked'
      ? t('bg_send_blocked', leadWords ?? shownSummary(answer))
      : state === 'check'
        ? t('bg_send_check', leadWords ?? shownSummary(answer))
        : leadWords
          ? t('bg_send_ok', leadWords)
          : t('bg_send_ok_nothing');
  return {
    state,
    summary,
    reasons: reasons.slice(0, 6).map((r) => ({ message: words(r), citation: r.citation })),
    matches:
      state === 'ok'
        ? []
        : answer.matches.map(({ listName, via, reason, since }) => ({
            listName,
            via,
            reason: listReasonWords(reason),
            since,
          })),
  };
}

function identifiersOf(r: SendRecipient) {
  return {
    emails: r.email ? [r.email] : [],
    profileUrls: r.profileUrl ? [r.profileUrl] : [],
    salesNavUrls: r.salesNavUrl ? [r.salesNavUrl] : [],
    phones: [],
    domains: [],
  };
}

function hintsOf(r: SendRecipient): PageHints {
  return { source: r.salesNavUrl ? 'linkedin-salesnav' : r.profileUrl ? 'linkedin-profile' : 'generic' };
}

async function lookOne(
  db: HeedDb,
  r: SendRecipient,
  settings: Settings,
  now: Date,
): Promise<{ found: LookupResult; answer: LookupAnswer }> {
  const found = await lookupPerson(db, identifiersOf(r), {
    possible: settings.showPossibleMatches,
    ...(settings.defaultCountry ? { defaultCountry: settings.defaultCountry } : {}),
  });
  return { found, answer: toAnswer(found, assess(toAssessInput(found, hintsOf(r), settings, now))) };
}

/** Verdicts for a compose box's recipients, in order; a recipient that cannot be read is `unknown`, never `ok`. */
export async function sendVerdicts(
  db: HeedDb,
  site: SendSite,
  recipients: readonly SendRecipient[],
  now: Date,
): Promise<SendVerdict[]> {
  const settings = await getSettings(db); // once per batch
  const channel = channelOf(site);
  const out: SendVerdict[] = [];
  for (const r of recipients) {
    const { found, answer } = await lookOne(db, r, settings, now);
    if (found.identifiers.rejected.length > 0 && !answer.hasContact && answer.matches.length === 0) {
      out.push({
        state: 'unknown',
        summary: found.identifiers.rejected[0]?.reason
          ? t('bg_send_unknown', found.identifiers.rejected[0].reason)
          : t('bg_send_not_identifier'),
        reasons: [],
        matches: [],
      });
      continue;
    }
    out.push(toSendVerdict(answer, channel));
  }
  return out;
}

function who(r: SendRecipient): string {
  return (r.email ?? r.profileUrl ?? r.salesNavUrl ?? '').slice(0, 260);
}

/**
 * Logs "sent anyway": one audit event per recipient the background itself finds blocked (or to check, when that
 * stops the send too) — the page's word for it is not taken. The event names the recipient, the list entry, the
 * typed reason and the time; never the message.
 */
export async function logSendOverride(
  db: HeedDb,
  site: SendSite,
  recipients: readonly SendRecipient[],
  reason: string,
  now: Date,
): Promise<number> {
  const settings = await getSettings(db);
  const channel = channelOf(site);
  const text = reason.trim().replace(/\s+/g, ' ');
  let logged = 0;
  for (const r of recipients) {
    const { found, answer } = await lookOne(db, r, settings, now);
    const state = STATE[answer.channels[channel]];
    if (state !== 'blocked' && !(state === 'check' && settings.sendCheckStopOnCheck)) continue;
    const m = found.matches.find((x) => !x.channels || x.channels.includes(channel)) ?? found.matches[0];
    const entry = m
      ? `list "${m.listName.slice(0, 80)}" entry ${m.via} (${m.reason}, since ${m.since.slice(0, 10)})`
      : `no list entry (${toSendVerdict(answer, channel).summary.slice(0, 120)})`;
    await logAudit(db, {
      action: 'send-override',
      ...(m ? { listId: m.listId } : {}),
      at: now.toISOString(),
      detail: `Sent anyway on ${site} (${state}) to ${who(r)}; ${entry}; reason: ${text}`,
    });
    logged++;
  }
  return logged;
}
