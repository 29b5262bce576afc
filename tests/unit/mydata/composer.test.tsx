// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { RequestComposer } from '@/components/mydata/RequestComposer';
import { addIdentity } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';

let db: SelfDb;
let n = 0;
beforeEach(async () => {
  db = await openSelfDb(`self-composer-${n++}`);
  await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
  await addIdentity(db, { kind: 'email', raw: 'hidden@example.org', hashedOnly: true });
});
afterEach(() => {
  cleanup();
  db.close();
});

function renderComposer(country: string) {
  return render(<RequestComposer db={db} name="Jane Doe" country={country} defaults={{ company: 'Acme' }} />);
}

const letterText = () => (screen.getByLabelText('The letter') as HTMLTextAreaElement).value;

describe('RequestComposer', () => {
  it('for a US resident starts with a CCPA request to know, and logs CCPA kinds', async () => {
    renderComposer('US');
    expect((screen.getByLabelText('Law') as HTMLSelectElement).value).toBe('ccpa');
    expect((screen.getByLabelText(/^Know: what you collected/) as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(letterText()).toContain('- Email address: jane.doe@gmail.com'));
    expect(letterText()).toContain('§1798.110');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'I sent it' }));
    });
    await waitFor(async () => expect(await db.requests.count()).toBe(1));
    const [logged] = await db.requests.toArray();
    expect(logged?.law).toBe('ccpa');
    expect(logged?.kinds).toEqual(['ccpa-know']);
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('without a country defaults to the GDPR and asks the user to choose', () => {
    renderComposer('');
    expect((screen.getByLabelText('Law') as HTMLSelectElement).value).toBe('gdpr');
    expect(screen.getByText(/Set your country above for a suggestion/)).toBeTruthy();
  });

  it('leaves hashed-only identities out of the letter and says why', async () => {
    renderComposer('DE');
    await waitFor(() => expect(letterText()).toContain('jane.doe@gmail.com'));
    expect(letterText()).not.toContain('hidden@example.org');
    expect(screen.getByText(/1 hashed-only identity is left out/)).toBeTruthy();
  });

  it('can leave an identifier out of the letter', async () => {
    renderComposer('DE');
    const box = await screen.findByLabelText('jane.doe@gmail.com');
    fireEvent.click(box);
    expect(letterText()).not.toContain('jane.doe@gmail.com');
    expect(screen.getByText(/Add at least one of your identifiers/)).toBeTruthy();
  });

  it('asks what to correct only when a correction is requested, and quotes it', async () => {
    renderComposer('GB');
    expect(screen.queryByLabelText('What is wrong, and what is correct?')).toBeNull();
    fireEvent.click(screen.getByLabelText(/^Rectification/));
    fireEvent.change(screen.getByLabelText('What is wrong, and what is correct?'), {
      target: { value: 'My surname is Doe, not Dough.' },
    });
    expect(letterText()).toContain('My surname is Doe, not Dough.');
    expect(letterText()).toContain('UK GDPR');
  });
});
