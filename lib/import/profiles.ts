import { z } from 'zod';
import { formatList, type MessageKey, t, translated } from '../i18n/index';
import type { ErrorWords } from '../store/error-words';
import { type Channel, type ColumnRole, isHashKind, type SuppressionReason } from '../vocab';
import { SuppressionReasonSchema } from '../vocab/schemas';

// The exports teams already have, recognised by their documented column names so that nobody maps 27
// columns by hand. The dangerous part of a CRM export is that it lists everybody: a HubSpot contacts export
// or a Salesforce report holds the people who opted out *and* those who did not, told apart by a flag
// column. Importing every row would suppress the whole CRM. So each profile names its flag columns, and a
// value is imported only from rows whose flag says opted out; the other rows are skipped and counted.

export const PROFILE_IDS = [
  'hubspot',
  'mailchimp-unsubscribed',
  'mailchimp-cleaned',
  'mailchimp-members',
  'salesforce',
  'sales-engagement',
  'optizmo',
  'plain',
] as const;
export type ProfileId = (typeof PROFILE_IDS)[number];

/** The name of each export, in the page's language. */
export const PROFILE_NAME: Readonly<Record<ProfileId, string>> = translated({
  hubspot: 'lists_profile_hubspot',
  'mailchimp-unsubscribed': 'lists_profile_mailchimp_unsubscribed',
  'mailchimp-cleaned': 'lists_profile_mailchimp_cleaned',
  'mailchimp-members': 'lists_profile_mailchimp_members',
  salesforce: 'lists_profile_salesforce',
  'sales-engagement': 'lists_profile_sales_engagement',
  optizmo: 'lists_profile_optizmo',
  plain: 'lists_profile_plain',
});

// "Looks like a…" as whole sentences: the article depends on the name and the language.
const LOOKS_LIKE: Record<ProfileId, MessageKey> = {
  hubspot: 'lists_looks_hubspot',
  'mailchimp-unsubscribed': 'lists_looks_mailchimp_unsubscribed',
  'mailchimp-cleaned': 'lists_looks_mailchimp_cleaned',
  'mailchimp-members': 'lists_looks_mailchimp_members',
  salesforce: 'lists_looks_salesforce',
  'sales-engagement': 'lists_looks_sales_engagement',
  optizmo: 'lists_looks_optizmo',
  plain: 'lists_looks_plain',
};

/** A column whose value says whether the row opted out; it gates the identifier columns it targets. */
export const FlagRuleSchema = z.object({
  index: z.number().int().min(0).max(10000),
  /** Identifier columns it governs: their values are imported only on rows where this flag is true. */
  targets: z.array(z.number().int().min(0).max(10000)).max(10000),
  /** Reason for the values it lets through, on rows without a reason column. */
  reason: SuppressionReasonSchema.optional(),
});
export type FlagRule = z.infer<typeof FlagRuleSchema>;

const TRUE_WORDS = new Set([
  'true',
  't',
  '1',
  'yes',
  'y',
  'x',
  'on',
  'checked',
  'optedout',
  'unsubscribed',
  'donotcontact',
  '✓',
  '✔',
]);
const FALSE_WORDS = new Set([
  '',
  'false',
  'f',
  '0',
  'no',
  'n',
  'off',
  'unchecked',
  'subscribed',
  'optedin',
  '-',
]);

/** A flag cell read as yes, no, or neither (a value nobody should guess about). */
export function flagValue(cell: string): boolean | null {
  const s = cell.trim().toLowerCase();
  const k = s.replace(/[\s_-]/g, '');
  if (TRUE_WORDS.has(s) || TRUE_WORDS.has(k)) return true;
  if (FALSE_WORDS.has(s) || FALSE_WORDS.has(k)) return false;
  return null;
}

export function headerKey(h: string): string {
  return h.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// Flag columns by their (keyed) header, what they govern and the reason they mean.
type FlagTarget = 'email' | 'phone' | 'all';
const KNOWN_FLAGS = new Map<string, { targets: FlagTarget; reason: SuppressionReason }>([
  ['unsubscribedfromallemail', { targets: 'email', reason: 'unsubscribe' }], // HubSpot
  ['emailoptout', { targets: 'email', reason: 'unsubscribe' }], // Salesforce report label
  ['hasoptedoutofemail', { targets: 'email', reason: 'unsubscribe' }], // Salesforce API name
  ['optedoutofemail', { targets: 'email', reason: 'unsubscribe' }],
  ['donotcall', { targets: 'phone', reason: 'do-not-call' }], // Salesforce label and API name
  ['optedout', { targets: 'email', reason: 'unsubscribe' }], // Outreach prospects
  ['emailoptedout', { targets: 'email', reason: 'unsubscribe' }],
  ['donotcontact', { targets: 'all', reason: 'objection' }], // Salesloft people, Outreach
  ['dnc', { targets: 'all', reason: 'objection' }],
  ['unsubscribed', { targets: 'email', reason: 'unsubscribe' }],
]);

export function isKnownFlagHeader(h: string): boolean {
  return KNOWN_FLAGS.has(headerKey(h));
}

const EMAIL_HEADERS = new Set(['email', 'emails', 'emailaddress', 'primaryemail', 'workemail', 'mail']);
const PHONE_HEADERS = new Set([
  'phone',
  'phonenumber',
  'mobile',
  'mobilephone',
  'mobilephonenumber',
  'homephone',
  'otherphone',
  'workphone',
  'businessphone',
  'directphone',
  'phones',
  'tel',
  'telephone',
]);

export interface ProfileInput {
  /** The header row, or [] without one. */
  headers: readonly string[];
  /** Sampled data rows. */
  rows: readonly (readonly string[])[];
  /** The generic guess per column (from header names and values). */
  baseRoles: readonly ColumnRole[];
  fileName?: string;
}

export interface ProfileSuggestion {
  id: ProfileId;
  /** What the preview says: "Looks like a Mailchimp unsubscribed export". */
  label: string;
  roles: ColumnRole[];
  flags: FlagRule[];
  reason: SuppressionReason;
  /** The channels the new list should block, from what the file holds. */
  channels: Channel[];
  /** Columns left out on purpose, said in words next to the mapping. */
  notes: string[];
  warning?: string;
  /** Set when the file cannot be imported as it is, with what to do instead. */
  refusal?: string;
  /** The refusal as words, for the import's error (English in its message, the page's language on screen). */
  refusalWords?: ErrorWords;
}

const SHA512 = /^[0-9a-f]{128}$/i;

function findCols(headers: readonly string[], keys: ReadonlySet<string> | readonly string[]): number[] {
  const set = keys instanceof Set ? keys : new Set(keys as readonly string[]);
  const out: number[] = [];
  headers.forEach((h, i) => {
    if (set.has(headerKey(h))) out.push(i);
  });
  return out;
}

/** The reason a file name suggests, if it suggests one. */
export function reasonFromFileName(name: string | undefined): SuppressionReason | undefined {
  const n = (name ?? '').toLowerCase().replace(/[^a-z0-9]+/g, ' ');
  if (/\bunsub|opt ?out|optedout|unsubscrib/.test(n)) return 'unsubscribe';
  if (/\bclean|bounce/.test(n)) return 'bounce';
  if (/\bdnc\b|do ?not ?call|\bc?tps\b/.test(n)) return 'do-not-call';
  if (/complain|\bspam\b|abuse/.test(n)) return 'complaint';
  if (/erasure|forget|forgotten|\bdsar\b|deletion/.test(n)) return 'erasure';
  if (/objection|do ?not ?contact/.test(n)) return 'objection';
  return undefined;
}

/** A column of hashed emails, its algorithm named or told by length. */
function isHashRole(r: ColumnRole): boolean {
  return r === 'hash' || isHashKind(r);
}

/** The channels a list with these identifier roles should block. */
export function channelsForRoles(roles: readonly ColumnRole[]): Channel[] {
  const out = new Set<Channel>();
  for (const r of roles) {
    if (r === 'email' || isHashRole(r) || r === 'domain') out.add('email');
    if (r === 'phone') {
      out.add('phone');
      out.add('sms');
    }
    if (r === 'profile' || r === 'salesnav') out.add('inmail');
    if (r === 'auto') for (const c of ['email', 'phone', 'sms', 'inmail'] as const) out.add(c);
  }
  return [...out];
}

function emailOnly(width: number, emailCols: number[]): ColumnRole[] {
  const roles: ColumnRole[] = Array.from({ length: width }, () => 'ignore');
  for (const i of emailCols) roles[i] = 'email';
  return roles;
}

/** Whether a column's sampled values read as yes/no: a column named "Unsubscribed" may hold dates instead. */
function looksLikeFlags(rows: readonly (readonly string[])[], index: number): boolean {
  let flags = 0;
  let other = 0;
  for (const r of rows) {
    const v = r[index] ?? '';
    if (v.trim() === '') continue;
    if (flagValue(v) === null) other++;
    else flags++;
  }
  return other <= flags;
}

function flagsFor(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  emailCols: number[],
  phoneCols: number[],
): { flags: FlagRule[]; gated: Set<number> } {
  const flags: FlagRule[] = [];
  const gated = new Set<number>();
  headers.forEach((h, index) => {
    const f = KNOWN_FLAGS.get(headerKey(h));
    if (!f || !looksLikeFlags(rows, index)) return;
    const targets =
      f.targets === 'email' ? emailCols : f.targets === 'phone' ? phoneCols : [...emailCols, ...phoneCols];
    if (targets.length === 0) return;
    for (const t of targets) gated.add(t);
    flags.push({ index, targets: [...targets], reason: f.reason });
  });
  return { flags, gated };
}

function has(keys: ReadonlySet<string>, ...names: string[]): boolean {
  return names.some((n) => keys.has(n));
}

/** The profile a file's header names (or, without a header, its values) point to. */
export function detectProfile(input: ProfileInput): ProfileSuggestion {
  const keys = new Set(input.headers.map(headerKey));
  if (has(keys, 'emailaddress') && has(keys, 'unsubtime', 'unsubreason', 'unsubcampaigntitle'))
    return buildProfile('mailchimp-unsubscribed', input);
  if (has(keys, 'emailaddress') && has(keys, 'cleantime', 'cleancampaigntitle'))
    return buildProfile('mailchimp-cleaned', input);
  if (has(keys, 'emailaddress') && has(keys, 'memberrating', 'leid', 'euid', 'optintime', 'confirmtime'))
    return buildProfile('mailchimp-members', input);
  if (has(keys, 'unsubscribedfromallemail', 'marketingcontactstatus', 'recordid'))
    return buildProfile('hubspot', input);
  if (has(keys, 'emailoptout', 'hasoptedoutofemail', 'donotcall')) return buildProfile('salesforce', input);
  if (has(keys, 'optedout', 'donotcontact', 'emailoptedout')) return buildProfile('sales-engagement', input);
  if (input.headers.length === 0 || input.baseRoles.length <= 1) {
    const values = input.rows.map((r) => (r[0] ?? '').trim()).filter((v) => v !== '');
    const optizmoName = /optizmo/i.test(input.fileName ?? '');
    if (values.length > 0 && values.every((v) => SHA512.test(v))) return buildProfile('optizmo', input);
    if (optizmoName) return buildProfile('optizmo', input);
  }
  return buildProfile('plain', input);
}

/** The suggestion for a profile the user chose (or the detected one). */
export function buildProfile(id: ProfileId, input: ProfileInput): ProfileSuggestion {
  const { headers, baseRoles } = input;
  const width = Math.max(headers.length, baseRoles.length);
  const label = t(LOOKS_LIKE[id]);
  const emailCols = findCols(headers, EMAIL_HEADERS);
  const phoneCols = findCols(headers, PHONE_HEADERS);
  const fromName = reasonFromFileName(input.fileName);
  const notes: string[] = [];
  const name = (i: number) => t('lists_quoted', headers[i] ?? t('lists_column_n', i + 1));
  const names = (cols: readonly number[]) => formatList(cols.map(name));
  const noFlagWarning = t('lists_warn_no_flag');

  switch (id) {
    case 'mailchimp-unsubscribed':
    case 'mailchimp-cleaned':
    case 'mailchimp-members': {
      const mailCols = findCols(headers, ['emailaddress', 'email']);
      const roles = emailOnly(width, mailCols.slice(0, 1));
      const dateCol = findCols(headers, [id === 'mailchimp-cleaned' ? 'cleantime' : 'unsubtime'])[0];
      if (dateCol !== undefined && id !== 'mailchimp-members') roles[dateCol] = 'date';
      if (phoneCols.length > 0) notes.push(t('lists_note_email_only', names(phoneCols)));
      notes.push(t('lists_note_address'));
      const s: ProfileSuggestion = {
        id,
        label,
        roles,
        flags: [],
        reason: id === 'mailchimp-cleaned' ? 'bounce' : 'unsubscribe',
        channels: ['email'],
        notes,
      };
      if (id === 'mailchimp-members') s.warning = t('lists_warn_members');
      return s;
    }
    case 'hubspot':
    case 'salesforce':
    case 'sales-engagement': {
      const { flags, gated } = flagsFor(headers, input.rows, emailCols, phoneCols);
      // Only the identifier columns a flag governs are imported: a phone column with no do-not-call flag
      // next to it says nothing about calls.
      const roles: ColumnRole[] = Array.from({ length: width }, () => 'ignore');
      for (const i of emailCols) roles[i] = 'email';
      for (const i of phoneCols) if (gated.has(i)) roles[i] = 'phone';
      // An opt-out date or reason column the generic reader recognised keeps its role.
      for (const role of ['date', 'reason'] as const) {
        const i = baseRoles.indexOf(role);
        if (i >= 0 && roles[i] === 'ignore') roles[i] = role;
      }
      const leftOut = phoneCols.filter((i) => !gated.has(i));
      if (leftOut.length > 0) notes.push(t('lists_note_no_dnc', names(leftOut)));
      for (const f of flags) notes.push(t('lists_note_flag', name(f.index)));
      const reason =
        flags.find((f) => f.targets.some((t) => roles[t] === 'email'))?.reason ??
        flags[0]?.reason ??
        fromName ??
        'unsubscribe';
      const channels = new Set<Channel>();
      for (const f of flags) {
        for (const t of f.targets) {
          if (roles[t] === 'email') channels.add('email');
          if (roles[t] === 'phone') {
            channels.add('phone');
            if (f.reason !== 'do-not-call') channels.add('sms');
          }
        }
      }
      if (channels.size === 0) channels.add('email');
      const s: ProfileSuggestion = { id, label, roles, flags, reason, channels: [...channels], notes };
      if (flags.length === 0) s.warning = noFlagWarning;
      return s;
    }
    case 'optizmo': {
      const values = input.rows.map((r) => (r[0] ?? '').trim()).filter((v) => v !== '');
      const roles = baseRoles.slice(0, Math.max(1, width));
      const s: ProfileSuggestion = {
        id,
        label,
        roles,
        flags: [],
        reason: fromName ?? 'unsubscribe',
        channels: channelsForRoles(roles),
        notes,
      };
      if (values.length > 0 && values.every((v) => SHA512.test(v)))
        notes.push(t('options_import_sha512_note'));
      if (s.channels.length === 0) s.channels = ['email'];
      return s;
    }
    case 'plain': {
      const roles = baseRoles.slice();
      while (roles.length < width) roles.push('ignore');
      // In a file of email addresses the other identifier columns describe the same person on another
      // channel; suppressing them would block calls (or a whole company's domain) for an email opt-out.
      // Told apart from a multi-identifier suppression file by its other columns (names, companies) or
      // by a name that says it is an email unsubscribe or bounce list.
      const hasEmail = roles.some((r) => r === 'email' || isHashRole(r));
      const contactExport = roles.filter((r) => r === 'ignore').length >= 2;
      const emailOnlyName = fromName === 'unsubscribe' || fromName === 'bounce';
      if (hasEmail && (contactExport || emailOnlyName)) {
        const demoted: number[] = [];
        roles.forEach((r, i) => {
          if (r === 'phone' || r === 'domain' || r === 'profile' || r === 'salesnav') {
            roles[i] = 'ignore';
            demoted.push(i);
          }
        });
        if (demoted.length > 0) notes.push(t('lists_note_email_list', names(demoted)));
      }
      const { flags } = flagsFor(
        headers,
        input.rows,
        roles.flatMap((r, i) => (r === 'email' ? [i] : [])),
        roles.flatMap((r, i) => (r === 'phone' ? [i] : [])),
      );
      for (const f of flags) notes.push(t('lists_note_flag', name(f.index)));
      const allPhone = roles.some((r) => r === 'phone') && !roles.some((r) => r === 'email');
      return {
        id,
        label,
        roles,
        flags,
        reason: flags[0]?.reason ?? fromName ?? (allPhone ? 'do-not-call' : 'objection'),
        channels: channelsForRoles(roles),
        notes,
      };
    }
  }
}
