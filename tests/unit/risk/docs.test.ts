import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEADLINE_CODES, REASON_CODES } from '../../../lib/risk';

// docs/rules.md is what a privacy officer reviews: it must name every code the engine can emit.
const doc = readFileSync(new URL('../../../docs/rules.md', import.meta.url), 'utf8');
const ROWS = 39;

describe('docs/rules.md', () => {
  it.each(Object.keys(REASON_CODES))('documents reason code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it.each(Object.keys(DEADLINE_CODES))('documents deadline code %s', (code) => {
    expect(doc).toContain(`\`${code}\``);
  });

  it('has a row for each of the 39 rules', () => {
    for (let row = 1; row <= ROWS; row++) expect(doc).toMatch(new RegExp(`^\\| ${row} \\|`, 'm'));
  });

  it('every code points at rows that exist', () => {
    for (const info of Object.values(REASON_CODES)) {
      for (const row of info.rows) expect(row).toBeGreaterThanOrEqual(1);
      for (const row of info.rows) expect(row).toBeLessThanOrEqual(ROWS);
    }
  });

  // Each row names its citation, the date it took effect and the tests that pin it down; a renamed or deleted
  // test breaks the link here instead of leaving the privacy officer a dead reference.
  const rows = doc.split('\n').filter((line) => /^\| (\d+|—) \|/.test(line));
  it.each(rows.map((r) => [r.slice(0, 60), r] as const))('row "%s…" links tests that exist', (_n, row) => {
    const cells = row.split(' | ');
    expect(cells.length, 'columns').toBe(7);
    const links = [...row.matchAll(/`([\w-]+\.test\.ts)` › "([^"]+)"/g)];
    expect(links.length).toBeGreaterThan(0);
    for (const [, file, name] of links) {
      const source = readFileSync(new URL(`./${file}`, import.meta.url), 'utf8');
      expect(source, `${file} › ${name}`).toContain(name as string);
    }
  });

  it('has a section on the changes in 2025–2026', () => {
    expect(doc).toMatch(/^## Changes in 2025–2026$/m);
  });
});
