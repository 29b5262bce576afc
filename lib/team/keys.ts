import { t } from '../i18n';
import { logAudit } from '../store/audit';
import { base64ToBytes, bytesToBase64 } from '../store/backup';
import { type HeedDb, nowIso } from '../store/db';
import {
  ExportedRecordSchema,
  KEY_FILE_FORMAT,
  type KeyFile,
  KeyFileSchema,
  PBKDF2_ITERATIONS,
  type SigningKeyRecord,
  type TrustedKey,
  TrustedKeysRecordSchema,
} from './schemas';

// The team's Ed25519 key pair, through WebCrypto only. The private key lives in the lead's profile as a CryptoKey
// that IndexedDB stores itself; it leaves only as the passphrase-encrypted key file a second admin imports.
// Bookkeeping sits in the `settings` table under its own keys: a backup file copies only the `settings` record,
// so a backup never carries the private key.

export class TeamKeyError extends Error {
  override name = 'TeamKeyError';
}

const ED25519 = { name: 'Ed25519' } as const;
const SIGNING_KEY = 'team:signing-key';
const TRUSTED = 'team:trusted';

/** Lower-case hex SHA-256 of the raw public key: the key's id and fingerprint. */
export async function fingerprint(rawPublicKey: Uint8Array): Promise<string> {
  const d = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey as Uint8Array<ArrayBuffer>));
  return Array.from(d, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The fingerprint as people compare it aloud: 16 groups of four hex digits. */
export function groupedFingerprint(keyId: string): string {
  return (keyId.match(/.{1,4}/g) ?? []).join(' ');
}

export async function importPublicKey(rawB64: string): Promise<CryptoKey> {
  const raw = base64ToBytes(rawB64);
  if (raw.length !== 32) throw new TeamKeyError(t('options_team_err_key_bytes'));
  return crypto.subtle.importKey('raw', raw, ED25519, true, ['verify']);
}

function settingsTable(db: HeedDb) {
  return db.table('settings');
}

export async function getSigningKey(db: HeedDb): Promise<SigningKeyRecord | undefined> {
  const rec = (await settingsTable(db).get(SIGNING_KEY)) as SigningKeyRecord | undefined;
  if (rec && !(rec.privateKey instanceof CryptoKey))
    throw new TeamKeyError(t('options_team_err_stored_damaged'));
  return rec;
}

async function storeKeyPair(db: HeedDb, teamName: string, pair: CryptoKeyPair, detail: string) {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', pair.publicKey));
  const rec: SigningKeyRecord = {
    key: SIGNING_KEY,
    teamName: teamName.trim().slice(0, 200),
    keyId: await fingerprint(raw),
    publicKey: bytesToBase64(raw),
    privateKey: pair.privateKey,
    createdAt: nowIso(),
  };
  await db.transaction('rw', db.settings, db.audit, async () => {
    if (await settingsTable(db).get(SIGNING_KEY)) {
      throw new TeamKeyError(t('options_team_err_has_key'));
    }
    await settingsTable(db).put(rec);
    await logAudit(db, { action: 'team-key', detail });
  });
  return rec;
}

/**
 * Makes the team's key pair. The private key is extractable only so that the lead can export it encrypted for
 * a second admin; nothing else in Heed exports it.
 */
export async function createTeamKey(db: HeedDb, teamName: string): Promise<SigningKeyRecord> {
  if (teamName.trim() === '') throw new TeamKeyError(t('options_team_err_no_name'));
  const pair = (await crypto.subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  return storeKeyPair(db, teamName, pair, 'created team key');
}

export async function deleteTeamKey(db: HeedDb): Promise<void> {
  await db.transaction('rw', db.settings, db.audit, async () => {
    await settingsTable(db).delete(SIGNING_KEY);
    await settingsTable(db).delete('team:exported');
    await logAudit(db, { action: 'team-key', detail: 'deleted team key' });
  });
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const base = await crypto.subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    base,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

export const MIN_PASSPHRASE_LENGTH = 12;

/** The private key encrypted under a passphrase (PBKDF2-SHA-256, 600,000 rounds, then AES-256-GCM), as JSON. */
export async function exportTeamKey(
  db: HeedDb,
  passphrase: string,
  iterations = PBKDF2_ITERATIONS,
): Promise<string> {
  if (passphrase.length < MIN_PASSPHRASE_LENGTH) {
    throw new TeamKeyError(t('options_team_err_short_passphrase', MIN_PASSPHRASE_LENGTH));
  }
  const rec = await getSigningKey(db);
  if (!rec) throw new TeamKeyError(t('options_team_err_no_key'));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const pkcs8 = await crypto.subtle.exportKey('pkcs8', rec.privateKey);
  const aes = await passphraseKey(passphrase, salt, iterations);
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, pkcs8));
  const file: KeyFile = {
    format: KEY_FILE_FORMAT,
    version: 1,
    teamName: rec.teamName,
    publicKey: rec.publicKey,
    kdf: { name: 'PBKDF2', hash: 'SHA-256', iterations, salt: bytesToBase64(salt) },
    cipher: { name: 'AES-GCM', iv: bytesToBase64(iv) },
    data: bytesToBase64(data),
    lastVersion: await exportedVersion(db, rec.keyId),
  };
  await logAudit(db, { action: 'team-key', detail: 'exported team key (encrypted)' });
  return JSON.stringify(file, null, 2);
}

/** Imports a key file made by exportTeamKey; a wrong passphrase or an edited file is refused. */
export async function importTeamKey(db: HeedDb, text: string, passphrase: string): Promise<SigningKeyRecord> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new TeamKeyError(t('options_team_err_not_key_file'));
  }
  const parsed = KeyFileSchema.safeParse(raw);
  if (!parsed.success) throw new TeamKeyError(t('options_team_err_key_file_damaged'));
  const f = parsed.data;
  const aes = await passphraseKey(passphrase, base64ToBytes(f.kdf.salt), f.kdf.iterations);
  let pkcs8: ArrayBuffer;
  try {
    pkcs8 = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: base64ToBytes(f.cipher.iv) },
      aes,
      base64ToBytes(f.data),
    );
  } catch {
    throw new TeamKeyError(t('options_team_err_wrong_passphrase'));
  }
  const privateKey = await crypto.subtle.importKey('pkcs8', pkcs8, ED25519, true, ['sign']);
  const publicKey = await importPublicKey(f.publicKey);
  // The file's public key must be the private key's: sign and verify a probe.
  const probe = crypto.getRandomValues(new Uint8Array(32));
  const sig = await crypto.subtle.sign(ED25519, privateKey, probe);
  if (!(await crypto.subtle.verify(ED25519, publicKey, sig, probe))) {
    throw new TeamKeyError(t('options_team_err_key_pair'));
  }
  const rec = await storeKeyPair(db, f.teamName, { privateKey, publicKey }, 'imported team key');
  if (f.lastVersion > 0) {
    await settingsTable(db).put(
      ExportedRecordSchema.parse({ key: 'team:exported', keyId: rec.keyId, version: f.lastVersion }),
    );
  }
  return rec;
}

async function exportedVersion(db: HeedDb, keyId: string): Promise<number> {
  const r = ExportedRecordSchema.safeParse(await settingsTable(db).get('team:exported'));
  return r.success && r.data.keyId === keyId ? r.data.version : 0;
}

export async function getTrustedKeys(db: HeedDb): Promise<TrustedKey[]> {
  const rec = await settingsTable(db).get(TRUSTED);
  if (!rec) return [];
  return TrustedKeysRecordSchema.parse(rec).keys;
}

export async function pinTrustedKey(db: HeedDb, key: Omit<TrustedKey, 'pinnedAt'>): Promise<void> {
  const keys = (await getTrustedKeys(db)).filter((k) => k.keyId !== key.keyId);
  keys.push({ ...key, pinnedAt: nowIso() });
  await settingsTable(db).put(TrustedKeysRecordSchema.parse({ key: TRUSTED, keys }));
  await logAudit(db, { action: 'team-key', detail: `trusted team key ${key.keyId.slice(0, 16)}` });
}

export async function forgetTrustedKey(db: HeedDb, keyId: string): Promise<void> {
  await db.transaction('rw', db.settings, db.audit, async () => {
    const keys = (await getTrustedKeys(db)).filter((k) => k.keyId !== keyId);
    await settingsTable(db).put(TrustedKeysRecordSchema.parse({ key: TRUSTED, keys }));
    await logAudit(db, { action: 'team-key', detail: `no longer trusts team key ${keyId.slice(0, 16)}` });
  });
}
