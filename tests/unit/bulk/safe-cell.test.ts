import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeCell } from '../../../lib/bulk/check';
import { neutraliseCell, unneutraliseCell } from '../../../lib/store/csv-cells';

// The bulk check skips the formula guard's two pattern tests for cells starting with an ASCII letter or digit:
// the result must be exactly what the guard gives, for every cell.

const tricky = fc.constantFrom(
  "'",
  '=',
  '+',
  '-',
  '@',
  ' ',
  '\t',
  '\r',
  '\n',
  '\u2212',
  '\uFF1D',
  '\u200B',
  'a',
  'Z',
  '0',
  '9',
  'é',
  '"',
);

describe('safeCell', () => {
  it('is neutraliseCell(unneutraliseCell(cell)) for any cell', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.array(tricky, { maxLength: 6 }).map((a) => a.join('')),
        ),
        (cell) => {
          expect(safeCell(cell)).toBe(neutraliseCell(unneutraliseCell(cell)));
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('still guards formulas and keeps a quote that guards nothing', () => {
    expect(safeCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(safeCell("'+44 20")).toBe("'+44 20");
    expect(safeCell("'abc")).toBe("'abc");
    expect(safeCell('abc')).toBe('abc');
  });
});
