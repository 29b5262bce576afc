import { logAudit } from '../audit';
import { ContactError, saveContact } from '../contacts';
import type { HeedDb } from '../db';
import { contactsPastRetention } from '../retention';
import type { Contact, ContactInput } from '../schemas';

// Saving a contact record (the popup's lawful-basis form) and taking the save back. What undo restores is read
// in the save's own transaction, so it is the record this save replaced, not one a page read a while ago.

/** What undo needs: the record as it was before the save, or that there was none; and when the save was. */
export type ContactUndo =
  | { kind: 'restore'; previous: Contact; savedAt: string }
  | { kind: 'delete'; id: string; savedAt: string };

export async function saveContactWithUndo(
  db: HeedDb,
  input: ContactInput,
  opts: { defaultCountry?: string } = {},
): Promise<{ saved: Contact; undo: ContactUndo }> {
  return db.transaction('rw', db.contacts, db.audit, async () => {
    const previous = input.id !== undefined ? await db.contacts.get(input.id) : undefined;
    const saved = await saveContact(db, input, opts);
    const undo: ContactUndo = previous
      ? { kind: 'restore', previous, savedAt: saved.updatedAt }
      : { kind: 'delete', id: saved.id, savedAt: saved.updatedAt };
    return { saved, undo };
  });
}

/**
 * Puts the contact back as it was before the save (or removes the one the save created). Refused when the record
 * changed since (another page saved it): undoing would silently throw that later change away.
 */
export async function undoContactSave(db: HeedDb, undo: ContactUndo): Promise<Contact | undefined> {
  const id = undo.kind === 'delete' ? undo.id : undo.previous.id;
  return db.transaction('rw', db.contacts, db.audit, async () => {
    const now = await db.contacts.get(id);
    if (now && now.updatedAt !== undo.savedAt) {
      throw new ContactError(
        'The record has changed since (saved again elsewhere), so this save cannot be undone.',
      );
    }
    if (undo.kind === 'delete') {
      if (!now) return undefined;
      await db.contacts.delete(id);
      await logAudit(db, { action: 'contact-delete', counts: { contacts: 1 }, detail: 'undo save' });
      return undefined;
    }
    await db.contacts.put(undo.previous);
    await logAudit(db, { action: 'contact-save', detail: 'undo save' });
    return undo.previous;
  });
}

/** What a purge took out, to put back on Undo (for the page's session only). */
export interface PurgeReceipt {
  contacts: Contact[];
}

/**
 * Deletes the chosen contact records that are past their retention period (GDPR Art. 5(1)(e), storage
 * limitation). Which ones are due is decided again inside the delete's transaction: a record renewed on another
 * page since the list was shown is kept. Suppression entries are never touched (an opt-out is kept because the
 * person opted out). One audit event says how many went, and why.
 */
export async function purgePastRetention(
  db: HeedDb,
  ids: readonly string[],
  now: Date = new Date(),
): Promise<PurgeReceipt> {
  const chosen = new Set(ids);
  return db.transaction('rw', db.contacts, db.settings, db.audit, async () => {
    const due = (await contactsPastRetention(db, now)).filter((f) => chosen.has(f.contact.id));
    const contacts = due.map((f) => f.contact);
    if (contacts.length === 0) return { contacts };
    await db.contacts.bulkDelete(contacts.map((c) => c.id));
    await logAudit(db, {
      action: 'purge',
      counts: { contacts: contacts.length },
      detail: 'past retention (GDPR Art. 5(1)(e))',
    });
    return { contacts };
  });
}

/** Puts purged records back as they were, except one whose id is in use again; returns how many came back. */
export async function undoPurge(db: HeedDb, receipt: PurgeReceipt): Promise<number> {
  return db.transaction('rw', db.contacts, db.audit, async () => {
    const now = await db.contacts.bulkGet(receipt.contacts.map((c) => c.id));
    const back = receipt.contacts.filter((_, i) => now[i] === undefined);
    if (back.length === 0) return 0;
    await db.contacts.bulkAdd(back);
    await logAudit(db, { action: 'contact-save', counts: { contacts: back.length }, detail: 'undo purge' });
    return back.length;
  });
}
