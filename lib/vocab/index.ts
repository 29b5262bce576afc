// The shared words of Heed, as plain arrays: every module (risk engine, store, pages, messages, content scripts)
// uses these, so a value that is valid in one place is valid everywhere. No Zod here: content scripts import this
// file and must stay small. The Zod enums that check these words at a trust boundary are in ./schemas.ts, the
// words a person reads for them in ./labels.ts.
//
// A list built from another (`[...HASH_KINDS, …]`) is made through `pure`: the bundler keeps a bare top-level
// spread in every content script that imports this file, as it cannot tell that iterating an array does nothing else.

/** Calls `make`; marked free of side effects, so a bundle that does not use the result drops it. */
const pure = <T>(make: () => T): T => make();

export const CHANNELS = ['email', 'sms', 'phone', 'post', 'inmail'] as const;
export type Channel = (typeof CHANNELS)[number];

export const LEVELS = ['blocked', 'high', 'caution', 'ok'] as const;
export type Level = (typeof LEVELS)[number];

/** What the engine says of one channel (the risk engine's ChannelStatus, the badge's ChannelVerdict). */
export const CHANNEL_VERDICTS = ['allowed', 'check', 'blocked'] as const;
export type ChannelVerdict = (typeof CHANNEL_VERDICTS)[number];

export const SUPPRESSION_REASONS = [
  'objection',
  'unsubscribe',
  'erasure',
  'do-not-call',
  'bounce',
  'complaint',
  'other',
] as const;
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];

/**
 * Suppression reasons that may be limited to some channels. An objection to direct marketing (GDPR/UK GDPR
 * Art. 21(2)–(3)), an erasure request (Art. 17) and a complaint (treated as an objection) stop all marketing,
 * so they always cover every channel whatever the entry's `channels` say.
 */
export const CHANNEL_SCOPABLE_REASONS = ['unsubscribe', 'do-not-call', 'bounce', 'other'] as const;

export function reasonAllowsChannelScope(reason: SuppressionReason): boolean {
  return (CHANNEL_SCOPABLE_REASONS as readonly string[]).includes(reason);
}

export const SUBSCRIBERS = [
  'individual',
  'sole-trader',
  'partnership',
  'llp',
  'corporate',
  'public-body',
  'unknown',
] as const;
export type Subscriber = (typeof SUBSCRIBERS)[number];

export const STAGES = ['suspect', 'prospect', 'client', 'former-client', 'unknown'] as const;
export type Stage = (typeof STAGES)[number];

export const EMAIL_KINDS = ['personal', 'work', 'unknown'] as const;
export type EmailKind = (typeof EMAIL_KINDS)[number];

export const DATA_SOURCES = ['subject', 'third-party', 'unknown'] as const;
export type DataSource = (typeof DATA_SOURCES)[number];

/** Which kind of page a person was read from (lib/extract). */
export const PAGE_SOURCES = ['linkedin-profile', 'linkedin-salesnav', 'github', 'generic'] as const;
export type PageSource = (typeof PAGE_SOURCES)[number];

export const PHONE_KINDS = ['work', 'personal', 'unknown'] as const;
export type PhoneKind = (typeof PHONE_KINDS)[number];

/** How a person's contact details were visible where they were collected (the CNIL's KASPR decision). */
export const CONTACT_VISIBILITIES = ['public', 'connections-only', 'download-blocked', 'unknown'] as const;
export type ContactVisibility = (typeof CONTACT_VISIBILITIES)[number];

// ---- Identifiers and list entries ------------------------------------------------------------------------

/** Hashes of an email address, their algorithm told by their length. OPTIZMO ships MD5 or SHA-512. */
export const HASH_KINDS = ['md5', 'sha1', 'sha256', 'sha512'] as const;
export type HashKind = (typeof HASH_KINDS)[number];

/** Identifiers stored as their normalised text. */
export const STRING_KINDS = ['email', 'domain', 'profile', 'salesnav', 'phone'] as const;
export type StringKind = (typeof STRING_KINDS)[number];

/** Every kind of identifier a list entry (or an import cell) can be, in the order pages show them. */
export const ENTRY_KINDS = /* @__PURE__ */ pure(
  () => ['email', ...HASH_KINDS, 'domain', 'profile', 'salesnav', 'phone'] as const,
);
export type EntryKind = (typeof ENTRY_KINDS)[number];

export function isHashKind(kind: string): kind is HashKind {
  // Spelled out rather than HASH_KINDS.includes: it runs once per entry when a million are imported.
  return kind === 'md5' || kind === 'sha1' || kind === 'sha256' || kind === 'sha512';
}

/**
 * Import column roles that hold an identifier, in the order the mapping menu offers them: every entry kind, a hash
 * whose algorithm its length tells (`hash`), and any identifier (`auto`, its kind from a `kind` column or guessed).
 */
export const IDENTIFIER_ROLES = /* @__PURE__ */ pure(
  () => ['email', 'hash', ...HASH_KINDS, 'domain', 'profile', 'salesnav', 'phone', 'auto'] as const,
);
export type IdentifierRole = (typeof IDENTIFIER_ROLES)[number];

/** Every role an import column can have: an identifier, or what describes the identifier on the same row. */
export const COLUMN_ROLES = /* @__PURE__ */ pure(
  () => [...IDENTIFIER_ROLES, 'kind', 'reason', 'date', 'ignore'] as const,
);
export type ColumnRole = (typeof COLUMN_ROLES)[number];

export function isIdentifierRole(role: string): role is IdentifierRole {
  return (IDENTIFIER_ROLES as readonly string[]).includes(role);
}

// ---- Places ---------------------------------------------------------------------------------------------

/**
 * Sites the content scripts annotate without asking: the manifest's host permissions and the content scripts' match
 * patterns (written whole: tests/bundle-check.mjs reads them in the bundles). Everything else is an optional
 * permission the user grants per site (options page) or a one-off scan (activeTab).
 */
export const LINKEDIN_HOST = 'www.linkedin.com';
export const GITHUB_HOST = 'github.com';
export const ANNOTATED_HOSTS: readonly string[] = [LINKEDIN_HOST, GITHUB_HOST];
// The types hold each pattern to its host. Written out rather than built, so no bundle holds a built address.
export const LINKEDIN_PAGES: `https://${typeof LINKEDIN_HOST}/*` = 'https://www.linkedin.com/*';
export const GITHUB_PAGES: `https://${typeof GITHUB_HOST}/*` = 'https://github.com/*';
export const ANNOTATED_PAGES: readonly string[] = [LINKEDIN_PAGES, GITHUB_PAGES];

/**
 * EU member states plus the EEA states (IS, LI, NO), which apply the GDPR and the ePrivacy Directive through the
 * EEA Agreement (ISO 3166-1 alpha-2).
 */
// biome-ignore format: one country list, easier to check in rows
export const EEA_COUNTRIES = [
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT',
  'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE', 'IS', 'LI', 'NO',
] as const;

/**
 * With the EEA, the countries offered wherever a person picks one (settings, My data): those whose rules Heed knows
 * and the usual trading partners.
 */
// biome-ignore format: one country list, easier to check in rows
export const COUNTRIES_BEYOND_EEA = [
  'GB', 'US', 'CA', 'CH', 'AU', 'NZ', 'IN', 'SG', 'IL', 'AE', 'ZA', 'BR', 'MX', 'AR', 'JP', 'CN', 'HK', 'TR', 'UA',
] as const;
