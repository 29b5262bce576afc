import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEADLINE_CODES, REASON_CODES } from '../../../lib/risk';

// docs/rules.md is what a privacy officer reviews: it must name every code the engine can emit.
const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');

describe('docs/rules.md', () => {
  it.each(Object.keys(REASON_CODES))('documents reason code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it.each(Object.keys(DEADLINE_CODES))('documents deadline code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it('has a row for each of the 20 rules', () => {
    for (let row = 1; row <= 20; row++) expect(doc).toMatch(new RegExp(`^\\| ${row} \\|`, 'm'));
  });

  it('every code points at rows that exist', () => {
    for (const info of Object.values(REASON_CODES)) {
      for (const row of info.rows) expect(row).toBeGreaterThanOrEqual(1);
      for (const row of info.rows) expect(row).toBeLessThanOrEqual(20);
    }
  });
});
