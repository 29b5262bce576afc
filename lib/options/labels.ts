import { formatNumber, t, translated } from '../i18n/index';
import type { Delimiter, TextEncoding } from '../store/schemas';
import type { Channel } from '../vocab';
import { channelWord } from '../vocab/labels';

// The words the Lists, Import and Backup sections show for stored codes, in one place so that the table,
// the wizard and the exports say the same thing.

export const DELIMITER_LABEL: Readonly<Record<Delimiter, string>> = translated({
  ',': 'lists_delim_comma',
  '\t': 'lists_delim_tab',
  ';': 'lists_delim_semicolon',
  '|': 'lists_delim_pipe',
  '': 'lists_delim_none',
});

export const ENCODING_LABEL: Readonly<Record<TextEncoding, string>> = translated({
  'utf-8': 'lists_enc_utf_8',
  'utf-16le': 'lists_enc_utf_16le',
  'utf-16be': 'lists_enc_utf_16be',
  'windows-1252': 'lists_enc_windows_1252',
});

/** Thousands separators in the page's language ("1,000" / "1.000" / "1 000"), whatever the machine's locale. */
export function formatCount(n: number): string {
  return formatNumber(n);
}

/** The scope of a list in words: absent channels mean every channel. */
export function scopeText(channels: readonly Channel[] | undefined): string {
  if (!channels || channels.length === 0) return t('lists_scope_every');
  return channels.map(channelWord).join(', ');
}

/** A list name from a file name: extension and path dropped, separators to spaces, capped at 200 characters. */
export function listNameFromFile(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const stem = base.replace(/\.(csv|tsv|txt|text|tab|dat|lst|list|xlsx|zip)$/i, '');
  const tidy = stem.replace(/[_]+/g, ' ').replace(/\s+/g, ' ').trim();
  return (tidy === '' ? t('lists_imported_list') : tidy).slice(0, 200);
}

const BYTE_UNITS = ['lists_bytes_kb', 'lists_bytes_mb', 'lists_bytes_gb'] as const;

/** "12.5 MB"-style sizes for file sizes. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return t('lists_bytes_b', bytes);
  let v = bytes / 1024;
  let u = 0;
  while (v >= 1024 && u < BYTE_UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  const shown =
    v < 10
      ? formatNumber(v, { minimumFractionDigits: 1, maximumFractionDigits: 1 })
      : formatNumber(Math.round(v));
  return t(BYTE_UNITS[u] ?? 'lists_bytes_gb', shown);
}

/** "1 min 5 s", "12 s", "under 1 s": for the time left of an import. */
export function formatDuration(ms: number): string {
  if (!Number.isFinite(ms) || ms < 0) return '—';
  const s = Math.round(ms / 1000);
  if (s < 1) return t('lists_dur_under');
  if (s < 60) return t('lists_dur_s', s);
  const m = Math.floor(s / 60);
  const rest = s % 60;
  if (m < 60) return rest === 0 ? t('lists_dur_min', m) : t('lists_dur_min_s', m, rest);
  const h = Math.floor(m / 60);
  return t('lists_dur_h_min', h, m % 60);
}
