import { z } from 'zod';
import { type ChainEvent, type ChainReport, canonicalJson, verifyAuditChain } from './audit-chain';
import type { HeedDb } from './db';
import { sha256Hex } from './sha256';

// The evidence pack: one JSON file a privacy officer hands to a regulator, holding the audit log with its
// hash chain, the lists (names, scope, counts, when each was last fed), TPS/DNC screening dates and Art. 14
// notice dates from the contacts, send-time overrides, bundle signatures when a team uses them, and a
// human-readable summary. A SHA-256 checksum over the canonical JSON of the payload seals the file;
// `npm run verify-evidence FILE` recomputes it and the chain offline (scripts/verify-evidence.ts).
// Regulators fine the absence of proof (the ICO's TPS-screening cases): the pack is that proof. It holds no
// email address, phone number or name: contacts appear by their internal id only.

export const EVIDENCE_FORMAT = 'heed-evidence';
export const EVIDENCE_VERSION = 1;

export interface EvidenceList {
  id: string;
  name: string;
  /** Absent: every channel. */
  channels?: string[];
  total: number;
  byKind: Record<string, number>;
  batches: number;
  latestImportAt?: string;
  latestSince?: string;
  sources: string[];
}

export interface EvidencePayload {
  format: typeof EVIDENCE_FORMAT;
  version: typeof EVIDENCE_VERSION;
  createdAt: string;
  audit: { chain: ChainReport; events: ChainEvent[] };
  lists: EvidenceList[];
  /** Hook for signed team bundles: the bundle versions and signatures applied, when that feature provides them. */
  bundleSignatures: unknown[];
  screening: {
    contactId: string;
    tps?: boolean;
    tpsListedAt?: string;
    tpsScreenedAt?: string;
    dncScreenedAt?: string;
  }[];
  notices: { contactId: string; informedAt: string }[];
  /** Audit events recording a send despite a warning (any action naming an override), with their reasons. */
  sendOverrides: ChainEvent[];
  summaryMarkdown: string;
}

export interface EvidenceFile {
  payload: EvidencePayload;
  checksum: { algorithm: 'SHA-256'; over: 'canonical JSON of payload'; value: string };
}

function optionalIso(v: unknown): string | undefined {
  return typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v) ? v : undefined;
}

export interface BuildEvidenceOptions {
  now?: string;
  /** Provided by the team-bundle feature, when present. */
  bundleSignatures?: unknown[];
}

export async function buildEvidence(db: HeedDb, opts: BuildEvidenceOptions = {}): Promise<EvidenceFile> {
  // Not db's nowIso: `npm run verify-evidence` loads this module in Node, and db.ts pulls in the whole store.
  const createdAt = opts.now ?? new Date().toISOString();
  const [events, lists, batches, contacts] = await db.transaction(
    'r',
    [db.audit, db.lists, db.batches, db.contacts],
    () =>
      Promise.all([
        db.audit.orderBy(':id').toArray(),
        db.lists.toArray(),
        db.batches.toArray(),
        db.contacts.toArray(),
      ]),
  );
  const chain = verifyAuditChain(events);
  const outLists: EvidenceList[] = lists.map((l) => {
    const mine = batches.filter((b) => b.listId === l.id);
    const latest = mine.reduce<string | undefined>(
      (m, b) => (m === undefined || b.importedAt > m ? b.importedAt : m),
      undefined,
    );
    const since = mine.reduce<string | undefined>(
      (m, b) => (m === undefined || b.since > m ? b.since : m),
      undefined,
    );
    return {
      id: l.id,
      name: l.name,
      ...(l.channels ? { channels: [...l.channels] } : {}),
      total: l.counts.total,
      byKind: { ...l.counts.byKind } as Record<string, number>,
      batches: mine.length,
      ...(latest ? { latestImportAt: latest } : {}),
      ...(since ? { latestSince: since } : {}),
      sources: [...new Set(mine.map((b) => b.source))].sort(),
    };
  });
  const screening: EvidencePayload['screening'] = [];
  const notices: EvidencePayload['notices'] = [];
  for (const c of contacts) {
    // Read defensively: tpsScreenedAt and dncScreenedAt come with another change and may be absent.
    const rec = c as unknown as Record<string, unknown>;
    const tpsScreenedAt = optionalIso(rec.tpsScreenedAt);
    const dncScreenedAt = optionalIso(rec.dncScreenedAt);
    const tpsListedAt = optionalIso(rec.tpsListedAt);
    if (tpsScreenedAt || dncScreenedAt || tpsListedAt || typeof rec.tps === 'boolean') {
      screening.push({
        contactId: c.id,
        ...(typeof rec.tps === 'boolean' ? { tps: rec.tps } : {}),
        ...(tpsListedAt ? { tpsListedAt } : {}),
        ...(tpsScreenedAt ? { tpsScreenedAt } : {}),
        ...(dncScreenedAt ? { dncScreenedAt } : {}),
      });
    }
    const informedAt = optionalIso(rec.informedAt);
    if (informedAt) notices.push({ contactId: c.id, informedAt });
  }
  const plain: ChainEvent[] = events.map((e) => JSON.parse(JSON.stringify(e)) as ChainEvent);
  const sendOverrides = plain.filter((e) => /override/i.test(e.action));
  const payload: EvidencePayload = {
    format: EVIDENCE_FORMAT,
    version: EVIDENCE_VERSION,
    createdAt,
    audit: { chain, events: plain },
    lists: outLists,
    bundleSignatures: opts.bundleSignatures ?? [],
    screening,
    notices,
    sendOverrides,
    summaryMarkdown: '',
  };
  payload.summaryMarkdown = evidenceSummary(payload);
  return {
    payload,
    checksum: {
      algorithm: 'SHA-256',
      over: 'canonical JSON of payload',
      value: sha256Hex(canonicalJson(payload)),
    },
  };
}

function chainLine(chain: ChainReport): string {
  if (chain.ok) {
    return chain.entries === 0
      ? 'The audit log is empty.'
      : `The audit log is intact since ${chain.since} (${chain.entries} entries${chain.legacy ? `, ${chain.legacy} of them from before the chain, covered by it` : ''}).`;
  }
  return `The audit log is BROKEN at entry #${chain.broken.id} (${chain.broken.at}, ${chain.broken.action}): it ${chain.broken.problem}.`;
}

/** The human-readable page inside the pack. */
export function evidenceSummary(p: EvidencePayload): string {
  const byAction = new Map<string, number>();
  for (const e of p.audit.events) byAction.set(e.action, (byAction.get(e.action) ?? 0) + 1);
  const lines = [
    '# Heed evidence pack',
    '',
    `Created ${p.createdAt}. Everything below was recorded on this device; no data left it.`,
    '',
    '## Audit log',
    '',
    chainLine(p.audit.chain),
    '',
    ...[...byAction].sort().map(([a, n]) => `- ${a}: ${n}`),
    '',
    '## Suppression lists',
    '',
    '| List | Blocks | Entries | Batches | Last import | Latest opt-out date |',
    '| --- | --- | --- | --- | --- | --- |',
    ...p.lists.map(
      (l) =>
        `| ${l.name.replace(/\|/g, '\\|')} | ${l.channels?.join(', ') ?? 'every channel'} | ${l.total} | ${l.batches} | ${l.latestImportAt ?? '-'} | ${l.latestSince ?? '-'} |`,
    ),
    '',
    '## Screening and notices',
    '',
    `- Contacts with TPS/DNC screening records: ${p.screening.length}`,
    `- Contacts screened against TPS: ${p.screening.filter((s) => s.tpsScreenedAt).length}; against a DNC list: ${p.screening.filter((s) => s.dncScreenedAt).length}`,
    `- Art. 14 notices recorded: ${p.notices.length}`,
    `- Send-time overrides recorded: ${p.sendOverrides.length}`,
    `- Signed team bundles applied: ${p.bundleSignatures.length}`,
    '',
    '## Checking this file',
    '',
    'Run `npm run verify-evidence FILE` in a copy of Heed. It recomputes the SHA-256 checksum of the payload and every link of the audit hash chain, and prints "intact" or the first broken entry. Removing events from the end of the log leaves no broken link: compare the entry count and the last hash with an earlier pack.',
    '',
  ];
  return lines.join('\n');
}

// A shape check at the trust boundary: the file may come from anywhere.
const EvidenceFileSchema = z.object({
  payload: z.looseObject({
    format: z.literal(EVIDENCE_FORMAT),
    version: z.literal(EVIDENCE_VERSION),
    createdAt: z.string(),
    audit: z.looseObject({
      events: z.array(
        z.looseObject({
          id: z.number().int(),
          at: z.string(),
          actor: z.string(),
          action: z.string(),
          listId: z.string().optional(),
          counts: z.record(z.string(), z.number()).optional(),
          detail: z.string().optional(),
          prevHash: z.string().optional(),
          hash: z.string().optional(),
        }),
      ),
    }),
  }),
  checksum: z.object({ algorithm: z.literal('SHA-256'), value: z.string().regex(/^[0-9a-f]{64}$/) }),
});

export interface EvidenceVerdict {
  ok: boolean;
  checksumOk: boolean;
  chain: ChainReport | null;
  lines: string[];
}

/** Checks a parsed evidence file: its checksum, then the audit chain inside it. */
export function verifyEvidence(raw: unknown): EvidenceVerdict {
  const parsed = EvidenceFileSchema.safeParse(raw);
  if (!parsed.success) {
    return {
      ok: false,
      checksumOk: false,
      chain: null,
      lines: [
        `Not a Heed evidence file: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
      ],
    };
  }
  // Over the raw payload, not the parsed copy, so that nothing the schema drops or adds changes the sum.
  const payload = (raw as { payload: unknown }).payload;
  const checksumOk = sha256Hex(canonicalJson(payload)) === parsed.data.checksum.value;
  const chain = verifyAuditChain(parsed.data.payload.audit.events as ChainEvent[]);
  const lines = [
    checksumOk
      ? 'Checksum: intact (SHA-256 of the payload matches).'
      : 'Checksum: BROKEN: the file was changed after it was exported.',
    `Audit chain: ${chainLine(chain).replace(/^The audit log is /, '')}`,
  ];
  return { ok: checksumOk && chain.ok, checksumOk, chain, lines };
}
