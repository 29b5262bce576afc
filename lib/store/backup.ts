import { sha256 } from 'hash-wasm';
import { yieldToEventLoop } from '../event-loop';
import { entryKeyAs } from '../identifiers';
import { type EntryKind, isHashKind } from '../vocab';
import { logAudit } from './audit';
import { canonicalJson } from './audit-chain';
import { base64ToBytes, bytesToBase64 } from './base64';
import { bucketOf, bucketOfDigest, entryCount, isHashed, isStrictlySorted } from './buckets';
import { allTables, type HeedDb, nowIso } from './db';
import { type ErrorWords, type ListsKey, WordedError } from './error-words';
import { canonicaliseGmailEntries, withCanonicalKeys } from './gmail-keys';
import { listBuckets } from './lists';
import { contactKeys, normaliseIds } from './lookup';
import { assertListImportAllowed } from './policy-guard';
import {
  type AuditEvent,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupBucket,
  BackupDataSchema,
  BackupEnvelopeSchema,
  type Batch,
  type BucketRecord,
  BucketRecordSchema,
  backupVersionFor,
  type Contact,
  DIGEST_BYTES,
  type Settings,
  type SuppressionList,
} from './schemas';

// One file holds the whole database: JSON, versioned, with a SHA-256 of the canonical JSON of `data` so
// a truncated or damaged file is refused. The checksum is not a signature: anyone can edit a backup and
// recompute it. So a restore trusts nothing in the file that Heed would have computed itself: every stored
// key must be exactly what the importer would store (normalised, in its bucket, sorted and unique), every
// contact's index keys must be the ones its identifiers give, and record counts are capped. Restoring
// validates everything first and then replaces everything in one transaction.

export type BackupErrorCode = 'json' | 'format' | 'version' | 'checksum' | 'schema' | 'integrity' | 'size';

/**
 * Most records of each kind a backup may hold: far above what a team keeps (a list holds up to millions of
 * entries in a few thousand buckets), low enough that a crafted file cannot freeze the options page.
 */
export const BACKUP_LIMITS = {
  lists: 10_000,
  batches: 200_000,
  buckets: 1_000_000,
  contacts: 500_000,
  audit: 1_000_000,
} as const;

export class BackupError extends WordedError {
  override name = 'BackupError';
  constructor(
    readonly code: BackupErrorCode,
    message: string | ErrorWords,
  ) {
    super(message);
  }
}

export interface ParsedBackup {
  version: number;
  createdAt: string;
  data: {
    lists: SuppressionList[];
    batches: Batch[];
    buckets: BucketRecord[];
    contacts: Contact[];
    settings?: Settings;
    audit: AuditEvent[];
  };
}

// One canonical JSON for every checksum (backups, the audit chain, evidence packs).
export { base64ToBytes, bytesToBase64, canonicalJson };

function idsToBase64(ids: Uint32Array): string {
  const bytes = new Uint8Array(ids.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < ids.length; i++) view.setUint32(i * 4, ids[i] as number, true);
  return bytesToBase64(bytes);
}

function base64ToIds(b64: string): Uint32Array<ArrayBuffer> | null {
  const bytes = base64ToBytes(b64);
  if (bytes.length % 4 !== 0) return null;
  const view = new DataView(bytes.buffer);
  const ids = new Uint32Array(bytes.length / 4);
  for (let i = 0; i < ids.length; i++) ids[i] = view.getUint32(i * 4, true);
  return ids;
}

/** Every bucket of a list that exists: a deleted list's entries wait on disk for their undo (deleted-lists.ts). */
export async function liveBuckets(db: HeedDb): Promise<BucketRecord[]> {
  // In key order, as one read of the whole table gave them; a deleted list's records are never read.
  const ids = (await db.lists.toCollection().primaryKeys()).sort();
  const out: BucketRecord[] = [];
  for (const id of ids) out.push(...(await listBuckets(db, id).toArray()));
  return out;
}

/** The whole database as one backup file (JSON text). */
export async function createBackup(db: HeedDb): Promise<string> {
  const snapshot = await db.transaction('r', allTables(db), async () => ({
    lists: await db.lists.toArray(),
    batches: await db.batches.toArray(),
    buckets: await liveBuckets(db),
    contacts: await db.contacts.toArray(),
    settings: (await db.settings.get('settings'))?.value,
    audit: await db.audit.toArray(),
  }));
  const data = {
    ...snapshot,
    buckets: snapshot.buckets.map(
      (b): BackupBucket => ({
        listId: b.listId,
        kind: b.kind,
        bucket: b.bucket,
        keys: b.keys instanceof Uint8Array ? bytesToBase64(b.keys) : b.keys,
        batchIds: idsToBase64(b.batchIds),
      }),
    ),
  };
  const checksum = await sha256(canonicalJson(data));
  const text = JSON.stringify({
    format: BACKUP_FORMAT,
    version: backupVersionFor(data.buckets.map((b) => b.kind)),
    createdAt: nowIso(),
    checksum,
    data,
  });
  await logAudit(db, {
    action: 'backup',
    counts: { lists: data.lists.length, contacts: data.contacts.length, buckets: data.buckets.length },
  });
  return text;
}

function jsonError(e: unknown, text: string): BackupError {
  const msg = e instanceof Error ? e.message : '';
  const pos = /position (\d+)/.exec(msg)?.[1];
  // The parser's message quotes the text; keep personal data out of error messages.
  if (/end of JSON input|Unterminated/i.test(msg) || pos === String(text.length)) {
    return new BackupError('json', { key: 'lists_err_backup_truncated' });
  }
  return new BackupError(
    'json',
    pos ? { key: 'lists_err_backup_json_at', subs: [Number(pos)] } : { key: 'lists_err_backup_json' },
  );
}

/** Parses and checks a backup completely: JSON, format, version, checksum, every record, and the links between them. */
export async function parseBackup(text: string): Promise<ParsedBackup> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw jsonError(e, text);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { format?: unknown }).format !== BACKUP_FORMAT) {
    throw new BackupError('format', { key: 'lists_err_backup_format' });
  }
  const version = (raw as { version?: unknown }).version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new BackupError('version', { key: 'lists_err_backup_version' });
  }
  if (version > BACKUP_VERSION) {
    throw new BackupError('version', { key: 'lists_err_backup_newer', subs: [version, BACKUP_VERSION] });
  }
  const env = BackupEnvelopeSchema.safeParse(raw);
  if (!env.success) throw schemaError(env.error.issues, []);
  checkSizes(env.data.data);
  if ((await sha256(canonicalJson(env.data.data))) !== env.data.checksum) {
    throw new BackupError('checksum', { key: 'lists_err_backup_checksum' });
  }
  const data = BackupDataSchema.safeParse(env.data.data);
  if (!data.success) throw schemaError(data.error.issues, ['data']);
  const buckets = data.data.buckets.map((b, i) => decodeBucket(b, i));
  const parsed: ParsedBackup = {
    version,
    createdAt: env.data.createdAt,
    data: {
      lists: data.data.lists,
      batches: data.data.batches,
      buckets,
      contacts: data.data.contacts,
      ...(data.data.settings ? { settings: data.data.settings } : {}),
      audit: data.data.audit,
    },
  };
  // A backup made before Gmail keys were canonical restores as the upgraded database would hold it; the
  // integrity check then holds every key to the form Heed stores today.
  const canonical = canonicaliseGmailEntries(parsed.data.lists, parsed.data.buckets);
  parsed.data.lists = canonical.lists;
  parsed.data.buckets = canonical.buckets;
  parsed.data.contacts = parsed.data.contacts.map(withCanonicalKeys);
  await checkIntegrity(parsed);
  return parsed;
}

const LIMIT_WORDS: Record<keyof typeof BACKUP_LIMITS, ListsKey> = {
  lists: 'lists_err_backup_size_lists',
  batches: 'lists_err_backup_size_batches',
  buckets: 'lists_err_backup_size_buckets',
  contacts: 'lists_err_backup_size_contacts',
  audit: 'lists_err_backup_size_audit',
};

/** Refuses over-large record arrays before anything walks them (the schema check alone takes seconds). */
function checkSizes(data: unknown): void {
  if (typeof data !== 'object' || data === null) return;
  for (const key of Object.keys(BACKUP_LIMITS) as (keyof typeof BACKUP_LIMITS)[]) {
    const arr = (data as Record<string, unknown>)[key];
    const max = BACKUP_LIMITS[key];
    if (Array.isArray(arr) && arr.length > max) {
      throw new BackupError('size', { key: LIMIT_WORDS[key], subs: [arr.length, max] });
    }
  }
}

function schemaError(issues: { path: PropertyKey[]; message: string }[], prefix: PropertyKey[]): BackupError {
  const first = issues[0];
  const path = [...prefix, ...(first?.path ?? [])]
    .map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i === 0 ? '' : '.'}${String(p)}`))
    .join('');
  const problem = first?.message ?? 'invalid';
  return new BackupError(
    'schema',
    path
      ? { key: 'lists_err_backup_schema', subs: [path, problem] }
      : { key: 'lists_err_backup_schema_top', subs: [problem] },
  );
}

function decodeBucket(b: BackupBucket, i: number): BucketRecord {
  const where = `data.buckets[${i}]`;
  const hash = isHashKind(b.kind);
  if (hash !== (typeof b.keys === 'string')) {
    throw new BackupError('schema', { key: 'lists_err_backup_keys', subs: [where, b.kind] });
  }
  const ids = base64ToIds(b.batchIds);
  if (!ids) throw new BackupError('schema', { key: 'lists_err_backup_ids', subs: [where] });
  const rec = BucketRecordSchema.safeParse({
    listId: b.listId,
    kind: b.kind,
    bucket: b.bucket,
    keys: typeof b.keys === 'string' ? base64ToBytes(b.keys) : b.keys,
    batchIds: ids,
  });
  if (!rec.success) throw schemaError(rec.error.issues, ['data', 'buckets', i]);
  return rec.data;
}

/**
 * Re-normalising costs ~10 µs a phone number, so checking a big backup takes seconds: the returned function,
 * awaited in a long loop, lets the page draw every 50 ms instead of freezing.
 */
export function pauser(): () => Promise<void> {
  let slice = performance.now();
  return async () => {
    if (performance.now() - slice < 50) return;
    await yieldToEventLoop();
    slice = performance.now();
  };
}

async function checkIntegrity(p: ParsedBackup): Promise<void> {
  const fail = (msg: string) => {
    // The detail names records by id and stays English: it is for whoever repairs the file.
    throw new BackupError('integrity', { key: 'lists_err_backup_integrity', subs: [msg] });
  };
  const lists = new Map<string, SuppressionList>();
  let defaultList: SuppressionList | undefined;
  for (const l of p.data.lists) {
    if (lists.has(l.id)) fail(`list ${l.id} appears twice`);
    lists.set(l.id, l);
    if (l.isDefault) {
      if (defaultList) fail(`both “${defaultList.name}” and “${l.name}” are marked as the default list`);
      defaultList = l;
    }
  }
  const batches = new Set<number>();
  for (const b of p.data.batches) {
    if (batches.has(b.id)) fail(`batch ${b.id} appears twice`);
    if (!lists.has(b.listId)) fail(`batch ${b.id} belongs to no list`);
    batches.add(b.id);
  }
  const counts = new Map<string, { total: number; byKind: Partial<Record<EntryKind, number>> }>();
  const keys = new Set<string>();
  const pause = pauser();
  for (const [i, b] of p.data.buckets.entries()) {
    await pause();
    const key = `${b.listId}|${b.kind}|${b.bucket}`;
    if (keys.has(key)) fail(`bucket ${i} appears twice`);
    keys.add(key);
    if (!lists.has(b.listId)) fail(`bucket ${i} belongs to no list`);
    if (!isStrictlySorted(b)) fail(`bucket ${i} is not sorted`);
    const bad = misplacedKey(b);
    if (bad !== null) {
      const name = lists.get(b.listId)?.name ?? b.listId;
      fail(`bucket ${i} (list “${name}”, ${b.kind}) holds a key ${bad}, so lookups would not find it`);
    }
    for (const id of b.batchIds) if (!batches.has(id)) fail(`bucket ${i} refers to a missing batch`);
    const c = counts.get(b.listId) ?? { total: 0, byKind: {} };
    const n = entryCount(b);
    c.total += n;
    c.byKind[b.kind] = (c.byKind[b.kind] ?? 0) + n;
    counts.set(b.listId, c);
  }
  for (const l of p.data.lists) {
    const c = counts.get(l.id) ?? { total: 0, byKind: {} };
    const same =
      c.total === l.counts.total &&
      Object.keys({ ...c.byKind, ...l.counts.byKind }).every(
        (k) => (c.byKind[k as EntryKind] ?? 0) === (l.counts.byKind[k as EntryKind] ?? 0),
      );
    if (!same) fail(`the counts of list ${l.id} do not match its entries`);
  }
  const contacts = new Set<string>();
  for (const [i, c] of p.data.contacts.entries()) {
    await pause();
    if (contacts.has(c.id)) fail(`contact ${c.id} appears twice`);
    contacts.add(c.id);
    const bad = contactProblem(c);
    if (bad) fail(`contact record ${i} (id ${c.id}) ${bad}`);
  }
  const audit = new Set<number>();
  for (const a of p.data.audit) {
    if (audit.has(a.id)) fail(`audit event ${a.id} appears twice`);
    audit.add(a.id);
  }
}

/**
 * Why one of the bucket's keys is not what the importer would have stored there, or null. The message names
 * no key: error text must not carry personal data.
 */
function misplacedKey(b: BucketRecord): string | null {
  if (isHashed(b)) {
    const w = DIGEST_BYTES[b.kind];
    const keys = b.keys;
    for (let off = 0; off < keys.length; off += w) {
      if (bucketOfDigest(keys, off) !== b.bucket) return `that belongs in another bucket (entry ${off / w})`;
    }
    return null;
  }
  for (const [j, key] of b.keys.entries()) {
    const n = entryKeyAs(b.kind, key);
    if (!n.ok || n.value !== key) return `that is not in normalised form (entry ${j})`;
    if (bucketOf(b.kind, key) !== b.bucket) return `that belongs in another bucket (entry ${j})`;
  }
  return null;
}

const sameSet = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return s.size === a.length && b.every((x) => s.has(x));
};

/** A contact's identifiers must be normalised and its index keys exactly the ones they give, or lookups would find it under another person. */
function contactProblem(c: Contact): string | null {
  const ids = normaliseIds({
    emails: c.emails,
    profileUrls: c.profileUrls,
    salesNavUrls: c.salesNavUrls,
    phones: c.phones,
  });
  if (ids.rejected.length > 0) return `has an invalid ${ids.rejected[0]?.kind}`;
  const same =
    sameSet(ids.emails, c.emails) &&
    sameSet(ids.profileUrls, c.profileUrls) &&
    sameSet(ids.salesNavUrls, c.salesNavUrls) &&
    sameSet(ids.phones, c.phones);
  if (!same) return 'has identifiers that are not in normalised form';
  if (!sameSet(contactKeys(ids), c.keys)) return 'has lookup keys that do not match its identifiers';
  return null;
}

export interface StoreSummary {
  lists: number;
  entries: number;
  contacts: number;
  auditEvents: number;
  hasSettings: boolean;
}

/** What the database holds now and what the backup would put in its place, for the confirmation dialog. */
export async function summariseRestore(
  db: HeedDb,
  parsed: ParsedBackup,
): Promise<{ current: StoreSummary; backup: StoreSummary; createdAt: string }> {
  const current = await db.transaction('r', allTables(db), async () => ({
    lists: await db.lists.count(),
    entries: (await db.lists.toArray()).reduce((n, l) => n + l.counts.total, 0),
    contacts: await db.contacts.count(),
    auditEvents: await db.audit.count(),
    hasSettings: (await db.settings.get('settings')) !== undefined,
  }));
  const d = parsed.data;
  return {
    current,
    backup: {
      lists: d.lists.length,
      entries: d.lists.reduce((n, l) => n + l.counts.total, 0),
      contacts: d.contacts.length,
      auditEvents: d.audit.length,
      hasSettings: d.settings !== undefined,
    },
    createdAt: parsed.createdAt,
  };
}

/** Replaces the whole database with a parsed backup, in one transaction: all of it or nothing. */
export async function restoreBackup(
  db: HeedDb,
  parsed: ParsedBackup,
  opts: { mode: 'replace' },
): Promise<StoreSummary> {
  if (opts.mode !== 'replace')
    throw new BackupError('format', `unsupported restore mode ${String(opts.mode)}`);
  await assertListImportAllowed('restore');
  const d = parsed.data;
  await db.transaction('rw', allTables(db), async () => {
    // The team key and bundle bookkeeping (lib/team) are not in a backup: they survive a restore untouched.
    const team = await db.table('settings').where('key').startsWith('team:').toArray();
    await Promise.all(allTables(db).map((t) => t.clear()));
    await db.table('settings').bulkPut(team);
    await db.lists.bulkAdd(d.lists);
    await db.batches.bulkAdd(d.batches);
    await db.buckets.bulkAdd(d.buckets);
    await db.contacts.bulkAdd(d.contacts);
    if (d.settings) await db.settings.put({ key: 'settings', value: d.settings });
    await db.audit.bulkAdd(d.audit);
    await logAudit(db, {
      action: 'restore',
      counts: { lists: d.lists.length, contacts: d.contacts.length },
      detail: `backup of ${parsed.createdAt}`,
    });
  });
  return {
    lists: d.lists.length,
    entries: d.lists.reduce((n, l) => n + l.counts.total, 0),
    contacts: d.contacts.length,
    auditEvents: d.audit.length + 1,
    hasSettings: d.settings !== undefined,
  };
}
