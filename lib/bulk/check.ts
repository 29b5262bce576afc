import Papa from 'papaparse';
import { emailKind } from '../extract/email-kind';
import { type MessageKey, t } from '../i18n';
import { classifyValue } from '../identifiers';
import type { BadgeLevel, LookupAnswer } from '../messaging/types';
import { assess } from '../risk';
import { codeInfo } from '../risk/codes';
import { neutraliseCell, unneutraliseCell } from '../store/csv-cells';
import { type ParsedRow, RowStream } from '../store/csv-rows';
import { dataRows } from '../store/data-rows';
import type { HeedDb } from '../store/db';
import { DEFAULT_CHUNK_SIZE, DEFAULT_MAX_LINE_LENGTH } from '../store/import';
import type { LookupResult, PersonIds } from '../store/lookup';
import type { Delimiter, Settings, TextEncoding } from '../store/schemas';
import { getSettings } from '../store/settings';
import { ImportError, sniff } from '../store/text-source';
import { browserTimeZone, toAnswer, toAssessInput } from '../verdict/answer';
import { CHANNELS, type Channel, type EmailKind, type Stage } from '../vocab';
import { csvField, csvRecord } from './csv-out';
import { FactsMemo } from './facts-memo';
import { LookupContext, type LookupPlan } from './lookup-many';
import { type BulkMapping, mappingProblem } from './mapping';
import { readCountry, readStage } from './values';

/** A row's outcome: the badge's levels, or why the row could not be checked. */
export type BulkLevel = BadgeLevel | 'invalid' | 'error';
export const BULK_LEVELS: readonly BulkLevel[] = [
  'blocked',
  'high',
  'caution',
  'ok',
  'unknown',
  'invalid',
  'error',
];

/**
 * Columns added to every row of the output, after the file's own. Short by default: a level, one word per
 * channel, rule codes and list names. Full sentences with citations made a 12 MB campaign a 271 MB result
 * (issue 20, item 11), so they are an option.
 */
export const OUTPUT_COLUMNS = [
  'heed_level',
  ...CHANNELS.map((c) => `heed_${c}`),
  'heed_reason_codes',
  'heed_lists',
] as const;
export const FULL_REASONS_COLUMN = 'heed_reasons';

export function outputColumns(reasons: 'codes' | 'full' = 'codes'): string[] {
  return reasons === 'full' ? [...OUTPUT_COLUMNS, FULL_REASONS_COLUMN] : [...OUTPUT_COLUMNS];
}

/** Columns after the file's own in the removed-rows file: what was wrong, in codes and in one sentence. */
export const REMOVED_COLUMNS = ['heed_level', 'heed_reason_codes', 'heed_lists', 'heed_why'] as const;

/**
 * Whether a row stays out of the clean file: the campaign's channel is blocked for it, or it could not be checked
 * at all. A UK individual at a webmail address is "unknown" overall but blocked for email: the channel decides.
 */
export function isRemoved(
  level: BulkLevel,
  channels: Partial<Record<Channel, string>>,
  channel: Channel,
): boolean {
  return level === 'invalid' || level === 'error' || level === 'blocked' || channels[channel] === 'blocked';
}

/** How many removed rows the result keeps for the page (the removed-rows file holds them all). */
export const FLAGGED_KEPT = 200;

export interface BulkFileShape {
  /** Header names (or "Column n"), which also fixes how many input columns each output row gets. */
  headers: readonly string[];
  hasHeader: boolean;
  delimiter: Delimiter;
  encoding: TextEncoding;
  sepLine: boolean;
}

export interface BulkProgress {
  rows: number;
  bytesRead: number;
  totalBytes: number;
  counts: Record<BulkLevel, number>;
}

export interface BulkCheckOptions extends BulkFileShape {
  mapping: BulkMapping;
  /** 'codes' (default): rule codes only; 'full': also every reason as "message (citation)" in heed_reasons. */
  /** The channel the campaign goes out on, which decides the clean file (default email). */
  campaignChannel?: Channel;
  reasons?: 'codes' | 'full';
  now?: Date;
  signal?: AbortSignal;
  onProgress?: (p: BulkProgress) => void;
  /** Rows looked up together. */
  batchSize?: number;
  chunkSize?: number;
  /** The lookup cache's budget (see LookupContext); with lists larger than it the check plans (see below). */
  cacheBytes?: number;
  /** When planning: how many keys one stretch of rows may collect before its buckets are read. */
  planKeys?: number;
}

/** A row left out of the clean file, as the page lists it. */
export interface FlaggedRow {
  /** 1-based data row number (the header is not counted). */
  row: number;
  /** The row's first identifier, as the file wrote it. */
  identifier: string;
  level: BulkLevel;
  blockedChannels: Channel[];
  codes: string;
  lists: string;
  why: string;
}

export interface BulkResult {
  rows: number;
  counts: Record<BulkLevel, number>;
  /** The input rows with the Heed columns added, as CSV (UTF-8 with BOM, the input's delimiter). */
  output: Blob;
  /** The rows safe to send on the campaign's channel (see isRemoved), with the file's own columns only. */
  clean: Blob;
  cleanRows: number;
  /** The rows left out of the clean file, with the file's columns and REMOVED_COLUMNS. */
  removed: Blob;
  removedRows: number;
  /** The first FLAGGED_KEPT removed rows; `removedRows` says how many there are in all. */
  flagged: FlaggedRow[];
  /** Rows with more cells than the header: their Heed columns sit further right. */
  wideRows: number;
  ms: number;
}

export function emptyCounts(): Record<BulkLevel, number> {
  return { blocked: 0, high: 0, caution: 0, ok: 0, unknown: 0, invalid: 0, error: 0 };
}

/** Something about a row the reader noticed: a short code for the file and a sentence for people. */
export interface RowNote {
  code: string;
  text: string;
}

/** The Heed cells of every row with the same facts (see `judge` in bulkCheck). */
interface Judged {
  level: BulkLevel;
  channels: Record<Channel, string>;
  /** The blocking and high-risk reasons' codes, to merge with a row's own note codes. */
  weighty: string[];
  codes: string;
  reasonCount: number;
  full: string;
  lists: string;
  why: string;
  /** Written once: the output's and the removed file's Heed cells for rows without notes of their own. */
  tail?: string;
  removedTail?: string;
}

interface RowWork {
  cells: string[];
  ids: PersonIds;
  idCount: number;
  country?: string;
  stage?: Exclude<Stage, 'unknown'>;
  notes: readonly RowNote[];
  /** Set when the row cannot be looked up at all. */
  fail?: { level: 'invalid' | 'error'; code: string; reason: string };
}

const KIND_KEY: Record<string, MessageKey> = {
  email: 'options_bulk_kind_email',
  domain: 'options_bulk_kind_domain',
  profile: 'options_bulk_kind_profile',
  salesnav: 'options_bulk_kind_salesnav',
  phone: 'options_bulk_kind_phone',
};

/** An identifier's kind as the notes name it ("email" in English, "E-Mail-Adresse" in German). */
function kindWord(kind: string): string {
  const key = KIND_KEY[kind];
  return key ? t(key) : kind;
}

// A prospect's email cell sometimes lists several addresses; profile and Sales Navigator URLs contain commas.
const EMAIL_SPLIT = /[;,\s]+/;
const EMAIL_SPLIT_AT = /[;,\s]/;

const NO_NOTES: readonly RowNote[] = Object.freeze([]);
const NO_IDS: PersonIds = Object.freeze({});

type MutableIds = { -readonly [K in keyof PersonIds]: string[] };
type IdKind = 'email' | 'profile' | 'salesnav' | 'phone' | 'domain';

// Module functions rather than closures inside readRow: two closures per row were a share of the check's garbage.
function addNote(work: RowWork, n: RowNote): void {
  if (work.notes === NO_NOTES) work.notes = [n];
  else (work.notes as RowNote[]).push(n);
}

/** Adds a cell's identifiers of `kind` to `ids`; how many it added. */
function pushId(ids: MutableIds, kind: IdKind, value: string): number {
  const key =
    kind === 'email'
      ? 'emails'
      : kind === 'profile'
        ? 'profileUrls'
        : kind === 'salesnav'
          ? 'salesNavUrls'
          : kind === 'phone'
            ? 'phones'
            : 'domains';
  let into = ids[key];
  if (kind === 'email' && EMAIL_SPLIT_AT.test(value)) {
    let added = 0;
    for (const v of value.split(EMAIL_SPLIT)) {
      if (!v) continue;
      if (into) into.push(v);
      else {
        into = [v];
        ids[key] = into;
      }
      added++;
    }
    // A cell of separators alone still opened its kind, as before (the kind's list stays empty).
    if (!into) ids[key] = [];
    return added;
  }
  if (into) into.push(value);
  else ids[key] = [value];
  return 1;
}

/**
 * Reads one data row into identifiers and hints according to the mapping. Pure: unit-tested on its own. A million
 * rows pass through here: `ids` holds only the kinds the row has, and a row without notes shares one empty list.
 */
export function readRow(row: Pick<ParsedRow, 'cells' | 'error'>, mapping: BulkMapping): RowWork {
  const work: RowWork = { cells: row.cells, ids: NO_IDS, idCount: 0, notes: NO_NOTES };
  if (row.error) {
    work.fail = {
      level: 'error',
      code: 'unreadable-row',
      reason: t('options_bulk_note_unreadable', row.error),
    };
    return work;
  }
  const ids: MutableIds = {};
  let idCount = 0;
  for (let i = 0; i < mapping.roles.length; i++) {
    const role = mapping.roles[i];
    if (role === undefined || role === 'ignore') continue;
    const cell = row.cells[i] ?? '';
    // A guard quote can only come before a quote, space or formula character (see safeCell).
    const value = (plainStart(cell) ? cell : unneutraliseCell(cell)).trim();
    if (value === '') continue;
    switch (role) {
      case 'country': {
        const c = readCountry(value);
        if (c) work.country = c;
        else if (c === null)
          addNote(work, {
            code: 'country-unrecognised',
            text: t('options_bulk_note_country'),
          });
        continue;
      }
      case 'stage': {
        const s = readStage(value);
        if (s && s !== 'unknown') work.stage = s;
        else if (s === null)
          addNote(work, {
            code: 'stage-unrecognised',
            text: t('options_bulk_note_stage'),
          });
        continue;
      }
      case 'auto': {
        const k = classifyValue(value);
        if (k === 'email' || k === 'profile' || k === 'salesnav' || k === 'phone' || k === 'domain')
          idCount += pushId(ids, k, value);
        else if (k)
          addNote(work, {
            code: 'hash-not-checkable',
            text: t('options_bulk_note_hash', k),
          });
        else
          addNote(work, {
            code: 'no-identifier-in-column',
            text: t('options_bulk_note_no_identifier_in_column', i + 1),
          });
        continue;
      }
      default:
        idCount += pushId(ids, role, value);
    }
  }
  work.idCount = idCount;
  work.ids = ids;
  if (work.idCount === 0) {
    work.fail = {
      level: 'invalid',
      code: ['no-identifier', ...work.notes.map((n) => n.code)].join(' '),
      reason: [t('options_bulk_note_no_identifier'), ...work.notes.map((n) => n.text)].join(' '),
    };
  }
  return work;
}

/** "message (citation); …" with every reason the answer gives, then the reader's notes. */
export function reasonsText(answer: Pick<LookupAnswer, 'reasons'>, notes: readonly string[] = []): string {
  const text = (r: LookupAnswer['reasons'][number]) =>
    r.citation ? `${r.message} (${r.citation})` : r.message;
  return [...answer.reasons.map(text), ...notes].join('; ');
}

/**
 * "code code …": the rule code of every reason that blocks a channel or makes the row high risk, then the
 * reader's note codes; a few bytes per row. The "check" reasons (what to record) are in the full option: the
 * channel columns already say "check".
 */
export function reasonCodes(answer: Pick<LookupAnswer, 'reasons'>, notes: readonly string[] = []): string {
  const weighty = answer.reasons
    .filter((r) => r.level === 'blocked' || r.level === 'high')
    .map((r) => r.code);
  return [...new Set([...weighty, ...notes])].join(' ');
}

/** The reason's short phrase ("they objected to direct marketing"), capitalised; the sentence when it has none. */
function whyOf(r: LookupAnswer['reasons'][number] | undefined, fallback: string): string {
  if (!r) return fallback;
  const short = codeInfo(r.code)?.short;
  return short ? `${short.charAt(0).toUpperCase()}${short.slice(1)}.` : r.message;
}

function firstIdentifier(ids: PersonIds): string {
  return (
    ids.emails?.[0] ??
    ids.profileUrls?.[0] ??
    ids.salesNavUrls?.[0] ??
    ids.phones?.[0] ??
    ids.domains?.[0] ??
    ''
  );
}

/**
 * kindOfEmails (lib/verdict/answer.ts) without its array per call: 'personal' when any address is webmail, else
 * 'work' when any is a work address, else undefined. Same answer (a unit test compares them).
 */
export function kindOfEmailsIn(
  emails: readonly string[],
  settings: Pick<Settings, 'extraPersonalDomains' | 'ownDomains'>,
): EmailKind | undefined {
  let work = false;
  for (const e of emails) {
    const k = emailKind(e, settings.extraPersonalDomains, settings.ownDomains);
    if (k === 'personal') return 'personal';
    if (k === 'work') work = true;
  }
  return work ? 'work' : undefined;
}

/**
 * A cell as the output writes it: neutraliseCell(unneutraliseCell(cell)), without the two pattern tests for the
 * cells that start with an ASCII letter or digit (most of a campaign file), which neither pattern can match: both
 * need a quote, a space, a line break or a formula character first.
 */
export function safeCell(cell: string): string {
  return plainStart(cell) ? cell : neutraliseCell(unneutraliseCell(cell));
}

function plainStart(cell: string): boolean {
  const c = cell.charCodeAt(0);
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Collects text and turns it into a Blob part each time about a megabyte has gathered. */
class BlobWriter {
  private pending: string[] = [];
  private length = 0;
  constructor(private readonly parts: BlobPart[]) {}
  add(text: string) {
    if (text === '') return;
    this.pending.push(text);
    this.length += text.length;
    if (this.length >= 1 << 20) this.close();
  }
  close() {
    if (this.pending.length > 0) this.parts.push(new Blob(this.pending));
    this.pending = [];
    this.length = 0;
  }
}

/** How long the check may hold the page between two yields. */
const SLICE_MS = 40;
/**
 * Keys one planned stretch of rows may collect before its buckets are read (see bulkCheck): four bytes each while
 * collected (lib/bulk/plan-reads.ts), and once read, about as many of the lists' entries kept as there are keys
 * (tens of megabytes at most). At 10M entries a million-row file is one stretch: every bucket read once.
 */
const PLAN_KEYS = 1_000_000;

function cancelled(): ImportError {
  return new ImportError('cancelled', t('options_bulk_cancelled_error'));
}

/**
 * Checks every row of a prospect file against all lists and contact records with the risk engine, streaming:
 * the file is read a chunk at a time and rows are looked up in batches. Returns the counts per level and the
 * file back with the Heed columns added. Nothing is written to the store.
 */
export async function bulkCheck(db: HeedDb, blob: Blob, opts: BulkCheckOptions): Promise<BulkResult> {
  const t0 = performance.now();
  const problem = mappingProblem(opts.mapping);
  if (problem) throw new ImportError('mapping', problem);
  if (opts.signal?.aborted) throw cancelled();
  const now = opts.now ?? new Date();
  const settings = await getSettings(db);
  const ctx = await LookupContext.load(db, opts.cacheBytes ? { maxCachedBytes: opts.cacheBytes } : {});
  const sniffed = await sniff(blob, opts.encoding);
  const stream = new RowStream(blob, sniffed, opts.delimiter, {
    chunkSize: Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE),
    maxLineLength: DEFAULT_MAX_LINE_LENGTH,
  });
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const width = opts.headers.length;
  const outDelimiter = opts.delimiter === '' ? ',' : opts.delimiter;
  const unparse = (rows: string[][]) =>
    Papa.unparse(rows, { delimiter: outDelimiter, newline: '\r\n', header: false, escapeFormulae: false });
  const safe = safeCell;

  const style = opts.reasons ?? 'codes';
  const channel = opts.campaignChannel ?? 'email';
  const weighty = (r: LookupAnswer['reasons'][number]) => r.level === 'blocked' || r.level === 'high';
  // Read once: Intl's answer does not change during a check, and asking it per row was a third of the time.
  const zone = browserTimeZone();

  // Most rows of a campaign file reach the risk engine with the same facts (same country, nothing recorded, the
  // same list matches or none): the verdict, and every Heed cell that comes from it, depend on those facts
  // alone, so rows with identical facts share one assessment and one set of cells. The identifiers themselves
  // are not among them: neither the engine's input nor the answer's reasons name them (issue 18).
  const judged = new Map<string, Judged>();
  // Walked value by value (see FactsMemo): a string key per row was the check's largest allocation after parsing.
  const quickJudged = new FactsMemo<Judged>(10_000);
  // Without a contact record, toAssessInput reads from the lookup only the emails' kind and the exact matches'
  // reasons, dates and channels: those (and the file's country and stage) find the cells without building the
  // engine's input at all, which is most rows of most files. The counts make the sequence self-delimiting.
  const walkQuick = (f: LookupResult, w: RowWork, create: boolean) => {
    const memo = quickJudged
      .begin(create)
      .key(w.country)
      .key(w.stage)
      .key(kindOfEmailsIn(f.identifiers.emails, settings))
      .key(f.matches.length);
    for (const m of f.matches) {
      memo.key(m.listName).key(m.match).key(m.reason).key(m.since);
      const ch = m.channels;
      if (ch === undefined) memo.key(-1);
      else {
        memo.key(ch.length);
        for (const c of ch) memo.key(c);
      }
    }
    return memo;
  };
  const judge = (f: LookupResult, w: RowWork): Judged => {
    if (f.contact) return judgeFully(f, w);
    const seen = walkQuick(f, w, false).found;
    if (seen) return seen;
    const j = judgeFully(f, w);
    walkQuick(f, w, true).keep(j);
    return j;
  };
  const judgeFully = (f: LookupResult, w: RowWork): Judged => {
    const input = toAssessInput(f, { country: w.country, source: 'generic' }, settings, now, zone);
    // The file's stage counts where nothing is recorded; a recorded stage is a fact and wins.
    if (w.stage && (!f.contact || f.contact.stage === 'unknown')) input.stage = w.stage;
    // A campaign is checked ahead of its send: the hour of the check says nothing about when it goes out, so
    // the file is judged on the day alone and calling hours stay out of it.
    input.now = input.now.slice(0, 10);
    // What the cells take from the lookup besides the engine's input: each match's list, exact or possible, reason
    // and date, and whether a contact record was found (toAnswer's other match fields reach no cell).
    const key = JSON.stringify([
      input,
      f.contact !== undefined,
      f.matches.map((m) => [m.listName, m.match, m.reason, m.since]),
    ]);
    const known = judged.get(key);
    if (known) return known;
    const answer = toAnswer(f, assess(input));
    const lists = [
      ...new Set(
        answer.matches.map((m) => (m.match === 'possible' ? `${m.listName} (possible)` : m.listName)),
      ),
    ];
    const j: Judged = {
      level: answer.level,
      channels: answer.channels,
      weighty: answer.reasons.filter(weighty).map((r) => r.code),
      codes: reasonCodes(answer),
      reasonCount: answer.reasons.length,
      full: reasonsText(answer),
      lists: lists.join('; '),
      why: whyOf(
        answer.reasons.find((r) => r.channels.includes(channel) && weighty(r)) ??
          answer.reasons.find(weighty) ??
          answer.reasons[0],
        answer.summary,
      ),
    };
    j.tail = tailOf(j);
    j.removedTail = removedTailOf(j);
    if (judged.size >= 10_000) judged.clear();
    judged.set(key, j);
    return j;
  };

  const headerCells = opts.headers.map(safe);
  const parts: BlobPart[] = [];
  const cleanParts: BlobPart[] = [];
  const removedParts: BlobPart[] = [];
  parts.push(`\uFEFF${unparse([[...headerCells, ...outputColumns(style).map(neutraliseCell)]])}\r\n`);
  cleanParts.push(`\uFEFF${unparse([headerCells])}\r\n`);
  removedParts.push(`\uFEFF${unparse([[...headerCells, ...REMOVED_COLUMNS.map(neutraliseCell)]])}\r\n`);
  const counts = emptyCounts();
  const flagged: FlaggedRow[] = [];
  let rows = 0;
  let cleanRows = 0;
  let removedRows = 0;
  let wideRows = 0;

  // Every cell Heed writes is guarded, its own columns too: list names and reasons are user text.
  const d = outDelimiter;
  const ownRecord = (w: RowWork): string => {
    let line = '';
    const n = Math.max(width, w.cells.length);
    for (let i = 0; i < n; i++) {
      if (i > 0) line += d;
      const cell = w.cells[i];
      if (cell !== undefined && cell !== '') line += csvField(safe(cell), d);
    }
    return line;
  };
  const tailOf = (o: Outcome): string => {
    const tail = [o.level, ...CHANNELS.map((c) => o.channels[c]), o.codes, o.lists];
    if (style === 'full') tail.push(o.full);
    return csvRecord(tail.map(neutraliseCell), d);
  };
  const removedTailOf = (o: Outcome) => csvRecord([o.level, o.codes, o.lists, o.why].map(neutraliseCell), d);

  interface Outcome {
    level: BulkLevel;
    channels: Record<Channel, string>;
    codes: string;
    full: string;
    lists: string;
    why: string;
    /** The written Heed cells, when they are the same for every row with these facts. */
    tail?: string;
    removedTail?: string;
  }
  const noChannels = () => Object.fromEntries(CHANNELS.map((c) => [c, ''])) as Record<Channel, string>;

  /** A batch's rows read, and the 1-based number of its first. */
  type Batch = { works: readonly RowWork[]; first: number };
  const queries = (works: readonly RowWork[]) =>
    works
      .filter((w) => !w.fail)
      .map((w) => {
        const country = w.country ?? settings.defaultCountry;
        // One object per row and reader, not a spread of a second one.
        return country ? { ids: w.ids, defaultCountry: country } : { ids: w.ids };
      });
  const lookUp = (batch: Batch, planned?: { plan: LookupPlan; flags: Uint8Array }) =>
    ctx.lookupMany(db, queries(batch.works), settings.showPossibleMatches, planned);
  const write = (batch: Batch, found: LookupResult[]) => {
    let li = 0;
    const outcomeOf = (w: RowWork): Outcome => {
      if (w.fail) {
        return {
          level: w.fail.level,
          channels: noChannels(),
          codes: w.fail.code,
          full: w.fail.reason,
          lists: '',
          why: w.fail.reason,
        };
      }
      const f = found[li++] as (typeof found)[number];
      const ids = f.identifiers;
      const usable =
        ids.emails.length +
        ids.profileUrls.length +
        ids.salesNavUrls.length +
        ids.phones.length +
        ids.domains.length;
      const notes =
        f.identifiers.rejected.length === 0
          ? w.notes
          : [
              ...f.identifiers.rejected.map((r) => ({
                code: `invalid-${r.kind}`,
                text: t('options_bulk_note_invalid', kindWord(r.kind), r.reason),
              })),
              ...w.notes,
            ];
      if (usable === 0) {
        const text = notes.map((n) => n.text).join(' ');
        return {
          level: 'invalid',
          channels: noChannels(),
          codes: notes.map((n) => n.code).join(' '),
          full: text,
          lists: '',
          why: text,
        };
      }
      try {
        const j = judge(f, w);
        if (notes.length === 0) return j;
        const noteCodes = notes.map((n) => n.code);
        const noteTexts = notes.map((n) => n.text);
        return {
          level: j.level,
          channels: j.channels,
          codes: [...new Set([...j.weighty, ...noteCodes])].join(' '),
          full: (j.reasonCount > 0 ? [j.full, ...noteTexts] : noteTexts).join('; '),
          lists: j.lists,
          why: j.why,
        };
      } catch (e) {
        const msg = e instanceof Error ? e.message.split('\n')[0] : String(e);
        const text = t('options_bulk_note_assess_error', msg ?? '');
        return {
          level: 'error',
          channels: noChannels(),
          codes: 'assess-error',
          full: text,
          lists: '',
          why: text,
        };
      }
    };
    // Strings, not arrays of cells through Papa.unparse: the same bytes (csvRecord), far less garbage. The
    // Heed cells of rows without notes of their own are written once per set of facts and reused.
    let out = '';
    let cleanOut = '';
    let removedOut = '';
    for (let k = 0; k < batch.works.length; k++) {
      const w = batch.works[k] as RowWork;
      const row = batch.first + k;
      const o = outcomeOf(w);
      counts[o.level]++;
      if (w.cells.length > width) wideRows++;
      const own = ownRecord(w);
      out += `${own}${d}${o.tail ?? tailOf(o)}\r\n`;
      if (!isRemoved(o.level, o.channels, channel)) {
        cleanRows++;
        cleanOut += `${own}\r\n`;
        continue;
      }
      removedRows++;
      removedOut += `${own}${d}${o.removedTail ?? removedTailOf(o)}\r\n`;
      if (flagged.length < FLAGGED_KEPT) {
        flagged.push({
          row,
          identifier: firstIdentifier(w.ids),
          level: o.level,
          blockedChannels: CHANNELS.filter((c) => o.channels[c] === 'blocked'),
          codes: o.codes,
          lists: o.lists,
          why: o.why,
        });
      }
    }
    outText.add(out);
    cleanText.add(cleanOut);
    removedText.add(removedOut);
  };

  // Blobs of about a megabyte let the browser keep the growing files out of the JavaScript heap; a Blob per
  // batch cost more in Blob construction than the batch's whole lookup.
  const outText = new BlobWriter(parts);
  const cleanText = new BlobWriter(cleanParts);
  const removedText = new BlobWriter(removedParts);

  // With lists larger than the lookup cache, the file is read twice, a stretch at a time: a planner reads ahead and
  // collects the keys its rows may be listed under (LookupContext.plan), their buckets are read once each, and the
  // rows are then checked against just those keys. Both readers cut the same rows into the same batches.
  const planning = ctx.wantsPlan();
  const planStream = planning
    ? new RowStream(blob, sniffed, opts.delimiter, {
        chunkSize: Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK_SIZE),
        maxLineLength: DEFAULT_MAX_LINE_LENGTH,
      })
    : undefined;
  // Progress in bytes: with a planner, each byte is read twice and counts half each time.
  const bytesDone = (checked: number) =>
    planStream ? Math.round((checked + planStream.source.bytesRead) / 2) : checked;
  let checkedBytes = 0;
  let checkedRows = 0;
  const report = () =>
    opts.onProgress?.({
      rows: checkedRows,
      bytesRead: bytesDone(checkedBytes),
      totalBytes: blob.size,
      counts: { ...counts },
    });
  const rowOptions = {
    sepLine: opts.sepLine,
    hasHeader: opts.hasHeader,
    batchRows: batchSize,
    sliceMs: SLICE_MS,
    cancelled,
    ...(opts.signal ? { signal: opts.signal } : {}),
  };
  const batches = dataRows(stream, blob.size, {
    ...rowOptions,
    progressMs: 0,
    onProgress: (p) => {
      checkedRows = p.rows;
      checkedBytes = p.bytesRead;
      report();
    },
  });
  const planner = planStream
    ? dataRows(planStream, blob.size, { ...rowOptions, progressMs: 100, onProgress: report })
    : undefined;
  const planKeys = Math.max(1, opts.planKeys ?? PLAN_KEYS);
  // The stretch planned last: its plan, and the flags of its batches from batch number `start` on.
  let window: { plan: LookupPlan; flags: Uint8Array[]; start: number } | undefined;
  let plannedBatches = 0;
  const planNext = async () => {
    if (!planner) return;
    const plan = await ctx.newPlan();
    const flags: Uint8Array[] = [];
    while (plan.keys < planKeys) {
      const next = await planner.next();
      if (next.done) break;
      const works = next.value.map((row) => readRow(row, opts.mapping));
      flags.push(ctx.plan(plan, queries(works), settings.showPossibleMatches));
    }
    window = { plan, flags, start: plannedBatches };
    plannedBatches += flags.length;
    await ctx.resolvePlan(db, plan);
  };
  const plannedFor = (b: number) => {
    if (!window) return undefined;
    const flags = window.flags[b - window.start];
    return flags ? { plan: window.plan, flags } : undefined;
  };

  // Two batches in flight: while one batch's buckets are read (the page would otherwise wait on IndexedDB), the
  // next is parsed and prepared. Batches are still written in order, and the second waits for the first.
  let previous: Promise<void> | undefined;
  let batchNo = 0;
  try {
    for await (const got of batches) {
      const batch: Batch = { works: got.map((row) => readRow(row, opts.mapping)), first: rows + 1 };
      rows += got.length;
      const b = batchNo++;
      if (planner && b >= plannedBatches) await planNext();
      const found = lookUp(batch, plannedFor(b));
      const before = previous;
      previous = (async () => {
        if (before) await before;
        write(batch, await found);
      })();
      // A failure surfaces where these are awaited (next batch or below), not as an unhandled rejection.
      found.catch(() => undefined);
      previous.catch(() => undefined);
      if (before) await before;
    }
    if (previous) await previous;
  } finally {
    await planner?.return();
  }
  for (const w of [outText, cleanText, removedText]) w.close();
  if (rows === 0) {
    throw new ImportError(
      'empty',
      opts.hasHeader ? t('options_bulk_empty_with_header') : t('options_bulk_empty_file'),
    );
  }
  return {
    rows,
    counts,
    output: new Blob(parts, { type: 'text/csv;charset=utf-8' }),
    clean: new Blob(cleanParts, { type: 'text/csv;charset=utf-8' }),
    cleanRows,
    removed: new Blob(removedParts, { type: 'text/csv;charset=utf-8' }),
    removedRows,
    flagged,
    wideRows,
    ms: Math.round(performance.now() - t0),
  };
}
