import type { ColumnRole, Delimiter, EntryKind, TextEncoding } from '../../store/schemas';
import type { Channel, SuppressionReason } from '../../vocab';

// The words the Lists, Import and Backup sections show for stored codes, in one place so that the table,
// the wizard and the exports say the same thing.

export const KIND_LABEL: Record<EntryKind, string> = {
  email: 'Email',
  md5: 'Hash (MD5)',
  sha1: 'Hash (SHA-1)',
  sha256: 'Hash (SHA-256)',
  sha512: 'Hash (SHA-512)',
  domain: 'Domain',
  profile: 'LinkedIn profile',
  salesnav: 'Sales Navigator lead',
  phone: 'Phone',
};

export const REASON_LABEL: Record<SuppressionReason | 'unknown', string> = {
  objection: 'Objection (do not contact)',
  unsubscribe: 'Unsubscribed',
  erasure: 'Erasure request',
  'do-not-call': 'Do not call',
  bounce: 'Bounced',
  complaint: 'Complaint',
  other: 'Other',
  unknown: 'Unknown',
};

export const CHANNEL_NAME: Record<Channel, string> = {
  email: 'Email',
  sms: 'SMS',
  phone: 'Phone',
  post: 'Post',
  inmail: 'InMail',
};

export const ROLE_LABEL: Record<ColumnRole, string> = {
  email: 'Email address',
  md5: 'MD5 hash',
  sha1: 'SHA-1 hash',
  sha256: 'SHA-256 hash',
  sha512: 'SHA-512 hash',
  hash: 'Hash (any algorithm)',
  domain: 'Domain',
  profile: 'LinkedIn profile URL',
  salesnav: 'Sales Navigator URL',
  phone: 'Phone number',
  auto: 'Any identifier (guess per value)',
  kind: 'Kind of the identifier',
  reason: 'Reason',
  date: 'Date (opt-out since)',
  ignore: 'Ignore',
};

export const DELIMITER_LABEL: Record<Delimiter, string> = {
  ',': 'Comma (,)',
  '\t': 'Tab',
  ';': 'Semicolon (;)',
  '|': 'Pipe (|)',
  '': 'None: one value per line',
};

export const ENCODING_LABEL: Record<TextEncoding, string> = {
  'utf-8': 'UTF-8',
  'utf-16le': 'UTF-16 (little-endian)',
  'utf-16be': 'UTF-16 (big-endian)',
  'windows-1252': 'Windows-1252 (old Excel)',
};

const NUMBER = new Intl.NumberFormat('en-GB');

/** Thousands separators, always the same (en-GB), so "Imported 1,000" reads the same on every machine. */
export function formatCount(n: number): string {
  return NUMBER.format(n);
}

/** The scope of a list in words: absent channels mean every channel. */
export function scopeText(channels: readonly Channel[] | undefined): string {
  if (!channels || channels.length === 0) return 'Every channel';
  return channels.map((c) => CHANNEL_NAME[c]).join(', ');
}

/** A list name from a file name: extension and path dropped, separators to spaces, capped at 200 characters. */
export function listNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(csv|tsv|txt|text|tab|dat|lst|list|xlsx|zip)$/i, '');
  const tidy = stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (tidy === '' ? 'Imported list' : tidy).slice(0, 200);
}

/** "12.5 MB"-style sizes for file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KB', 'MB', 'GB'];
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return `${v < 10 ? v.toFixed(1) : Math.round(v)} ${units[u]}`;
}

/** "1 min 5 s", "12 s", "under 1 s": for the time left of an import. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 1) return 'under 1 s';
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest === 0 ? `${m} min` : `${m} min ${rest} s`;
  const h = Math.floor(m / 60);
  return `${h} h ${m % 60} min`;
}
