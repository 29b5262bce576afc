import { describe, expect, it } from 'vitest';
import { describeScan } from '@/lib/popup/scan';

describe('describeScan in side-panel-only mode', () => {
  it('says the finds are listed and the page left unmarked, not that they were marked', () => {
    const summary = { emails: 2, phones: 1, mine: [] };
    expect(describeScan({ injected: true, summary })).toContain('marked on the page');
    const listed = describeScan({ injected: true, summary, list: { emails: [], phones: [] } });
    expect(listed).toContain('found on the page');
    expect(listed).toContain('left unmarked');
    expect(listed).not.toContain('marked on the page');
  });
});
