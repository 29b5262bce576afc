import { afterEach, describe, expect, it } from 'vitest';
import { setLanguage } from '@/lib/i18n/index';
import { linkedInSelfAdvice } from '@/lib/mydata/advice';
import { parseSelfBackup } from '@/lib/mydata/backup';
import { addIdentity } from '@/lib/mydata/commands';
import { openSelfDb } from '@/lib/mydata/db';
import { complaintAuthority, overdueLine } from '@/lib/mydata/followup';
import { deadlinesFor } from '@/lib/mydata/letters';
import { reminderBadge } from '@/lib/mydata/requests';
import type { RequestRecord } from '@/lib/mydata/schemas';

afterEach(() => {
  setLanguage('en');
});

const acme: RequestRecord = {
  id: 'r1',
  company: 'Acme GmbH',
  kinds: ['access', 'erasure'],
  law: 'gdpr',
  sentAt: '2026-10-01',
  dueAt: '2026-11-01',
};

describe("My data's texts outside the page follow the language setting", () => {
  it('the popup line and the toolbar reminder in German', () => {
    setLanguage('de');
    expect(overdueLine([acme], '2026-11-30')).toBe(
      '1 Antrag ist überfällig: Acme GmbH (Art. 15, 17, gesendet 1. Okt., fällig 1. Nov.)',
    );
    const many = ['A', 'B', 'C', 'D', 'E'].map((company, i) => ({ ...acme, id: `r${i}`, company }));
    const badge = reminderBadge(many);
    expect(badge?.title).toBe(
      'Heed: 5 Antworten sind überfällig (A, B, C und 2 weitere). Öffnen Sie „Meine Daten“, um nachzuhaken.',
    );
    expect(reminderBadge([acme])?.note).toBe('1 Antwort überfällig: Acme GmbH (im Pop-up nachhaken)');
  });

  it('the popup line in French, with French short dates and the year when it differs', () => {
    setLanguage('fr');
    expect(overdueLine([{ ...acme, sentAt: '2025-12-01', dueAt: '2026-01-01' }], '2026-11-30')).toBe(
      '1 demande en retard : Acme GmbH (art. 15, 17, envoyée le 1 déc. 2025, attendue le 1 janv.)',
    );
    expect(complaintAuthority(acme, 'ES').because).toBe(
      'votre pays de résidence (article 77, paragraphe 1, du RGPD)',
    );
    expect(deadlinesFor('gdpr', ['access'], '2026-01-31')[0]?.rule).toBe(
      'article 12, paragraphe 3, du RGPD : un mois à compter de la réception',
    );
  });

  it("a damaged backup and a duplicate identity are refused in the user's language", async () => {
    setLanguage('fr');
    await expect(parseSelfBackup('{')).rejects.toThrow('Le fichier n’est pas un JSON valide.');
    setLanguage('de');
    const db = await openSelfDb('texts-i18n');
    await addIdentity(db, { kind: 'email', raw: 'jane@example.org' });
    const again = await addIdentity(db, { kind: 'email', raw: 'jane@example.org' });
    expect(!again.ok && again.reason).toBe('bereits in Ihren Kennungen');
    db.close();
  });

  it("the LinkedIn advice the background sends is in the settings' language", () => {
    setLanguage('de');
    const a = linkedInSelfAdvice({ emails: ['jane@example.org'], phones: [] });
    expect(a.lines[0]).toContain('Ihre Kontaktinfo zeigt Ihre E-Mail-Adresse (jane@example.org)');
    expect(a.links[0]?.label).toBe('LinkedIn-Einstellung: Wer kann Ihre E-Mail-Adresse sehen');
  });
});
