import { type Unzipped, unzipSync } from 'fflate';
import Papa from 'papaparse';
import { ImportError } from '../store/text-source';

// Excel workbooks and zipped exports, turned into the CSV text the importer already reads well. An .xlsx
// is a zip of XML parts; we unzip with fflate (small, maintained, no dependencies) and read the few parts
// a suppression list needs (workbook, relationships, shared strings, styles for dates, one sheet) with
// a small purpose-built reader instead of a full spreadsheet library: SheetJS's npm release (0.18.5) has
// unfixed advisories, its current builds live off npm, and ExcelJS is ~1 MB for features we never use.
// Formulas are read as their cached values; nothing in the workbook is ever evaluated.

/** Uncompressed size we agree to inflate: a zip bomb fails here instead of filling the memory. */
export const MAX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export type Container = { kind: 'xlsx'; sheets: string[]; sheet: number } | { kind: 'zip'; entry: string };

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

export async function isZip(blob: Blob): Promise<boolean> {
  const head = new Uint8Array(await blob.slice(0, 4).arrayBuffer());
  return ZIP_MAGIC.every((b, i) => head[i] === b);
}

function unzip(bytes: Uint8Array, want: (name: string) => boolean): Unzipped {
  let total = 0;
  try {
    return unzipSync(bytes, {
      filter: (f) => {
        if (!want(f.name)) return false;
        total += f.originalSize;
        if (total > MAX_UNZIPPED_BYTES) {
          throw new ImportError('binary', { key: 'lists_err_zip_too_big' });
        }
        return true;
      },
    });
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError(
      'binary',
      { key: 'lists_err_zip_damaged' },
      {
        cause: e,
      },
    );
  }
}

const ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s
    .replace(/&(#x[0-9a-f]+|#\d+|lt|gt|amp|quot|apos);/gi, (_, e: string) => {
      if (e[0] === '#') {
        const code = e[1] === 'x' || e[1] === 'X' ? Number.parseInt(e.slice(2), 16) : Number(e.slice(1));
        return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : '';
      }
      return ENTITY[e.toLowerCase()] ?? '';
    })
    .replace(/_x([0-9A-Fa-f]{4})_/g, (_, h: string) => String.fromCharCode(Number.parseInt(h, 16)));
}

const ATTR_RE = new Map<string, RegExp>();

function attr(tag: string, name: string): string | undefined {
  let re = ATTR_RE.get(name);
  if (!re) {
    re = new RegExp(`\\s${name}="([^"]*)"`);
    ATTR_RE.set(name, re);
  }
  const m = re.exec(tag);
  return m ? unescapeXml(m[1] as string) : undefined;
}

/** Text of a shared or inline string: its <t> runs, without phonetic (<rPh>) runs. */
function stringText(xml: string): string {
  const noPhonetic = xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '');
  let out = '';
  for (const m of noPhonetic.matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) out += unescapeXml(m[1] as string);
  return out;
}

const decoder = new TextDecoder('utf-8');
const text = (u: Uint8Array | undefined) => (u ? decoder.decode(u) : '');

// Built-in number formats that show a date or time.
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 30, 36, 45, 46, 47, 50, 57]);

function dateStyles(stylesXml: string): Set<number> {
  const custom = new Map<number, string>();
  for (const m of stylesXml.matchAll(/<numFmt\b[^>]*>/g)) {
    const id = Number(attr(m[0], 'numFmtId'));
    custom.set(id, attr(m[0], 'formatCode') ?? '');
  }
  const isDateFormat = (id: number) => {
    if (DATE_FORMAT_IDS.has(id)) return true;
    const code = custom.get(id);
    if (code === undefined) return false;
    const bare = code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, '');
    return /[dmy]/i.test(bare) && !/^general$/i.test(bare);
  };
  const out = new Set<number>();
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(stylesXml)?.[1] ?? '';
  let i = 0;
  for (const m of xfs.matchAll(/<xf\b[^>]*>/g)) {
    if (isDateFormat(Number(attr(m[0], 'numFmtId') ?? '0'))) out.add(i);
    i++;
  }
  return out;
}

const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);

function serialToIso(n: number): string {
  const ms = EXCEL_EPOCH_MS + Math.round(n * 86_400_000);
  const iso = new Date(ms).toISOString();
  return Number.isInteger(n) ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

function numberText(v: string): string {
  // 4.4207946E+11 in the XML is a phone number typed without a plus; write it out in full.
  if (/e/i.test(v)) {
    const n = Number(v);
    if (Number.isFinite(n) && Number.isInteger(n)) return n.toFixed(0);
  }
  return v;
}

function sheetRows(xml: string, shared: readonly string[], dates: ReadonlySet<number>): string[][] {
  const rows: string[][] = [];
  for (const rm of xml.matchAll(/<row\b([^>]*)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const rowNo = Number(attr(rm[0].slice(0, rm[0].indexOf('>') + 1), 'r') ?? rows.length + 1);
    const cells: string[] = [];
    let next = 0;
    for (const cm of (rm[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const open = `<c${cm[1]}>`;
      const ref = attr(open, 'r');
      const col = ref ? columnIndex(ref) : next;
      next = col + 1;
      const type = attr(open, 't') ?? 'n';
      const body = cm[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(body)?.[1];
      let value = '';
      if (type === 's') value = shared[Number(v)] ?? '';
      else if (type === 'inlineStr') value = stringText(/<is>([\s\S]*?)<\/is>/.exec(body)?.[1] ?? '');
      else if (type === 'b') value = v === '1' ? 'TRUE' : v === '0' ? 'FALSE' : '';
      else if (type === 'str' || type === 'e' || type === 'd') value = unescapeXml(v ?? '');
      else if (v !== undefined) {
        const style = Number(attr(open, 's') ?? '0');
        const n = Number(v);
        value = dates.has(style) && Number.isFinite(n) ? serialToIso(n) : numberText(v);
      }
      while (cells.length < col) cells.push('');
      cells[col] = value;
    }
    // Rows Excel left out (empty) keep their place so that line numbers match the sheet's row numbers.
    while (rows.length < rowNo - 1) rows.push([]);
    rows.push(cells);
  }
  return rows;
}

function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.') out.push(p);
  }
  return out.join('/');
}

/** The sheet names of a workbook, and one sheet (the first by default) as CSV text. */
export function xlsxToCsv(bytes: Uint8Array, sheet = 0): { sheets: string[]; sheet: number; csv: string } {
  const meta = unzip(bytes, (n) =>
    ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/sharedStrings.xml', 'xl/styles.xml'].includes(n),
  );
  const workbook = text(meta['xl/workbook.xml']);
  if (workbook === '') throw new ImportError('binary', { key: 'lists_err_not_workbook' });
  const rels = new Map<string, string>();
  for (const m of text(meta['xl/_rels/workbook.xml.rels']).matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) rels.set(id, resolveTarget(target));
  }
  const sheets: { name: string; path: string }[] = [];
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const rid =
      attr(m[0], 'r:id') ?? /\sr:id="([^"]*)"|\s\w+:id="([^"]*)"/.exec(m[0])?.slice(1).find(Boolean);
    const path = rid ? rels.get(rid) : undefined;
    if (path) sheets.push({ name: attr(m[0], 'name') ?? `Sheet ${sheets.length + 1}`, path });
  }
  if (sheets.length === 0) throw new ImportError('empty', { key: 'lists_err_no_sheets' });
  const index = Math.min(Math.max(0, sheet), sheets.length - 1);
  const chosen = sheets[index] as { name: string; path: string };
  const shared: string[] = [];
  for (const m of text(meta['xl/sharedStrings.xml']).matchAll(/<si>([\s\S]*?)<\/si>|<si\/>/g))
    shared.push(stringText(m[1] ?? ''));
  const dates = dateStyles(text(meta['xl/styles.xml']));
  const sheetXml = text(unzip(bytes, (n) => n === chosen.path)[chosen.path]);
  const rows = sheetRows(sheetXml, shared, dates);
  // A loop, not Math.max(...rows): spreading 200,000 rows overflows the call stack.
  let width = 0;
  for (const r of rows) if (r.length > width) width = r.length;
  const csv = Papa.unparse(
    rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? '')),
    { newline: '\n', escapeFormulae: false },
  );
  return { sheets: sheets.map((s) => s.name), sheet: index, csv: `${csv}\n` };
}

const TEXT_NAME = /\.(csv|tsv|txt|tab)$/i;

/**
 * A workbook or a zipped export as a text Blob the importer reads, with what it came from; any other blob
 * unchanged. A zip must hold exactly one CSV or text file (OPTIZMO and most CRMs zip a single file).
 */
export async function openContainer(
  blob: Blob,
  sheet?: number,
): Promise<{ blob: Blob; container?: Container }> {
  if (!(await isZip(blob))) return { blob };
  const bytes = new Uint8Array(await blob.arrayBuffer());
  const names: string[] = [];
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.push(f.name);
        return false;
      },
    });
  } catch (e) {
    throw new ImportError(
      'binary',
      { key: 'lists_err_zip_damaged' },
      {
        cause: e,
      },
    );
  }
  if (names.includes('xl/workbook.xml')) {
    const x = xlsxToCsv(bytes, sheet);
    return {
      blob: new Blob([x.csv], { type: 'text/csv' }),
      container: { kind: 'xlsx', sheets: x.sheets, sheet: x.sheet },
    };
  }
  const texts = names.filter((n) => TEXT_NAME.test(n) && !n.startsWith('__MACOSX/') && !n.endsWith('/'));
  if (texts.length !== 1) {
    throw new ImportError(
      'binary',
      texts.length === 0
        ? { key: 'lists_err_zip_empty' }
        : { key: 'lists_err_zip_many', subs: [texts.length, texts.slice(0, 5).join(', ')] },
    );
  }
  const entry = texts[0] as string;
  const data = unzip(bytes, (n) => n === entry)[entry] ?? new Uint8Array(0);
  return { blob: new Blob([data as Uint8Array<ArrayBuffer>]), container: { kind: 'zip', entry } };
}
