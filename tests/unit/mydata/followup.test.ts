import { describe, expect, it } from 'vitest';
import { toolbarFor } from '@/lib/background/toolbar';
import {
  complaintAuthority,
  controllerComplaint,
  controllerFirst,
  followUpLetter,
  overdueLine,
  regulatorComplaint,
  regulatorFor,
} from '@/lib/mydata/followup';
import { reminderBadge } from '@/lib/mydata/requests';
import type { RequestRecord } from '@/lib/mydata/schemas';

const acme: RequestRecord = {
  id: 'r1',
  company: 'Acme Ltd',
  companyEmail: 'privacy@acme.example',
  kinds: ['access'],
  law: 'uk-gdpr',
  sentAt: '2026-10-01',
  dueAt: '2026-10-31',
};

describe('overdueLine', () => {
  it('names the company, the article and the dates, short', () => {
    expect(overdueLine([acme], '2026-11-30')).toBe(
      '1 request is overdue: Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)',
    );
  });
  it('counts several and gives the year when it is not this one', () => {
    const old: RequestRecord = {
      ...acme,
      id: 'r2',
      company: 'Slow Corp',
      kinds: ['access', 'erasure'],
      sentAt: '2025-01-31',
      dueAt: '2025-02-28',
    };
    expect(overdueLine([old, acme], '2026-11-30')).toBe(
      '2 requests are overdue: Slow Corp (Art. 15, 17, sent 31 Jan 2025, due 28 Feb 2025); Acme Ltd (Art. 15, sent 1 Oct, due 31 Oct)',
    );
  });
  it('is null when nothing is overdue', () => {
    expect(overdueLine([], '2026-11-30')).toBeNull();
  });
});

describe('follow-up and complaint letters', () => {
  it('a follow-up names the request date, the deadline and how late, with a draft to the company', () => {
    const l = followUpLetter({ record: acme, today: '2026-11-30', name: 'Jane Doe' });
    expect(l.body).toContain('On 1 October 2026 I sent you a request under the UK GDPR (Art. 15)');
    expect(l.body).toContain('due by 31 October 2026, 30 days ago');
    expect(l.body).toContain('Art. 12(3)');
    expect(l.body).toMatch(/Jane Doe$/);
    expect(l.mailto).toMatch(/^mailto:privacy@acme\.example\?subject=/);
  });

  it('in the UK from 19 June 2026 the complaint goes to the company first (s. 164A, 30-day acknowledgement)', () => {
    expect(controllerFirst(acme, '2026-06-18')).toBe(false);
    expect(controllerFirst(acme, '2026-06-19')).toBe(true);
    expect(controllerFirst({ ...acme, law: 'gdpr' }, '2026-11-30')).toBe(false);
    const c = controllerComplaint({ record: acme, today: '2026-11-30' });
    expect(c.body).toContain('section 164A of the Data Protection Act 2018');
    expect(c.body).toContain('within 30 days');
    expect(c.to).toBe('Acme Ltd');
  });

  it('the regulator follows the company country, then the user country (Art. 77(1)), and the UK is the Information Commission', () => {
    expect(complaintAuthority(acme, 'FR').regulator?.name).toContain('Information Commission');
    const eu = { ...acme, law: 'gdpr' as const };
    expect(complaintAuthority({ ...eu, companyCountry: 'FR' }, 'DE').regulator?.name).toContain('CNIL');
    expect(complaintAuthority(eu, 'ES')).toMatchObject({ because: 'where you live (Art. 77(1))' });
    expect(complaintAuthority(eu, 'ES').regulator?.name).toContain('AEPD');
    expect(complaintAuthority(eu, '').regulator).toBeNull();
    expect(regulatorFor('de')?.name).toContain('BfDI');
    for (const [c, word] of [
      ['IT', 'Garante'],
      ['NL', 'Autoriteit Persoonsgegevens'],
      ['IE', 'Data Protection Commission'],
    ]) {
      expect(regulatorFor(c)?.name).toContain(word);
    }
  });

  it('the regulator letter cites Art. 77 and says the company had its complaint first where the law requires it', () => {
    const uk = regulatorComplaint({ record: acme, today: '2026-11-30' });
    expect(uk.to).toContain('Information Commission');
    expect(uk.body).toContain('Article 77 of the UK GDPR');
    expect(uk.body).toContain('I first complained to the company under section 164A');
    const eu = regulatorComplaint({ record: { ...acme, law: 'gdpr' }, today: '2026-11-30' });
    expect(eu.to).toBe('the supervisory authority');
    expect(eu.body).not.toContain('164A');
  });
});

describe('the overdue reminder on tabs with a verdict', () => {
  it("a tab's tooltip carries the overdue note, since its badge text replaces the count", () => {
    const note = reminderBadge([acme])?.note ?? null;
    expect(note).toContain('1 reply overdue: Acme Ltd');
    const t = toolbarFor(
      { level: 'caution', summary: 'Check before emailing' } as Parameters<typeof toolbarFor>[0],
      note,
    );
    expect(t.title).toContain('Acme Ltd');
    expect(toolbarFor(null, null).title).not.toContain('overdue');
  });
});
