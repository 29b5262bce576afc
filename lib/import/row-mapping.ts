import { classifyValue, entryKeyAs, hashDigestInto, normaliseHash } from '../identifiers';
import type { EntryCollector } from '../store/commit';
import { unneutraliseCell } from '../store/csv-cells';
import type { ParsedRow } from '../store/csv-rows';
import { type ColumnMapping, ColumnMappingSchema, type Delimiter, DIGEST_BYTES } from '../store/schemas';
import { ImportError } from '../store/text-source';
import { type EntryKind, HASH_KINDS, isIdentifierRole, type SuppressionReason } from '../vocab';
import { EntryKindSchema, SuppressionReasonSchema } from '../vocab/schemas';
import { type DateOrder, readDate } from './dates';
import { type FlagRule, FlagRuleSchema, flagValue } from './profiles';

// Row mapping: what one data row of a list file gives under the user's column mapping (identifiers with their
// reason and date, rows skipped by an opt-out flag, values rejected and why), and the checks of that mapping.

/** Rejected rows kept with their details; all of them are counted. */
export const MAX_REJECTED_DETAILS = 10_000;

export interface RejectedRow {
  line: number;
  /** 1-based column. */
  column?: number;
  value: string;
  reason: string;
}

const REASON_WORDS = new Map<string, SuppressionReason>([
  ...['unsubscribe', 'unsubscribed', 'unsub', 'optout', 'optedout', 'removed'].map(
    (w) => [w, 'unsubscribe'] as const,
  ),
  ...['objection', 'objected', 'donotcontact', 'dnc', 'donotemail', 'suppressed', 'suppress'].map(
    (w) => [w, 'objection'] as const,
  ),
  ...['erasure', 'erased', 'deleted', 'deletion', 'forgetme', 'righttobeforgotten', 'gdprerasure'].map(
    (w) => [w, 'erasure'] as const,
  ),
  ...['donotcall', 'tps', 'ctps', 'nocalls'].map((w) => [w, 'do-not-call'] as const),
  ...['bounce', 'bounced', 'hardbounce', 'invalid'].map((w) => [w, 'bounce'] as const),
  ...['complaint', 'spam', 'spamcomplaint', 'abuse'].map((w) => [w, 'complaint'] as const),
  ['other', 'other'],
]);

/** A reason cell read generously; anything unrecognised is still a suppression, just 'other'. */
export function readReason(cell: string, fallback: SuppressionReason): SuppressionReason {
  const s = cell.trim().toLowerCase();
  if (s === '') return fallback;
  const direct = SuppressionReasonSchema.safeParse(s);
  if (direct.success) return direct.data;
  return REASON_WORDS.get(s.replace(/[^a-z]/g, '')) ?? 'other';
}

const ONE_COLUMN = [
  ['reason', 'lists_map_one_reason'],
  ['date', 'lists_map_one_date'],
  ['kind', 'lists_map_one_kind'],
] as const;

export function validateMapping(mapping: ColumnMapping): ColumnMapping {
  const parsed = ColumnMappingSchema.safeParse(mapping);
  if (!parsed.success)
    throw new ImportError('mapping', { key: 'lists_err_mapping_invalid', subs: [parsed.error.message] });
  const m = parsed.data;
  const seen = new Set<number>();
  for (const c of m.columns) {
    if (seen.has(c.index))
      throw new ImportError('mapping', { key: 'lists_err_mapped_twice', subs: [c.index + 1] });
    seen.add(c.index);
  }
  for (const [role, key] of ONE_COLUMN) {
    if (m.columns.filter((c) => c.role === role).length > 1) throw new ImportError('mapping', { key });
  }
  if (!m.columns.some((c) => isIdentifierRole(c.role))) {
    throw new ImportError('mapping', { key: 'lists_err_no_identifier' });
  }
  return m;
}

export function validateFlags(flags: FlagRule[], mapping: ColumnMapping): FlagRule[] {
  const mapped = new Set(mapping.columns.filter((c) => isIdentifierRole(c.role)).map((c) => c.index));
  const out: FlagRule[] = [];
  for (const f of flags) {
    const parsed = FlagRuleSchema.safeParse(f);
    if (!parsed.success)
      throw new ImportError('mapping', { key: 'lists_err_flag_invalid', subs: [parsed.error.message] });
    if (mapped.has(parsed.data.index)) {
      throw new ImportError('mapping', { key: 'lists_err_flag_identifier', subs: [parsed.data.index + 1] });
    }
    out.push(parsed.data);
  }
  return out;
}

export interface RowMappingOptions {
  /** Validated (validateMapping). */
  mapping: ColumnMapping;
  /** Validated against the mapping (validateFlags). */
  flags: FlagRule[];
  /** Reason for rows without a (readable) reason column. */
  reason: SuppressionReason;
  /** ISO date for rows without a (readable) date column. */
  since: string;
  dateOrder?: DateOrder;
  defaultCountry?: string;
  /** The file's delimiter, to show a rejected row whole. */
  delimiter: Delimiter;
}

const HASH_ROLES: ReadonlySet<string> = new Set(['hash', ...HASH_KINDS]);

/** Maps data rows into an EntryCollector and counts what each row gave. */
export class RowMapper {
  rejected = 0;
  readonly rejectedRows: RejectedRow[] = [];
  /** Data rows read = rowsImported + rowsSkipped + rows that gave nothing. */
  rows = 0;
  rowsImported = 0;
  rowsSkipped = 0;
  values = 0;
  dateFallbacks = 0;
  private readonly idColumns: ColumnMapping['columns'];
  private readonly reasonCol: number | undefined;
  private readonly dateCol: number | undefined;
  private readonly kindCol: number | undefined;
  /** Scratch for one digest's bytes: the collector copies them. */
  private readonly digest = new Uint8Array(64);

  constructor(
    private readonly collector: EntryCollector,
    private readonly o: RowMappingOptions,
  ) {
    const columns = o.mapping.columns;
    this.idColumns = columns.filter((c) => isIdentifierRole(c.role));
    this.reasonCol = columns.find((c) => c.role === 'reason')?.index;
    this.dateCol = columns.find((c) => c.role === 'date')?.index;
    this.kindCol = columns.find((c) => c.role === 'kind')?.index;
  }

  reject(line: number, column: number | undefined, value: string, reason: string) {
    this.rejected++;
    if (this.rejectedRows.length < MAX_REJECTED_DETAILS) {
      this.rejectedRows.push({
        line,
        ...(column !== undefined ? { column: column + 1 } : {}),
        value: value.length > 200 ? `${value.slice(0, 200)}…` : value,
        reason,
      });
    }
  }

  /** One data row (not blank, not the header). */
  add(row: ParsedRow) {
    this.rows++;
    if (row.error) {
      this.reject(row.line, undefined, row.cells.join(this.o.delimiter || ' '), row.error);
      return;
    }
    this.processRow(row);
  }

  private processRow(row: ParsedRow) {
    const { collector, idColumns, reasonCol, dateCol, kindCol } = this;
    const { flags } = this.o;
    const cell = (i: number | undefined) => (i === undefined ? '' : unneutraliseCell(row.cells[i] ?? ''));
    const reason = readReason(cell(reasonCol), this.o.reason);
    let since = this.o.since;
    if (dateCol !== undefined && cell(dateCol).trim() !== '') {
      const got = readDate(cell(dateCol), this.o.dateOrder);
      if (got === null) this.dateFallbacks++;
      else since = got;
    }
    const meta = collector.meta(reason, since);
    let any = false;
    let collected = 0;
    let skipped = 0;
    const rejectedBefore = this.rejected;
    for (const col of idColumns) {
      const value = cell(col.index);
      if (value.trim() === '') continue;
      any = true;
      let valueMeta = meta;
      let gate: 'pass' | 'skip' | 'unreadable' = 'pass';
      for (const f of flags) {
        if (!f.targets.includes(col.index)) continue;
        const v = flagValue(cell(f.index));
        if (v === null) gate = 'unreadable';
        else if (!v && gate === 'pass') gate = 'skip';
        else if (v && f.reason !== undefined && reasonCol === undefined) {
          valueMeta = collector.meta(f.reason, since);
        }
      }
      if (gate === 'skip') {
        skipped++;
        continue;
      }
      if (gate === 'unreadable') {
        const f = flags.find((x) => x.targets.includes(col.index) && flagValue(cell(x.index)) === null);
        this.reject(
          row.line,
          f?.index,
          cell(f?.index),
          'the opt-out flag is neither yes nor no (true/false, 1/0, yes/no)',
        );
        continue;
      }
      if (HASH_ROLES.has(col.role)) {
        // Plain hex of the column's algorithm (nearly every value of a big hash list) goes straight to bytes;
        // anything else takes the paths below, which clean it or word the error as before.
        const algo = hashDigestInto(value, this.digest);
        if (algo !== null && (col.role === 'hash' || col.role === algo)) {
          collector.addDigest(algo, this.digest.subarray(0, DIGEST_BYTES[algo]), valueMeta);
          this.values++;
          collected++;
          continue;
        }
      }
      let kind: EntryKind;
      let key: string;
      if (col.role === 'hash') {
        const h = normaliseHash(value);
        if (!h.ok) {
          this.reject(row.line, col.index, value, h.reason);
          continue;
        }
        kind = h.value.algo;
        key = h.value.hex;
      } else {
        let k: EntryKind | null;
        if (col.role === 'auto') {
          const named = EntryKindSchema.safeParse(cell(kindCol).trim().toLowerCase());
          k = named.success ? named.data : classifyValue(value);
        } else {
          k = col.role as EntryKind;
        }
        if (k === null) {
          this.reject(row.line, col.index, value, 'not an email, hash, domain, profile URL or phone number');
          continue;
        }
        const n = entryKeyAs(k, value, this.o.defaultCountry);
        if (!n.ok) {
          this.reject(row.line, col.index, value, n.reason);
          continue;
        }
        kind = k;
        key = n.value;
      }
      collector.add(kind, key, valueMeta);
      this.values++;
      collected++;
    }
    if (!any)
      this.reject(
        row.line,
        undefined,
        row.cells.join(this.o.delimiter || ' '),
        'no value in the mapped columns',
      );
    if (collected > 0) this.rowsImported++;
    else if (skipped > 0 && this.rejected === rejectedBefore) this.rowsSkipped++;
  }
}
