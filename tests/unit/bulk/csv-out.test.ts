import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecord } from '../../../lib/bulk/csv-out';

// The bulk check writes its files with csvRecord instead of Papa.unparse: the bytes must be the same.
const tricky = fc.constantFrom('"', ',', ';', '\t', '|', ' ', '\r', '\n', '\uFEFF', 'a', 'é', "'", '=', '');
const cell = fc.oneof(
  fc.string(),
  fc.array(tricky, { maxLength: 8 }).map((a) => a.join('')),
);

describe('csvRecord', () => {
  it.each([',', ';', '\t', '|'])('writes what Papa.unparse writes (delimiter %j)', (delimiter) => {
    fc.assert(
      fc.property(fc.array(cell, { minLength: 1, maxLength: 6 }), (cells) => {
        const papa = Papa.unparse([cells], {
          delimiter,
          newline: '\r\n',
          header: false,
          escapeFormulae: false,
        });
        expect(csvRecord(cells, delimiter)).toBe(papa);
      }),
      { numRuns: 2000 },
    );
  });

  it('quotes what needs quoting', () => {
    expect(csvField('a "b"', ',')).toBe('"a ""b"""');
    expect(csvField(' x', ',')).toBe('" x"');
    expect(csvField('a,b', ';')).toBe('a,b');
    expect(csvField('a;b', ';')).toBe('"a;b"');
    expect(csvField('', ',')).toBe('');
  });
});
