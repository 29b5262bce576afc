import { logAudit } from './audit';
import type { HeedDb } from './db';
import type { Contact } from './schemas';
import { getSettings } from './settings';

// Rule 19: contact records must not be kept past their retention period. Suppression entries are exempt
// (rule 1: they are kept *because* someone opted out), so nothing here touches lists or buckets.

export interface RetentionFlag {
  contact: Contact;
  /** The date the record should have been deleted by. */
  dueAt: string;
  /** 'retention-date': the contact's own date; 'default-period': collected/created + settings.retentionDays. */
  basis: 'retention-date' | 'default-period';
}

function instant(iso: string): number {
  return Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
}

/**
 * When a contact record is due for deletion: its own retention date, else collected (or created) plus the
 * settings' retention period. Null while it is not due yet at `now`.
 */
export function retentionDue(
  contact: Contact,
  retentionDays: number,
  now: Date,
): Omit<RetentionFlag, 'contact'> | null {
  let dueAt: string;
  let basis: RetentionFlag['basis'];
  if (contact.retentionUntil !== undefined) {
    dueAt = contact.retentionUntil;
    basis = 'retention-date';
  } else {
    const start = instant(contact.collectedAt ?? contact.createdAt);
    dueAt = new Date(start + retentionDays * 86_400_000).toISOString();
    basis = 'default-period';
  }
  return instant(dueAt) <= now.getTime() ? { dueAt, basis } : null;
}

/** Contacts whose retention date (or, lacking one, the default period) has passed at `now`, oldest due first. */
export async function contactsPastRetention(db: HeedDb, now: Date = new Date()): Promise<RetentionFlag[]> {
  const { retentionDays } = await getSettings(db);
  const out: RetentionFlag[] = [];
  await db.contacts.each((contact) => {
    const due = retentionDue(contact, retentionDays, now);
    if (due) out.push({ contact, ...due });
  });
  return out.sort((a, b) => instant(a.dueAt) - instant(b.dueAt));
}

/** Deletes the given contacts (and only contacts). Returns how many were deleted. */
export async function purgeContacts(db: HeedDb, ids: readonly string[], actor: 'user' | 'system' = 'user') {
  return db.transaction('rw', db.contacts, db.audit, async () => {
    const existing = (await db.contacts.bulkGet([...ids])).filter((c) => c !== undefined);
    await db.contacts.bulkDelete(existing.map((c) => c.id));
    await logAudit(db, { action: 'purge', actor, counts: { contacts: existing.length } });
    return existing.length;
  });
}
