import { z } from 'zod';
import { type MessageKey, t } from '../i18n';
import type { StorePolicy } from '../store/policy-guard';
import { SettingsSchema } from '../store/schemas';

// The organisation's policy, as Chrome/Edge enterprise policy (3rdparty.extensions.<id>) or Firefox's
// policies.json (3rdparty.Extensions.<id>) hands it to storage.managed. Each key is parsed on its own: a
// malformed key is ignored with a warning the options page shows, and never takes the others down with it.
// public/managed_schema.json declares the same keys for Chrome; docs/admin.md documents them.

/**
 * Settings a policy can lock, by their key in SettingsSchema. `sendCheck: true` locks the check at Send on in
 * every mail and messaging site (a per-site object is accepted too); `overrideNeedsReason` is always in force
 * (the send dialog and the background both demand a reason of at least 10 characters), so its lock only shows.
 */
export const LOCKABLE_SETTINGS = [
  'sendCheck',
  'sendCheckStopOnCheck',
  'overrideNeedsReason',
  'defaultCountry',
  'defaultSubscriber',
  'retentionDays',
  'showPossibleMatches',
  'sidePanelOnly',
  'language',
] as const;
export type LockableSetting = (typeof LOCKABLE_SETTINGS)[number];

const SETTING_LABEL: Record<LockableSetting, MessageKey> = {
  sendCheck: 'options_policy_lock_send_check',
  sendCheckStopOnCheck: 'options_policy_lock_stop_on_check',
  overrideNeedsReason: 'options_policy_lock_override_reason',
  defaultCountry: 'options_policy_lock_default_country',
  defaultSubscriber: 'options_policy_lock_default_subscriber',
  retentionDays: 'options_policy_lock_retention',
  showPossibleMatches: 'options_policy_lock_possible_matches',
  sidePanelOnly: 'options_policy_lock_side_panel_only',
  language: 'options_policy_lock_language',
};

/** A lockable setting's name in the page's language. */
export function settingLabel(key: LockableSetting): string {
  return t(SETTING_LABEL[key]);
}

const Base64Key = z.string().regex(/^[A-Za-z0-9+/]{43}=$/, { error: () => t('options_policy_bad_key') });

const KEY_SCHEMAS = {
  teamKeys: z
    .array(z.object({ name: z.string().trim().min(1).max(200), publicKey: Base64Key }))
    .min(1)
    .max(20),
  requireSignedLists: z.boolean(),
  hideDeleteList: z.boolean(),
  lockReason: z.string().trim().min(1).max(500),
} as const;

export interface TeamKeyPolicy {
  name: string;
  publicKey: string;
}

export interface Policy extends StorePolicy {
  teamKeys: TeamKeyPolicy[];
}

export interface ParsedPolicy {
  policy: Policy;
  /** Each key the policy set, for "the policy in effect". */
  keys: string[];
  warnings: string[];
}

export const EMPTY_POLICY: Policy = {
  teamKeys: [],
  requireSignedLists: false,
  hideDeleteList: false,
  lockedSettings: {},
};

/** A lockable setting's value checked against the Settings schema (when Settings has that key yet). */
function lockValue(key: string, value: unknown): { ok: true; value: unknown } | { ok: false; error: string } {
  const shape = SettingsSchema.shape as Record<string, z.ZodType>;
  if (key === 'sendCheck' && typeof value === 'boolean')
    return { ok: true, value: { gmail: value, outlook: value, linkedin: value } };
  const pending: Record<string, z.ZodType> = { overrideNeedsReason: z.literal(true) };
  const schema = shape[key] ?? pending[key];
  if (!schema) return { ok: false, error: t('options_policy_not_lockable') };
  const r = schema.safeParse(value);
  return r.success
    ? { ok: true, value: r.data }
    : { ok: false, error: r.error.issues[0]?.message ?? t('options_policy_invalid') };
}

export function parsePolicy(raw: unknown): ParsedPolicy {
  const warnings: string[] = [];
  const policy: Policy = { ...EMPTY_POLICY, lockedSettings: {}, teamKeys: [] };
  const keys: string[] = [];
  if (raw === undefined || raw === null) return { policy, keys, warnings };
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    return { policy, keys, warnings: [t('options_policy_not_object')] };
  }
  for (const [k, v] of Object.entries(raw as Record<string, unknown>)) {
    if (k === 'lockedSettings') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) {
        warnings.push(t('options_policy_locks_not_object'));
        continue;
      }
      for (const [sk, sv] of Object.entries(v as Record<string, unknown>)) {
        const r = lockValue(sk, sv);
        if (r.ok) policy.lockedSettings[sk] = r.value;
        else warnings.push(t('options_policy_lock_ignored', sk, r.error));
      }
      if (Object.keys(policy.lockedSettings).length > 0) keys.push(k);
      continue;
    }
    if (k === 'teamKeys' && Array.isArray(v)) {
      // Item by item: one mistyped key must not untrust the team's good one.
      const item = z.object({ name: z.string().trim().min(1).max(200), publicKey: Base64Key });
      v.slice(0, 20).forEach((x, i) => {
        const r = item.safeParse(x);
        if (r.success) policy.teamKeys.push(r.data);
        else
          warnings.push(
            t(
              'options_policy_team_key_ignored',
              i + 1,
              r.error.issues[0]?.message ?? t('options_policy_invalid'),
            ),
          );
      });
      if (policy.teamKeys.length > 0) keys.push(k);
      continue;
    }
    const schema = KEY_SCHEMAS[k as keyof typeof KEY_SCHEMAS];
    if (!schema) {
      warnings.push(t('options_policy_key_unknown', k));
      continue;
    }
    const r = schema.safeParse(v);
    if (!r.success) {
      const first = r.error.issues[0];
      const why = first?.message ?? t('options_policy_invalid');
      warnings.push(
        first?.path.length
          ? t('options_policy_key_ignored_at', k, first.path.join('.'), why)
          : t('options_policy_key_ignored', k, why),
      );
      continue;
    }
    keys.push(k);
    if (k === 'teamKeys') policy.teamKeys = r.data as TeamKeyPolicy[];
    else if (k === 'requireSignedLists') policy.requireSignedLists = r.data as boolean;
    else if (k === 'hideDeleteList') policy.hideDeleteList = r.data as boolean;
    else if (k === 'lockReason') policy.reason = r.data as string;
  }
  return { policy, keys, warnings };
}
