import { t } from '../i18n';
import { logAudit } from '../store/audit';
import { base64ToBytes } from '../store/backup';
import { bucketRecord, mergeEntries, sortedEntries } from '../store/buckets';
import { type HeedDb, nowIso } from '../store/db';
import { addToCounts, listBuckets } from '../store/lists';
import { storePolicy } from '../store/policy-guard';
import { bytesToWrite, noSpaceMessage, spaceShortfall } from '../store/quota';
import {
  type BucketRecord,
  type ListCounts,
  NewBatchSchema,
  SettingsSchema,
  type SuppressionList,
  SuppressionListSchema,
} from '../store/schemas';
import { getSettings } from '../store/settings';
import type { EntryKind } from '../vocab';
import {
  type BucketSlice,
  decodeKeys,
  decodeMetas,
  type Keys,
  runLength,
  splitRun,
  subtractSorted,
} from './entries';
import { recordAppliedSignature } from './evidence';
import { BundleError, type DecodedBundle, decodeBundle, verifyDecoded } from './format';
import { fingerprint, getTrustedKeys, groupedFingerprint, importPublicKey, pinTrustedKey } from './keys';
import { type AppliedRecord, AppliedRecordSchema, type BundleHeader, type BundleList } from './schemas';

// The rep's side: verify (signature, trust, version), then apply everything in ONE read-write transaction, as
// commitEntries does for an import, so a bundle is either applied whole or not at all.

export interface PolicyKey {
  name: string;
  publicKey: string;
}

export interface VerifiedBundle {
  decoded: DecodedBundle;
  header: BundleHeader;
  /** 'pinned': a key the rep trusts; 'policy': pinned by the organisation; 'first-use': nothing trusted yet. */
  trust: 'pinned' | 'policy' | 'first-use';
  fingerprint: string;
  /** The version this browser has from the team now (0: none). */
  currentVersion: number;
}

function settingsTable(db: HeedDb) {
  return db.table('settings');
}

export async function getApplied(db: HeedDb): Promise<AppliedRecord['teams']> {
  const rec = await settingsTable(db).get('team:applied');
  return rec ? AppliedRecordSchema.parse(rec).teams : {};
}

/** The local id of a bundle's list: per team key, so two teams' lists never collide with each other or the rep's. */
export function managedListId(keyId: string, bundleListId: string): string {
  return `team-${keyId.slice(0, 12)}-${bundleListId}`;
}

/**
 * Reads and verifies a bundle file: its structure, signature and body checksum, whether its key is trusted
 * (the organisation's pinned keys when the policy sets any, else the keys this rep pinned), and whether its
 * version follows what is applied. Throws a BundleError saying why on any failure; changes nothing.
 */
export async function verifyTeamBundle(
  db: HeedDb,
  file: Uint8Array<ArrayBuffer>,
  opts: { policyKeys?: readonly PolicyKey[] } = {},
): Promise<VerifiedBundle> {
  const decoded = decodeBundle(file);
  const h = decoded.header;
  const raw = base64ToBytes(h.team.publicKey);
  const fp = await fingerprint(raw);
  if (fp !== h.team.keyId) {
    throw new BundleError('tampered', t('options_team_err_key_mismatch'));
  }
  let publicKey: CryptoKey;
  try {
    publicKey = await importPublicKey(h.team.publicKey);
  } catch {
    throw new BundleError('header', t('options_team_err_bad_public_key'));
  }
  await verifyDecoded(decoded, publicKey);

  let trust: VerifiedBundle['trust'];
  const foreign = (whose: 'policy' | 'browser') =>
    new BundleError(
      'untrusted',
      whose === 'policy'
        ? t('options_team_err_untrusted_policy', h.team.name, groupedFingerprint(fp))
        : t('options_team_err_untrusted_browser', h.team.name, groupedFingerprint(fp)),
    );
  if (opts.policyKeys && opts.policyKeys.length > 0) {
    const pinned = await Promise.all(
      opts.policyKeys.map(async (k) => fingerprint(base64ToBytes(k.publicKey))),
    );
    if (!pinned.includes(fp)) throw foreign('policy');
    trust = 'policy';
  } else {
    const trusted = await getTrustedKeys(db);
    if (trusted.some((k) => k.keyId === fp)) trust = 'pinned';
    else if (trusted.length === 0) trust = 'first-use';
    else throw foreign('browser');
  }
  const currentVersion = (await getApplied(db))[fp]?.version ?? 0;
  checkVersion(h, currentVersion);
  return { decoded, header: h, trust, fingerprint: fp, currentVersion };
}

function checkVersion(h: BundleHeader, current: number): void {
  if (h.version <= current) {
    throw new BundleError('older', t('options_team_err_older', h.version, current, h.team.name));
  }
  if (h.baseVersion !== undefined && h.baseVersion !== current) {
    throw new BundleError(
      'gap',
      current === 0
        ? t('options_team_err_gap_none', h.baseVersion, h.team.name)
        : t('options_team_err_gap', h.baseVersion, current),
    );
  }
}

interface PreparedRun {
  kind: EntryKind;
  op: 'set' | 'add' | 'remove';
  keys: Keys;
  metas?: Uint32Array;
  slices: BucketSlice[];
}

/** Decodes and checks every section before the transaction opens: CPU work outside, writes inside. */
function prepareList(l: BundleList, body: Uint8Array, offset: { at: number }): PreparedRun[] {
  const out: PreparedRun[] = [];
  for (const s of l.sections) {
    const keyBytes = body.subarray(offset.at, offset.at + s.keyBytes);
    offset.at += s.keyBytes;
    const metaBytes = body.subarray(offset.at, offset.at + s.metaBytes);
    offset.at += s.metaBytes;
    const keys = decodeKeys(s.kind, keyBytes, s.count);
    const metas = s.op === 'remove' ? undefined : decodeMetas(metaBytes, l.metas.length);
    if (out.some((r) => r.kind === s.kind && r.op === s.op)) {
      throw new BundleError('content', t('options_team_err_repeated_section'));
    }
    out.push({ kind: s.kind, op: s.op, keys, ...(metas ? { metas } : {}), slices: splitRun(s.kind, keys) });
  }
  return out;
}

export interface ApplyResult {
  version: number;
  lists: number;
  added: number;
  removed: number;
  removedLists: number;
}

/**
 * Applies a verified bundle. `pin` trusts the key first (after the rep compared its fingerprint); `adoptSettings`
 * takes the team's recommended settings.
 */
export async function applyTeamBundle(
  db: HeedDb,
  v: VerifiedBundle,
  opts: { pin?: boolean; adoptSettings?: boolean } = {},
): Promise<ApplyResult> {
  const h = v.header;
  if (v.trust === 'first-use' && !opts.pin) {
    throw new BundleError('untrusted', t('options_team_err_trust_first'));
  }
  const offset = { at: 0 };
  const prepared = h.lists.map((l) => ({ list: l, runs: prepareList(l, v.decoded.body, offset) }));
  // Nothing is written when it will not fit (issue 18): what is added or replaced, and the lists' touched buckets.
  const writes = prepared.flatMap(({ runs }) =>
    runs
      .filter((r) => r.op !== 'remove')
      .map((r) => ({ kind: r.kind, entries: { keys: r.keys, batchIds: r.metas }, buckets: r.slices.length })),
  );
  const existingByKind: Partial<Record<EntryKind, number>> = {};
  for (const { list } of prepared) {
    const mine = await db.lists.get(managedListId(v.fingerprint, list.id));
    for (const [kind, n] of Object.entries(mine?.counts.byKind ?? {}) as [EntryKind, number][])
      existingByKind[kind] = (existingByKind[kind] ?? 0) + n;
  }
  const short = await spaceShortfall(bytesToWrite(writes, existingByKind));
  if (short) throw new BundleError('quota', noSpaceMessage(short, 'bundle'));
  const keyId = v.fingerprint;
  const batchLabel = `${h.team.name} bundle v${h.version}`.slice(0, 500);
  // The organisation's locks outrank the team's recommendations.
  const locked = (await storePolicy())?.lockedSettings ?? {};
  const adopt = Object.fromEntries(Object.entries(h.settings ?? {}).filter(([k]) => !(k in locked)));
  return db.transaction('rw', [db.lists, db.buckets, db.batches, db.audit, db.settings], async () => {
    const applied = await getApplied(db);
    // Checked again inside the transaction: another tab may have applied a bundle since the verification.
    checkVersion(h, applied[keyId]?.version ?? 0);
    if (opts.pin) await pinTrustedKey(db, { keyId, publicKey: h.team.publicKey, teamName: h.team.name });
    const now = nowIso();
    let added = 0;
    let removed = 0;
    const keep = new Set<string>();
    for (const { list: bl, runs } of prepared) {
      const id = managedListId(keyId, bl.id);
      keep.add(id);
      const existing = await db.lists.get(id);
      if (existing && existing.managed?.teamKeyId !== keyId) {
        throw new BundleError('content', t('options_team_err_id_taken', id));
      }
      if (bl.mode === 'delta' && existing?.managed?.bundleVersion !== h.baseVersion) {
        throw new BundleError('gap', t('options_team_err_list_gap', bl.name, h.baseVersion ?? 0));
      }
      let counts: ListCounts = { total: 0, byKind: {} };
      if (bl.mode === 'full') {
        await listBuckets(db, id).delete();
        await db.batches.where('listId').equals(id).delete();
      } else if (existing) counts = existing.counts;
      const batchIds: number[] = [];
      for (const m of bl.metas) {
        batchIds.push(
          await db.batches.add(
            NewBatchSchema.parse({
              listId: id,
              ...m,
              source: 'bundle',
              fileName: batchLabel,
              importedAt: now,
            }),
          ),
        );
      }
      const used = new Set<number>();
      const writes: BucketRecord[] = [];
      const deletes: [string, EntryKind, number][] = [];
      const removals = new Map(runs.filter((r) => r.op === 'remove').map((r) => [r.kind, r]));
      for (const r of runs) {
        if (r.op === 'remove') continue;
        const ids = new Uint32Array(runLength(r.kind, r.keys));
        const metas = r.metas as Uint32Array;
        for (let i = 0; i < ids.length; i++) {
          const b = batchIds[metas[i] as number] as number;
          ids[i] = b;
          used.add(b);
        }
        if (r.op === 'set') {
          for (const s of r.slices) {
            writes.push(bucketRecord(id, s.bucket, sortedEntries(r.kind, s.keys, ids.slice(s.start, s.end))));
          }
          counts = addToCounts(counts, r.kind, ids.length);
          added += ids.length;
        }
      }
      // Deltas: per touched bucket, take out the removals, then merge in the additions.
      const kinds = new Set(runs.filter((r) => r.op !== 'set').map((r) => r.kind));
      for (const kind of kinds) {
        const rem = removals.get(kind);
        const add = runs.find((r) => r.kind === kind && r.op === 'add');
        const addIds = new Uint32Array(add ? runLength(kind, add.keys) : 0);
        if (add)
          for (let i = 0; i < addIds.length; i++)
            addIds[i] = batchIds[(add.metas as Uint32Array)[i] as number] as number;
        const touched = new Map<number, { rem?: BucketSlice; add?: BucketSlice }>();
        for (const s of rem?.slices ?? []) touched.set(s.bucket, { rem: s });
        for (const s of add?.slices ?? []) touched.set(s.bucket, { ...touched.get(s.bucket), add: s });
        const buckets = [...touched.keys()];
        const recs = await db.buckets.bulkGet(buckets.map((b) => [id, kind, b]));
        buckets.forEach((b, i) => {
          const t = touched.get(b) as { rem?: BucketSlice; add?: BucketSlice };
          const rec = recs[i];
          let cur: { keys: Keys; batchIds: Uint32Array<ArrayBuffer> } | undefined = rec
            ? { keys: rec.keys, batchIds: rec.batchIds }
            : undefined;
          if (cur && t.rem) {
            const s = subtractSorted(kind, cur, t.rem.keys);
            removed += s.removed;
            counts = addToCounts(counts, kind, -s.removed);
            cur = s;
          }
          if (t.add) {
            const m = mergeEntries(
              cur && sortedEntries(kind, cur.keys, cur.batchIds),
              sortedEntries(kind, t.add.keys, addIds.slice(t.add.start, t.add.end)),
            );
            added += m.added;
            counts = addToCounts(counts, kind, m.added);
            cur = { keys: m.keys, batchIds: m.batchIds };
          }
          if (!cur || runLength(kind, cur.keys) === 0) deletes.push([id, kind, b]);
          else writes.push(bucketRecord(id, b, sortedEntries(kind, cur.keys, cur.batchIds)));
        });
      }
      if (deletes.length > 0) await db.buckets.bulkDelete(deletes);
      if (writes.length > 0) await db.buckets.bulkPut(writes);
      const unused = batchIds.filter((b) => !used.has(b));
      if (unused.length > 0) await db.batches.bulkDelete(unused);
      const record: SuppressionList = SuppressionListSchema.parse({
        id,
        name: bl.name,
        description: bl.description,
        ...(bl.channels ? { channels: bl.channels } : {}),
        isDefault: false,
        sourceFile: batchLabel,
        managed: { teamKeyId: keyId, teamName: h.team.name, bundleVersion: h.version, bundleListId: bl.id },
        counts,
        createdAt: existing?.createdAt ?? now,
        updatedAt: now,
      });
      await db.lists.put(record);
    }
    // A list the team dropped goes from every rep with the bundle that dropped it.
    let removedLists = 0;
    for (const l of await db.lists.toArray()) {
      if (l.managed?.teamKeyId !== keyId || keep.has(l.id)) continue;
      await listBuckets(db, l.id).delete();
      await db.batches.where('listId').equals(l.id).delete();
      await db.lists.delete(l.id);
      removedLists++;
    }
    if (opts.adoptSettings && Object.keys(adopt).length > 0) {
      const current = await getSettings(db);
      await db.settings.put({ key: 'settings', value: SettingsSchema.parse({ ...current, ...adopt }) });
    }
    await settingsTable(db).put(
      AppliedRecordSchema.parse({
        key: 'team:applied',
        teams: {
          ...applied,
          [keyId]: {
            version: h.version,
            appliedAt: now,
            createdAt: h.createdAt,
            teamName: h.team.name,
            ...(h.settings ? { settings: h.settings } : {}),
          },
        },
      }),
    );
    await recordAppliedSignature(db, v.decoded, now);
    await logAudit(db, {
      action: 'team-bundle',
      counts: { version: h.version, lists: h.lists.length, added, removed, removedLists },
      detail: `applied ${h.baseVersion !== undefined ? `update since v${h.baseVersion}` : 'full'} bundle of key ${keyId.slice(0, 16)}`,
    });
    return { version: h.version, lists: h.lists.length, added, removed, removedLists };
  });
}
