import { Dexie } from 'dexie';
import { AUDIT_GENESIS, auditHash, type ChainReport, verifyAuditChain } from './audit-chain';
import { csvRow } from './csv-cells';
import { type HeedDb, nowIso } from './db';
import { type AuditAction, type AuditEvent, AuditEventSchema, type NewAuditEvent } from './schemas';

/**
 * Appends an audit event, sealed into the hash chain. Inside a transaction that includes `audit` it joins
 * it, so the event is committed or rolled back together with the change it describes; its own transaction
 * otherwise, so that two writers cannot both chain onto the same last event.
 */
export async function logAudit(db: HeedDb, event: NewAuditEvent): Promise<number> {
  const parsed = AuditEventSchema.omit({ id: true, prevHash: true, hash: true }).parse({
    ...event,
    at: event.at ?? nowIso(),
  });
  return db.transaction('rw', db.audit, async () => {
    const last = await db.audit.orderBy(':id').last();
    let prevHash = AUDIT_GENESIS;
    if (last?.hash !== undefined) prevHash = last.hash;
    else if (last) {
      // The first event after an upgrade: hash the unsealed ones from the genesis marker, once.
      const report = verifyAuditChain(await db.audit.toArray());
      if (report.ok) prevHash = report.tip;
    }
    return db.audit.add({ ...parsed, prevHash, hash: auditHash(parsed, prevHash) });
  });
}

/** Recomputes the chain over the whole log. */
export async function verifyAudit(db: HeedDb): Promise<ChainReport> {
  return verifyAuditChain(await db.audit.toArray());
}

export interface AuditQuery {
  action?: AuditAction;
  /** Inclusive ISO lower bound on `at`. */
  from?: string;
  /** Exclusive ISO upper bound on `at`. */
  to?: string;
  limit?: number;
}

/** Events, newest first. */
export async function queryAudit(db: HeedDb, q: AuditQuery = {}): Promise<AuditEvent[]> {
  const lower = q.from ?? Dexie.minKey;
  const upper = q.to ?? Dexie.maxKey;
  let coll = db.audit.where('at').between(lower, upper, true, false).reverse();
  if (q.action !== undefined) {
    const action = q.action;
    coll = coll.filter((e) => e.action === action);
  }
  if (q.limit !== undefined) coll = coll.limit(q.limit);
  return coll.toArray();
}

/** The log as CSV for the privacy officer; cells are neutralised against spreadsheet formulas. */
export function auditCsv(events: readonly AuditEvent[]): string {
  const lines = [csvRow(['id', 'at', 'actor', 'action', 'listId', 'counts', 'detail'])];
  for (const e of events) {
    const counts = e.counts
      ? Object.entries(e.counts)
          .map(([k, v]) => `${k}=${v}`)
          .join(' ')
      : '';
    lines.push(csvRow([String(e.id), e.at, e.actor, e.action, e.listId ?? '', counts, e.detail ?? '']));
  }
  return `${lines.join('\r\n')}\r\n`;
}
