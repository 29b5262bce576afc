// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MyDataApp } from '@/components/mydata/MyDataApp';
import { RequestComposer } from '@/components/mydata/RequestComposer';
import { RequestLog } from '@/components/mydata/RequestLog';
import { setLanguage } from '@/lib/i18n/index';
import { addIdentity, logRequest } from '@/lib/mydata/commands';
import { openSelfDb, type SelfDb } from '@/lib/mydata/db';

let db: SelfDb;
let n = 0;
beforeEach(async () => {
  db = await openSelfDb(`self-i18n-${n++}`);
  await addIdentity(db, { kind: 'email', raw: 'jane.doe@gmail.com' });
});
afterEach(() => {
  cleanup();
  db.close();
  setLanguage('en');
});

function composer(country = 'DE') {
  return render(
    <RequestComposer db={db} name="Jane Doe" country={country} defaults={{ company: 'Acme GmbH' }} />,
  );
}

describe('the My data page in German and French', () => {
  it('renders German with setLanguage("de")', async () => {
    setLanguage('de');
    render(<MyDataApp />);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Heed · Meine Daten');
    await screen.findByRole('heading', { name: 'Meine Kennungen' });
    expect(screen.getByRole('heading', { name: 'Anträge an Unternehmen' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Wie sichtbar bin ich?' })).toBeTruthy();
    expect(screen.getByRole('heading', { name: 'Meine Daten sichern' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Hinzufügen' })).toBeTruthy();
    expect(screen.getByLabelText('Sprache des Schreibens')).toBeTruthy();
    expect(document.body.textContent).not.toMatch(/My identities|Write a request|Loading/);
  });

  it('renders French with setLanguage("fr")', async () => {
    setLanguage('fr');
    render(<MyDataApp />);
    await screen.findByRole('heading', { name: 'Mes identifiants' });
    expect(screen.getByRole('heading', { name: 'Demandes aux entreprises' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Exporter Mes données' })).toBeTruthy();
  });

  it("a German page writes an English letter until the company's country says otherwise", async () => {
    setLanguage('de');
    composer();
    const letter = () => (screen.getByLabelText('Das Schreiben') as HTMLTextAreaElement).value;
    await waitFor(() => expect(letter()).toContain('jane.doe@gmail.com'));
    expect(letter()).toMatch(/^Subject: Data subject request under the GDPR, Art. 15/);
    fireEvent.change(screen.getByLabelText('Land des Unternehmens'), { target: { value: 'DE' } });
    expect((screen.getByLabelText('Sprache des Schreibens') as HTMLSelectElement).value).toBe('de');
    expect(letter()).toMatch(/^Betreff: Antrag der betroffenen Person nach Art. 15 DSGVO – Jane Doe/);
    expect(letter()).toContain('Auskunftsrecht der betroffenen Person (Art. 15 DSGVO)');
    // The page's own words stay German whatever the letter's language.
    fireEvent.change(screen.getByLabelText('Sprache des Schreibens'), { target: { value: 'fr' } });
    expect(letter()).toMatch(/^Objet : Exercice de mes droits au titre de l’article 15 du RGPD/);
    expect(screen.getByText(/Antwort fällig bis/)).toBeTruthy();
    // A chosen language is kept when the country changes again.
    fireEvent.change(screen.getByLabelText('Land des Unternehmens'), { target: { value: 'AT' } });
    expect(letter()).toContain('article 15 du RGPD');
  });

  it('logs the letter language with the request', async () => {
    composer();
    fireEvent.change(screen.getByLabelText("Company's country"), { target: { value: 'FR' } });
    fireEvent.click(screen.getByRole('button', { name: 'I sent it' }));
    await waitFor(async () => expect(await db.requests.count()).toBe(1));
    const [logged] = await db.requests.toArray();
    expect(logged?.language).toBe('fr');
    expect(logged?.companyCountry).toBe('FR');
  });

  it('the request log speaks the page language, with its dates', async () => {
    setLanguage('fr');
    await logRequest(db, {
      company: 'Acme',
      kinds: ['access', 'erasure'],
      law: 'gdpr',
      sentAt: '2020-01-01',
      dueAt: '2020-02-01',
    });
    render(<RequestLog db={db} />);
    await screen.findByText('accès, effacement');
    expect(screen.getByText('1 février 2020')).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toMatch(/^Une réponse est en retard\./);
    expect(screen.getByRole('button', { name: 'Marquer la demande à Acme comme répondue' })).toBeTruthy();
  });
});
