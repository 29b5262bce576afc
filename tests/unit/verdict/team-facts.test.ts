import { describe, expect, it } from 'vitest';
import { assess } from '@/lib/risk';
import type { LookupResult } from '@/lib/store/lookup';
import { ContactSchema, type Settings } from '@/lib/store/schemas';
import { DEFAULT_SETTINGS } from '@/lib/store/settings';
import { toAnswer, toAssessInput } from '@/lib/verdict/answer';

// Issue 20, item 2: facts about the organisation are recorded once in settings and used where a contact has none.

const NOW = new Date('2026-11-30T12:00:00Z');
const PAGE = {
  emails: ['sam@samco.example'],
  profileUrls: [],
  salesNavUrls: [],
  phones: [],
  domains: [],
  rejected: [],
};
const fresh: LookupResult = { matches: [], contacts: [], identifiers: PAGE };
const hints = { country: 'GB', source: 'linkedin-profile' } as const;
const settings = (over: Partial<Settings> = {}): Settings => ({
  ...DEFAULT_SETTINGS,
  defaultSubscriber: 'corporate',
  ...over,
});

describe('team facts as defaults (issue 20, item 2)', () => {
  it('without them a fresh B2B prospect is "Check" on email', () => {
    const v = assess(toAssessInput(fresh, hints, settings(), NOW, 'Europe/London'));
    expect(v.channels.email).toBe('check');
  });

  it('with the LIA and the first-message notice, email is actionable, with the duty it implies', () => {
    const s = settings({ teamLiaAssessedAt: '2026-01-15', teamArt14InFirstMessage: true });
    const input = toAssessInput(fresh, hints, s, NOW, 'Europe/London');
    expect(input.legitimateInterestAssessmentAt).toBe('2026-01-15');
    expect(input.collectedAt).toBe('2026-11-30');
    expect(input.informedAt).toBeUndefined(); // a duty, not a notice given
    const v = assess(input);
    expect(v.reasons.map((r) => r.code)).not.toContain('lia-missing');
    expect(v.reasons.map((r) => r.code)).toContain('art14-notice-due');
    const a = toAnswer({ ...fresh, contact: undefined }, v);
    expect(a.plain).toContain('Email OK if it is about their job and has an opt-out link.');
    expect(a.plain).toContain('Include the Art. 14 privacy notice and an opt-out in your first message.');
  });

  it("the contact's own facts win over the team's", () => {
    const c = ContactSchema.parse({
      id: '00000000-0000-4000-8000-000000000009',
      keys: [],
      emails: ['sam@samco.example'],
      legitimateInterest: { assessedAt: '2026-06-01', purpose: 'p', necessity: 'n', balancing: 'b' },
      tpsScreenedAt: '2026-11-25',
      createdAt: '2026-01-01',
      updatedAt: '2026-01-01',
    });
    const s = settings({ teamLiaAssessedAt: '2026-01-15', teamScreenedAt: '2026-10-01' });
    const input = toAssessInput({ ...fresh, contact: c, contacts: [c] }, hints, s, NOW, 'Europe/London');
    expect(input.legitimateInterestAssessmentAt).toBe('2026-06-01');
    expect(input.tpsScreenedAt).toBe('2026-11-25');
  });

  it('a team screen is only a date: it does not say this number is not on TPS', () => {
    const s = settings({ teamScreenedAt: '2026-11-20' });
    const input = toAssessInput(fresh, hints, s, NOW, 'Europe/London');
    expect(input.tpsScreenedAt).toBe('2026-11-20');
    expect(input.tps).toBeUndefined();
    expect(assess(input).channels.phone).toBe('check');
  });
});
