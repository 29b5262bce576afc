import { WordedError } from './error-words';

// What the organisation's policy (browser.storage.managed, read in lib/policy) forbids the store to do. The store
// cannot read browser storage itself (it also runs in unit tests and in the service worker before any page), so
// lib/policy installs the source once per context; with none installed, nothing is locked.

export interface StorePolicy {
  /** Setting key -> the value the organisation fixed. */
  lockedSettings: Record<string, unknown>;
  /** Plain imports and backup restores of lists are refused: lists come from signed team bundles only. */
  requireSignedLists: boolean;
  hideDeleteList: boolean;
  /** The organisation's explanation, shown with every refusal. */
  reason?: string;
}

export class PolicyError extends WordedError {
  override name = 'PolicyError';
}

let source: (() => Promise<StorePolicy>) | null = null;

export function setStorePolicySource(fn: (() => Promise<StorePolicy>) | null): void {
  source = fn;
}

/** The policy in effect, or null when none is installed. Never call inside a Dexie transaction (it leaves IndexedDB). */
export async function storePolicy(): Promise<StorePolicy | null> {
  return source ? source() : null;
}

function because(p: StorePolicy): string {
  return p.reason ? ` (${p.reason})` : '';
}

export async function assertListImportAllowed(what: 'import' | 'restore'): Promise<void> {
  const p = await storePolicy();
  if (!p?.requireSignedLists) return;
  const key =
    what === 'import'
      ? p.reason
        ? 'lists_err_policy_import_because'
        : 'lists_err_policy_import'
      : p.reason
        ? 'lists_err_policy_restore_because'
        : 'lists_err_policy_restore';
  throw new PolicyError({ key, subs: p.reason ? [p.reason] : [] });
}

export async function assertListDeleteAllowed(): Promise<void> {
  const p = await storePolicy();
  if (p?.hideDeleteList) {
    throw new PolicyError(
      p.reason
        ? { key: 'lists_err_policy_delete_because', subs: [p.reason] }
        : { key: 'lists_err_policy_delete' },
    );
  }
}

/** Throws when `patch` would change a setting the organisation locked to another value. */
export function assertSettingsUnlocked(p: StorePolicy | null, patch: Record<string, unknown>): void {
  if (!p) return;
  const changed = Object.keys(patch).filter(
    (k) => k in p.lockedSettings && JSON.stringify(patch[k]) !== JSON.stringify(p.lockedSettings[k]),
  );
  if (changed.length > 0) {
    throw new PolicyError(
      `${changed.join(', ')} ${changed.length === 1 ? 'is' : 'are'} locked by your organisation${because(p)}. Nothing was saved.`,
    );
  }
}
