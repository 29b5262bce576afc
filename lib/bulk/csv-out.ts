// One CSV field exactly as Papa.unparse writes it (quotes: false, escapeFormulae: false, quoteChar '"'), without
// building an array of arrays per row: the bulk check writes millions of fields and caches the ones that repeat
// (tests/unit/bulk/csv-out.test.ts checks it against papaparse itself).

/** The field, quoted (with its quotes doubled) when it holds the delimiter, a quote, a line break or a BOM, or
 * starts or ends with a space. */
export function csvField(value: string, delimiter: string): string {
  if (
    value.includes('"') ||
    value.includes('\n') ||
    value.includes('\r') ||
    value.includes('\uFEFF') ||
    value.includes(delimiter) ||
    value.charCodeAt(0) === 32 ||
    value.charCodeAt(value.length - 1) === 32
  ) {
    return `"${value.replaceAll('"', '""')}"`;
  }
  return value;
}

/** One record, no line break. */
export function csvRecord(values: readonly string[], delimiter: string): string {
  let s = '';
  for (let i = 0; i < values.length; i++) {
    if (i > 0) s += delimiter;
    s += csvField(values[i] as string, delimiter);
  }
  return s;
}
