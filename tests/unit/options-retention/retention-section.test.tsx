// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RetentionSection } from '../../../components/options/RetentionSection';
import { appDb } from '../../../lib/app-db';
import { pageNotices } from '../../../lib/notices';
import { saveContact } from '../../../lib/store/contacts';

afterEach(cleanup);

// The page's own database (appDb, fake-indexeddb): what the options page's Retention section shows and does.
describe('Retention section', () => {
  it('shows the empty state, then lists a record past retention, deletes it on confirmation, and undo brings it back', async () => {
    const db = await appDb();
    render(<RetentionSection />);
    await screen.findByText('No contact record is past its retention period.');

    const old = await saveContact(db, {
      name: 'Old Lead',
      emails: ['old@x.example'],
      retentionUntil: '2020-01-01',
    });
    await saveContact(db, { name: 'Fresh Lead', emails: ['fresh@x.example'], retentionUntil: '2999-01-01' });
    // A live query: the record saved elsewhere appears without a reload.
    await screen.findByText('1 contact record is past its retention period.');
    expect(screen.getByRole('rowheader', { name: 'Old Lead' })).toBeTruthy();
    expect(screen.queryByRole('rowheader', { name: 'Fresh Lead' })).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Delete 1 record…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Delete records' }));
    await screen.findByText('Deleted 1 contact record past retention.');
    await waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Old Lead' })).toBeNull());
    expect(await db.contacts.get(old.id)).toBeUndefined();

    const [undo] = pageNotices.snapshot();
    expect(undo?.label).toBe('Deleted 1 contact record past retention');
    await pageNotices.run(undo!.id);
    expect(await db.contacts.get(old.id)).toEqual(old);
    await screen.findByRole('rowheader', { name: 'Old Lead' });
  });
});
