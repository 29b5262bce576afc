import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { t } from '../i18n/index';
import { loadHashers } from '../identifiers/hash';
import { type SelfBackupData, snapshot } from './backup';
import { newId, type SelfDb } from './db';
import { type AddResult, MAX_IDENTITIES, type NewIdentity, normaliseIdentity } from './identities';
import { type NewRequest, RequestLogError } from './requests';
import {
  type Identity,
  IdentitySchema,
  type RequestRecord,
  RequestRecordSchema,
  type SelfSetting,
  SelfSettingSchema,
} from './schemas';

// Every write to My data's database, like lib/store/commands for the lists: each in one transaction, and what an
// undo needs (the record removed, the record before) read inside that same transaction, never from what a page
// showed a while ago. The modules beside this one only read, check and word things.

/** Records one of the user's identifiers, normalised. Refuses (with a reason) what cannot be normalised or is already there. */
export async function addIdentity(db: SelfDb, input: NewIdentity, now = new Date()): Promise<AddResult> {
  const n = normaliseIdentity(input.kind, input.raw, input.defaultCountry);
  if (!n.ok) return { ok: false, reason: n.reason };
  const hashers = await loadHashers();
  const sha256 = hashers.sha256(n.value);
  const label = input.label?.trim().slice(0, 80);
  const identity: Identity = {
    id: newId(),
    kind: input.kind,
    sha256,
    addedAt: now.toISOString(),
    ...(input.hashedOnly ? {} : { value: n.value }),
    ...(label ? { label } : {}),
    ...(input.kind === 'phone' ? withCountry(countryOf(n.value)) : {}),
  };
  IdentitySchema.parse(identity);
  return db.transaction('rw', db.identities, async () => {
    const existing = await db.identities.where('sha256').equals(sha256).first();
    if (existing) return { ok: false as const, reason: t('mydata_already_yours'), existing };
    if ((await db.identities.count()) >= MAX_IDENTITIES) {
      return { ok: false as const, reason: t('mydata_too_many', MAX_IDENTITIES) };
    }
    await db.identities.add(identity);
    return { ok: true as const, identity };
  });
}

function countryOf(e164: string): string | undefined {
  return parsePhoneNumberFromString(e164)?.country ?? undefined;
}

function withCountry(country: string | undefined): { country?: string } {
  return country ? { country } : {};
}

/** Removes an identity and hands it back, so the page can offer undo with restoreIdentity. */
export async function removeIdentity(db: SelfDb, id: string): Promise<Identity | undefined> {
  return db.transaction('rw', db.identities, async () => {
    const found = await db.identities.get(id);
    if (found) await db.identities.delete(id);
    return found;
  });
}

/** Puts a removed identity back as it was (same id and date). Does nothing if it was added again meanwhile. */
export async function restoreIdentity(db: SelfDb, identity: Identity): Promise<boolean> {
  const valid = IdentitySchema.parse(identity);
  return db.transaction('rw', db.identities, async () => {
    if (await db.identities.where('sha256').equals(valid.sha256).count()) return false;
    await db.identities.put(valid);
    return true;
  });
}

/** Logs a request the user sent. Validated, so a bad date or a kind from the other law is refused, not stored. */
export async function logRequest(db: SelfDb, input: NewRequest): Promise<RequestRecord> {
  const parsed = RequestRecordSchema.safeParse({ ...input, id: newId() });
  if (!parsed.success) {
    throw new RequestLogError(
      parsed.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; '),
    );
  }
  const record = parsed.data;
  await db.requests.add(record);
  return record;
}

/** Marks a request answered on `on` (YYYY-MM-DD); answering again keeps the first date. Returns the record before. */
export async function markAnswered(db: SelfDb, id: string, on: string): Promise<RequestRecord | undefined> {
  return db.transaction('rw', db.requests, async () => {
    const before = await db.requests.get(id);
    if (!before || before.answeredAt !== undefined) return before;
    const after = RequestRecordSchema.parse({ ...before, answeredAt: on });
    await db.requests.put(after);
    return before;
  });
}

/**
 * The undo of markAnswered: the record as it was before. Decided inside the transaction: if another page deleted
 * the request meanwhile, undoing must not bring it back, so it is refused with a reason.
 */
export async function undoMarkAnswered(db: SelfDb, before: RequestRecord): Promise<void> {
  const record = RequestRecordSchema.parse(before);
  await db.transaction('rw', db.requests, async () => {
    if (!(await db.requests.get(record.id))) {
      throw new RequestLogError(t('mydata_undo_request_gone', record.company));
    }
    await db.requests.put(record);
  });
}

/** Deletes a request and hands it back (read in the delete's transaction) for undoDeleteRequest. */
export async function deleteRequest(db: SelfDb, id: string): Promise<RequestRecord | undefined> {
  return db.transaction('rw', db.requests, async () => {
    const found = await db.requests.get(id);
    if (found) await db.requests.delete(id);
    return found;
  });
}

/** The undo of deleteRequest: the request back as it was (same id), unless it is back already. */
export async function undoDeleteRequest(db: SelfDb, gone: RequestRecord): Promise<void> {
  const record = RequestRecordSchema.parse(gone);
  await db.transaction('rw', db.requests, async () => {
    if (!(await db.requests.get(record.id))) await db.requests.add(record);
  });
}

/** Replaces everything in My data with `data` in one transaction, and returns what was there (for undo). */
export async function replaceSelfData(db: SelfDb, data: SelfBackupData): Promise<SelfBackupData> {
  return db.transaction('rw', db.identities, db.requests, db.settings, async () => {
    const before = await snapshot(db);
    await Promise.all([db.identities.clear(), db.requests.clear(), db.settings.clear()]);
    await db.identities.bulkAdd(data.identities);
    await db.requests.bulkAdd(data.requests);
    await db.settings.bulkPut(data.settings);
    return before;
  });
}

/** Saves the user's name or country (trimmed, at most 200 characters). */
export async function saveSelfSetting(db: SelfDb, key: SelfSetting['key'], value: string): Promise<void> {
  await db.settings.put(SelfSettingSchema.parse({ key, value: value.trim().slice(0, 200) }));
}
