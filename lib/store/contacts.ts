import { logAudit } from './audit';
import { type HeedDb, nowIso } from './db';
import { contactKeys, normaliseIds } from './lookup';
import { type Contact, type ContactInput, ContactInputSchema, ContactSchema } from './schemas';

export class ContactError extends Error {
  override name = 'ContactError';
}

/**
 * Validates and stores a contact. Identifiers are normalised (an identifier that cannot be is an error,
 * not silently dropped) and indexed as keys, so lookups find the contact by any of them.
 */
export async function saveContact(db: HeedDb, input: ContactInput, opts: { defaultCountry?: string } = {}) {
  const parsed = ContactInputSchema.parse(input);
  const ids = normaliseIds(
    {
      emails: parsed.emails,
      profileUrls: parsed.profileUrls,
      salesNavUrls: parsed.salesNavUrls,
      phones: parsed.phones,
    },
    opts.defaultCountry,
  );
  if (ids.rejected.length > 0) {
    const r = ids.rejected[0];
    throw new ContactError(`${r?.kind} '${r?.value}' is not valid: ${r?.reason}`);
  }
  return db.transaction('rw', db.contacts, db.audit, async () => {
    const now = nowIso();
    const existing = parsed.id !== undefined ? await db.contacts.get(parsed.id) : undefined;
    const contact: Contact = ContactSchema.parse({
      ...parsed,
      id: parsed.id ?? crypto.randomUUID(),
      emails: ids.emails,
      profileUrls: ids.profileUrls,
      salesNavUrls: ids.salesNavUrls,
      phones: ids.phones,
      keys: contactKeys(ids),
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    });
    await db.contacts.put(contact);
    await logAudit(db, { action: 'contact-save', detail: existing ? 'updated' : 'created' });
    return contact;
  });
}

export async function getContact(db: HeedDb, id: string): Promise<Contact | undefined> {
  return db.contacts.get(id);
}

export async function listContacts(db: HeedDb): Promise<Contact[]> {
  return db.contacts.toArray();
}

export async function deleteContact(db: HeedDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.contacts, db.audit, async () => {
    if (!(await db.contacts.get(id))) return false;
    await db.contacts.delete(id);
    await logAudit(db, { action: 'contact-delete', counts: { contacts: 1 } });
    return true;
  });
}
