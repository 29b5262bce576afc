import { t } from '../i18n';
import { logAudit } from '../store/audit';
import { type HeedDb, nowIso } from '../store/db';
import { ListError } from '../store/lists';
import type { EntryKind } from '../vocab';
import {
  diffRuns,
  encodeKeys,
  encodeMetas,
  type Keys,
  type KindRun,
  readListRuns,
  runLength,
} from './entries';
import { BundleError, encodeBundle } from './format';
import { getSigningKey, TeamKeyError } from './keys';
import {
  BUNDLE_FORMAT,
  type BundleList,
  type BundleSection,
  bundleFormatFor,
  ExportedRecordSchema,
  type RecommendedSettings,
  SNAPSHOT_PREFIX,
} from './schemas';

// The lead's side. Every export bumps the team's version and keeps, per list, the keys that version held (one
// record per list in the `settings` table): the next delta is the linear diff of that snapshot against the list
// now, so its cost grows with the list, not with the number of versions, and no per-entry history is kept.

export interface ExportBundleOptions {
  listIds: string[];
  entryMode: 'plain' | 'hashed';
  /** A delta against the last exported version, for lists that were in it (new lists go whole). */
  delta: boolean;
  settings?: RecommendedSettings;
}

export interface ExportedBundle {
  bytes: Uint8Array<ArrayBuffer>;
  fileName: string;
  version: number;
  baseVersion?: number;
  entries: number;
}

interface Snapshot {
  key: string;
  keyId: string;
  version: number;
  entryMode: 'plain' | 'hashed';
  runs: { kind: EntryKind; keys: Keys }[];
}

function settingsTable(db: HeedDb) {
  return db.table('settings');
}

export async function lastExportedVersion(db: HeedDb, keyId: string): Promise<number> {
  const rec = ExportedRecordSchema.safeParse(await settingsTable(db).get('team:exported'));
  return rec.success && rec.data.keyId === keyId ? rec.data.version : 0;
}

export async function exportTeamBundle(db: HeedDb, opts: ExportBundleOptions): Promise<ExportedBundle> {
  const key = await getSigningKey(db);
  if (!key) throw new TeamKeyError('Create or import the team key first.');
  if (opts.listIds.length === 0) throw new BundleError('content', t('options_team_err_no_list'));
  const base = await lastExportedVersion(db, key.keyId);
  const version = base + 1;
  const delta = opts.delta && base > 0;
  const lists: BundleList[] = [];
  const body: Uint8Array[] = [];
  const snapshots: Snapshot[] = [];
  let entries = 0;
  for (const id of [...new Set(opts.listIds)]) {
    const list = await db.lists.get(id);
    if (!list) throw new ListError(`no list with id ${id}`);
    if (list.managed) throw new BundleError('content', t('options_team_err_managed', list.name));
    const { metas, runs } = await readListRuns(db, id, opts.entryMode);
    const prev = delta
      ? ((await settingsTable(db).get(SNAPSHOT_PREFIX + id)) as Snapshot | undefined)
      : undefined;
    const usePrev =
      prev !== undefined &&
      prev.keyId === key.keyId &&
      prev.version === base &&
      prev.entryMode === opts.entryMode;
    const sections: BundleSection[] = [];
    const push = (kind: EntryKind, op: BundleSection['op'], run: KindRun) => {
      const n = runLength(kind, run.keys);
      if (n === 0 && op !== 'set') return;
      const k = encodeKeys(kind, run.keys);
      const m = op === 'remove' ? new Uint8Array(0) : encodeMetas(run.metas ?? new Uint32Array(0));
      sections.push({ kind, op, count: n, keyBytes: k.length, metaBytes: m.length });
      body.push(k, m);
      entries += n;
    };
    if (usePrev) {
      const before = new Map(prev.runs.map((r) => [r.kind, r.keys]));
      const kinds = new Set<EntryKind>([...before.keys(), ...runs.map((r) => r.kind)]);
      for (const kind of kinds) {
        const now = runs.find((r) => r.kind === kind) ?? { kind, keys: [], metas: new Uint32Array(0) };
        const empty: Keys = now.keys instanceof Uint8Array ? new Uint8Array(0) : [];
        const d = diffRuns(kind, before.get(kind) ?? empty, now.keys, now.metas ?? new Uint32Array(0));
        push(kind, 'remove', d.removed);
        push(kind, 'add', d.added);
      }
    } else {
      for (const r of runs) push(r.kind, 'set', r);
    }
    lists.push({
      id,
      name: list.name,
      description: list.description,
      ...(list.channels ? { channels: list.channels } : {}),
      mode: usePrev ? 'delta' : 'full',
      metas,
      sections,
    });
    snapshots.push({
      key: SNAPSHOT_PREFIX + id,
      keyId: key.keyId,
      version,
      entryMode: opts.entryMode,
      runs: runs.map((r) => ({ kind: r.kind, keys: r.keys })),
    });
  }
  const createdAt = nowIso();
  const bytes = await encodeBundle(
    {
      format: BUNDLE_FORMAT,
      formatVersion: bundleFormatFor(lists.flatMap((l) => l.sections.map((s) => s.kind))),
      team: { name: key.teamName, keyId: key.keyId, publicKey: key.publicKey },
      version,
      ...(delta ? { baseVersion: base } : {}),
      createdAt,
      entryMode: opts.entryMode,
      ...(opts.settings && Object.keys(opts.settings).length > 0 ? { settings: opts.settings } : {}),
      lists,
    },
    body,
    key.privateKey,
  );
  await db.transaction('rw', db.settings, db.audit, async () => {
    // Another tab exporting meanwhile would make two files with one version number: refuse the later one.
    if ((await lastExportedVersion(db, key.keyId)) !== base) {
      throw new BundleError('content', t('options_team_err_concurrent'));
    }
    const old = await settingsTable(db).where('key').startsWith(SNAPSHOT_PREFIX).primaryKeys();
    await settingsTable(db).bulkDelete(old);
    await settingsTable(db).bulkPut(snapshots);
    await settingsTable(db).put(
      ExportedRecordSchema.parse({ key: 'team:exported', keyId: key.keyId, version, exportedAt: createdAt }),
    );
    await logAudit(db, {
      action: 'team-bundle',
      counts: { lists: lists.length, entries, version },
      detail: `exported ${delta ? `delta since v${base}` : 'full'} ${opts.entryMode} bundle`,
    });
  });
  const slug =
    key.teamName
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '') || 'team';
  return {
    bytes,
    fileName: `${slug}-v${version}${delta ? `-delta-from-v${base}` : ''}.heedbundle`,
    version,
    ...(delta ? { baseVersion: base } : {}),
    entries,
  };
}
