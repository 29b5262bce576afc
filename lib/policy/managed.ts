import { browser } from 'wxt/browser';
import { t } from '../i18n';
import { logAudit } from '../store/audit';
import type { HeedDb } from '../store/db';
import { setStorePolicySource } from '../store/policy-guard';
import { type Settings, SettingsSchema } from '../store/schemas';
import { getSettings } from '../store/settings';
import { EMPTY_POLICY, type ParsedPolicy, parsePolicy } from './schema';

// Reads browser.storage.managed: Chrome and Edge fill it from enterprise policy (with public/managed_schema.json
// declaring the keys), Firefox from policies.json's 3rdparty.Extensions. With no policy, Chrome answers {} and
// Firefox throws ("Managed storage manifest not found"): both mean "no policy", never an error for the rep.

export async function readManagedPolicy(
  get: () => Promise<unknown> = () => browser.storage.managed.get(),
): Promise<ParsedPolicy> {
  let raw: unknown;
  try {
    raw = await get();
  } catch {
    return { policy: { ...EMPTY_POLICY }, keys: [], warnings: [] };
  }
  try {
    return parsePolicy(raw);
  } catch {
    return {
      policy: { ...EMPTY_POLICY },
      keys: [],
      warnings: [t('options_policy_unreadable')],
    };
  }
}

/** Makes lib/store enforce the policy in this context (page or service worker). */
export function installManagedPolicy(): void {
  setStorePolicySource(async () => (await readManagedPolicy()).policy);
}

/**
 * Writes the locked values into the stored settings where they differ, so every reader of the settings (the
 * background's lookups included) sees what the organisation fixed. Settings keys Heed does not have yet are skipped.
 */
export async function enforceLockedSettings(db: HeedDb, parsed: ParsedPolicy): Promise<string[]> {
  const locked = parsed.policy.lockedSettings;
  const shape = SettingsSchema.shape as Record<string, unknown>;
  return db.transaction('rw', db.settings, db.audit, async () => {
    const current: Settings = await getSettings(db);
    const patch: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(locked)) {
      if (k in shape && JSON.stringify((current as Record<string, unknown>)[k]) !== JSON.stringify(v))
        patch[k] = v;
    }
    const changed = Object.keys(patch);
    if (changed.length === 0) return changed;
    await db.settings.put({ key: 'settings', value: SettingsSchema.parse({ ...current, ...patch }) });
    await logAudit(db, {
      action: 'settings',
      actor: 'system',
      detail: `organisation policy set ${changed.join(' ')}`.slice(0, 200),
    });
    return changed;
  });
}

/** Calls back with the new policy whenever the organisation's policy changes (Chrome re-reads it periodically). */
export function onManagedPolicyChange(cb: (p: ParsedPolicy) => void): () => void {
  const listener = (_changes: unknown, area: string) => {
    if (area === 'managed') void readManagedPolicy().then(cb);
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}
