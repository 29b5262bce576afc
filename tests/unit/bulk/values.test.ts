import { describe, expect, it } from 'vitest';
import { mappingProblem, previewShape, suggestBulkMapping } from '../../../lib/bulk/mapping';
import { readCountry, readStage } from '../../../lib/bulk/values';
import { previewFile } from '../../../lib/store/import';

describe('readCountry', () => {
  it.each([
    ['GB', 'GB'],
    ['gb', 'GB'],
    ['UK', 'GB'],
    [' de ', 'DE'],
    ['United Kingdom', 'GB'],
    ['London, England, United Kingdom', 'GB'],
    ['Deutschland', 'DE'],
    ['Austin, TX', 'US'],
    ['', ''],
    ['   ', ''],
  ])('%j → %j', (cell, want) => {
    expect(readCountry(cell)).toBe(want);
  });

  it('returns null for what it cannot read rather than guessing', () => {
    expect(readCountry('Atlantis')).toBeNull();
    expect(readCountry('Earth, Milky Way')).toBeNull();
  });
});

describe('readStage', () => {
  it.each([
    ['client', 'client'],
    ['Customer', 'client'],
    ['Former client', 'former-client'],
    ['former-client', 'former-client'],
    ['Churned', 'former-client'],
    ['prospect', 'prospect'],
    ['Lead', 'prospect'],
    ['suspect', 'suspect'],
    ['', ''],
  ])('%j → %j', (cell, want) => {
    expect(readStage(cell)).toBe(want);
  });

  it('returns null for an unknown word and for punctuation only', () => {
    expect(readStage('maybe later')).toBeNull();
    expect(readStage('--')).toBeNull();
  });
});

describe('suggestBulkMapping', () => {
  it('keeps identifier columns, finds country and stage by header, leaves names alone', async () => {
    const csv =
      'Name,Email,LinkedIn URL,Country,Stage,Phone\nJane,jane@example.com,https://www.linkedin.com/in/jane/,GB,client,+44 20 7946 0000\n';
    const p = await previewFile(new Blob([csv]));
    const m = suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader);
    expect(m.roles).toEqual(['ignore', 'email', 'profile', 'country', 'stage', 'phone']);
    expect(mappingProblem(m)).toBeNull();
  });

  it('does not map hash columns: a prospect file is checked on plain identifiers', async () => {
    const csv = 'md5,email\n0123456789abcdef0123456789abcdef,a@b.example\n';
    const p = await previewFile(new Blob([csv]));
    expect(suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader).roles).toEqual(['ignore', 'email']);
  });

  it('finds no country column without a header', async () => {
    const p = await previewFile(new Blob(['jane@example.com,GB\njohn@example.org,DE\n']));
    expect(p.hasHeader).toBe(false);
    expect(suggestBulkMapping(p.headers, p.suggestedMapping, p.hasHeader).roles).toEqual(['email', 'ignore']);
  });
});

describe('mappingProblem', () => {
  it('needs an identifier column', () => {
    expect(mappingProblem({ roles: ['country', 'ignore'] })).toMatch(/at least one column/);
  });
  it('refuses two country columns', () => {
    expect(mappingProblem({ roles: ['email', 'country', 'country'] })).toMatch(/Only one column/);
  });
});

describe('previewShape', () => {
  const withHeader = { headers: ['email', 'name'], rows: [['a@b.example', 'A']], hasHeader: true };
  it('keeps the detected header', () => {
    expect(previewShape(withHeader, true)).toEqual({
      headers: ['email', 'name'],
      rows: [['a@b.example', 'A']],
    });
  });
  it('turns the header back into data when the user says there is none', () => {
    expect(previewShape(withHeader, false)).toEqual({
      headers: ['Column 1', 'Column 2'],
      rows: [
        ['email', 'name'],
        ['a@b.example', 'A'],
      ],
    });
  });
  it('takes the first row as the header when the user says there is one', () => {
    const none = { headers: ['Column 1'], rows: [['email'], ['a@b.example']], hasHeader: false };
    expect(previewShape(none, true)).toEqual({ headers: ['email'], rows: [['a@b.example']] });
  });
});
