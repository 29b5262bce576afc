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

/** "rows 120, rejected 3" from an event's counts. */
export function countsText(counts: AuditEvent['counts']): string {
  if (!counts) return '';
  return Object.entries(counts)
    .map(([k, v]) => `${k} ${v.toLocaleString('en')}`)
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
