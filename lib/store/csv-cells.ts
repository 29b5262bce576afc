import Papa from 'papaparse';

// Spreadsheets run a cell that starts with = + - @ (and, in some, tab, CR or LF) as a formula (OWASP "CSV
// injection"). Several also skip leading spaces of any kind (no-break, ideographic, zero-width…) and read
// full-width ＝ ＋ － ＠ (and the small forms, and the minus sign) as their ASCII twins. Exports prefix such
// cells with a single quote, which spreadsheets show as text (a phone number stays "+44 …", readable).
// The rule also covers cells that already start with quotes before a trigger, so that the importer can
// strip exactly one quote back and every value survives the round trip: "=x" -> "'=x" -> "=x", and
// "'=x" -> "''=x" -> "'=x".
const NEEDS_GUARD =
  /^'*(?:[\t\r\n]|[\s\u180E\u200B-\u200D\u2060]*[=+\-@\u2212\uFE62\uFE63\uFE66\uFE6B\uFF0B\uFF0D\uFF1D\uFF20])/;
const GUARDED =
  /^'+(?:[\t\r\n]|[\s\u180E\u200B-\u200D\u2060]*[=+\-@\u2212\uFE62\uFE63\uFE66\uFE6B\uFF0B\uFF0D\uFF1D\uFF20])/;

export function neutraliseCell(value: string): string {
  return NEEDS_GUARD.test(value) ? `'${value}` : value;
}

/** Inverse of neutraliseCell; also undoes the apostrophe spreadsheet users type to force text. */
export function unneutraliseCell(cell: string): string {
  return GUARDED.test(cell) ? cell.slice(1) : cell;
}

/** One CSV record (no line break), every cell neutralised and quoted as needed. */
export function csvRow(cells: readonly string[]): string {
  return Papa.unparse([cells.map(neutraliseCell)], { escapeFormulae: false, newline: '\r\n', header: false });
}

export function csvTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const data = [header.map(neutraliseCell), ...rows.map((r) => r.map(neutraliseCell))];
  const body = Papa.unparse(data, { escapeFormulae: false, newline: '\r\n', header: false });
  return `${body}\r\n`;
}
