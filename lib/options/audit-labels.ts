import {
  formatDateTime,
  formatNumber,
  getLanguage,
  type MessageKey,
  type PluralBase,
  t,
  tn,
} from '@/lib/i18n';
import type { AuditAction, AuditEvent } from '@/lib/store/schemas';
import type { EntryKind } from '@/lib/vocab';

const ACTION_KEY: Record<AuditAction, MessageKey> = {
  import: 'options_audit_action_import',
  export: 'options_audit_action_export',
  'delete-list': 'options_audit_action_delete_list',
  'delete-entry': 'options_audit_action_delete_entry',
  'create-list': 'options_audit_action_create_list',
  'update-list': 'options_audit_action_update_list',
  'merge-lists': 'options_audit_action_merge_lists',
  restore: 'options_audit_action_restore',
  backup: 'options_audit_action_backup',
  settings: 'options_audit_action_settings',
  'contact-save': 'options_audit_action_contact_save',
  'contact-delete': 'options_audit_action_contact_delete',
  'opt-out': 'options_audit_action_opt_out',
  purge: 'options_audit_action_purge',
  'send-override': 'options_audit_action_send_override',
  'team-bundle': 'options_audit_action_team_bundle',
  'team-key': 'options_audit_action_team_key',
};

/** An action's name in the page's language; an action this version does not know, as it is stored. */
export function auditActionLabel(action: string): string {
  return action in ACTION_KEY ? t(ACTION_KEY[action as AuditAction]) : action;
}

/** How each count reads with its number ("3 rejected"): the log shows words, not field names. */
const COUNT_KEY: Record<string, PluralBase> = {
  rows: 'options_audit_count_rows',
  rejected: 'options_audit_count_rejected',
  duplicatesInFile: 'options_audit_count_duplicates',
  alreadyPresent: 'options_audit_count_already_present',
  added: 'options_audit_count_added',
  entries: 'options_audit_count_entries',
  lists: 'options_audit_count_lists',
  contacts: 'options_audit_count_contacts',
  events: 'options_audit_count_events',
  buckets: 'options_audit_count_buckets',
  removed: 'options_audit_count_removed',
  omitted: 'options_audit_count_omitted',
  total: 'options_audit_count_total',
  skippedNotOptedOut: 'options_audit_count_skipped_not_opted_out',
  removedLists: 'options_audit_count_removed_lists',
  version: 'options_audit_count_version',
};

/** A field name Heed has no words for yet, spelled out: "skippedRows" -> "skipped rows". */
function spelledOut(key: string): string {
  return key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .toLowerCase();
}

/** "1,200 rows, 3 rejected, 2 duplicates in the file" from an event's counts. */
export function countsText(counts: AuditEvent['counts']): string {
  if (!counts) return '';
  const parts = Object.entries(counts).map(([k, v]) => {
    const base = COUNT_KEY[k];
    return base ? tn(base, v) : t('options_audit_count_other', formatNumber(v), spelledOut(k));
  });
  return new Intl.ListFormat(getLanguage(), { type: 'unit', style: 'short' }).format(parts);
}

// The words for the field names the store writes into a detail ("changed defaultCountry retentionDays").
const FIELD_KEY: Record<string, MessageKey> = {
  language: 'options_policy_lock_language',
  defaultCountry: 'options_settings_default_country',
  defaultSubscriber: 'options_settings_default_subscriber',
  ownDomains: 'options_settings_own_domains',
  extraPersonalDomains: 'options_settings_personal_domains',
  showPossibleMatches: 'options_settings_possible_matches',
  charity: 'options_audit_field_charity',
  retentionDays: 'options_policy_lock_retention',
  annotatedSites: 'options_sites_title',
  sidePanelOnly: 'options_policy_lock_side_panel_only',
  sendCheck: 'options_policy_lock_send_check',
  sendCheckStopOnCheck: 'options_policy_lock_stop_on_check',
  overrideNeedsReason: 'options_policy_lock_override_reason',
  teamLiaAssessedAt: 'options_settings_team_lia',
  teamScreenedAt: 'options_settings_team_screened',
  teamBusinessEmailSignOffAt: 'options_settings_team_signoff',
  teamArt14InFirstMessage: 'options_audit_field_art14',
  name: 'options_audit_field_list_name',
  description: 'options_audit_field_list_description',
  channels: 'options_audit_field_list_channels',
};

function fields(names: string): string {
  const words = names
    .split(' ')
    .filter(Boolean)
    .map((k) => (k in FIELD_KEY ? t(FIELD_KEY[k] as MessageKey) : spelledOut(k)));
  return new Intl.ListFormat(getLanguage(), { type: 'unit', style: 'short' }).format(words);
}

const KIND_KEY: Record<EntryKind, MessageKey> = {
  email: 'options_audit_kind_email',
  md5: 'options_audit_kind_md5',
  sha1: 'options_audit_kind_sha1',
  sha256: 'options_audit_kind_sha256',
  sha512: 'options_audit_kind_sha512',
  domain: 'options_audit_kind_domain',
  profile: 'options_audit_kind_profile',
  salesnav: 'options_audit_kind_salesnav',
  phone: 'options_audit_kind_phone',
};

// Details the store and the pages write, word for word (they are hashed into the log, so they stay English there).
const FIXED_DETAIL: Record<string, MessageKey> = {
  'audit log': 'options_audit_detail_audit_log',
  'evidence pack': 'options_audit_detail_evidence_pack',
  'bulk check clean file': 'options_audit_detail_bulk_clean',
  'bulk check removed rows': 'options_audit_detail_bulk_removed',
  'bulk check result': 'options_audit_detail_bulk_result',
  'undo merge': 'options_audit_detail_undo_merge',
  'undo delete': 'options_audit_detail_undo_delete',
  'default list': 'options_audit_detail_default_list',
  'created team key': 'options_audit_detail_key_created',
  'imported team key': 'options_audit_detail_key_imported',
  'deleted team key': 'options_audit_detail_key_deleted',
  'exported team key (encrypted)': 'options_audit_detail_key_exported',
  created: 'options_audit_detail_contact_created',
  updated: 'options_audit_detail_contact_updated',
  'plain csv': 'options_audit_detail_plain_csv',
  'hashed csv': 'options_audit_detail_hashed_csv',
  'optizmo-md5': 'options_audit_detail_optizmo',
  'hubspot-optout': 'options_audit_detail_hubspot',
};

const PATTERNS: [RegExp, (m: RegExpExecArray, action: string) => string | undefined][] = [
  [/^changed (.+)$/, (m) => t('options_audit_detail_changed', fields(m[1] as string))],
  [/^organisation policy set (.+)$/, (m) => t('options_audit_detail_policy_set', fields(m[1] as string))],
  [/^trusted team key (\S+)$/, (m) => t('options_audit_detail_key_trusted', m[1] as string)],
  [/^no longer trusts team key (\S+)$/, (m) => t('options_audit_detail_key_untrusted', m[1] as string)],
  [
    /^applied full bundle of key (\S+)$/,
    (m) => t('options_audit_detail_bundle_applied_full', m[1] as string),
  ],
  [
    /^applied update since v(\d+) bundle of key (\S+)$/,
    (m) => t('options_audit_detail_bundle_applied_update', Number(m[1]), m[2] as string),
  ],
  [
    /^exported full (plain|hashed) bundle$/,
    (m) =>
      m[1] === 'hashed'
        ? t('options_audit_detail_bundle_exported_hashed')
        : t('options_audit_detail_bundle_exported'),
  ],
  [
    /^exported delta since v(\d+) (plain|hashed) bundle$/,
    (m) =>
      m[2] === 'hashed'
        ? t('options_audit_detail_delta_exported_hashed', Number(m[1]))
        : t('options_audit_detail_delta_exported', Number(m[1])),
  ],
  [/^backup of (.+)$/, (m) => t('options_audit_detail_backup_of', formatWhen(m[1] as string))],
  [
    /^kind (\S+)$/,
    (m) =>
      (m[1] as string) in KIND_KEY
        ? t('options_audit_detail_kind', t(KIND_KEY[m[1] as EntryKind]))
        : undefined,
  ],
];

/**
 * An event's detail in the page's language. The log stores it in English (it is part of the hash chain and the
 * CSV export); anything not written by Heed itself, such as the reason given for sending anyway, stays as typed.
 */
export function auditDetailText(e: Pick<AuditEvent, 'action' | 'detail'>): string {
  const d = e.detail;
  if (!d) return '';
  const fixed = FIXED_DETAIL[d];
  if (fixed) return t(fixed);
  for (const [re, text] of PATTERNS) {
    const m = re.exec(d);
    const out = m ? text(m, e.action) : undefined;
    if (out !== undefined) return out;
  }
  return d;
}

// How lib/store/audit-chain says what is wrong with the first broken entry.
const PROBLEM_KEY: Record<string, MessageKey> = {
  'has no hash although earlier entries have: its seal was removed': 'options_audit_problem_unsealed',
  'does not follow the entry before it: an entry before it was changed, removed or inserted':
    'options_audit_problem_unchained',
  'was changed after it was written': 'options_audit_problem_changed',
};

export function auditProblemText(problem: string): string {
  const key = PROBLEM_KEY[problem];
  return key ? t(key) : problem;
}

/**
 * The query bounds for a date filter: from the start of the first day to the start of the day after the last,
 * in the user's time zone (what they mean by "on 3 May"), as the ISO instants the log stores.
 */
export function dayRange(from: string, to: string): { from?: string; to?: string } {
  const out: { from?: string; to?: string } = {};
  if (/^\d{4}-\d{2}-\d{2}$/.test(from)) out.from = new Date(`${from}T00:00:00`).toISOString();
  if (/^\d{4}-\d{2}-\d{2}$/.test(to)) {
    const d = new Date(`${to}T00:00:00`);
    d.setDate(d.getDate() + 1);
    out.to = d.toISOString();
  }
  return out;
}

/** A date and time for the log: British English's day-month order in English, the language's own otherwise. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  if (getLanguage() === 'en') return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
  return formatDateTime(d);
}
