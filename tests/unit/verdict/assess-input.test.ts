import { describe, expect, it } from 'vitest';
import { AssessInputSchema } from '@/lib/risk/schema';
import type { LookupResult } from '@/lib/store/lookup';
import { type Contact, ContactInputSchema, ContactSchema } from '@/lib/store/schemas';
import { DEFAULT_SETTINGS } from '@/lib/store/settings';
import { assumedTimeZone, toAnswer, toAssessInput } from '@/lib/verdict/answer';

// Issue 13: every `check` must be liftable, so every fact the engine reads must be recordable on the contact and
// reach assess() unchanged; the page's contact visibility and the recipient's zone are wired too.

const NOW = new Date('2026-11-30T22:30:00Z');

function contact(over: Partial<Contact> = {}): Contact {
  return ContactSchema.parse({
    id: '00000000-0000-4000-8000-000000000001',
    keys: [],
    emails: ['a@b.example'],
    createdAt: '2026-01-01',
    updatedAt: '2026-01-01',
    ...over,
  });
}

function found(c?: Contact): LookupResult {
  return {
    matches: [],
    ...(c ? { contact: c } : {}),
    contacts: c ? [c] : [],
    identifiers: { emails: [], profileUrls: [], salesNavUrls: [], phones: [], domains: [], rejected: [] },
  };
}

describe('toAssessInput maps every recordable fact', () => {
  it('passes the new contact fields through unchanged and the input is valid for assess()', () => {
    const c = contact({
      country: 'US',
      consents: [{ channel: 'sms', givenAt: '2026-01-02', evidence: 'signed form #12', written: true }],
      phoneKind: 'work',
      tpsScreenedAt: '2026-11-20',
      dnc: true,
      dncScreenedAt: '2026-11-01',
      businessEmailSignOffAt: '2026-03-01',
      presumedConsent: '  Asked us to call back about pricing at the trade fair  ',
      contractActive: false,
      contractEndedAt: '2025-06-30',
      conspicuouslyPublished: true,
      businessCardAt: '2026-05-05',
      region: 'TX',
      timeZone: 'America/Chicago',
      contactVisibility: 'public',
    });
    const input = toAssessInput(found(c), { source: 'generic' }, DEFAULT_SETTINGS, NOW, 'Europe/Berlin');
    expect(input).toMatchObject({
      now: '2026-11-30T22:30:00.000Z',
      consents: [{ channel: 'sms', givenAt: '2026-01-02', evidence: 'signed form #12', written: true }],
      phoneKind: 'work',
      tpsScreenedAt: '2026-11-20',
      dnc: true,
      dncScreenedAt: '2026-11-01',
      businessEmailSignOffAt: '2026-03-01',
      presumedConsent: 'Asked us to call back about pricing at the trade fair',
      contractActive: false,
      contractEndedAt: '2025-06-30',
      conspicuouslyPublished: true,
      businessCardAt: '2026-05-05',
      region: 'TX',
      timeZone: 'America/Chicago',
      contactVisibility: 'public',
    });
    expect(input).not.toHaveProperty('charity');
    expect(() => AssessInputSchema.parse(input)).not.toThrow();
  });

  it('leaves unrecorded facts absent, never filled in as permission', () => {
    const input = toAssessInput(found(contact()), { source: 'generic' }, DEFAULT_SETTINGS, NOW, 'UTC');
    for (const k of ['phoneKind', 'dnc', 'contractActive', 'conspicuouslyPublished', 'contactVisibility'])
      expect(input).not.toHaveProperty(k);
  });

  it('charity comes from Settings (a team fact)', () => {
    const settings = { ...DEFAULT_SETTINGS, charity: true };
    expect(toAssessInput(found(), { source: 'generic' }, settings, NOW, 'UTC').charity).toBe(true);
  });

  it("contactVisibility: the recorded value wins over the page's, the page's is used when nothing is recorded", () => {
    const page = { source: 'linkedin-profile' as const, contactVisibility: 'connections-only' as const };
    expect(toAssessInput(found(), page, DEFAULT_SETTINGS, NOW, 'UTC').contactVisibility).toBe(
      'connections-only',
    );
    expect(toAssessInput(found(contact()), page, DEFAULT_SETTINGS, NOW, 'UTC').contactVisibility).toBe(
      'connections-only',
    );
    const recorded = contact({ contactVisibility: 'public' });
    expect(toAssessInput(found(recorded), page, DEFAULT_SETTINGS, NOW, 'UTC').contactVisibility).toBe(
      'public',
    );
    const unknown = { source: 'generic' as const, contactVisibility: 'unknown' as const };
    expect(toAssessInput(found(), unknown, DEFAULT_SETTINGS, NOW, 'UTC')).not.toHaveProperty(
      'contactVisibility',
    );
  });

  it('refuses a time zone the browser does not know and a malformed region', () => {
    expect(() => ContactInputSchema.parse({ timeZone: 'Mars/Olympus' })).toThrow(/IANA/);
    expect(() => ContactInputSchema.parse({ region: 'texas' })).toThrow(/subdivision/);
    expect(() => ContactInputSchema.parse({ phoneKind: 'mobile' })).toThrow();
  });
});

describe('the recipient time zone for calling hours', () => {
  it('is the recorded zone, else the only zone of the country, else the browser zone, and says which', () => {
    expect(assumedTimeZone({ timeZone: 'America/Denver' }, 'US', 'Europe/Berlin')).toEqual({
      zone: 'America/Denver',
      from: 'recorded',
    });
    expect(assumedTimeZone(undefined, 'GB', 'America/New_York')).toEqual({
      zone: 'Europe/London',
      from: 'country',
    });
    // Several zones: not guessed from the country.
    expect(assumedTimeZone(undefined, 'US', 'America/New_York')).toEqual({
      zone: 'America/New_York',
      from: 'browser',
    });
    const input = toAssessInput(found(), { source: 'generic', country: 'DE' }, DEFAULT_SETTINGS, NOW, 'UTC');
    expect(input.timeZone).toBe('Europe/Berlin');
  });

  it('the answer carries the assumed zone', () => {
    const verdict = {
      level: 'ok' as const,
      channels: {
        email: 'allowed',
        sms: 'allowed',
        phone: 'allowed',
        post: 'allowed',
        inmail: 'allowed',
      } as const,
      reasons: [],
      deadlines: [],
    };
    const a = toAnswer(found(), verdict, { zone: 'Europe/London', from: 'country' });
    expect(a.assumedTimeZone).toEqual({ zone: 'Europe/London', from: 'country' });
  });
});
