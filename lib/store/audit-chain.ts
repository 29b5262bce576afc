import { sha256Hex } from './sha256';

// The audit log as a hash chain: each event stores the hash of the one before it (prevHash) and its own
// hash over a canonical serialisation that includes prevHash. Changing, inserting or deleting an event
// breaks every link after it. Events written before the chain existed carry no hashes: they are hashed on
// the fly from a genesis marker, and the first sealed event's prevHash commits to all of them, so they are
// covered too. Deleting events from the very end leaves no broken link; the evidence pack records the
// count and the last hash so that a later pack shows it. Pure: used by the extension and, offline, by
// `npm run verify-evidence`.

export const AUDIT_GENESIS = 'heed-audit-genesis-v1';

export interface ChainFields {
  at: string;
  actor: string;
  action: string;
  listId?: string | undefined;
  counts?: Record<string, number> | undefined;
  detail?: string | undefined;
}

/** Canonical text of an event: fixed key order, counts sorted, absent fields as null. */
export function canonicalAudit(e: ChainFields, prevHash: string): string {
  const counts = e.counts
    ? Object.keys(e.counts)
        .sort()
        .map((k) => [k, (e.counts as Record<string, number>)[k]])
    : null;
  return JSON.stringify([
    'heed-audit-v1',
    prevHash,
    e.at,
    e.actor,
    e.action,
    e.listId ?? null,
    counts,
    e.detail ?? null,
  ]);
}

export function auditHash(e: ChainFields, prevHash: string): string {
  return sha256Hex(canonicalAudit(e, prevHash));
}

export type ChainEvent = ChainFields & {
  id: number;
  prevHash?: string | undefined;
  hash?: string | undefined;
};

export type ChainReport =
  | {
      ok: true;
      entries: number;
      /** Unsealed events from before the chain, covered by the first sealed one. */
      legacy: number;
      since?: string;
      /** The hash a next event must carry as prevHash. */
      tip: string;
    }
  | {
      ok: false;
      entries: number;
      broken: { id: number; at: string; action: string; problem: string };
    };

/** Walks the events in id order and reports the first broken link. */
export function verifyAuditChain(events: readonly ChainEvent[]): ChainReport {
  const sorted = [...events].sort((a, b) => a.id - b.id);
  let prev = AUDIT_GENESIS;
  let sealed = false;
  let legacy = 0;
  for (const e of sorted) {
    const expected = auditHash(e, prev);
    const broken = (problem: string): ChainReport => ({
      ok: false,
      entries: sorted.length,
      broken: { id: e.id, at: e.at, action: e.action, problem },
    });
    if (e.hash === undefined) {
      if (sealed) return broken('has no hash although earlier entries have: its seal was removed');
      legacy++;
      prev = expected;
      continue;
    }
    sealed = true;
    if (e.prevHash !== prev) {
      return broken(
        'does not follow the entry before it: an entry before it was changed, removed or inserted',
      );
    }
    if (e.hash !== expected) return broken('was changed after it was written');
    prev = e.hash;
  }
  const first = sorted[0];
  return {
    ok: true,
    entries: sorted.length,
    legacy,
    ...(first ? { since: first.at } : {}),
    tip: prev,
  };
}

/** Canonical JSON (sorted keys, no spaces) for checksums over whole documents. */
export function canonicalJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v) ?? 'null';
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const o = v as Record<string, unknown>;
  const keys = Object.keys(o)
    .filter((k) => o[k] !== undefined)
    .sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(o[k])}`).join(',')}}`;
}
