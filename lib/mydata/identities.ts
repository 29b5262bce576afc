import { normaliseEmail, possibleEmailVariants } from '../identifiers/email';
import { loadHashers } from '../identifiers/hash';
import { canonicalLinkedInProfile } from '../identifiers/linkedin';
import { normalisePhone } from '../identifiers/phone';
import type { Normalised } from '../identifiers/result';
import type { SelfDb } from './db';
import type { Identity, IdentityKind } from './schemas';

export const MAX_IDENTITIES = 200;

export function normaliseIdentity(
  kind: IdentityKind,
  raw: string,
  defaultCountry?: string,
): Normalised<string> {
  switch (kind) {
    case 'email':
      return normaliseEmail(raw);
    case 'phone':
      return normalisePhone(raw, defaultCountry);
    case 'profile':
      return canonicalLinkedInProfile(raw);
  }
}

export interface NewIdentity {
  kind: IdentityKind;
  raw: string;
  label?: string;
  /** Keep only the SHA-256: it still matches on pages but cannot be written into a letter. */
  hashedOnly?: boolean;
  /** ISO country for a phone number written without +44 / 0044. */
  defaultCountry?: string;
}

export type AddResult = { ok: true; identity: Identity } | { ok: false; reason: string; existing?: Identity };

const KIND_ORDER: Record<IdentityKind, number> = { email: 0, phone: 1, profile: 2 };

/** Every identity, emails first, then phones, then profiles; oldest first within a kind. */
export async function listIdentities(db: SelfDb): Promise<Identity[]> {
  const all = await db.identities.toArray();
  return all.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.addedAt.localeCompare(b.addedAt));
}

export interface Candidates {
  emails: string[];
  phones: string[];
  profileUrls: string[];
}

export interface MineMatch {
  kind: IdentityKind;
  /** The string as the page wrote it, so the scan can find and highlight it. */
  value: string;
  identityId: string;
  /**
   * 'exact' when the page shows the identity itself; 'variant' when it shows another spelling that reaches the same
   * mailbox (a +tag, Gmail dots), which is worth showing but is not the same address.
   */
  certainty: 'exact' | 'variant';
}

// A page can show thousands of strings; matching is bounded so a hostile page cannot make it slow.
const MAX_CANDIDATES_PER_KIND = 1000;

function unique(xs: readonly string[]): string[] {
  return [...new Set(xs)].slice(0, MAX_CANDIDATES_PER_KIND);
}

/**
 * Which of the page's identifiers are the user's own. Everything is normalised and compared by SHA-256, so identities
 * kept as a hash only match too. Phones written without a country code are read with the countries of the user's own
 * numbers (a page in the user's country writes numbers the local way).
 */
export async function matchMine(db: SelfDb, candidates: Candidates): Promise<MineMatch[]> {
  const mine = await db.identities.toArray();
  if (mine.length === 0) return [];
  const byHash = new Map(mine.map((m) => [m.sha256, m]));
  const hashers = await loadHashers();
  const out: MineMatch[] = [];
  const seen = new Set<string>();
  const push = (kind: IdentityKind, value: string, hash: string, certainty: MineMatch['certainty']) => {
    const identity = byHash.get(hash);
    if (!identity || identity.kind !== kind) return false;
    const key = `${kind}\n${value}`;
    if (seen.has(key)) return true;
    seen.add(key);
    out.push({ kind, value, identityId: identity.id, certainty });
    return true;
  };

  if (mine.some((m) => m.kind === 'email')) {
    // Variants are compared in plain text, so only identities with a stored value have them: a hashed-only
    // address matches exactly or not at all.
    const variantOf = new Map<string, Identity>();
    for (const m of mine) {
      if (m.kind !== 'email' || m.value === undefined) continue;
      for (const v of possibleEmailVariants(m.value)) if (!variantOf.has(v)) variantOf.set(v, m);
    }
    for (const raw of unique(candidates.emails)) {
      const n = normaliseEmail(raw);
      if (!n.ok) continue;
      if (push('email', raw, hashers.sha256(n.value), 'exact')) continue;
      for (const v of [n.value, ...possibleEmailVariants(n.value)]) {
        const identity = variantOf.get(v);
        if (identity && push('email', raw, identity.sha256, 'variant')) break;
      }
    }
  }

  const phones = mine.filter((m) => m.kind === 'phone');
  if (phones.length > 0) {
    const countries = [...new Set(phones.map((p) => p.country).filter((c): c is string => c !== undefined))];
    for (const raw of unique(candidates.phones)) {
      const tried = new Set<string>();
      for (const country of [undefined, ...countries]) {
        const n = normalisePhone(raw, country);
        if (!n.ok || tried.has(n.value)) continue;
        tried.add(n.value);
        if (push('phone', raw, hashers.sha256(n.value), 'exact')) break;
      }
    }
  }

  if (mine.some((m) => m.kind === 'profile')) {
    for (const raw of unique(candidates.profileUrls)) {
      const n = canonicalLinkedInProfile(raw);
      if (n.ok) push('profile', raw, hashers.sha256(n.value), 'exact');
    }
  }
  return out;
}

/** What a letter can carry: identities with their plain value. Hashed-only ones cannot be written out. */
export function letterIdentities(identities: readonly Identity[]): { kind: IdentityKind; value: string }[] {
  return identities.flatMap((i) => (i.value === undefined ? [] : [{ kind: i.kind, value: i.value }]));
}
