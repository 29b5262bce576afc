import { describe, expect, it } from 'vitest';
import { initialRoles, mappingProblem, previewTable, toMapping } from '../../../lib/options/mapping';
import type { Preview } from '../../../lib/store/import';

const withHeader: Preview = {
  encoding: 'utf-8',
  delimiter: ',',
  hasHeader: true,
  headers: ['Email', 'Reason'],
  rows: [
    ['a@x.com', 'objection'],
    ['b@x.com', 'bounce'],
  ],
  suggestedMapping: {
    columns: [
      { index: 0, role: 'email' },
      { index: 1, role: 'reason' },
    ],
  },
  totalBytes: 40,
  profile: {
    id: 'plain',
    label: 'A plain list',
    roles: ['email', 'reason'],
    flags: [],
    reason: 'objection',
    channels: ['email'],
    notes: [],
  },
  dateOrder: null,
  encodingGuessed: false,
  sepLine: false,
};

const noHeader: Preview = {
  ...withHeader,
  hasHeader: false,
  headers: ['Column 1', 'Column 2'],
  rows: [
    ['a@x.com', 'objection'],
    ['b@x.com', 'bounce', 'extra'],
  ],
};

describe('previewTable', () => {
  it('keeps the detection when the user agrees with it', () => {
    expect(previewTable(withHeader, true)).toEqual({ headers: ['Email', 'Reason'], rows: withHeader.rows });
    expect(previewTable(noHeader, false).headers).toEqual(['Column 1', 'Column 2', 'Column 3']);
  });

  it('moves the header into the data when the user says there is none', () => {
    const t = previewTable(withHeader, false);
    expect(t.headers).toEqual(['Column 1', 'Column 2']);
    expect(t.rows[0]).toEqual(['Email', 'Reason']);
    expect(t.rows).toHaveLength(3);
  });

  it('takes the first row as the header when the user says there is one', () => {
    const t = previewTable(noHeader, true);
    expect(t.headers).toEqual(['a@x.com', 'objection', 'Column 3']);
    expect(t.rows).toEqual([['b@x.com', 'bounce', 'extra']]);
  });
});

describe('roles and mapping', () => {
  it('starts from the suggestion and ignores the rest', () => {
    expect(initialRoles(withHeader, 3)).toEqual(['email', 'reason', 'ignore']);
    expect(toMapping(['ignore', 'email', 'date'])).toEqual({
      columns: [
        { index: 1, role: 'email' },
        { index: 2, role: 'date' },
      ],
    });
  });

  it('explains what is wrong with a mapping before the import starts', () => {
    expect(mappingProblem(['email', 'reason'])).toBeNull();
    expect(mappingProblem(['reason', 'ignore'])).toMatch(/at least one column that holds identifiers/);
    expect(mappingProblem(['email', 'reason', 'reason'])).toBe('Only one column can be the reason.');
    expect(mappingProblem(['email', 'date', 'date'])).toBe('Only one column can be the date.');
    expect(mappingProblem(['email', 'kind'])).toMatch(/"kind" column only applies/);
    expect(mappingProblem(['auto', 'kind'])).toBeNull();
  });
});
