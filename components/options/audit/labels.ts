import type { AuditAction, AuditEvent } from '@/lib/store/schemas';

export const AUDIT_ACTION_LABEL: Record<AuditAction, string> = {
  import: 'Import',
  export: 'Export',
  'delete-list': 'List deleted',
  'delete-entry': 'Entry removed',
  'create-list': 'List created',
  'update-list': 'List changed',
  'merge-lists': 'Lists merged',
  restore: 'Restore',
  backup: 'Backup',
  settings: 'Settings changed',
  'contact-save': 'Contact record saved',
  'contact-delete': 'Contact record deleted',
  'opt-out': 'Opt-out recorded',
  purge: 'Records purged',
  'send-override': 'Sent anyway to a blocked recipient',
  'team-bundle': 'Team bundle',
  'team-key': 'Team key',
};

/** How each count reads after its number ("3 rejected"): the log shows words, not field names. */
const COUNT_WORDS: Record<string, [one: string, many: string]> = {
  rows: ['row', 'rows'],
  rejected: ['rejected', 'rejected'],
  duplicatesInFile: ['duplicate in the file', 'duplicates in the file'],
  alreadyPresent: ['already on the list', 'already on the list'],
  added: ['added', 'added'],
  entries: ['entry', 'entries'],
  lists: ['list', 'lists'],
  contacts: ['contact', 'contacts'],
  events: ['event', 'events'],
  buckets: ['storage block', 'storage blocks'],
  removed: ['removed', 'removed'],
  omitted: ['left out', 'left out'],
  total: ['in all', 'in all'],
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
  return Object.entries(counts)
    .map(([k, v]) => {
      const words = COUNT_WORDS[k];
      const word = words ? (v === 1 ? words[0] : words[1]) : spelledOut(k);
      return `${v.toLocaleString('en')} ${word}`;
    })
    .join(', ');
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

export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
