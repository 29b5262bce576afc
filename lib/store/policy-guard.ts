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

export class PolicyError extends Error {
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
  throw new PolicyError(
    what === 'import'
      ? `Your organisation requires lists to come from signed team bundles${because(p)}: plain file imports are turned off. Import your team's bundle under Team instead. Nothing was imported.`
      : `Your organisation requires lists to come from signed team bundles${because(p)}: restoring lists from a backup is turned off. Nothing was restored.`,
  );
}

export async function assertListDeleteAllowed(): Promise<void> {
  const p = await storePolicy();
  if (p?.hideDeleteList) {
    throw new PolicyError(`Your organisation has turned off deleting lists${because(p)}.`);
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
