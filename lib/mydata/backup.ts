import { sha256 } from 'hash-wasm';
import { z } from 'zod';
import { type MessageKey, t } from '../i18n/index';
import { loadHashers } from '../identifiers/hash';
import { canonicalJson } from '../store/backup';
import type { SelfDb } from './db';
import { MAX_IDENTITIES, normaliseIdentity } from './identities';
import {
  type Identity,
  type IdentityKind,
  IdentitySchema,
  type RequestRecord,
  RequestRecordSchema,
  type SelfSetting,
  SelfSettingSchema,
} from './schemas';

// The user's own backup of My data: identities, the request log (the evidence for a complaint) and the two
// settings. A file of its own, not part of the team's list backup: that one is shared between colleagues and
// restored over everyone's lists, and must never carry one person's identities along (see db.ts).
// Like lib/store/backup.ts: JSON, versioned, SHA-256 of the canonical JSON of `data`, so a damaged file is refused.
// The checksum is not a signature: it catches accidents, not an edit made on purpose, which the Zod checks handle.

export const SELF_BACKUP_FORMAT = 'heed-my-data';
export const SELF_BACKUP_VERSION = 1;

export const SELF_BACKUP_LIMITS = {
  /** Far above a real file (200 identities and thousands of requests are well under 2 MB). */
  bytes: 5_000_000,
  identities: MAX_IDENTITIES,
  requests: 10_000,
} as const;

export type SelfBackupErrorCode =
  | 'size'
  | 'json'
  | 'format'
  | 'version'
  | 'checksum'
  | 'schema'
  | 'integrity';

export class SelfBackupError extends Error {
  override name = 'SelfBackupError';
  constructor(
    readonly code: SelfBackupErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const DataSchema = z
  .object({
    identities: z.array(IdentitySchema).max(SELF_BACKUP_LIMITS.identities),
    requests: z.array(RequestRecordSchema).max(SELF_BACKUP_LIMITS.requests),
    settings: z.array(SelfSettingSchema).max(2),
  })
  .strict();
export type SelfBackupData = z.infer<typeof DataSchema>;

const EnvelopeSchema = z
  .object({
    format: z.literal(SELF_BACKUP_FORMAT),
    version: z.number().int().min(1),
    exportedAt: z.string().max(40),
    checksum: z.string().regex(/^[0-9a-f]{64}$/),
    data: z.unknown(),
  })
  .strict();

export async function snapshot(db: SelfDb): Promise<SelfBackupData> {
  return db.transaction('r', db.identities, db.requests, db.settings, async () => ({
    identities: await db.identities.toArray(),
    requests: await db.requests.toArray(),
    settings: await db.settings.toArray(),
  }));
}

/** The file's text: everything in My data, with its checksum. */
export async function createSelfBackup(db: SelfDb, now = new Date()): Promise<string> {
  const data = await snapshot(db);
  const checksum = await sha256(canonicalJson(data));
  return JSON.stringify(
    {
      format: SELF_BACKUP_FORMAT,
      version: SELF_BACKUP_VERSION,
      exportedAt: now.toISOString(),
      checksum,
      data,
    },
    null,
    1,
  );
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'file'}: ${i.message}`)
    .join('; ');
}

/** How an error names an identity's kind ('not a valid email'). */
const BACKUP_KIND: Record<IdentityKind, MessageKey> = {
  email: 'mydata_backup_kind_email',
  phone: 'mydata_backup_kind_phone',
  profile: 'mydata_backup_kind_profile',
};

/**
 * Parses and checks a file completely before anything is written: size, JSON, format, version, checksum, every
 * record, and that each identity's value is already normalised and hashes to its stored SHA-256 (matching uses the
 * hash: a wrong one would silently never match).
 */
export async function parseSelfBackup(text: string): Promise<SelfBackupData> {
  if (text.length > SELF_BACKUP_LIMITS.bytes) {
    throw new SelfBackupError('size', t('mydata_backup_too_large'));
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new SelfBackupError('json', t('mydata_backup_not_json'));
  }
  if (
    typeof raw !== 'object' ||
    raw === null ||
    (raw as { format?: unknown }).format !== SELF_BACKUP_FORMAT
  ) {
    throw new SelfBackupError('format', t('mydata_backup_not_mine'));
  }
  const env = EnvelopeSchema.safeParse(raw);
  if (!env.success) throw new SelfBackupError('format', t('mydata_backup_damaged', issuesText(env.error)));
  if (env.data.version > SELF_BACKUP_VERSION) {
    throw new SelfBackupError('version', t('mydata_backup_newer', env.data.version, SELF_BACKUP_VERSION));
  }
  if ((await sha256(canonicalJson(env.data.data))) !== env.data.checksum) {
    throw new SelfBackupError('checksum', t('mydata_backup_checksum'));
  }
  const data = DataSchema.safeParse(env.data.data);
  if (!data.success) {
    throw new SelfBackupError('schema', t('mydata_backup_invalid', issuesText(data.error)));
  }
  const hashers = await loadHashers();
  const seenHash = new Set<string>();
  const seenId = new Set<string>();
  for (const i of data.data.identities) {
    if (seenId.has(i.id) || seenHash.has(i.sha256)) {
      throw new SelfBackupError('integrity', t('mydata_backup_identity_twice', i.value ?? i.id));
    }
    seenId.add(i.id);
    seenHash.add(i.sha256);
    if (i.value === undefined) continue;
    const n = normaliseIdentity(i.kind, i.value, i.country);
    if (!n.ok || n.value !== i.value) {
      const shown = i.value.slice(0, 80);
      throw new SelfBackupError(
        'integrity',
        n.ok
          ? t('mydata_backup_identity_not_stored', shown, t(BACKUP_KIND[i.kind]))
          : t('mydata_backup_identity_invalid', shown, t(BACKUP_KIND[i.kind]), n.reason),
      );
    }
    if (hashers.sha256(i.value) !== i.sha256) {
      throw new SelfBackupError('integrity', t('mydata_backup_hash_mismatch', i.value.slice(0, 80)));
    }
  }
  const requestIds = new Set<string>();
  for (const r of data.data.requests) {
    if (requestIds.has(r.id))
      throw new SelfBackupError('integrity', t('mydata_backup_request_twice', r.company));
    requestIds.add(r.id);
  }
  if (new Set(data.data.settings.map((s) => s.key)).size !== data.data.settings.length) {
    throw new SelfBackupError('integrity', t('mydata_backup_setting_twice'));
  }
  return data.data;
}

export interface SelfRestoreSummary {
  identities: { now: number; after: number; added: number; removed: number };
  requests: { now: number; after: number; added: number; removed: number };
  /** Settings that the file changes, by name. */
  settings: string[];
}

/** What replacing My data with `data` would change, for the user to confirm first. */
export async function summariseSelfRestore(db: SelfDb, data: SelfBackupData): Promise<SelfRestoreSummary> {
  const now = await snapshot(db);
  const count = <T>(a: readonly T[], b: readonly T[], key: (x: T) => string) => {
    const before = new Set(a.map(key));
    const after = new Set(b.map(key));
    return {
      now: before.size,
      after: after.size,
      added: [...after].filter((k) => !before.has(k)).length,
      removed: [...before].filter((k) => !after.has(k)).length,
    };
  };
  const setting = (rows: readonly SelfSetting[], k: SelfSetting['key']) =>
    rows.find((r) => r.key === k)?.value ?? '';
  return {
    identities: count(now.identities, data.identities, (i: Identity) => i.sha256),
    requests: count(now.requests, data.requests, (r: RequestRecord) => canonicalJson(r)),
    settings: (['name', 'country'] as const).filter(
      (k) => setting(now.settings, k) !== setting(data.settings, k),
    ),
  };
}
